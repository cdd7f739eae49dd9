"""Example questions for the welcome message, made from the corpus's own section headings.

A heading such as «2/ التطورات التي مهدت لقيام الحكومه الالكترونيه» or «ثالثا: مراحل …» is
stripped of its numbering (:func:`chatbot.index.passages.heading_topic`) and turned into
«ما التطورات التي مهدت …؟», so the examples always match whatever lectures are loaded.
"""

from __future__ import annotations

from collections.abc import Sequence

from chatbot.index.passages import Level, Passage, heading_topic

__all__ = ["example_questions"]

_MIN_WORDS, _MAX_WORDS = 2, 7


def example_questions(passages: Sequence[Passage], count: int = 4) -> list[str]:
    """Up to ``count`` questions «ما …؟» from section headings spread over the corpus.

    Sections are preferred to items (a list question shows off the structure), short headings
    to long ones, and the picks are spaced evenly so the examples span the whole lecture.
    """
    seen: set[str] = set()
    candidates: list[str] = []
    for passage in passages:
        topic = heading_topic(passage.heading) if passage.level == Level.SECTION else ""
        if _MIN_WORDS <= len(topic.split()) <= _MAX_WORDS and topic not in seen:
            seen.add(topic)
            candidates.append(topic)
    if len(candidates) > count:
        step = (len(candidates) - 1) / max(1, count - 1)
        candidates = [candidates[round(i * step)] for i in range(count)]
    return [f"ما {topic}؟" for topic in candidates]
