"""Quotes from interviews printed as questions and answers ("NAME: answer").

A label that starts two or more paragraphs is a voice in the interview; the voice
whose paragraphs are questions is the interviewer, the others are quoted.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from digest.summarize.blocks import UPPER
from digest.summarize.names import proper_case
from digest.summarize.sentences import split_sentences

if TYPE_CHECKING:
    from digest.summarize.page import Page
    from digest.summarize.quotes import Found
    from digest.summarize.speakers import NameBook

_LABEL = re.compile(rf"^([{UPPER}][\w.'’\- ]{{0,40}}?):\s+(\S.*)$")  # noqa: RUF001
_ANSWER_WORDS = 40


def interview_quotes(page: Page, body: list[int], book: NameBook, min_words: int) -> list[Found]:
    from digest.summarize.quotes import Found

    voices: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for i in body:
        match = _LABEL.match(page.blocks[i].text)
        if match and len(match.group(1).split()) <= 4:
            voices[match.group(1)].append((i, match.group(2)))
    voices = {k: v for k, v in voices.items() if len(v) >= 2}
    if len(voices) < 2:
        return []
    found: list[Found] = []
    text = " ".join(page.blocks[i].text for i in body)
    for label, answers in voices.items():
        questions = sum(1 for _, a in answers if a.rstrip().endswith("?"))
        if questions * 2 >= len(answers):
            continue  # the interviewer asks; we quote the answers
        speaker = book.fullest(proper_case(label, text))
        for i, answer in answers:
            quote = _opening(answer)
            if len(quote.split()) >= min_words:
                found.append(Found(quote, speaker, i, "interview"))
    return found


def _opening(answer: str) -> str:
    """The first sentences of an answer, within a word budget."""
    kept: list[str] = []
    count = 0
    for sentence in split_sentences(answer):
        size = len(sentence.split())
        if kept and count + size > _ANSWER_WORDS:
            break
        kept.append(sentence)
        count += size
    return " ".join(kept)
