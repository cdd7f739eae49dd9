"""What the engine did with each gold question, and the evaluation report made of it.

What is ranked is the *reply ranking*: the passage ``Engine.ask`` answers with at rank 1 — or,
when the reply holds no passage (an abstention, kind ``no_answer``, or a smalltalk reply), a
placeholder that is never right — followed by the ranking the reply was chosen from
(``Reply.ranking``) without that passage, ``k`` entries in all. So an abstention on an answerable question is a miss at rank 1 and pushes
the ranking down one place (recall@1, mrr and ndcg all feel it; recall@5 loses one slot), and
every metric is reproducible by ir-measures from the TREC run (:mod:`chatbot.eval.trec`). The
*search ranking* alone (no abstention, what the issue's reference systems are scored on) is
reported beside it.
"""

from __future__ import annotations

from typing import NamedTuple, Sequence

from chatbot.eval.gold import Gold
from chatbot.eval.judge import docid
from chatbot.eval.metrics import abstention_scores, ranking_metrics
from chatbot.eval.squad import source_text
from chatbot.qa.kinds import ReplyKind
from chatbot.index.passages import Passage

__all__ = ["Outcome", "reply_ranking", "report"]

# The group of questions without a "type" when others have one.
UNTYPED = "untyped"


class Outcome(NamedTuple):
    """What the engine did with one gold question."""

    gold: Gold
    kind: str  # the reply's kind: answer | no_answer | smalltalk
    reply: tuple[int | None, ...]  # reply ranking (None: no passage at rank 1)
    search: tuple[int, ...]  # search ranking
    relevant: frozenset[int]

    @property
    def abstained(self) -> bool:
        return self.kind == ReplyKind.NO_ANSWER

    def judged(self, ranking: Sequence[int | None]) -> tuple[list[bool], int]:
        return [i in self.relevant for i in ranking], len(self.relevant)

    @property
    def failed(self) -> bool:
        if self.gold.unanswerable:
            return not self.abstained
        return self.reply[0] not in self.relevant


def reply_ranking(answer: int | None, search: Sequence[int], k: int) -> tuple[int | None, ...]:
    """The reply's passage (or None) at rank 1, then the search ranking without it."""
    return ((answer,) + tuple(i for i in search if i != answer))[:k]


def _scores(outcomes: list[Outcome], k: int) -> dict:
    answerable = [o for o in outcomes if not o.gold.unanswerable]
    scores: dict = {"questions": len(outcomes), "answerable": len(answerable)}
    scores.update(ranking_metrics((o.judged(o.reply) for o in answerable), k))
    scores["abstentions"] = sum(o.abstained for o in outcomes)
    precision, recall = abstention_scores([o.abstained for o in outcomes], [o.gold.unanswerable for o in outcomes])
    scores["abstention_precision"] = None if precision is None else round(precision, 4)
    scores["abstention_recall"] = None if recall is None else round(recall, 4)
    scores["search"] = ranking_metrics((o.judged(o.search) for o in answerable), k)
    return scores


def _title(p: Passage) -> str:
    return (p.heading or source_text(p).split("\n")[0]).strip()[:80]


def _failure(o: Outcome, passages: Sequence[Passage]) -> dict:
    top = o.reply[0] if o.reply and o.reply[0] is not None else None
    rels, _ = o.judged(o.reply)
    return {
        "id": o.gold.id,
        "question": o.gold.question.strip(),
        "type": o.gold.type,
        "expected": o.gold.expected,
        "kind": o.kind,
        "returned": docid(passages[top]) if top is not None else None,
        "title": _title(passages[top]) if top is not None else None,
        "first_right_rank": rels.index(True) + 1 if any(rels) else None,
    }


def report(outcomes: list[Outcome], passages: Sequence[Passage], k: int) -> dict:
    """The evaluation report: overall scores, scores by type, and the failed questions."""
    result = _scores(outcomes, k)
    groups: dict[str, list[Outcome]] = {}
    if any(o.gold.type for o in outcomes):
        for o in sorted(outcomes, key=lambda o: o.gold.type or "~"):
            groups.setdefault(o.gold.type or UNTYPED, []).append(o)
    result["by_type"] = {name: _scores(group, k) for name, group in groups.items()}
    result["failures"] = [_failure(o, passages) for o in outcomes if o.failed]
    return result
