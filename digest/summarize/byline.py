"""Find the author's name(s): "By ..." lines, a name beside the date, a signature.

Looked for first between the headline and the lead, where pages print bylines,
then in the footer ("Written by", "About the author") and in a closing signature.
"""

from __future__ import annotations

import re
from functools import lru_cache

from digest.summarize import chrome
from digest.summarize.blocks import UPPER, Block, capitals
from digest.summarize.names import is_name, name_shaped, opens_with_name, proper_case
from digest.summarize.page import BY_LINE, CHROME, COMMENT, DATE, MENU, PROSE, Page

_CUT = re.compile(
    r"\s*(?:@|\||;|•|·|—|–|\s-\s|\b(?:edited|photographs?|photos|illustrations?) by\b|"  # noqa: RUF001
    r"\bon\b|\bat\b|\bupdated\b|\bpublished\b|\d|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d).*$",
    re.IGNORECASE,
)
_ROLE = re.compile(r"\(([^)]*)\)")
_NOT_AUTHOR_ROLE = re.compile(r"photo|picture|illustrat|graphic|video|image|edit", re.IGNORECASE)
_JOB = re.compile(
    r"\b(?:reporter|editor|writer|correspondent|columnist|contributor|staff|journalist|"
    r"author|producer|critic|analyst)s?\b",
    re.IGNORECASE,
)
_STAFF = re.compile(
    r"^(?:our|by our)\s+(?:\w+\s+){0,2}(?:staff|correspondents?|reporters?|team)$", re.IGNORECASE
)
# The name in a signature, footer, sign-off or "Name in Place" line is matched loosely by
# what stands around it, then checked by names.name_shaped: a name cannot hold a comma,
# a dash or a separator, so the loose match ends just where NAME would.
_SIGNATURE_DASH = re.compile(r"[.!?\"”]\s*[—–]\s*")  # noqa: RUF001
_FOOTER_SEPARATOR = re.compile(r"[—–|·•]")  # noqa: RUF001
_NAME_END = re.compile(
    "\\s+[\u2022\u00b7|\u2014\u2013-]\\s+"
)  # "Ana Ruiz • 8h", "Ana Ruiz - May 3"
_DATED_BY = re.compile(r"^(.{4,40}?)\s+(?=by\s)", re.IGNORECASE)
# "Ana Ruiz, Staff Writer": the name (up to the comma) is checked by is_name after.
_NAME_COMMA_JOB = re.compile(
    r"^([^,]+),\s+(?:[\w-]+\s+){0,3}(?:reporter|editor|writer|correspondent|columnist|"
    r"contributor|journalist|critic)s?$",
    re.IGNORECASE,
)
_AT_PLACE = re.compile(rf"\s+(?:in|at)\s+(?:the\s+)?[{UPPER}][^\d@]{{0,50}}$")
# A sign-off under the last paragraph: "— Ana Ruiz" or "— Ana Ruiz, Chair".
_SIGN_OFF = re.compile(r"^[\u2014\u2013-]\s*([^,]+?)(?:,\s*[^,\d@()]{1,40})?$")
_CREDIT_LINE = re.compile(
    r"^[(\[]?(?:reporting|written|words|text|story|posted) by\b", re.IGNORECASE
)
FOOTER_REACH = 12
_LEAD_IN = re.compile(r"(?:\bby|about the author|written by)\s*:?$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def by_line(text: str) -> str | None:
    """Authors from a "By ..." line: dates, handles and photographers cut off."""
    text = text.strip()
    if text[:1] + text[-1:] in ("()", "[]"):
        text = text[1:-1]  # "(Reporting by Ana Ruiz)"
    text = chrome.spaced(text)
    match = BY_LINE.match(text)
    dated = _DATED_BY.match(text)
    if not match and dated and chrome.is_date(_as_block(dated.group(1))):
        match = BY_LINE.match(text[dated.end(1) :].strip())  # "3/14/2016 8:05 AM BY ANA RUIZ"
    if not match:
        return None
    rest = _CUT.sub("", match.group(1))
    if len(rest.split()) > 14:
        return None
    names = _authors(rest)
    if not names:
        return None
    return ", ".join(names) if len(names) > 2 else " and ".join(names)


def _authors(rest: str) -> list[str]:
    """The people in "Ana Ruiz (reporting), Tom Vale, Science Editor and Lee Park"."""
    people = []
    for part in re.split(r"\s*(?:,|&|\band\b)\s*", rest):
        part = _capitals_first(part)
        role = _ROLE.search(part)
        if role and _NOT_AUTHOR_ROLE.search(role.group(1)):
            continue
        part = _ROLE.sub("", part).strip(" ,.;:")
        if part:
            people.append(part)
    # "Ana Ruiz, Science Correspondent": the job title is not a second author.
    named = [p for p in people if not _JOB.search(p)] or people
    if any(len(p.split()) > 1 for p in named):
        # "Ana Ruiz, London" or "Ana Ruiz, Reuters": a lone word is a place or an agency.
        named = [p for p in named if len(p.split()) > 1]
    names = [p for p in named if 1 <= len(p.split()) <= 5]
    return names if len(names) == len(named) else []


_CAPS_WORD = capitals(".'\\-", 2)
_CAPS_LAST_WORD = capitals("'\\-", 2)
_CAPS_THEN_WORDS = re.compile(rf"^((?:{_CAPS_WORD}\s+){{1,3}}{_CAPS_LAST_WORD})\s+[{UPPER}][a-z]")


def _capitals_first(part: str) -> str:
    """ "ANA RUIZ Coastal Press": the name is the part in capitals, an outlet follows."""
    match = _CAPS_THEN_WORDS.match(part)
    return match.group(1) if match else part


def name_block(page: Page, i: int) -> str | None:
    """A block (or one of its lines) that is a bare name next to a date, job or button."""
    if ("named", i) in page.memo:
        return page.names.get(i)
    found = page.names[i] = _name_block(page, i)
    page.memo["named", i] = True  # asked again and again by the headline and byline rules
    return found


def _name_block(page: Page, i: int) -> str | None:
    block = page.blocks[i]
    if i + 1 < len(page.blocks) and by_line(page.blocks[i + 1].text):
        return None  # the "By" line under it is the byline; this is a short title
    for n, line in enumerate(block.lines):
        line = _NAME_END.split(line)[0].strip()
        placed = _placed(line)
        if placed and is_name(placed):
            # "Ana Ruiz in Lyon", "Ana Ruiz at the Town Hall": the shape of a byline,
            # and the story may start right under it.
            if block.text == line and _story_under(page, i):
                return placed
            line = placed
        if _STAFF.match(line):
            return line
        titled = _NAME_COMMA_JOB.match(line)
        if titled and name_shaped(titled.group(1)) and is_name(titled.group(1)):
            return titled.group(1)  # "Ana Ruiz, Staff Writer"
        if not is_name(line):
            continue
        others = [x for k, x in enumerate(block.lines) if k != n]
        if others and any(_meta(_as_block(x)) for x in others):
            return line
        if block.text != line and _meta(_as_block(block.text[len(line) :])):
            return line
        if any(_meta(page.blocks[j]) for j in _neighbours(page, i)):
            return line
        if i + 1 < len(page.blocks) and _bio_of(line, page.blocks[i + 1]):
            return line  # an author box: the name, then "Name is a columnist who ..."
    return None


def _placed(line: str) -> str | None:
    """The name in "Ana Ruiz in Lyon" or "Ana Ruiz at the Town Hall"."""
    place = _AT_PLACE.search(line) if opens_with_name(line) else None
    return line[: place.start()] if place and name_shaped(line[: place.start()]) else None


def _story_under(page: Page, i: int) -> bool:
    return i + 1 < len(page.blocks) and page.labels[i + 1].kind == PROSE


def _neighbours(page: Page, i: int) -> list[int]:
    """The blocks on each side, looking past one short line ("Ana Ruiz / The Post / May 3")."""
    near = [j for j in (i - 1, i + 1) if 0 <= j < len(page.blocks)]
    if i + 2 < len(page.blocks) and page.blocks[i + 1].words <= 3:
        near.append(i + 2)
    if i >= 2 and page.blocks[i - 1].words <= 4:
        near.append(i - 2)  # "May 3 / Heard on Morning News / Ana Ruiz"
    return near


def _bio_of(name: str, block: Block) -> bool:
    return block.text.startswith(name) and chrome.is_bio(block)


def _as_block(text: str) -> Block:
    return Block(0, text.strip(), (text.strip(),), 0)


def _meta(block: Block) -> bool:
    text = block.text.strip(" •·|")
    return (
        chrome.is_date(block)
        or bool(_JOB.search(text) and block.words <= 8)
        or bool(re.search(r"\bfollow\b|\bmin read\b|^share\b|^tweet\b", text, re.IGNORECASE))
        or bool(re.fullmatch(r"\d+[hdm]|\d+\s+(?:hours?|days?|min)\s*(?:ago)?", text))
    )


def is_meta(page: Page, i: int) -> bool:
    """A date, "By" line or byline name: what sits between a headline and its story."""
    found = page.memo.get(("meta", i))
    if found is None:
        block = page.blocks[i]
        found = (
            page.labels[i].kind == DATE or bool(by_line(block.text)) or bool(name_block(page, i))
        )
        page.memo["meta", i] = found  # asked again and again while scoring headlines
    return found


def find_byline(
    page: Page, headline: int | None, lead: int | None
) -> tuple[str | None, int | None]:
    """The byline and the block it came from; (None, None) when the page has none."""
    first = max(0, (headline if headline is not None else page.start) - 8)
    last = lead if lead is not None else page.start
    header = [i for i in range(first, max(first, last)) if i != headline]
    # A "By" line first: a bare name is weaker evidence (a short title looks like one too).
    for i in header:
        found = by_in_block(page, i)
        if found:
            return finish(found, page), i
    for i in header:
        found = _header_byline(page, i)
        if found:
            return finish(found, page), i
    # The footer is just after the story; past it come comments and other stories' bylines.
    for i in range(page.start, min(len(page.blocks), page.end + FOOTER_REACH)):
        if page.labels[i].kind == COMMENT and i >= page.end:
            break
        found = footer_byline(page, i)
        if found:
            return finish(found, page), i
    return None, None


def by_in_block(page: Page, i: int) -> str | None:
    # Line by line: "Written by Ana Ruiz and Tom Vale" may share a block with "Edited by Lee Park".
    lines = page.blocks[i].lines
    found = next(filter(None, map(by_line, lines)), None) if len(lines) > 1 else None
    return found or by_line(page.blocks[i].text)


def _header_byline(page: Page, i: int) -> str | None:
    found = by_in_block(page, i)
    if found or (page.labels[i].kind == CHROME and page.labels[i].reason != MENU):
        return found
    return name_block(page, i)


def footer_byline(page: Page, i: int) -> str | None:
    text = page.blocks[i].text
    after = page.blocks[i + 1].text if i + 1 < len(page.blocks) else ""
    if _LEAD_IN.search(text) and is_name(after):
        return after
    if _CREDIT_LINE.match(text):
        found = by_line(text)  # "(Reporting by Ana Ruiz; Editing by Tom Vale)"
        if found:
            return found
    signed = sign_off(text)
    if signed and is_name(signed) and ends_body(page, i):
        return signed
    signature = _signature(text)
    if signature and is_name(signature) and page.start <= i < page.end + 2:
        return signature
    # "Ana Ruiz — 2024-05-01 — in Notes": a name, then a date with its year.
    name = _footer_name(text)
    if name and is_name(name) and re.search(r"\d{4}", text[len(name) :]):
        return name
    return None


def _footer_name(text: str) -> str | None:
    """The name before the first separator of "Ana Ruiz — 2024-05-01 — in Notes"."""
    separator = _FOOTER_SEPARATOR.search(text) if opens_with_name(text) else None
    if not separator or not text[separator.end() :].strip():
        return None
    name = text[: separator.start()].rstrip()
    return name if name_shaped(name) else None


def sign_off(text: str) -> str | None:
    """The name in "— Ana Ruiz" or "— Ana Ruiz, Chair" (a whole block)."""
    found = _SIGN_OFF.match(text)
    return found.group(1) if found and name_shaped(found.group(1)) else None


def _signature(text: str) -> str | None:
    """The name closing a paragraph: "... as it always was." — Ana Ruiz"."""
    end = len(text.rstrip())
    for dash in _SIGNATURE_DASH.finditer(text):
        if name_shaped(text[dash.end() : end]):
            return text[dash.end() : end]
    return None


def ends_body(page: Page, i: int) -> bool:
    """No paragraph of the story comes after block i."""
    return not any(page.labels[j].kind == PROSE for j in range(i + 1, page.end))


def finish(name: str, page: Page) -> str:
    text = "\n".join(b.text for b in page.blocks)
    return proper_case(re.sub(rf"\s+(?=[^{UPPER}\w])", " ", name).strip(), text)


def is_job(text: str) -> bool:
    """ "Staff Writer", "Senior Correspondent": a job title, not a name."""
    return bool(_JOB.search(text)) and len(text.split()) <= 5
