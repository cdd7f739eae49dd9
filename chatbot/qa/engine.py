"""The chatbot's engine: a loaded index and the questions asked of it.

Shared by the CLI, the TUI and the evaluation toolkit, so every path answers the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import numpy as np

from chatbot.answer import RANKING_DEPTH, Reply, answer_question
from chatbot.indexer import Progress, open_index
from chatbot.passages import Passage
from chatbot.paths import default_corpus, default_index_for
from chatbot.semantic import SemanticUnavailable, embed_question, wanted_by_default
from chatbot.spelling import Speller

__all__ = ["DEFAULT_CORPUS", "Engine", "default_index_for", "open_engine"]

SYNONYMS_FILE = "_synonyms.txt"
DEFAULT_CORPUS: Path  # looked up on use, see __getattr__


def __getattr__(name: str) -> Path:
    """``DEFAULT_CORPUS`` is found when first used, not at import: outside a checkout, finding it
    seeds the user's data folder with the bundled lecture (:mod:`chatbot.paths`)."""
    if name == "DEFAULT_CORPUS":
        return default_corpus()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Engine:
    def __init__(self, corpus: Path, index_dir: Path, progress: Progress | None = None, semantic: bool | None = None):
        semantic = wanted_by_default() if semantic is None else semantic
        self.corpus = corpus
        self.index_dir = index_dir
        self.index = open_index(corpus, index_dir, progress, semantic_wanted=semantic)
        self.semantic = semantic and self.index.vectors is not None
        synonyms = corpus / SYNONYMS_FILE
        self.extra_synonyms = synonyms.read_text(encoding="utf-8", errors="replace") if synonyms.is_file() else ""
        self._speller: Speller | None = None

    def speller(self) -> Speller:
        """Built on first need: most questions have no unknown word."""
        if self._speller is None:
            self._speller = Speller(self.index.surface())
        return self._speller

    @property
    def passages(self) -> list[Passage]:
        return self.index.passages

    def similarity(self, question: str) -> np.ndarray | None:
        """Each passage's cosine with the question, or None without the semantic layer (or
        when the model cannot load: then BM25 answers alone, as the index build said)."""
        if not self.semantic:
            return None
        try:
            return self.index.vectors @ embed_question(question)
        except SemanticUnavailable:
            self.semantic = False
            return None

    def ask(self, question: str, top: int = 3, depth: int = RANKING_DEPTH) -> Reply:
        """The reply ``chatbot ask`` gives, with the ``depth`` best passages it was chosen from:
        one path for the CLI, the TUI and the evaluation."""
        return answer_question(question, self.index, self.speller, top, self.extra_synonyms, self.similarity, depth)

def open_engine(
    corpus: Path | None = None,
    index: Path | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    semantic: bool | None = None,
) -> Engine:
    corpus = Path(corpus) if corpus else default_corpus()
    index = Path(index) if index else default_index_for(corpus)
    return Engine(corpus, index, progress, semantic)
