"""Who said it: reporting verbs, pronouns, and the fullest form of a name.

A quote is attributed within its own paragraph ("... ," Ms Vale said; She added:
"..."; according to ...). A pronoun points back to the last named speaker, and a
surname alone is written as the page names the person most fully.
"""

from __future__ import annotations

import re
from collections import Counter

from digest.summarize.blocks import UPPER, wordset
from digest.summarize.names import PARTICLES, TITLES, is_name

VERBS = (
    r"(?:said|says|say|told|tells|asked|asks|added|adds|wrote|writes|tweeted|posted|"
    r"explained|explains|noted|notes|stated|states|continued|continues|recalled|recalls|"
    r"insisted|insists|argued|argues|warned|warns|claimed|claims|acknowledged|admitted|"
    r"admits|replied|replies|answered|declared|announced|complained|remarked|observed|"
    r"conceded|concluded|concludes|urged|exclaimed|joked|jokes|laughed|shouted|cautioned|"
    r"disagreed|disagrees|agreed|agrees|responded|responds|suggested|suggests|predicted|"
    r"predicts|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|pointed out|points out|countered|"
    r"counters|testified|vowed|vows|pledged|promised|promises|confirmed|confirms|maintained|"
    r"maintains|contended|contends|reflected|reflects|mused|quipped|recounted|recounts|"
    r"sighed|boasted|went on|goes on)"
)
_ABBREVIATED = (
    "Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Cmdr|Sgt|Maj|Adm|Cpl|Pvt|Det|"
    "Insp|Supt|Rev|Hon|Fr|Atty|Amb|Pres|Brig"
)
# A trailing dot only on initials and honorifics, so a name never runs on into the
# next sentence ("... said Ana Ruiz. Later ...").
# An initial and a word share their capital: [{UPPER}] is costly to compile (see names.py).
_TOKEN = (
    rf"(?:(?:{_ABBREVIATED})\.|"
    rf"[{UPPER}](?:\.|[^\W_]*(?:['’\-][^\W_]+)*(?![’']t\b)))"  # noqa: RUF001
)
_PARTICLE = r"(?:" + "|".join(sorted(PARTICLES)) + r")"
PROPER = rf"{_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_TOKEN}){{0,5}}"
_PROPER_RE = re.compile(PROPER)


def proper_at(text: str, start: int) -> str | None:
    """The capitalised phrase (PROPER) starting at text[start], if one does."""
    found = _PROPER_RE.match(text, start)
    return found.group(0) if found else None


PRONOUNS = frozenset(["he", "she", "they", "it", "i", "we"])
_NOUNS = (
    r"(?:report|study|statement|source|sources|company|agency|group|spokesman|spokeswoman|"
    r"spokesperson|police|ministry|department|government|court|official|officials|survey|"
    r"letter|post|tweet|author|authors|researchers|organisation|organization|firm|team)"
)
_FUNCTION = wordset(
    """
    the a an but and when then as in on at for if so while after before since although
    though yet or nor because with by from to of this that these those it its there here
    what why how who where which his her their our my your one
    """
)
# Between a subject and its verb: an adverb or auxiliary, or "got up and".
_LY = (
    r",?(?:\s+(?:\w+ly|also|later|then|once|again|has|had|have|would|will)"
    r"|(?:\s+[a-z]+){1,3}\s+and)?"
)
_APPOSITION = r"(?:(?:his|her|their|its|the|an?)\s+(?:[a-z]+\s+){0,2}[a-z]+,\s+)?"
SUBJECT = (
    rf"(?:{_APPOSITION}(?:the\s+|an?\s+)?(?:[a-z]+\s+){{0,2}}{PROPER}|he|she|they|it|I|we|"
    rf"the\s+{_NOUNS})"
)
_BEFORE = re.compile(rf"(?:^|[\s,(])({SUBJECT}){_LY}\s+{VERBS}\b[^.!?“”\"]{{0,80}}$", re.UNICODE)
# "Ana Ruiz, who runs the shop, said": an apposition may sit between name and verb.
_AFTER_SV = re.compile(
    rf"^[\s,;:—–\-]*({SUBJECT})(?:,[^,“”\"]{{1,80}},)?{_LY}\s+{VERBS}\b"  # noqa: RUF001
)
# "said chief inspector Ana Ruiz", "according to the report": the verb and the name are
# found one after the other with HAS_VERB and _PROPER_RE, not compiled into one more
# pattern each (PROPER and VERBS cost a millisecond or so to compile, at every start).
_MARKS = re.compile(r"[\s,;:—–\-]*")  # noqa: RUF001
_SPACES = re.compile(r"\s+")
_LOWER_WORD = re.compile(r"[a-z]+\s+")
_THE = re.compile(r"the\s+")
_THE_NOUN = re.compile(rf"the\s+{_NOUNS}")
_ACCORDING_TO = re.compile(r"according to\s+")


_ORG = rf"{_TOKEN}(?:\s+(?:(?:of|on|and|for|the|de)\s+)*{_TOKEN}){{0,8}}"
# A sentence that opens with a name, perhaps with an apposition: "Mr. Vale, 68, said".
_SUBJECT_START = re.compile(rf"(?:^|[.!?]\s+)({PROPER})(?=(?:,[^,.]{{1,60}},)?,?\s+[a-z])")


# A job title or kin word in lower case between a capitalised word and the name: "Team
# captain Ana Ruiz", "Her sister Ana" (but not "A key Facebook approach").
_TITLE_WORDS = re.compile(r"\s+(?:[a-z]+\s+)?([a-z]+)\s+")
_PERSON_NOUNS = TITLES | wordset(
    """
    member captain manager leader officer worker resident owner founder teacher farmer nurse
    doctor student neighbour neighbor friend colleague partner wife husband sister brother
    mother father son daughter aunt uncle cousin grandmother grandfather widow widower
    """
)


def recent_subject(text: str, book: NameBook, first: bool = False) -> str | None:
    """The named subject of the last (or first) sentence in `text` that starts with a name."""
    matches = list(_SUBJECT_START.finditer(text))
    for match in matches if first else reversed(matches):
        titled = _titled(text, match.end())
        if titled and titled[0] in _PERSON_NOUNS:
            # "Council member Ana Ruiz", not "Council"; "Her sister Ana", not "Her".
            titled_name = trim_name(titled[1])
            if titled_name and titled_name.lower() not in PRONOUNS and book.is_name(titled_name):
                return titled_name
        name = clean_speaker(match.group(1))
        if name and name.lower() not in PRONOUNS and book.is_name(name):
            return name
    return None


def _titled(text: str, at: int) -> tuple[str, str] | None:
    """(title, name) in " member Ana Ruiz" or " team captain Ana Ruiz" at text[at:]."""
    words = _TITLE_WORDS.match(text, at)
    named = _PROPER_RE.match(text, words.end()) if words else None
    return (words.group(1), named.group(0)) if words and named else None


def last_said(text: str, book: NameBook) -> str | None:
    """The last person `text` reports as saying something ("Mr Vale said ...")."""
    for match in reversed(list(SAID.finditer(text))):
        name = clean_speaker(match.group(1))
        if name and name.lower() not in PRONOUNS and name[:1].isupper() and book.is_name(name):
            return name
    return None


_AFTER_PREPOSITION = re.compile(r"\b(?:in|at|from|to|of|for|on|near|into|across|with)\s+$")


def last_named(text: str, book: NameBook) -> str | None:
    """The last person's full name in `text` ("our secretary, Ana Ruiz, was not surprised").

    Two words or more, shaped like a name, and not after a preposition ("in New York").
    """
    for match in reversed(list(_PROPER_RE.finditer(text))):
        name = trim_name(match.group(0).rstrip("."))
        if len(name.split()) < 2 or not is_name(name):
            continue
        if not _AFTER_PREPOSITION.search(text[max(0, match.start() - 8) : match.start()]):
            return name
    return None


def named_in(text: str, book: NameBook) -> str | None:
    """Who a pronoun in or after `text` points to: its subject, speaker, or person named."""
    return recent_subject(text, book) or last_said(text, book) or last_named(text, book)


def author_of(noun_phrase: str, text: str) -> str | None:
    """Who made "the report": the name after "report ... by" earlier in the text."""
    noun = noun_phrase.split()[-1]
    pattern = rf"\b{re.escape(noun)}\b[^.!?]{{0,80}}?\bby\s+(?:the\s+)?({_ORG})"
    found = re.search(pattern, text)
    return found.group(1) if found else None


_PREPOSITION = re.compile(r"\b(?:of|in|at|from|for|on|to|with|about)\s")
HAS_VERB = re.compile(rf"\b{VERBS}\b")
SAID = re.compile(rf"(?:^|[\s,(])({SUBJECT}){_LY}\s+{VERBS}\b")
_LAST_SENTENCE = re.compile(r"[^.!?]*[.!?]\s*$")


def speaker_before(text: str) -> str | None:
    """Speaker of a quote that follows `text` ("Ms Vale said: ")."""
    match = _BEFORE.search(text)
    if match:
        return match.group(1)
    # "Vale said the plan had worked. “...”": the sentence before names the speaker.
    last = _LAST_SENTENCE.search(text)
    if last:
        said = SAID.search(last.group(0))
        if said:
            return said.group(1)
    end = text[-80:]
    return next(filter(None, (_source(end, m.end()) for m in _ACCORDING_TO.finditer(end))), None)


def speaker_after(text: str) -> str | None:
    """Speaker of a quote that `text` follows ("," Ms Vale said.)."""
    match = _AFTER_SV.match(text)
    if match:
        return match.group(1)
    named = _verb_then_speaker(text)
    # "said chief inspector Ana Ruiz" names her; "said the mayor of Lyon" does not name Lyon.
    if named and not _PREPOSITION.search(named):
        return named
    rest = text.lstrip(" ,;—–-")  # noqa: RUF001
    according = _ACCORDING_TO.match(rest)
    return _source(rest, according.end()) if according else None


def _verb_then_speaker(text: str) -> str | None:
    """Who follows the reporting verb at the start: "said Ana Ruiz", "says the report"."""
    marks = _MARKS.match(text)
    verb = HAS_VERB.match(text, marks.end() if marks else 0)
    space = _SPACES.match(text, verb.end()) if verb else None
    if not space:
        return None
    at = word = space.end()
    for _ in range(4):  # "said chief inspector Ana Ruiz": up to three words before the name
        named = _PROPER_RE.match(text, word)
        if named:
            return text[at : named.end()]
        skipped = _LOWER_WORD.match(text, word)
        if not skipped:
            break
        word = skipped.end()
    pronoun = next((p for p in ("he", "she", "they", "it") if text.startswith(p, at)), None)
    noun = _THE_NOUN.match(text, at)
    return pronoun or (noun.group(0) if noun else None)


def _source(text: str, at: int) -> str | None:
    """Who "according to" names at text[at:]: (the) a capitalised name, or "the report"."""
    the = _THE.match(text, at)
    named = (
        (_PROPER_RE.match(text, the.end()) if the else None)
        or _PROPER_RE.match(text, at)
        or _THE_NOUN.match(text, at)
    )
    return text[at : named.end()] if named else None


_PROXY = re.compile(
    r"\b(?:spokes(?:man|woman|person)|representative|lawyer|attorney|aide|publicist|agent|"
    r"friend|source|sources|relative|adviser|advisor)s?\s+(?:for|of|to|close to)\s+(?:the\s+)?$"
)


def clean_speaker(raw: str) -> str | None:
    """The name inside a speaker phrase, or the pronoun or noun phrase; None if unusable."""
    raw = raw.strip(" ,")
    if raw.lower() in PRONOUNS:
        return raw.lower()
    if re.fullmatch(rf"the\s+{_NOUNS}", raw, re.IGNORECASE):
        return raw
    names = _PROPER_RE.findall(raw)
    if not names:
        return None
    name = names[-1]
    if _PROXY.search(raw[: raw.rfind(name)]):
        return raw  # "a spokesperson for Ana Ruiz" speaks for her; the quote is not hers
    if raw.lower().startswith("the ") and raw.endswith(name) and raw[4:].strip() == name:
        return raw  # an organisation: "the Water Board"
    name = trim_name(name)
    if not name or name.split()[0].lower() in _FUNCTION or re.search(r"n[’']t\b", name):  # noqa: RUF001
        return None
    return name


def trim_name(name: str) -> str:
    """Drop function words and everything up to a title: "Then Mr Vale" -> "Vale"."""
    tokens = name.split()
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k].strip(".").lower() in TITLES and k < len(tokens) - 1:
            tokens = tokens[k + 1 :]
            break
    while tokens and tokens[0].lower() in _FUNCTION:
        tokens = tokens[1:]
    return " ".join(tokens)


_SENTENCE_START = re.compile(r"(?:^|[.!?:\"“”]\s*)$")


class NameBook:
    """The capitalised phrases of the body, to write a surname as its fullest form."""

    def __init__(self, text: str) -> None:
        self.forms: Counter[str] = Counter()
        self.inside: set[str] = set()  # capitalised in mid-sentence somewhere, so a name
        for part in text.split("\n"):  # a block a line: a name never runs into the next block
            for match in _PROPER_RE.finditer(part):
                trimmed = trim_name(match.group(0).rstrip("."))
                if trimmed and len(trimmed.split()) <= 5:
                    self.forms[trimmed] += 1
                    if not _SENTENCE_START.search(part[max(0, match.start() - 3) : match.start()]):
                        self.inside.add(trimmed)

    def is_name(self, name: str) -> bool:
        """A word capitalised only at sentence starts ("Children") is not a name."""
        return len(name.split()) > 1 or name in self.inside or self.fullest(name) != name

    def fullest(self, name: str) -> str:
        tokens = name.split()
        size = len(tokens)
        longer = [
            (count, len(form), form)
            for form, count in self.forms.items()
            if len(form.split()) > size
            and (form.split()[-size:] == tokens or form.split()[:size] == tokens)
            and all(t[0].isupper() or t.lower() in PARTICLES for t in form.split())
        ]
        return max(longer)[2] if longer else name
