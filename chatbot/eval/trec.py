"""The evaluation as TREC files, so ir-measures, ranx or trec_eval give the numbers
:mod:`chatbot.eval.report` prints: the reply rankings as a run, the judgements as qrels."""

from __future__ import annotations

from typing import Iterable, Sequence

from chatbot.eval.judge import docid
from chatbot.eval.report import Outcome
from chatbot.index.passages import Passage

__all__ = ["NO_PASSAGE", "qrels_lines", "run_lines"]

# Docid of the rank-1 placeholder when the reply gives no passage; never in the qrels.
NO_PASSAGE = "NO_ANSWER"


def run_lines(outcomes: Iterable[Outcome], passages: Sequence[Passage], tag: str = "chatbot") -> list[str]:
    """The reply rankings as a TREC run, answerable questions only.

    The score column is ``k + 1 - rank`` (distinct and decreasing): the rank-1 reply passage
    has no score comparable to the search scores, and trec_eval/ir-measures re-sort by score
    (ties by docid), so a rank-derived score keeps the ranking exactly as scored here."""
    lines = []
    for o in outcomes:
        if o.gold.unanswerable:
            continue
        for rank, i in enumerate(o.reply, 1):
            name = NO_PASSAGE if i is None else docid(passages[i])
            lines.append(f"{o.gold.id} Q0 {name} {rank} {len(o.reply) + 1 - rank} {tag}")
    return lines


def qrels_lines(outcomes: Iterable[Outcome], passages: Sequence[Passage]) -> list[str]:
    """Every right passage of every answerable question, TREC qrels (``qid 0 docid 1``)."""
    return [
        f"{o.gold.id} 0 {docid(passages[i])} 1"
        for o in outcomes if not o.gold.unanswerable for i in sorted(o.relevant)
    ]
