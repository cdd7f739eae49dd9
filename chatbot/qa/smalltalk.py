"""Greetings, thanks, how-are-you and goodbyes: a message made only of them gets a short reply.

The phrases are data (``data/smalltalk.txt``), general Arabic across dialects. A message is
smalltalk when, after normalisation, it is cut from start to end into known phrases (longest
first), at least one of them not a ``filler`` (vocatives, intensifiers, «على الشرح»):
«يعطيك الف عافية يا غالي», «شلونك عيني، شخبارك». A word no phrase covers may stay («تسلم يا
ريس», «يسلمو دياتك خيي»: nobody lists every nickname) when the lecture does not use it, it asks
nothing (no question word) and such words are no more than the covered ones. A greeting followed
by a question («السلام عليكم، ما هي …») is a question.
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from typing import Callable

from chatbot.text.arabic import question_words, words
from chatbot.text.resources import data_lines

__all__ = ["Smalltalk", "smalltalk_kind", "smalltalk_words"]

FILLER = "filler"


class Smalltalk(StrEnum):
    GREETING = "greeting"
    WELLBEING = "wellbeing"
    THANKS = "thanks"
    BYE = "bye"


@lru_cache(maxsize=1)
def _phrases() -> dict[tuple[str, ...], str]:
    """Normalised phrase (word tuple) → its kind (a Smalltalk value or FILLER)."""
    table: dict[tuple[str, ...], str] = {}
    for line in data_lines("smalltalk.txt"):
        kind, phrase = line.split("\t", 1)
        if kind != FILLER:
            Smalltalk(kind)  # a typo in the data file fails loudly, listing nothing silently
        table.setdefault(tuple(words(phrase)), kind)
    return table


@lru_cache(maxsize=1)
def _longest() -> int:
    return max(map(len, _phrases()))


def _phrase_at(ws: list[str], i: int) -> tuple[int, str] | None:
    """The longest known phrase starting at word ``i``: (its length, its kind)."""
    table = _phrases()
    # «وشكرا», «وربي يحفظك»: a conjunction typed onto a phrase.
    firsts = [ws[i]] + ([ws[i][1:]] if ws[i].startswith("و") and len(ws[i]) > 2 else [])
    for n in range(min(_longest(), len(ws) - i), 0, -1):
        for first in firsts:
            if kind := table.get((first, *ws[i + 1 : i + n])):
                return n, kind
    return None


def smalltalk_kind(message: str, known: Callable[[str], bool] = lambda word: True) -> Smalltalk | None:
    """The kind of a message made of smalltalk phrases (the first that is not filler), else
    None. ``known`` tells whether the lecture uses a word: a word no phrase covers is allowed
    only when it does not (see the module docstring); by default none is."""
    ws = words(message)
    kinds: list[str] = []
    covered = uncovered = 0
    i = 0
    while i < len(ws):
        found = _phrase_at(ws, i)
        if found is None:
            if ws[i] in question_words() or known(ws[i]):
                return None
            uncovered += 1
            i += 1
            continue
        i += found[0]
        covered += found[0]
        kinds.append(found[1])
    if uncovered > covered:
        return None
    return next((Smalltalk(k) for k in kinds if k != FILLER), None)


@lru_cache(maxsize=1)
def smalltalk_words() -> frozenset[str]:
    """Every word of a greeting, thanks or goodbye phrase: a question that opens with «السلام
    عليكم» does not search for «السلام»."""
    return frozenset(w for phrase, kind in _phrases().items() if kind != FILLER for w in phrase)
