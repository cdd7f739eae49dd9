"""One passage shown as an answer: title and confidence, breadcrumb, text, source."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from textual.app import ComposeResult
from textual.containers import Vertical

from chatbot.passages import Passage
from chatbot.tui.transcript import breadcrumb, confidence_words, source_line
from chatbot.tui.widgets.rtl_text import RtlText, current_language


def matcher(terms: tuple[str, ...]) -> Callable[[str], bool] | None:
    """A word predicate: does this word share an index term with the question?

    Words go through the same :func:`chatbot.arabic.analyze` as the question did, so
    «الالكترونيه» in the passage matches «الإلكترونية» in the question.
    """
    wanted = frozenset(terms)
    if not wanted:
        return None
    # Imported here, not at the top: camel-tools takes a second or more to load, and the chat's
    # first frame must not wait for it (an answer exists only once the engine has loaded it).
    from chatbot.arabic import analyze

    @lru_cache(maxsize=4096)
    def matches(word: str) -> bool:
        return not wanted.isdisjoint(analyze(word))

    return matches


class AnswerCard(Vertical):
    """A passage with where it comes from; ``confidence`` is the engine's high/medium/low."""

    DEFAULT_CSS = """
    AnswerCard { height: auto; }
    """

    def __init__(
        self,
        passage: Passage,
        *,
        title: str,
        confidence: str | None = None,
        terms: tuple[str, ...] = (),
        hint: str = "",
    ) -> None:
        classes = f"card {confidence}" if confidence else "card"
        super().__init__(classes=classes)
        self.passage = passage
        self._title = title
        self._confidence = confidence
        self._terms = terms
        self._hint = hint

    def compose(self) -> ComposeResult:
        lang = current_language(self)
        title = self._title
        if self._confidence:
            title += f" — {confidence_words(self._confidence, lang)}"
        yield RtlText(title, classes="card-title")
        if self.passage.section:
            yield RtlText(breadcrumb(self.passage), direction="R", classes="breadcrumb")
        yield RtlText(self.passage.text, highlight=matcher(self._terms), direction="R", classes="passage")
        yield RtlText(source_line(self.passage, lang), classes="source")
        if self._hint:
            yield RtlText(self._hint, classes="hint")
