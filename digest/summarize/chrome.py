"""Recognise site chrome: menus, ads, share buttons, captions, comments, dates, code.

Every rule here is generic page vocabulary or shape (a line that ends with a photo
credit, a "3 days ago" stamp, a run of one-word menu items), never a site's name.
"""

from __future__ import annotations

import re

from digest.summarize.blocks import Block, capitals, wordset
from digest.summarize.names import name_shaped, opens_with_name

# Patterns are written in lower case and matched against lower-cased text: several
# times faster than re.IGNORECASE, and this runs on every block of every page.
_I = 0
# Short blocks that are wholly chrome (menus, ads, share and sign-in buttons).
_CHROME_LINE = re.compile(
    r"^(?:advertisement|advertising|ad|ads|sponsored|sponsorisé|promoted|paid (?:post|partner)|"
    r"report this ad|(?:skip|jump) to (?:main )?(?:content|navigation|search)|accessibility.*|"
    r"sign ?in|sign ?up|"
    r"log ?in|log ?out|login|logout|register|my account|my profile|edit profile|subscribe|"
    r"menu|search|home|close|share|tweet|email|print|pin it|reblog|like|comment|reply|follow|"
    r"following|more|next|previous|undo|show more|read more|load more|back to top|"
    r"facebook|twitter|linkedin|whatsapp|pinterest|reddit|instagram|youtube|rss|tumblr|"
    r"messenger|permalink|fullscreen|thumbnails|bookmark(?:ed)?|recommend(?:ed)?|tags|topics|"
    r"save|saved|gift|listen|play|watch|copy link|link copied|print this page|"
    r"\d+ of \d+|(?:toggle|hide|show) caption|enlarge (?:this )?(?:image|photo))"
    r"[\s:!.>›»|]*$",  # noqa: RUF001
    _I,
)
_CHROME_PHRASE = re.compile(
    r"\b(?:share (?:on|via|this|by)|follow (?:us|me|on)|sign up (?:for|to)|newsletters?|"
    r"subscribe (?:to|now)|in your inbox|cookie (?:policy|settings|preferences|consent)|"
    r"(?:use|accept) (?:all )?cookies|privacy policy|terms (?:of|and) "
    r"(?:use|service|conditions)|all rights reserved|copyright|©|"
    r"promoted (?:links|content|stories)|sponsored (?:links|content|stories)|"
    r"(?:you )?might also like|you may also like|recommended (?:for you|by|stories)|"
    r"around the web|related (?:posts|articles|stories|content|reads|topics|videos|links)|"
    r"more (?:stories|on this story|from|videos|news)|most (?:popular|read|viewed|watched|shared)|"
    r"trending (?:now|articles|stories)|read (?:the )?next|up next|next (?:story|article|post)|"
    r"get (?:our|the) app|download (?:our|the) app|view (?:the )?gallery|"
    r"min read|learn more|advertise with us|contact us|about us|"
    r"don'?t miss|enable javascript|javascript is disabled|accept all|manage preferences|"
    r"listen to this (?:article|story)|continue reading|continues below|scroll to continue|"
    r"this (?:article|story) is more than \w+ (?:years?|months?) old|"
    r"this (?:article|story|piece) (?:first |originally )?(?:appeared|appears|was published)|"
    r"^editor['\u2019]s note\b|"
    r"^(?:update|updated|correction)\s*:|gift this article|read in app|\d+ min listen|"
    r"affiliate links?|disclosure (?:policy|statement)|earn (?:a )?commission|sponsored by|"
    r"^(?:tags|tagged|topics|filed under|categories|labels)\s*:|^related\s*:)"
    r"(?:(?<![a-z])|(?![a-z]))",  # whole words: "about us", not "about using"
    _I,
)
_COMMENT = re.compile(
    r"\bnotify of\b|\binline feedbacks?\b|\bview (?:all )?comments\b|"
    r"\bmost voted\b|\bleave a (?:reply|comment)\b|\bpost (?:a )?comment\b|"
    r"^\d[\d,.]*k?\s*(?:comments?|messages|replies|responses|reactions)\b|"
    r"\b(?:show|load|hide) (?:more )?comments\b|\bjoin the (?:conversation|discussion)\b|"
    r"\bcomments? (?:are )?(?:closed|policy)\b|\bcommenting policy\b|\bplease comment\b|"
    r"\bwe (?:welcome|would love) your (?:comments|thoughts)\b|"
    r"\b(?:in|here|click|tap) to comment\b|^(?:\d+\s+)?comments?$|^reply to\b|"
    r"\bwhat are your thoughts\b|\bcomment data\b",
    _I,
)
# A comment's time stamp stands apart ("Ana R. 2 hours ago", "3 days ago · Reply"); in a
# sentence ("the plant closed a year ago after ...") it is the story's own words.
_AGO = re.compile(
    r"(?:^|[^\s\w,]\s*|(?:^|\s)\S*[^\W_a-z]\S*\s)"  # start, a mark, or a name
    r"(?:\d+|a|an|one)\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago"
    r"(?=\s*$|\s*[^\w\s,]|\s+[A-Z])",
)
# Sort controls of a comment thread: "Newest | Oldest | Most voted".
_SORT = re.compile(r"\b(?:oldest\b.*\bnewest|newest\b.*\boldest)\b", _I)
_CREDIT_START = re.compile(
    r"^(?:media|image|photo|video) caption\b|^(?:enlarge|expand|zoom)(?: image)?\s*/|"
    r"^(?:media caption|image caption|caption|main image|top image|image|photo(?:graph)?s?|"
    r"picture|pictured|top photo|illustration|video|credit|source|clockwise from \w+|"
    r"above|left|right|from left)\b\s*(?:by\b|:|,|\||\.{2,}|…)|"
    r"^in this (?:photo|image|picture|file photo)\b",
    _I,
)
_CREDIT_END = re.compile(
    r"(?:\b(?:photo(?:graph)?|image|picture|illustration|credit|source)s?\s*(?:by|:|©|\.{2,}|…)\s*"
    r"[^.!?]{1,80}|getty images?|shutterstock|\bafp\b|\bap photo\b|/\s*reuters|"
    r"\breuters\s*/|\bcourtesy(?: of)?\b[^.!?]{1,60}|©[^.!?]{1,60})\s*\)?$",
    _I,
)
# A caption that ends its sentence with a credit in brackets: "(Ana Ruiz / Agency)",
# "(Agency: Ana Ruiz)".
_PAREN_CREDIT = re.compile(r"[.!?]\s*\([^()]{0,50}[/:][^()]{0,50}\)$")
# A caption that ends its sentence with an agency or photographer in capitals.
_CAPS_RUN = capitals("0-9/&.,'’ \\-", 3, "51")  # noqa: RUF001
_CAPS_CREDIT = re.compile(rf"[.!?)\]]\s+{_CAPS_RUN}$")
_DATE = re.compile(
    r"\b(?:\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?,?\s+\d{4}|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b,?"
    r"(?:\s+\d{4})?|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}:\d{2}\s*(?:[ap]\.?m)?|"
    r"\d{1,2}\.\d{2}\s*(?:[ap]\.?m\b|utc|gmt|[ecmp][sd]t|bst|cet))",
    _I,
)
_DATE_WORDS = re.compile(
    r"\b(?:posted|published|updated|first published|last (?:modified|updated)|on|at|am|pm|"
    r"utc|gmt|e[sd]t|p[sd]t|bst|cet|mon|tue|wed|thu|fri|sat|sun|\w+day|today|yesterday|min|"
    r"read|ago|\d+[hdm])\b",
    _I,
)
_CODE = re.compile(
    r"[{};]\s*$|^\s*(?://|/\*|#include|import |from \S+ import|def |var |const |"
    r"let |function\b|<[a-z!/])|=>|\)\s*\{|</\w+>"
)


_CHROME_WORDS = wordset(
    """
    share tweet email print pin it reblog like comment follow following facebook twitter
    linkedin whatsapp pinterest reddit more bookmark bookmarked recommend recommended
    close undo next previous sign log in out up register login logout subscribe search
    menu home about archive archives rss contact faq help careers jobs
    """
)


def spaced(text: str) -> str:
    """Unglue words a scraper ran together ("Nolan22 Dec", "PressDecember 2")."""
    text = re.sub(r"(?<=[^\W\d_])(?=\d)", " ", text)
    return re.sub(r"(?<=[a-z])(?=[A-Z][a-z]+\.? \d)", " ", text)


_DIGIT = re.compile(r"\d")
_COUNTER = re.compile(r"[\d\s.,:/%()+\-•·|]*[kKmM]?")


# Chrome speaks to the reader ("Sign up for our newsletter", "You may also like"); a
# news sentence using the same words ("The race is sponsored by a local bank.") does not.
_READER = re.compile(
    r"\b(?:you|your|yours|our|us|we)\b|(?:^|[.!?]\s+)(?:sign|subscribe|follow|share|learn|read|get|"
    r"download|don'?t|do not|click|tap|enable|accept|listen|continue|scroll|advertise|"
    r"contact|view|join|gift|manage|see|watch|support|discover|explore)\b"
)
# Legal lines and lines about the page itself are chrome even as full sentences.
_LEGAL = re.compile(
    r"©|all rights reserved|copyright \d|cookie|javascript|\bthis (?:article|story|piece|page)\b"
)


def has_date(text: str) -> bool:
    """A date or a time of day anywhere in the text."""
    return bool(_DIGIT.search(text)) and bool(_DATE.search(spaced(text).lower()))


def _about_the_world(block: Block, low: str) -> bool:
    """A full sentence in the third person: the story's words, even with chrome words in it."""
    return (
        block.words >= 8
        and block.ends_sentence
        and not _READER.search(low)
        and not _LEGAL.search(low)
    )


def is_chrome(block: Block) -> str | None:
    """Why a block is page chrome, or None when it may be content."""
    text = block.text
    if block.words > 25:
        return None  # a paragraph: chrome is short
    low = text.lower()
    if _CHROME_LINE.match(low):
        return "menu or button"
    words = re.findall(r"[^\W\d_]+", low) if block.words <= 8 else []
    if words and all(w in _CHROME_WORDS for w in words):
        return "menu or button"
    if block.words <= 6 and _COUNTER.fullmatch(text):
        return "counter or number"
    if _CHROME_PHRASE.search(low) and not _about_the_world(block, low):
        return "site chrome (share, subscribe, related, legal)"
    marks = sum(text.count(c) for c in "|›»>") + text.count(" / ")  # noqa: RUF001
    if marks >= 2 and block.words <= 20:
        return "menu, breadcrumb or site title"
    return None


_COMMENT_HINTS = wordset(
    "ago comment notify feedback voted newest repl conversation discussion response "
    "thoughts messages reactions"
)
_CREDIT_HINTS = wordset(
    "photo image picture illustration credit source getty shutterstock afp reuters courtesy ©"
)


def is_comment(block: Block) -> bool:
    # A cheap look for the vocabulary first: the full pattern is slow on every block.
    if block.words > 30:
        return False
    low = block.text.lower()
    if not any(h in low for h in _COMMENT_HINTS):
        return False
    if _COMMENT.search(low) or (block.words <= 8 and _SORT.search(low)):
        return True
    return "ago" in low and bool(_AGO.search(block.text))


def is_date(block: Block) -> bool:
    """A dateline alone: a date or time and little else."""
    if block.words > 16 or not _DIGIT.search(block.text):
        return False
    text = spaced(block.text).lower()
    if not _DATE.search(text) and not re.search(r"\b\d+[hdm]\b", text):
        return False
    rest = _DATE.sub(" ", text)
    rest = _DATE_WORDS.sub(" ", rest)
    return len(re.findall(r"[^\W\d_]{3,}", rest)) <= 2


def is_caption(block: Block) -> str | None:
    """Why a block looks like a photo caption or credit, or None."""
    text = block.text
    if _CREDIT_START.match(text.lower()):
        return "caption (starts like a caption)"
    tail = text[-120:]  # credits sit at the end: no need to scan a whole paragraph
    low = tail.lower()
    if any(h in low for h in _CREDIT_HINTS) and _CREDIT_END.search(low):
        return "caption (ends with a credit)"
    if block.words <= 40 and _PAREN_CREDIT.search(tail):
        return "caption (ends with a credit)"
    ends_upper = not text[-1:].islower() and not text.endswith(("”", '"'))
    if block.words >= 6 and ends_upper and _CAPS_CREDIT.search(tail):
        return "caption (ends with a credit)"
    return None


def is_code(block: Block) -> bool:
    """Code samples: lines ending in braces or semicolons, markup, keywords."""
    hits = sum(1 for line in block.lines if _CODE.search(line))
    return hits >= max(1, len(block.lines) // 2)


# "Name is ...": the name between the two is checked apart (names.name_shaped), and it
# cannot hold the lower-case verb, so it ends where the first one starts.
_BIO_LEAD_IN = re.compile(r"(?:about the author:?\s*)?")
_BIO_VERB = re.compile(
    r"\s+(?:is|was|has|covers|writes|joined|arrives|lives|teaches|holds|reports)\b"
)
_BIO_WORDS = re.compile(
    r"\b(?:reporter|writer|journalist|editor|correspondent|columns?|columnist|contributor|"
    r"author of|degree|graduate|covers|freelance|follow (?:him|her|them)|"
    r"email (?:him|her|them)|@\w)",
    re.IGNORECASE,
)


def is_bio(block: Block) -> bool:
    """An author's biography: "Name is a reporter who covers ...", "Name has a degree"."""
    return (
        block.words <= 90
        and _starts_with_a_name(block.text)
        and bool(_BIO_WORDS.search(block.text))
    )


def _starts_with_a_name(text: str) -> bool:
    lead_in = _BIO_LEAD_IN.match(text)
    start = lead_in.end() if lead_in else 0
    verb = _BIO_VERB.search(text, start) if opens_with_name(text, start) else None
    return verb is not None and name_shaped(text[start : verb.start()])
