"""The naive baseline every quality figure is printed beside: blank-line blocks ranked by BM25.

    blocks  — each lecture file's text (as its reader gives it) cut at blank lines; a block
              longer than BLOCK_CHARS is cut at line boundaries so no block is a whole file;
    ranking — rank-bm25's BM25Plus over character 3–4-grams of the normalised words.

No structure, no query expansion, no abstention: what a student would get from the simplest
honest search over the same files. A change to the engine that does not beat this on a set it
was not tuned on is not progress (DEVELOPERS.md).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple, Sequence

import numpy as np
from rank_bm25 import BM25Plus

from chatbot.index.passages import MAX_ANSWER_CHARS
from chatbot.text.arabic import char_ngrams, normalize, words
from chatbot.eval.gold import Gold, flatten
from chatbot.index.build import corpus_files
from chatbot.index.readers import UnreadableFile, read_document

__all__ = ["Block", "NaiveBaseline"]

BLOCK_CHARS = 1000
_BLANK_LINE_RE = re.compile(r"\n[ \t\u00a0]*\n")


class Block(NamedTuple):
    source: str
    first: int  # 1-based first line
    last: int
    text: str


def _blocks_of(source: str, text: str) -> list[Block]:
    """Blank-line blocks of one file, long ones cut at line ends near BLOCK_CHARS."""
    blocks: list[Block] = []
    line = 1
    pos = 0
    for match in [*_BLANK_LINE_RE.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[pos:end]
        lines = chunk.split("\n")
        start = line
        current: list[str] = []
        for j, ln in enumerate(lines):
            current.append(ln)
            if sum(len(c) + 1 for c in current) >= BLOCK_CHARS or j == len(lines) - 1:
                body = "\n".join(current)
                if body.strip():
                    blocks.append(Block(source, start, start + len(current) - 1, body))
                start += len(current)
                current = []
        if match:
            line += text[pos:match.end()].count("\n")
            pos = match.end()
    return blocks


def _tokens(text: str) -> list[str]:
    return char_ngrams(words(normalize(text)))


class NaiveBaseline:
    """The baseline over one corpus folder: ``rank(question, k)`` → block indices, best first."""

    def __init__(self, corpus: Path):
        self.blocks: list[Block] = []
        for path in corpus_files(corpus):
            try:
                text = read_document(path).text
            except UnreadableFile:
                continue
            self.blocks.extend(_blocks_of(path.relative_to(corpus).as_posix(), text))
        self._bm25 = BM25Plus([_tokens(b.text) or ["\u0000"] for b in self.blocks])
        self._flat = [flatten(b.text) for b in self.blocks]

    def rank(self, question: str, k: int) -> list[int]:
        tokens = _tokens(question)
        if not tokens or not self.blocks:
            return []
        scores = self._bm25.get_scores(tokens)
        return [int(i) for i in np.argsort(-scores, kind="stable")[:k]]

    def right(self, gold: Gold, ranking: Sequence[int]) -> list[bool]:
        """The gold judgement of ``chatbot.eval.judge.Judge`` applied to blocks: every
        answer_contains phrase held and at most MAX_ANSWER_CHARS, or the block's lines hold
        the gold span."""
        out = []
        for i in ranking:
            b = self.blocks[i]
            if gold.passage:
                s = gold.passage
                out.append(b.source == s.source and b.first <= s.first and s.last <= b.last)
            else:
                out.append(len(b.text) <= MAX_ANSWER_CHARS
                           and all(flatten(a) in self._flat[i] for a in gold.answer_contains))
        return out
