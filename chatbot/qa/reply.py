"""What a question gets back: the answer passage, alternatives, or a message; and its JSON.

Light to import: the chat and the CLI name these types before the engine is loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from chatbot.qa.kinds import Confidence, ReplyKind

if TYPE_CHECKING:
    from chatbot.index.passages import Passage
    from chatbot.qa.retrieve import Evidence

__all__ = ["Hit", "Reply", "reply_to_json"]


class Hit(NamedTuple):
    passage: Passage
    score: float
    confidence: Confidence


class Reply(NamedTuple):
    question: str
    kind: ReplyKind
    message: str
    answer: Hit | None
    alternatives: list[Hit]
    terms: tuple[str, ...]
    evidence: Evidence | None = None  # what the decision rested on (None: no passage was weighed)
    ranking: tuple[int, ...] = ()  # the best passages by fused score, best first (before any decision)


def hit_to_json(hit: Hit) -> dict:
    p = hit.passage
    return {"text": p.text, "source": p.source, "section": list(p.section),
            "lines": [p.first, p.last], "score": hit.score}


def reply_to_json(reply: Reply) -> dict:
    """The CLI's stable JSON shape (see README)."""
    return {
        "question": reply.question,
        "kind": reply.kind,
        "message": reply.message,
        "answer": hit_to_json(reply.answer) if reply.answer else None,
        "alternatives": [hit_to_json(h) for h in reply.alternatives],
    }
