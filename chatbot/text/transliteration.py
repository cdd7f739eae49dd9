"""Consonant skeletons of words borrowed from English, in either script: a student types
«الميتفورمين» or «البيتا بلوكر» for the lecture's «Metformin» and «beta blocker», or «cipro» for
its «سيبرو». Both sides are written as the consonant classes of ``data/transliteration.txt``,
vowels dropped and doubled letters written once, so the two spellings meet.
"""

from __future__ import annotations

import re
from functools import lru_cache

from chatbot.text.resources import data_lines

__all__ = ["arabic_skeleton", "latin_skeleton", "skeleton"]

# The article and the prepositions glued to it: «الميتفورمين», «بالانسولين», «للبنسلين».
_ARTICLE_RE = re.compile(r"^(?:[وفبك]?ال|لل)")
_SOFT_C_RE = re.compile(r"c(?=[eiy])")
_LATIN_RE = re.compile(r"^[a-z]+$")


@lru_cache(maxsize=1)
def _classes() -> dict[str, str]:
    """Letter or letter group → its sound class (``data/transliteration.txt``)."""
    return dict(line.split("\t") for line in data_lines("transliteration.txt"))


@lru_cache(maxsize=1)
def _latin_groups_re() -> re.Pattern[str]:
    latin = sorted((k for k in _classes() if k.isascii()), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, latin)) + "|.")


def _once(letters: str) -> str:
    """Each run of one letter written once: «blkkr» → «blkr» (Arabic writes no doubled letter)."""
    return re.sub(r"(.)\1+", r"\1", letters)


def arabic_skeleton(word: str) -> str:
    """«الميتفورمين» → «mtfrmn», «بلوكر» → «blkr»: the consonants of a normalised Arabic word,
    its article left out."""
    classes = _classes()
    return _once("".join(classes.get(ch, "") for ch in _ARTICLE_RE.sub("", word)))


def latin_skeleton(word: str) -> str:
    """«metformin» → «mtfrmn», «paracetamol» → «brstml», «blocker» → «blkr»: the consonants of
    a lower-case Latin word as Arabic would write them."""
    classes = _classes()
    word = _SOFT_C_RE.sub("s", word)
    return _once("".join(classes.get(group, classes.get(group[:1], "")) if group != "c" else "k"
                         for group in _latin_groups_re().findall(word)))


def skeleton(word: str) -> str:
    """A normalised word's skeleton, in whichever script it is written ("" for digits)."""
    return latin_skeleton(word) if _LATIN_RE.match(word) else arabic_skeleton(word)
