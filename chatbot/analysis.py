"""What is indexed for a passage and searched for a question: the fields and their terms.

Two fields, each scored with BM25 (see :mod:`chatbot.bm25`):

* ``word`` — light stems of the content words: precise;
* ``char`` — character 3- and 4-grams of the words: a misspelt, split or differently inflected
  word still shares most of its grams with the lecture's word.

Both fields are also built over whole files (``file.word``, ``file.char``).

A passage's own title line (heading or item line) counts twice: a section is *about* its
heading. :data:`PIPELINE_VERSION` fingerprints the code and language data that decide what is
indexed, so an index built by another version of them is rebuilt, never silently reused.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources

from chatbot.arabic import char_ngrams, content_words, light_stem
from chatbot.bm25 import BM25Params
from chatbot.passages import Passage, outline, strip_marker

__all__ = ["FIELDS", "FILE_PREFIX", "HEADING_REPEAT", "PIPELINE_VERSION", "passage_words", "word_terms"]



def _pipeline_version() -> str:
    package = resources.files("chatbot")
    digest = hashlib.sha256()
    for name in ("arabic.py", "analysis.py", "passages.py", "bm25.py"):
        digest.update(package.joinpath(name).read_bytes())
    for entry in sorted(package.joinpath("data").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt"):
            digest.update(entry.read_bytes())
    return "1-" + digest.hexdigest()[:12]


PIPELINE_VERSION = _pipeline_version()

# Chosen by measurement on the lecture question set and ARCD (benchmarks/quality.py): BM25Plus
# keeps a positive IDF for terms found in most passages of a small lecture, where BM25Okapi's
# IDF falls to its epsilon floor or below zero. Full length normalisation (b = 1): a question
# asks about one fact, so of two passages that hold its words equally densely the shorter,
# which says less else, is the likelier answer (ARCD recall@1 0.698 → 0.717 against b = 0.75).
FIELDS: dict[str, BM25Params] = {
    "word": BM25Params(variant="plus", k1=1.5, b=1.0, delta=1.0),
    "char": BM25Params(variant="plus", k1=1.5, b=1.0, delta=1.0),
}
# The same fields over whole files: a passage of the lecture that is about the question's
# topic is preferred to a passage of another lecture that shares a word with it.
FILE_PREFIX = "file."
HEADING_REPEAT = 2


def passage_words(p: Passage) -> list[list[str]]:
    """[title words, body words] of a passage: normalised content words, list markers dropped.

    A section contributes its outline (heading, introduction, item lines), see
    :func:`chatbot.passages.outline`."""
    lines = outline(p)
    if p.heading:
        return [content_words(strip_marker(lines[0])), content_words(" ".join(lines[1:]))]
    return [[], content_words(p.text)]


@lru_cache(maxsize=200_000)
def word_terms(field: str, word: str) -> tuple[str, ...]:
    """The index terms one normalised word gives in a field: its light stem (``word``), or the
    character n-grams of the word as written (``char``), which also catch what the light
    stemmer misses («جنازته» / «جنازة»). Questions and passages both go through here."""
    return (light_stem(word),) if field == "word" else tuple(char_ngrams([word]))
