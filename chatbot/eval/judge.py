"""Which passages of the corpus are right for a gold question.

* ``answer_contains``: the passage's text holds every phrase, both compared after
  :func:`chatbot.text.arabic.normalize` with runs of whitespace collapsed to one space, and is at
  most ``MAX_ANSWER_CHARS`` long (a passage the student can read).
* ``passage``: the passage comes from that source and its line span holds the gold span: the
  gold passage itself, the section directly around it (a section's span stops before its
  sub-sections, so the gold item is shown under its own heading), or, for a gold line inside an
  item («60» in the item 59-60), that item; a section whose heading opens the gold span counts
  too (the gold took it with its sub-sections). The reverse does not count: an item inside a
  gold section is half the answer to a list question. A gold span no passage holds (drawn
  across passage boundaries) is judged by the passages sharing its lines, with a warning.
* ``unanswerable``: no passage is right; the right reply is an abstention.

Every passage of the corpus is judged, so a question may have several right passages (nDCG's
ideal ranking and the qrels hold them all). A gold question that no passage satisfies (its
lines are not in the corpus) is an error, not a silent miss: the gold file or the corpus is
out of date.
"""

from __future__ import annotations

import logging
import re
from typing import Sequence

from chatbot import messages as msg
from chatbot.eval.gold import Gold, Span, bad_input, flatten
from chatbot.index.passages import MAX_ANSWER_CHARS, Level, Passage

logger = logging.getLogger(__name__)

__all__ = ["Judge", "docid"]

_WHITESPACE_RE = re.compile(r"\s")


def docid(p: Passage) -> str:
    """«source:first-last», the passage's name in TREC files (whitespace in a file name is
    written %20, since TREC columns are whitespace-separated)."""
    return f"{_WHITESPACE_RE.sub('%20', p.source)}:{p.first}-{p.last}"


def _holds_span(p: Passage, span: Span) -> bool:
    """The passage's lines hold the gold span, or it is the section whose heading opens the gold
    span (the gold took the section with its sub-sections, which are passages of their own)."""
    if p.source != span.source:
        return False
    heading_of = p.level == Level.SECTION and p.first == span.first and p.last <= span.last
    return heading_of or (p.first <= span.first and span.last <= p.last)


class Judge:
    """Which passages of a corpus are right for a gold question (the rules: the module docstring)."""

    def __init__(self, passages: Sequence[Passage]):
        self.passages = passages
        self._flat: list[str] | None = None

    def _flat_texts(self) -> list[str]:
        if self._flat is None:
            self._flat = [flatten(p.text) for p in self.passages]
        return self._flat

    def _overlapping(self, gold: Gold) -> frozenset[int]:
        """For a gold span drawn across passage boundaries (no passage holds it): the passages
        sharing a line with it, with a warning, so the question is judged rather than lost."""
        span = gold.passage
        found = frozenset(i for i, p in enumerate(self.passages)
                          if p.source == span.source and p.first <= span.last and span.first <= p.last)
        if found:
            logger.warning(f"{msg.WARNING}: {gold.where}: no passage holds {gold.expected}; passages sharing "
                  "its lines are counted right")
        return found

    def relevant(self, gold: Gold) -> frozenset[int]:
        """Indices of the right passages; EvalError when an answerable question has none."""
        if gold.unanswerable:
            return frozenset()
        if gold.passage:
            found = frozenset(i for i, p in enumerate(self.passages) if _holds_span(p, gold.passage))
            if not found:
                found = self._overlapping(gold)
        else:
            phrases = [flatten(a) for a in gold.answer_contains]
            texts = self._flat_texts()
            holding = [i for i, t in enumerate(texts) if all(a in t for a in phrases)]
            found = frozenset(i for i in holding if len(self.passages[i].text) <= MAX_ANSWER_CHARS)
            if not found:
                # No passage (of readable length) holds all of it: the splitter cut the answer
                # apart or left a line out, or the gold is out of date. A miss, said aloud; the
                # questions after it are still scored.
                logger.warning(f"{msg.WARNING}: {gold.where}: no passage of at most {MAX_ANSWER_CHARS} characters "
                      f"holds all of {gold.expected}; none is counted right")
                return found
        if not found:
            raise bad_input(gold.where, msg.NO_MATCHING_PASSAGE, expected=gold.expected, id=gold.id)
        return found
