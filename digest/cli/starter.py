"""`digest init`: a starter digest.toml, and templates/ with a note (or the whole theme).

Nothing is overwritten unless `force` is given: every target is checked before
the first file is written, so a refused run leaves the folder as it was.
"""

from __future__ import annotations

from pathlib import Path

from digest.atomic import write_atomic
from digest.config import CONFIG_NAME
from digest.errors import OutputError
from digest.render.compose import template_dirs

STARTER_CONFIG = """\
# digest.toml: settings for `digest build` (every key is optional; delete what you keep as is).
# Unknown keys and wrong types are errors, so a typo never passes silently.

title = "Don't Miss a Story"
lang = "en"                      # <html lang>; "ar", "he", "fa", "ur" also set right-to-left
# intro = "A word from the editor, shown under the masthead."
# issue_number = 1
lead_paragraphs = 2              # the lead story's paragraphs; the others show one
lead_words = 80                  # each lead is cut at the last whole sentence within this
quote_words = 40                 # the pull quote: the first quote this short, or none
button = "Continue reading"      # the link under each story
contents = true                  # "In this issue" under the intro, from three stories up
max_stories = 20                 # build refuses more (--max-stories N keeps the first N)
# preheader = "Inbox preview text, 40-130 characters (default: the intro or first story)"

[brand]
name = "The Weekly Digest"
# url = "https://news.example"               # linked in the footer
# logo = "https://news.example/logo.png"     # shown instead of the name (https only)
# logo_alt = "The Weekly Digest"             # default: the brand name
logo_width = 180

[theme]
# Colours as #rrggbb. Keep 4.5:1 contrast between text and card in both schemes.
accent = "#b4232c"
on_accent = "#ffffff"
text = "#1f2328"
muted = "#59606a"
background = "#eef0f3"
card = "#ffffff"
rule = "#d5d9de"
dark_accent = "#ff9d96"
dark_text = "#e8eaed"
dark_muted = "#a9b1bb"
dark_background = "#121418"
dark_card = "#1c1f24"
dark_rule = "#3a3f47"
# Fonts every device has: no web font is loaded.
font = "Georgia, 'Times New Roman', Times, serif"
meta_font = "Helvetica, Arial, sans-serif"

[footer]
text = "You are receiving this email because you signed up for our newsletter."
# Anti-spam laws and Gmail/Yahoo need both of these before you send:
# address = "The Weekly Digest, 1 Harbour Street, Riverside"
# unsubscribe_url = "https://news.example/unsubscribe"
# web_url = "https://news.example/newsletter/{issue}/"   # where `digest archive` is published

# Each build here is recorded in .digest/editions.sqlite: it numbers the issues, starts
# feeds at the last edition and leaves out stories already sent (`digest editions`).
# [editions]
# path = ".digest/editions.sqlite"
"""


TEMPLATES_NOTE = """\
# Your templates

`digest build` looks in this folder first, then in the built-in theme. To change
one part of the email, copy just that template here under the same name and
edit it, for example the story block:

    mkdir -p templates/partials
    cp {packaged}/partials/story.mjml.j2 templates/partials/

A template kept here replaces the built-in one for good, later fixes to the
theme included, so keep only the ones you change. {packaged}/README.md lists
what each template receives. `digest init --with-templates` copies all of them.
"""


def starter_files(folder: Path, with_templates: bool = False) -> dict[Path, bytes]:
    """Target path -> content: digest.toml, and a note on templates/ or every template."""
    files = {folder / CONFIG_NAME: STARTER_CONFIG.encode("utf-8")}
    packaged = template_dirs()[-1]
    if not with_templates:
        note = TEMPLATES_NOTE.format(packaged=packaged)
        files[folder / "templates" / "README.md"] = note.encode("utf-8")
        return files
    for source in sorted(packaged.rglob("*.j2")):
        files[folder / "templates" / source.relative_to(packaged)] = source.read_bytes()
    return files


def init_project(folder: Path, force: bool = False, with_templates: bool = False) -> list[Path]:
    """Write the starter files into `folder`; returns the paths written."""
    files = starter_files(folder, with_templates)
    existing = [path for path in files if path.exists()]
    if existing and not force:
        shown = [str(p.relative_to(folder)) for p in existing[:3]]
        names = ", ".join(shown) + (" ..." if len(existing) > 3 else "")
        raise OutputError(f"{names}: already there; nothing written (use --force to overwrite)")
    for path, content in files.items():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{path.parent}: cannot create ({exc.strerror})") from exc
        write_atomic(path, content)
    return list(files)
