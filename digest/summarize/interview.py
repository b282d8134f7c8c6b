"""Quotes from interviews printed as questions and answers ("NAME: answer").

A label that starts two or more paragraphs is a voice in the interview; the voice
whose paragraphs are questions is the interviewer, the others are quoted.
"""

from __future__ import annotations

import re
from collections import defaultdict

from digest.summarize.blocks import UPPER, wordset
from digest.summarize.found import Found
from digest.summarize.names import proper_case
from digest.summarize.page import Page
from digest.summarize.sentences import first_sentences
from digest.summarize.speakers import NameBook, recent_subject

_LABEL = re.compile(rf"^([{UPPER}][\w.'’\- ]{{0,40}}?)(?:,[\w.'’\- ]{{1,30}})?:\s+(\S.*)$")  # noqa: RUF001
_ANSWER_WORDS = 40
# Words that say someone was interviewed; "frequently asked questions" is an FAQ.
_TALK = re.compile(
    r"\b(?:interview|spoke|speaks|talked|talks|conversation|sat down|asked (?:him|her|them))",
    re.IGNORECASE,
)
_NOT_VOICES = wordset(
    "update updated note correction source photo related warning tip step example"
)


def interview_quotes(page: Page, body: list[int], book: NameBook, min_words: int) -> list[Found]:
    voices = _voices(page, body)
    asking = {label for label, said in voices.items() if _mostly_questions(said)}
    if len(voices) < 2 or not asking:
        return []  # no one asks questions: labelled notes or updates, not an interview
    found: list[Found] = []
    text = " ".join(page.blocks[i].text for i in body)
    for label, answers in voices.items():
        if label in asking:
            continue  # the interviewer asks; we quote the answers
        speaker = _who(label, page, body, answers[0][0], book, text)
        if speaker is None:
            continue
        for i, answer in answers:
            quote = first_sentences(answer, _ANSWER_WORDS)
            if len(quote.split()) >= min_words:
                found.append(Found(quote, speaker, i, "interview"))
    return found


def _who(
    label: str, page: Page, body: list[int], first: int, book: NameBook, text: str
) -> str | None:
    """The answerer's name: the label itself, or for a bare "A:" the person introduced."""
    if len(label) > 1:
        return book.fullest(proper_case(label, text))
    intro = " ".join(page.blocks[i].text for i in body if i < first)
    if not _TALK.search(intro) and not _TALK.search(" ".join(b.text for b in page.blocks[:first])):
        return None  # Q/A without an interview around it is an FAQ, not someone's words
    named = recent_subject(intro, book, first=True)
    return book.fullest(named) if named else None


def _voices(page: Page, body: list[int]) -> dict[str, list[tuple[int, str]]]:
    """Labels that start two or more paragraphs, with what each one says."""
    voices: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for i in body:
        match = _LABEL.match(page.blocks[i].text)
        label = match.group(1) if match else ""
        if match and len(label.split()) <= 4 and label.lower() not in _NOT_VOICES:
            voices[label].append((i, match.group(2)))
    # Transcripts name a voice in full once ("ANA RUIZ, HOST:"), then by surname ("RUIZ:").
    for label in [k for k, v in voices.items() if len(v) == 1 and " " in k]:
        short = label.split()[-1]
        if len(voices.get(short, ())) >= 2:
            voices[short] = sorted(voices[short] + voices.pop(label))
    return {k: v for k, v in voices.items() if len(v) >= 2}


def _mostly_questions(said: list[tuple[int, str]]) -> bool:
    return sum(1 for _, text in said if text.rstrip().endswith("?")) * 2 >= len(said)
