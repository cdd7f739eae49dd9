"""The chatbot's engine: a loaded index and the questions asked of it.

Shared by the CLI, the TUI and the evaluation toolkit, so every path answers the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import numpy as np

from chatbot.index.build import Progress, open_index
from chatbot.qa.kinds import ReplyKind
from chatbot.index.passages import Passage
from chatbot.paths import default_corpus, default_index_for
from chatbot.qa.decide import NO_ANSWER, decide, smalltalk_reply
from chatbot.qa.query import Intent, Unaskable, read_query
from chatbot.qa.reply import Reply
from chatbot.qa.retrieve import retrieve
from chatbot.qa.settings import SETTINGS, Settings
from chatbot.index.semantic import SemanticUnavailable, embed_question, wanted_by_default
from chatbot.text.spelling import Speller

__all__ = ["DEFAULT_CORPUS", "Engine", "default_index_for", "open_engine"]

RANKING_DEPTH = 10  # passages of the ranking a reply carries (chatbot eval's default depth)

SYNONYMS_FILE = "_synonyms.txt"
DEFAULT_CORPUS: Path  # looked up on use, see __getattr__


def __getattr__(name: str) -> Path:
    """``DEFAULT_CORPUS`` is found when first used, not at import: outside a checkout, finding it
    seeds the user's data folder with the bundled lecture (:mod:`chatbot.paths`)."""
    if name == "DEFAULT_CORPUS":
        return default_corpus()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Engine:
    def __init__(self, corpus: Path, index_dir: Path, progress: Progress | None = None, semantic: bool | None = None,
                 settings: Settings = SETTINGS):
        self.settings = settings
        semantic = wanted_by_default() if semantic is None else semantic
        self.corpus = corpus
        self.index_dir = index_dir
        self.index = open_index(corpus, index_dir, progress, semantic_wanted=semantic)
        self.semantic = semantic and self.index.vectors is not None
        # Function words its lectures name as their subject (chatbot.index.analysis.named_in):
        # read once, not on every question.
        self.named = frozenset(self.index.params.get("named", ()))
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
        one path for the CLI, the TUI and the evaluation, down the layers once: the question is
        read (:mod:`~chatbot.qa.query`), passages retrieved with their evidence
        (:mod:`~chatbot.qa.retrieve`), and the reply decided (:mod:`~chatbot.qa.decide`)."""
        query = read_query(question, self.index.fields["word"], self.speller, self.extra_synonyms, self.settings,
                           self.named)
        if isinstance(query, Unaskable):
            return Reply(query.text, ReplyKind.NO_ANSWER, query.message, None, [], ())
        if query.intent == Intent.SMALLTALK:
            return smalltalk_reply(query)
        if not self.index.passages:
            return Reply(query.text, ReplyKind.NO_ANSWER, NO_ANSWER, None, [], query.stems)
        found = retrieve(query, self.index, self.speller(), self.similarity(question), depth, top, self.settings)
        return decide(query, found, self.index.passages, top, depth, self.settings)


def open_engine(
    corpus: Path | None = None,
    index: Path | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    semantic: bool | None = None,
    settings: Settings = SETTINGS,
) -> Engine:
    corpus = Path(corpus) if corpus else default_corpus()
    index = Path(index) if index else default_index_for(corpus)
    return Engine(corpus, index, progress, semantic, settings)
