"""The session in logical text: what "copy" puts on the clipboard and "export" writes.

Always built from the engine's original strings, never from what is on screen: the screen holds
reshaped, reordered presentation forms that would paste as reversed gibberish.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from chatbot.passages import Passage

if TYPE_CHECKING:
    from chatbot.answer import Reply

__all__ = ["answer_text", "breadcrumb", "export", "passage_markdown", "reply_markdown", "source_line"]

CONFIDENCE_WORDS = {"high": "عالية", "medium": "متوسطة", "low": "منخفضة"}


def source_line(passage: Passage) -> str:
    """«e-government.txt، الأسطر 22-29» (one line when the passage is one line)."""
    lines = f"السطر {passage.first}" if passage.first == passage.last else (
        f"الأسطر {passage.first}-{passage.last}"
    )
    return f"{passage.source}، {lines}"


def breadcrumb(passage: Passage) -> str:
    """The heading path, outermost first."""
    return " › ".join(" ".join(part.split()) for part in passage.section)


def answer_text(passage: Passage) -> str:
    """A passage as the student would paste it into notes: text, then where it comes from."""
    where = " — ".join(part for part in (breadcrumb(passage), source_line(passage)) if part)
    return f"{passage.text}\n\n({where})"


def passage_markdown(passage: Passage, title: str) -> str:
    """One passage as a Markdown block under a ``###`` title."""
    quoted = "\n".join(f"> {line}" if line.strip() else ">" for line in passage.text.splitlines())
    where = " — ".join(part for part in (breadcrumb(passage), source_line(passage)) if part)
    return f"### {title}\n\n{quoted}\n\n*{where}*\n"


def reply_markdown(reply: Reply) -> str:
    """A question and the engine's reply (answer and alternatives, or suggestions)."""
    blocks = [f"## {reply.question.strip()}\n"]
    if reply.message:
        blocks.append(f"{reply.message}\n")
    if reply.answer is not None:
        confidence = CONFIDENCE_WORDS.get(reply.answer.confidence, reply.answer.confidence)
        blocks.append(passage_markdown(reply.answer.passage, f"الإجابة (الثقة: {confidence})"))
    if reply.alternatives:
        label = "إجابة أخرى" if reply.kind == "answer" else "قسم قريب"
        blocks.extend(passage_markdown(hit.passage, label) for hit in reply.alternatives)
    return "\n".join(blocks)


def export(blocks: list[str], folder: Path, now: datetime | None = None) -> Path:
    """Write the session's Markdown blocks to a new file in ``folder``; return its path."""
    now = now or datetime.now()
    path = folder / f"chatbot-session-{now:%Y%m%d-%H%M%S}.md"
    header = f"# جلسة أسئلة — {now:%Y-%m-%d %H:%M}\n\n"
    path.write_text(header + "\n".join(blocks), encoding="utf-8")
    return path
