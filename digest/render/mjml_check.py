"""Validate the MJML in the templates: mjml-python passes unknown tags and attributes
silently into the email, so a typo or a broken override is caught here, by file and line.

Each template file is checked as written (Jinja code blanked out, lines kept):
every `mj-*` tag must be known, carry only its own attributes, sit inside a
parent MJML allows, and be closed in the same file.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from functools import lru_cache

import jinja2
import jinja2.meta

from digest.errors import TemplateError

_BOX = {"padding", "padding-top", "padding-bottom", "padding-left", "padding-right"}
_BORDER = {"border", "border-top", "border-bottom", "border-left", "border-right", "border-radius"}
_FONT = {
    "color", "font-family", "font-size", "font-style", "font-weight", "line-height",
    "letter-spacing", "text-decoration", "text-transform", "align", "container-background-color",
}  # fmt: skip
_BACKGROUND = {
    "background-color", "background-url", "background-repeat", "background-size",
    "background-position", "background-position-x", "background-position-y",
}  # fmt: skip
_LINK = {"href", "rel", "target", "title", "name"}
_ANY = None  # a tag whose attributes are not checked (rare components, mj-all, mj-class)
# Tag -> its attributes (besides css-class and mj-class, which every body tag takes).
ATTRIBUTES: dict[str, set[str] | None] = {
    "mjml": {"lang", "dir", "owa"},
    "mj-head": set(),
    "mj-body": {"background-color", "width"},
    "mj-title": set(),
    "mj-preview": set(),
    "mj-style": {"inline"},
    "mj-raw": {"position"},
    "mj-font": {"name", "href"},
    "mj-breakpoint": {"width"},
    "mj-include": {"path", "type", "css-inline"},
    "mj-attributes": set(),
    "mj-all": _ANY,
    "mj-class": _ANY,
    "mj-section": _BOX | _BORDER | _BACKGROUND | {"direction", "full-width", "text-align"},
    "mj-wrapper": _BOX | _BORDER | _BACKGROUND | {"direction", "full-width", "text-align", "gap"},
    "mj-group": {"background-color", "direction", "vertical-align", "width"},
    "mj-column": _BOX
    | _BORDER
    | {"background-color", "direction", "vertical-align", "width", "inner-background-color"}
    | {"inner-border", "inner-border-radius"}
    | {f"inner-border-{side}" for side in ("top", "bottom", "left", "right")},
    "mj-text": _BOX | _FONT | {"height"},
    "mj-image": _BOX
    | _BORDER
    | _LINK
    | {"alt", "src", "srcset", "sizes", "width", "height", "align", "usemap"}
    | {"container-background-color", "fluid-on-mobile", "full-width"},
    "mj-button": _BOX
    | _BORDER
    | _FONT
    | _LINK
    | {"background-color", "height", "width", "inner-padding", "text-align", "vertical-align"},
    "mj-divider": _BOX
    | {"align", "border-color", "border-style", "border-width", "width"}
    | {"container-background-color"},
    "mj-spacer": _BOX | {"height", "container-background-color"},
    "mj-table": _BOX
    | _FONT
    | {"border", "cellpadding", "cellspacing", "role", "table-layout", "width"},
    "mj-social": _ANY,
    "mj-social-element": _ANY,
    "mj-navbar": _ANY,
    "mj-navbar-link": _ANY,
    "mj-hero": _ANY,
    "mj-accordion": _ANY,
    "mj-accordion-element": _ANY,
    "mj-accordion-title": _ANY,
    "mj-accordion-text": _ANY,
    "mj-carousel": _ANY,
    "mj-carousel-image": _ANY,
}
_CONTENT = {"mj-text", "mj-button", "mj-image", "mj-divider", "mj-spacer", "mj-table"}
_CONTENT |= {"mj-social", "mj-navbar", "mj-accordion", "mj-carousel", "mj-raw"}
# Parent -> the MJML tags allowed directly inside it.
CHILDREN: dict[str, set[str]] = {
    "mjml": {"mj-head", "mj-body", "mj-include", "mj-raw"},
    "mj-head": {"mj-title", "mj-preview", "mj-style", "mj-raw", "mj-font", "mj-breakpoint"}
    | {"mj-attributes", "mj-include"},
    "mj-body": {"mj-section", "mj-wrapper", "mj-hero", "mj-raw", "mj-include"},
    "mj-wrapper": {"mj-section", "mj-hero", "mj-raw", "mj-include"},
    "mj-section": {"mj-column", "mj-group", "mj-raw", "mj-include"},
    "mj-group": {"mj-column", "mj-raw"},
    "mj-column": _CONTENT | {"mj-include"},
    "mj-hero": _CONTENT,
}
# Their content is HTML or CSS, not MJML: not parsed as MJML by the compiler either.
_ENDING = {"mj-text", "mj-button", "mj-raw", "mj-style", "mj-title", "mj-preview", "mj-table"}
_COMMON = {"css-class", "mj-class"}

_JINJA = re.compile(r"\{#.*?#\}|\{\{.*?\}\}|\{%.*?%\}", re.S)
_TAG = re.compile(r"<(/?)(mjml|mj-[\w-]+)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>")
_ATTR = re.compile(r"([^\s=/]+)(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?")


def check_templates(env: jinja2.Environment, root: str) -> None:
    """Check `root` and every template it includes; raise TemplateError at the first problem."""
    seen: set[str] = set()
    todo = [root]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(_checked(env, name))


# Environment -> name -> (is the file unchanged?, the templates it includes), for checks
# that passed: a warm render (the preview loop) then costs a stat per template, not a parse.
_Passed = dict[str, tuple[Callable[[], bool] | None, tuple[str, ...]]]
_PASSED: weakref.WeakKeyDictionary[jinja2.Environment, _Passed] = weakref.WeakKeyDictionary()


def _checked(env: jinja2.Environment, name: str) -> tuple[str, ...]:
    """Check one template; the names it includes."""
    passed = _PASSED.setdefault(env, {})
    known = passed.get(name)
    if known is not None and known[0] is not None and known[0]():
        return known[1]
    assert env.loader is not None
    try:
        source, filename, uptodate = env.loader.get_source(env, name)
        included = _included(env, source)
    except jinja2.TemplateNotFound:
        return ()  # rendering names the missing template, with the line that wants it
    except jinja2.TemplateSyntaxError:
        return ()  # rendering reports it first, with the file and line
    check_source(source, filename or name)
    passed[name] = (uptodate, included)
    return included


@lru_cache(maxsize=64)
def _included(env: jinja2.Environment, source: str) -> tuple[str, ...]:
    """The templates `source` includes by name (parsing costs more than the rest)."""
    found = jinja2.meta.find_referenced_templates(env.parse(source))
    return tuple(name for name in found if name)


@lru_cache(maxsize=64)
def check_source(source: str, filename: str) -> None:
    """Raise TemplateError('FILE: line N: problem; fix') for the first MJML mistake."""
    text = _JINJA.sub(lambda m: "\n" * m.group(0).count("\n") or " ", source)
    stack: list[tuple[str, int]] = []
    for match in _TAG.finditer(text):
        closing, tag, attrs, selfclosing = match.groups()
        line = text.count("\n", 0, match.start()) + 1
        where = f"{filename}: line {line}"
        if tag not in ATTRIBUTES:
            raise TemplateError(f"{where}: unknown MJML tag <{tag}>; check its spelling")
        if closing:
            _close(stack, tag, where)
            continue
        _check_attributes(tag, attrs, where, stack)
        parent = stack[-1][0] if stack else None
        if parent in CHILDREN and tag not in CHILDREN[parent]:
            raise TemplateError(f"{where}: <{tag}> cannot go inside <{parent}>; move it")
        if parent in _ENDING:
            raise TemplateError(f"{where}: <{tag}> inside <{parent}>, whose content is HTML")
        if not selfclosing:
            stack.append((tag, line))
    if stack:
        tag, line = stack[-1]
        raise TemplateError(f"{filename}: line {line}: <{tag}> is never closed; add </{tag}>")


def _close(stack: list[tuple[str, int]], tag: str, where: str) -> None:
    if not stack:
        return  # closes a tag opened in the template that includes this one
    opened, line = stack.pop()
    if opened != tag:
        raise TemplateError(
            f"{where}: </{tag}> closes <{opened}> from line {line}; add </{opened}> first"
        )


def _check_attributes(tag: str, attrs: str, where: str, stack: list[tuple[str, int]]) -> None:
    inside_attributes = bool(stack) and stack[-1][0] == "mj-attributes"
    known = ATTRIBUTES[tag]
    if inside_attributes:  # <mj-text color=...> in mj-attributes sets defaults for mj-text
        known = _ANY if tag in ("mj-all", "mj-class") else known
    if known is _ANY:
        return
    allowed = known | (_COMMON if tag not in ("mjml", "mj-head", "mj-include") else set())
    for name in _ATTR.findall(attrs):
        if name not in allowed:
            raise TemplateError(
                f"{where}: <{tag}> has no attribute '{name}'; "
                f"known: {', '.join(sorted(allowed)) or 'none'}"
            )
