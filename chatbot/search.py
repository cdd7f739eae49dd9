"""From a question to ranked passages: query terms, expansion, fused BM25, top-k.

A question's content words are stemmed like the lecture. A stem the lecture does not know is
matched as the student probably meant it: split in two known words («الانترنت» → «الانتر نت»),
joined with its neighbour, or mapped to a known stem one or two edits away (typos). Synonyms
from the synonym table are searched too, with less weight. The ``word`` and ``char`` fields are
scored separately, each scaled by its best score, and summed.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, NamedTuple

import numpy as np

from chatbot.analysis import query_field_terms
from chatbot.arabic import content_words, light_stem, normalize
from chatbot.arabic import words as all_words
from chatbot.bm25 import SparseBM25
from chatbot.resources import synonym_groups, word_set

__all__ = ["QueryTerm", "Ranking", "expand_query", "rank", "top_k"]

SYNONYM_WEIGHT = 0.5
FUZZY_WEIGHT = 0.8
MIN_FUZZY_SYNONYM = 5
# Share of the fused score given to the word field; the rest goes to character n-grams.
WORD_FIELD_SHARE = 0.5
# Beyond this vocabulary size the edit-distance scan would cost more than it brings; typos are
# then left to the character n-gram field alone.
FUZZY_SCAN_LIMIT = 60_000


class QueryTerm(NamedTuple):
    word: str  # the question's word (normalised) this term stands for
    stem: str
    weight: float
    how: str  # exact | split | join | fuzzy | synonym | unknown


class Ranking(NamedTuple):
    terms: list[QueryTerm]
    scores: np.ndarray  # fused score of every passage


def max_edits(word: str) -> int:
    """Edits forgiven in a word: none for short ones, where one edit makes another word."""
    return 0 if len(word) <= 3 else 1 if len(word) <= 7 else 2


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up (returning limit+1) once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def nearest_stems(word: str, surface: dict[str, str], vocab: SparseBM25) -> list[str]:
    """Stems of the corpus words within :func:`max_edits` of ``word`` (normalised surface
    forms are compared, so a typo is judged on the word as written), closest first, then the
    most frequent."""
    limit = max_edits(word)
    if not limit or len(surface) > FUZZY_SCAN_LIMIT:
        return []
    found: dict[str, int] = {}
    for known, stem in surface.items():
        if abs(len(known) - len(word)) <= limit and vocab.has(stem):
            d = _edit_distance(word, known, limit)
            if d <= limit and d < found.get(stem, limit + 1):
                found[stem] = d
    if not found:
        return []
    best = min(found.values())
    return sorted((s for s, d in found.items() if d == best), key=lambda s: -vocab.doc_freq(s))[:2]


def _split(word: str, vocab: SparseBM25) -> list[str]:
    """«الانترنت» → [«انتر», «نت»] when both halves are known stems of the lecture."""
    for i in range(2, len(word) - 1):
        left, right = light_stem(word[:i]), light_stem(word[i:])
        if vocab.has(left) and vocab.has(right):
            return [left, right]
    return []


@lru_cache(maxsize=8)
def _synonyms(extra: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """stem → the (stem, normalised word) of each of its synonyms."""
    table: dict[str, set[tuple[str, str]]] = {}
    for group in synonym_groups(extra):
        entries = {(light_stem(normalize(w)), normalize(w)) for w in group}
        for stem, _ in entries:
            table.setdefault(stem, set()).update(e for e in entries if e[0] != stem)
    return {k: tuple(sorted(v)) for k, v in table.items()}


def expand_query(
    question: str, vocab: SparseBM25, surface: Callable[[], dict[str, str]], extra_synonyms: str = ""
) -> list[QueryTerm]:
    """The weighted terms to search for a question (see module docstring).

    ``surface`` gives the corpus's word → stem table, asked for only when a word is unknown.
    Question words that carry meaning («عرف», «يعني»: a definition is asked) add their
    synonyms too.
    """
    words = content_words(question)
    asking = [w for w in all_words(question) if w in word_set("question_words")]
    synonyms = _synonyms(extra_synonyms)
    terms: list[QueryTerm] = []
    joined: set[int] = set()
    for i, word in enumerate(words):
        if i in joined:
            continue
        stem = light_stem(word)
        if vocab.has(stem):
            terms.append(QueryTerm(word, stem, 1.0, "exact"))
            continue
        if i + 1 < len(words) and vocab.has(light_stem(word + words[i + 1])):
            terms.append(QueryTerm(word + " " + words[i + 1], light_stem(word + words[i + 1]), 1.0, "join"))
            joined.add(i + 1)
            continue
        if parts := _split(word, vocab):
            terms.extend(QueryTerm(word, part, 1.0, "split") for part in parts)
            continue
        if known := [s for s, _ in synonyms.get(stem, ()) if vocab.has(s)]:
            terms.extend(QueryTerm(word, s, SYNONYM_WEIGHT, "synonym") for s in known)
            continue
        if near := nearest_stems(word, surface(), vocab):
            terms.extend(QueryTerm(word, n, FUZZY_WEIGHT, "fuzzy") for n in near)
            continue
        terms.append(QueryTerm(word, stem, 1.0, "unknown"))
    present = {t.stem for t in terms}
    sources = [(t.word, t.stem) for t in terms] + [("", light_stem(w)) for w in asking]
    for word, stem in sources:
        for syn, form in synonyms.get(stem, ()):
            # A synonym the lecture misspells is still found, as a question word would be
            # (long words only: a short one is one edit away from unrelated words).
            fuzzy = nearest_stems(form, surface(), vocab) if len(form) >= MIN_FUZZY_SYNONYM else []
            for found in [syn] if vocab.has(syn) else fuzzy:
                if found not in present:
                    terms.append(QueryTerm(word, found, SYNONYM_WEIGHT, "synonym"))
                    present.add(found)
    return terms


def rank(terms: list[QueryTerm], fields: dict[str, SparseBM25]) -> np.ndarray:
    """Fused score of every passage: each field's BM25 scaled by its best, then weighted."""
    n = len(next(iter(fields.values())))
    fused = np.zeros(n)
    stems = [t.stem for t in terms]
    weights = [t.weight for t in terms]
    word_scores = fields["word"].scores(stems, weights)
    # n-grams of each term carry that term's weight.
    grams, gram_weights = [], []
    for t in terms:
        g = query_field_terms([t.stem])["char"]
        grams.extend(g)
        gram_weights.extend([t.weight] * len(g))
    char_scores = fields["char"].scores(grams, gram_weights)
    for share, scores in ((WORD_FIELD_SHARE, word_scores), (1 - WORD_FIELD_SHARE, char_scores)):
        scores = scores - scores.min() if len(scores) else scores  # BM25Plus adds a constant
        top = scores.max() if len(scores) else 0.0
        if top > 0:
            fused += share * scores / top
    return fused


def top_k(scores: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[int]:
    """Indices of the ``k`` best positive scores, best first (ties: reading order).

    Passages scoring 0 are never returned: rank-bm25's ``get_top_n`` would hand back arbitrary
    passages when nothing matched.
    """
    if allowed is not None:
        scores = np.where(allowed, scores, 0.0)
    positive = np.flatnonzero(scores > 0)
    if len(positive) > k:
        part = np.argpartition(-scores[positive], k - 1)[:k]
        positive = positive[part]
    order = sorted(positive.tolist(), key=lambda i: (-scores[i], i))
    return order[:k]
