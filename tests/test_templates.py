"""The template contract: templates read only what `EmailContext` holds, and README lists it."""

from __future__ import annotations

import dataclasses
import types
import typing
from pathlib import Path

import jinja2
import jinja2.meta
import jinja2.nodes
import pytest

from conftest import ISSUE_DATE
from digest.config import Brand, Config, Footer, Theme
from digest.errors import TemplateError
from digest.model import Digest, MergeTags, Quote, Story
from digest.render.compose import (
    INLINE_CSS,
    ROOT_TEMPLATE,
    environment,
    render_mjml,
    template_dirs,
)
from digest.render.context import EmailContext, FooterView, StoryView
from digest.render.slots import SlotView

PACKAGED = template_dirs()[-1]
TEMPLATES = sorted(p.relative_to(PACKAGED).as_posix() for p in PACKAGED.rglob("*.j2"))
# What each template is rendered with: inline.css.j2 alone; the rest inside digest.mjml.j2,
# where partials/story.mjml.j2 also sees the loop's `story` (and partials/slot.mjml.j2 `slot`).
ROOT_NAMES = typing.get_type_hints(EmailContext)
NAMES = {INLINE_CSS: {"theme": Theme}}

FULL = Story(
    headline="Ferry timetable changes",
    byline="Ada Lindgren",
    lead=("One.", "Two.", "Three."),
    quotes=(Quote("We were not asked", "Tomas Berg"), Quote("Second", None)),
    url="https://news.example/ferry",
    image="https://news.example/ferry.jpg",
)
EVERYTHING = Config(
    intro="An intro.",
    issue_number=3,
    brand=Brand(url="https://news.example", logo="https://news.example/logo.png"),
    footer=Footer(
        address="1 Quay Road",
        unsubscribe_url="https://news.example/u",
        web_url="https://news.example/w",
    ),
)


def _plain(kind: object) -> object:
    """`Quote | None` -> Quote, `tuple[StoryView, ...]` -> StoryView: what a name or loop holds."""
    args = [a for a in typing.get_args(kind) if a is not type(None) and a is not Ellipsis]
    if isinstance(kind, types.UnionType) or typing.get_origin(kind) is tuple:
        return args[0] if len(args) == 1 else None
    return kind


def _parse(name: str, dirs: tuple[Path, ...]) -> jinja2.nodes.Template:
    env = environment(dirs)
    assert env.loader is not None
    return env.parse(env.loader.get_source(env, name)[0])


def _attribute_slips(name: str, dirs: tuple[Path, ...] = (PACKAGED,)) -> list[str]:
    """Every `x.field` in the template whose `x` is a context dataclass without that field."""
    ast = _parse(name, dirs)
    names: dict[str, object] = dict(NAMES.get(name, ROOT_NAMES))
    names["story"], names["number"], names["slot"] = StoryView, int, SlotView

    def kind_of(node: jinja2.nodes.Node) -> object:
        if isinstance(node, jinja2.nodes.Name):
            return _plain(names.get(node.name))
        if isinstance(node, jinja2.nodes.Getattr):
            owner = kind_of(node.node)
            if dataclasses.is_dataclass(owner) and isinstance(owner, type):
                hints = typing.get_type_hints(owner)
                if node.attr not in hints:
                    slips.append(f"{name}: {owner.__name__} has no field {node.attr!r}")
                    return None
                return _plain(hints[node.attr])
        return None

    slips: list[str] = []
    for assign in ast.find_all(jinja2.nodes.Assign):  # {% set t = theme %} and the like
        targets = assign.target.items if isinstance(assign.target, jinja2.nodes.Tuple) else []
        values = assign.node.items if isinstance(assign.node, jinja2.nodes.Tuple) else []
        for target, value in zip(targets or [assign.target], values or [assign.node], strict=True):
            if isinstance(target, jinja2.nodes.Name):
                names[target.name] = kind_of(value)
    for getattr_node in ast.find_all(jinja2.nodes.Getattr):
        kind_of(getattr_node)
    return slips


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_template_reads_only_names_the_context_has(name: str) -> None:
    ast = _parse(name, (PACKAGED,))
    given = set(NAMES.get(name, ROOT_NAMES)) | (
        {"story", "number", "slot"} if name != INLINE_CSS else set()
    )
    assert jinja2.meta.find_undeclared_variables(ast) <= given
    assert _attribute_slips(name) == []


def test_a_field_the_story_lacks_is_caught(tmp_path: Path) -> None:
    partial = (PACKAGED / "partials" / "story.mjml.j2").read_text(encoding="utf-8")
    slipped = partial.replace("story.image_alt", "story.photo_credit")
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "story.mjml.j2").write_text(slipped, encoding="utf-8")
    assert _attribute_slips("partials/story.mjml.j2", (tmp_path, PACKAGED)) == [
        "partials/story.mjml.j2: StoryView has no field 'photo_credit'"
    ]
    digest = Digest(title="T", date=ISSUE_DATE, stories=(FULL,))
    with pytest.raises(TemplateError, match=r"story\.mjml\.j2: line \d+: .*photo_credit"):
        render_mjml(digest, Config(), tmp_path)


@pytest.mark.parametrize(
    ("config", "merge"),
    [(Config(), None), (EVERYTHING, MergeTags("*|UNSUB|*", "*|ARCHIVE|*", "*|FNAME|*"))],
)
def test_every_branch_renders_with_the_context(config: Config, merge: MergeTags | None) -> None:
    bare = Story(headline="Bare", byline=None, lead=())
    digest = Digest(title="T", date=ISSUE_DATE, stories=(FULL, bare), intro=config.intro)
    mjml = render_mjml(digest, config, merge=merge)  # StrictUndefined: a slip would raise
    assert "Ferry timetable changes" in mjml and "Bare" in mjml
    assert "Three." not in mjml  # the lead is cut to lead_paragraphs


def test_readme_lists_every_field_templates_receive() -> None:
    readme = (Path(__file__).parent.parent / "templates" / "README.md").read_text("utf-8")
    for name in ROOT_NAMES:
        assert f"`{name}`" in readme, name
    for view, prefix in ((StoryView, "story."), (FooterView, ""), (Quote, "quote.")):
        for field in dataclasses.fields(view):
            assert f"`{prefix}{field.name}`" in readme, field.name
    for section in (Brand, Theme, MergeTags):
        for field in dataclasses.fields(section):
            assert f"`{field.name}`" in readme, field.name
    for filter_name in ("longdate", "css", "breakable", "safe_url"):
        assert f"`{filter_name}`" in readme
    assert ROOT_TEMPLATE in readme and INLINE_CSS in readme


def test_the_context_holds_exactly_what_the_templates_read() -> None:
    asts = [_parse(name, (PACKAGED,)) for name in TEMPLATES]
    names = set().union(*(jinja2.meta.find_undeclared_variables(ast) for ast in asts))
    read: dict[str, set[str]] = {"story": set(), "footer": set()}
    for ast in asts:
        for node in ast.find_all(jinja2.nodes.Getattr):
            if isinstance(node.node, jinja2.nodes.Name) and node.node.name in read:
                read[node.node.name].add(node.attr)
    assert names - {"story", "number", "slot"} == set(ROOT_NAMES)  # no field nobody reads
    assert read["story"] == {f.name for f in dataclasses.fields(StoryView)}
    assert read["footer"] == {f.name for f in dataclasses.fields(FooterView)}
