"""Example questions for the welcome message, made from the corpus's own section headings.

A heading such as «2/ التطورات التي مهدت لقيام الحكومه الالكترونيه» or «ثالثا: مراحل …» is
stripped of its numbering and turned into «ما التطورات التي مهدت …؟», so the examples always
match whatever lectures are loaded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chatbot.index.passages import Passage

__all__ = ["example_questions", "strip_numbering"]

_ORDINALS = (
    "اولا|أولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا"
)
# «#», «2/», «(3)», «4.», «أ/», «هـ)», «ثانيا:» and an ordinal glued to the next word
# («اولامفهوم») at the start of a heading.
_NUMBERING_RE = re.compile(
    rf"^\s*(?:#+\s*|\(?\d{{1,3}}\s*[/.)\-–]\s*|\(\d{{1,3}}\)\s*"
    rf"|\(?(?:هـ|[أابجدهوزحطيكلمنسعفصقرشتثخذضظغ])\s*[/)\-–]\s*"
    rf"|(?:{_ORDINALS})(?:\s*[:：\-–/.)]\s*|\s+|(?=\w{{3}})))"
)
_BRACKETED_RE = re.compile(r"\s*[(\[].*?[)\]]\s*")
_MIN_WORDS, _MAX_WORDS = 2, 7


def strip_numbering(heading: str) -> str:
    """«2/ اهداف الحكومه» → «اهداف الحكومه»; «ثانيا متطلبات» → «متطلبات»."""
    text = _NUMBERING_RE.sub("", heading.strip(), count=1)
    text = _BRACKETED_RE.sub(" ", text)
    return " ".join(text.replace("ـ", "").split()).rstrip(".:،؛ ")


def example_questions(passages: Sequence[Passage], count: int = 4) -> list[str]:
    """Up to ``count`` questions «ما …؟» from section headings spread over the corpus.

    Sections are preferred to items (a list question shows off the structure), short headings
    to long ones, and the picks are spaced evenly so the examples span the whole lecture.
    """
    seen: set[str] = set()
    candidates: list[str] = []
    for passage in passages:
        topic = strip_numbering(passage.heading) if passage.level == "section" else ""
        if _MIN_WORDS <= len(topic.split()) <= _MAX_WORDS and topic not in seen:
            seen.add(topic)
            candidates.append(topic)
    if len(candidates) > count:
        step = (len(candidates) - 1) / max(1, count - 1)
        candidates = [candidates[round(i * step)] for i in range(count)]
    return [f"ما {topic}؟" for topic in candidates]
