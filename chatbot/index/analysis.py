"""What is indexed for a passage and searched for a question: the fields and their terms.

Two fields, each scored with BM25 (see :mod:`chatbot.index.bm25`):

* ``word`` — light stems of the content words, a proclitic stripped where the corpus shows it
  is one (:func:`corpus_stems`): precise;
* ``char`` — character 3- and 4-grams of the words: a misspelt, split or differently inflected
  word still shares most of its grams with the lecture's word.

Both fields are also built over whole files (``file.word``, ``file.char``).

A passage's own title line (heading or item line) counts twice: a section is *about* its
heading. :data:`PIPELINE_VERSION` fingerprints the code and language data that decide what is
indexed, so an index built by another version of them is rebuilt, never silently reused.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable, Mapping

from chatbot.text.arabic import char_ngrams, content_words, function_words, light_stem, named_function_words, without_proclitic
from chatbot.index.bm25 import BM25Params
from chatbot.index.passages import MAX_ASPECT_WORDS, Level, Passage, outline, strip_marker

__all__ = [
    "FIELDS", "FILE_PREFIX", "HEADING_REPEAT", "PIPELINE_VERSION", "char_terms", "corpus_stems", "indexed_stem",
    "lecture_words", "named_in", "passage_words", "stem_choices",
]


def _pipeline_version() -> str:
    package = resources.files("chatbot")
    digest = hashlib.sha256()
    # The indexer and its cache too: a re-index keeps counts of the build in use and of the
    # cache, which must have been made the way this code would make them.
    for name in ("text/arabic.py", "index/analysis.py", "index/passages.py", "index/bm25.py", "index/build.py",
                 "index/cache.py"):
        digest.update(package.joinpath(name).read_bytes())
    # A reader's change changes the text, and so the cached passages, as a splitter's does.
    for folder, suffix in (("index/readers", ".py"), ("text/data", ".txt")):
        for entry in sorted(package.joinpath(folder).iterdir(), key=lambda e: e.name):
            if entry.name.endswith(suffix):
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


def passage_words(p: Passage, named: frozenset[str] = frozenset()) -> list[list[str]]:
    """[title words, body words] of a passage: normalised content words, list markers dropped;
    ``named``: the function words its lecture names as its subject (see
    :func:`chatbot.text.arabic.named_function_words`), which are content words there.

    A section contributes its outline (heading, introduction, item lines), see
    :func:`chatbot.index.passages.outline`. A section whose heading names only an aspect
    (:data:`MAX_ASPECT_WORDS`) is also indexed with the heading it stands under: «- العيوب:»
    under «### النمط الإشعاعي» holds the radial pattern's drawbacks."""
    lines = outline(p)
    if p.heading:
        body = content_words(" ".join(lines[1:]), named)
        title = content_words(strip_marker(lines[0]), named)
        if p.level == Level.SECTION and len(p.section) > 1 and len(title) <= MAX_ASPECT_WORDS:
            body += content_words(strip_marker(p.section[-2]), named)
        return [title, body]
    return [[], content_words(p.text, named)]


def lecture_words(text: str, passages: list[Passage]) -> list[list[list[str]]]:
    """:func:`passage_words` of each passage of one lecture, with the function words the lecture
    names as its subject (:func:`chatbot.text.arabic.named_function_words`)."""
    named = named_function_words(text)
    return [passage_words(p, named) for p in passages]


def named_in(words: Iterable[str]) -> list[str]:
    """The function words among a corpus's indexed words: those its lectures name as their
    subject (:func:`lecture_words`), since no other function word is indexed. A question searches
    them as content words (chatbot.qa.query.read_query)."""
    return sorted(w for w in words if w in function_words())


def corpus_stems(counts: Mapping[str, int]) -> dict[str, str]:
    """The ``word`` field's term for each word of a corpus (``counts``: word → occurrences).

    A word's light stem, except that a one-letter proclitic the light stemmer keeps
    («بتاريخ», «وشرق», «لمصر») is stripped when the corpus uses the bare stem more often than
    the word's own: «بتاريخ» joins «تاريخ», while «كتاب» stays, as «تاب» is rarer. Questions
    find these stems with :func:`indexed_stem`.
    """
    light = {w: light_stem(w) for w in counts}
    uses: Counter[str] = Counter()
    for word, n in counts.items():
        uses[light[word]] += n
    stems = {}
    for word, stem in light.items():
        bare = without_proclitic(word)
        stems[word] = bare if bare and len(bare) >= 3 and uses[bare] > uses[stem] else stem
    return stems


def stem_choices(word: str) -> tuple[str, ...]:
    """The ``word``-field terms an index may hold a word under, in the order they are tried: its
    light stem, then its stem less a proclitic (see :func:`corpus_stems`)."""
    bare = without_proclitic(word)
    return (light_stem(word), bare) if bare else (light_stem(word),)


def indexed_stem(word: str, known: Callable[[str], bool]) -> str | None:
    """The ``word``-field term under which an index holds a word (``known`` tells whether the
    index has a term): the first of its :func:`stem_choices` the index has; None when it has
    neither."""
    return next((stem for stem in stem_choices(word) if known(stem)), None)


@lru_cache(maxsize=200_000)
def char_terms(word: str) -> tuple[str, ...]:
    """The ``char`` field's terms for one normalised word: the character n-grams of the word as
    written, which also catch what the light stemmer misses («جنازته» / «جنازة»). Questions and
    passages both go through here."""
    return tuple(char_ngrams([word]))
