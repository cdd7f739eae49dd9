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
