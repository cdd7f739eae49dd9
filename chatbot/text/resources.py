"""Language resources (stopwords, question words, synonyms, …) kept as data files in the
package, so a linguist can extend them without touching code. Read here as written; their
words are normalised by :func:`chatbot.text.arabic.word_set`."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


def data_lines(name: str) -> list[str]:
    text = resources.files("chatbot.text.data").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def synonym_groups(extra_text: str = "") -> list[list[str]]:
    """Synonym groups from ``data/synonyms.txt`` plus an instructor's own (same format)."""
    lines = data_lines("synonyms.txt")
    lines += [l.strip() for l in extra_text.splitlines() if l.strip() and not l.startswith("#")]
    return [line.split() for line in lines]


@lru_cache(maxsize=1)
def english_glossary() -> dict[str, tuple[str, ...]]:
    """English word → the Arabic words a lecture writes for it (``data/english.txt``), each
    English word under its plural and «-ing» form too («threat», «threats»; «test», «testing»): a student
    types the English term, the lecture has it in Arabic. One way only: the Arabic words are
    no synonyms of one another."""
    glossary: dict[str, tuple[str, ...]] = {}
    for line in data_lines("english.txt"):
        english, arabic = line.split("\t", 1)
        for form in _english_forms(english.lower()):
            glossary.setdefault(form, tuple(arabic.split()))
    return glossary


@lru_cache(maxsize=1)
def dialect_glossary() -> dict[str, tuple[str, ...]]:
    """Dialect word → the MSA words a lecture writes for it (``data/dialect.txt``), as written
    (normalised by the caller). One way only, like :func:`english_glossary`."""
    glossary: dict[str, tuple[str, ...]] = {}
    for line in data_lines("dialect.txt"):
        dialect, msa = line.split("\t", 1)
        glossary.setdefault(dialect, tuple(msa.split()))
    return glossary


def _english_forms(word: str) -> tuple[str, ...]:
    """A word, its regular plural («process» → «processes», «study» → «studies») and its «-ing»
    form («test» → «testing», «price» → «pricing»)."""
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        plural = word[:-1] + "ies"
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        plural = word + "es"
    else:
        plural = word + "s"
    ing = word[:-1] + "ing" if word.endswith("e") and not word.endswith("ee") else word + "ing"
    return word, plural, ing
