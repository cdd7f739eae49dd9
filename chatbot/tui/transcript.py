"""The session in logical text: what "copy" puts on the clipboard and "export" writes.

Always built from the engine's original strings, never from what is on screen: the screen holds
reshaped, reordered presentation forms that would paste as reversed gibberish.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from chatbot.index.passages import Passage
from chatbot.messages import CONFIDENCE_LEVELS
from chatbot.tui import strings
from chatbot.tui.strings import Language

if TYPE_CHECKING:
    from chatbot.qa.reply import Hit, Reply

__all__ = [
    "alternatives_markdown", "answer_text", "breadcrumb", "confidence_words", "export", "passage_markdown",
    "reply_markdown", "sessions_folder", "source_line",
]

SESSIONS_ENV = "CHATBOT_SESSIONS_DIR"


def sessions_folder(env: Mapping[str, str]) -> Path:
    """Where saved sessions go: ``$CHATBOT_SESSIONS_DIR``, else the user's data folder
    (``~/.local/share/chatbot/sessions`` on Linux, the platform's equivalent elsewhere).

    Never the current folder: following the README, that is the project tree.
    """
    chosen = env.get(SESSIONS_ENV, "").strip()
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_data_path

    return user_data_path("chatbot", appauthor=False) / "sessions"


def source_line(passage: Passage, lang: Language = Language.AR) -> str:
    """«e-government.txt، الأسطر 22-29» (one line when the passage is one line)."""
    words = strings.SOURCE_LINE if passage.first == passage.last else strings.SOURCE_LINES
    return words(lang, source=passage.source, first=passage.first, last=passage.last)


def confidence_words(level: str, lang: Language = Language.AR) -> str:
    """«الثقة: عالية» for the engine's high/medium/low."""
    word = CONFIDENCE_LEVELS[level](lang) if level in CONFIDENCE_LEVELS else level
    return strings.CONFIDENCE(lang, level=word)


def breadcrumb(passage: Passage) -> str:
    """The heading path, outermost first."""
    return " › ".join(" ".join(part.split()) for part in passage.section)


def _where(passage: Passage, lang: Language) -> str:
    return " — ".join(part for part in (breadcrumb(passage), source_line(passage, lang)) if part)


def answer_text(passage: Passage, lang: Language = Language.AR) -> str:
    """A passage as the student would paste it into notes: text, then where it comes from."""
    return f"{passage.text}\n\n({_where(passage, lang)})"


def passage_markdown(passage: Passage, title: str, lang: Language = Language.AR) -> str:
    """One passage as a Markdown block under a ``###`` title."""
    quoted = "\n".join(f"> {line}" if line.strip() else ">" for line in passage.text.splitlines())
    return f"### {title}\n\n{quoted}\n\n*{_where(passage, lang)}*\n"


def reply_markdown(reply: Reply, lang: Language = Language.AR) -> str:
    """A question and the reply as the chat showed it: its message, the answer, or the names
    of the closest sections (their text was not shown, so it is not saved).

    The other answers are shown only on request; :func:`alternatives_markdown` adds them then.
    """
    blocks = [f"## {reply.question.strip()}\n"]
    message = strings.engine_message(reply.message, lang)
    if message:
        blocks.append(f"{message}\n")
    if reply.answer is not None:
        title = f"{strings.ANSWER(lang)} ({confidence_words(reply.answer.confidence, lang)})"
        blocks.append(passage_markdown(reply.answer.passage, title, lang))
    elif reply.alternatives:
        blocks.append(f"{strings.CLOSEST(lang)}\n")
        blocks.extend(f"- {hit.passage.heading or hit.passage.source} ({_where(hit.passage, lang)})"
                      for hit in reply.alternatives)
    return "\n".join(blocks)


def alternatives_markdown(alternatives: list[Hit], lang: Language = Language.AR) -> str:
    """The other answers, once the student has asked to see them."""
    return "\n".join(passage_markdown(hit.passage, strings.OTHER_ANSWER(lang), lang) for hit in alternatives)


def export(blocks: list[str], folder: Path, now: datetime | None = None, lang: Language = Language.AR) -> Path:
    """Write the session's Markdown blocks to a new file in ``folder``; return its path."""
    now = now or datetime.now()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"chatbot-session-{now:%Y%m%d-%H%M%S}.md"
    header = f"# {strings.SESSION(lang)} — {now:%Y-%m-%d %H:%M}\n\n"
    path.write_text(header + "\n".join(blocks), encoding="utf-8")
    return path
