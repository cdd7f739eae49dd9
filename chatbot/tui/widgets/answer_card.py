"""One passage shown as an answer: title and confidence, breadcrumb, text, source.

A passage can be a whole file (50,000 lines in a hostile or careless lecture). Laying text
out right to left costs about a millisecond a line, on the UI thread, so the card shows a
passage a part at a time (:data:`PART_LINES` lines or :data:`PART_CHARS` characters) with a
«show more» entry for the next part: each part is its own widget, laid out once.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList

from chatbot.passages import Passage
from chatbot.tui.transcript import breadcrumb, confidence_words, source_line
from chatbot.tui import strings
from chatbot.tui.widgets.rtl_options import RtlOptionList
from chatbot.tui.widgets.rtl_text import RtlText, current_language

PART_LINES = 60
PART_CHARS = 6_000


def part_end(text: str, start: int, lines: int = PART_LINES, chars: int = PART_CHARS) -> int:
    """Where the part of ``text`` beginning at ``start`` ends: after ``lines`` lines or about
    ``chars`` characters, at a line break or else a space when one is near (work ∝ the part)."""
    end = min(len(text), start + chars)
    at = start
    for _ in range(lines):
        at = text.find("\n", at, end)
        if at < 0:
            break
        at += 1
    else:
        return at
    if end == len(text):
        return end
    space = text.rfind(" ", start, end)
    return space + 1 if space > start else end


def shown_lines(text: str, end: int) -> int:
    """How many of ``text``'s lines have begun before ``end`` (for «… 60 of 50,000 lines»)."""
    return text.count("\n", 0, end) + (0 if end and text[end - 1] == "\n" else 1)


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
        self._highlight = matcher(terms)
        self._shown = 0  # characters of the passage on screen

    def compose(self) -> ComposeResult:
        lang = current_language(self)
        title = self._title
        if self._confidence:
            title += f" — {confidence_words(self._confidence, lang)}"
        yield RtlText(title, classes="card-title")
        if self.passage.section:
            yield RtlText(breadcrumb(self.passage), direction="R", classes="breadcrumb")
        with Vertical(classes="passage"):
            yield self._next_part()
            if self._shown < len(self.passage.text):
                yield RtlOptionList([self._more_label()], classes="show-more")
        yield RtlText(source_line(self.passage, lang), classes="source")
        if self._hint:
            yield RtlText(self._hint, classes="hint")

    def _next_part(self) -> RtlText:
        text = self.passage.text
        end = part_end(text, self._shown)
        part = RtlText(text[self._shown : end].rstrip("\n"), highlight=self._highlight, direction="R")
        self._shown = end
        return part

    def _more_label(self) -> str:
        text = self.passage.text
        total = text.count("\n") + 1
        return strings.SHOW_MORE(current_language(self), shown=shown_lines(text, self._shown), total=total)

    @on(OptionList.OptionSelected, ".show-more")
    async def _show_more(self, event: OptionList.OptionSelected) -> None:
        """Add the next part above the «show more» entry (gone once everything is shown)."""
        event.stop()
        more = event.option_list
        assert isinstance(more, RtlOptionList)
        await self.query_one(".passage").mount(self._next_part(), before=more)
        if self._shown < len(self.passage.text):
            more.labels = [self._more_label()]
        else:
            await more.remove()
