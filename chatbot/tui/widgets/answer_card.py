"""One passage shown as an answer: title and confidence, breadcrumb, text, source.

A passage can be a whole file (50,000 lines in a hostile or careless lecture). Laying text
out right to left costs about a millisecond a line, on the UI thread, so the card shows a
passage a part at a time (:data:`PART_LINES` lines or :data:`PART_CHARS` characters) with a
«show more» entry for the next part: each part is its own widget, laid out once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList

from chatbot.index.passages import Passage
from chatbot.tui.transcript import breadcrumb, confidence_words, source_line
from chatbot.tui.widgets.contents import entry_label
from chatbot.tui import strings
from chatbot.tui.widgets.rtl_options import RtlOptionList
from chatbot.tui.widgets.rtl_text import RtlText, current_language

# A term in this share of the passages or more is the lecture's topic, not what the question
# is about: marking it would mark nearly every line. Set on the bundled lecture (46 passages):
# its topic words «الحكومة», «الالكترونية», «الخدمات» are in 52%, 39%, 35% of them, the words
# questions turn on («مراحل», «التبادل», «المواطنين») in 2–13%.
COMMON_SHARE = 1 / 3

SENTENCE_WORDS = 4
_SENTENCE_RE = re.compile(r"[^.!?؟؛\n]+[.!?؟؛]*")
_WORD_RE = re.compile(r"\w+")

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


def best_sentence(
    text: str, matches: Callable[[str], bool] | None, heading: str = "", limit: int = PART_CHARS
) -> str:
    """The sentence (or line) of ``text`` holding the most distinct matched words, its
    ``heading`` and lines of fewer than :data:`SENTENCE_WORDS` words aside (a heading or a
    list label is no answer); "" when fewer than two remain or none matches. Only the first
    ``limit`` characters are read."""
    if matches is None:
        return ""
    heading = " ".join(heading.split())
    sentences = [m.group().strip() for m in _SENTENCE_RE.finditer(text[:limit])]
    sentences = [s for s in sentences if len(s.split()) >= SENTENCE_WORDS and " ".join(s.split()) != heading]
    if len(sentences) < 2:
        return ""
    score = {s: len({w for w in _WORD_RE.findall(s) if matches(w)}) for s in sentences}
    best = max(sentences, key=score.__getitem__)
    return best if score[best] else ""


def distinctive(terms: tuple[str, ...], share: Callable[[str], float]) -> tuple[str, ...]:
    """The question's terms worth marking: those in less than :data:`COMMON_SHARE` of the
    passages (``share(term)``), or the rarest one when all are common."""
    if not terms:
        return ()
    rare = tuple(term for term in terms if share(term) < COMMON_SHARE)
    return rare or (min(terms, key=share),)


def matcher(terms: tuple[str, ...]) -> Callable[[str], bool] | None:
    """A word predicate: does this word share an index term with the question?

    Words go through the same :func:`chatbot.text.arabic.analyze` as the question did, so
    «الالكترونيه» in the passage matches «الإلكترونية» in the question.
    """
    wanted = frozenset(terms)
    if not wanted:
        return None
    # Imported here, not at the top: camel-tools takes a second or more to load, and the chat's
    # first frame must not wait for it (an answer exists only once the engine has loaded it).
    from chatbot.text.arabic import analyze

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
        siblings: Sequence[Passage] = (),
    ) -> None:
        """``siblings``: the items of the list the passage is an item of (itself included),
        shown around it by their first words, dimmed."""
        classes = f"card {confidence}" if confidence else "card"
        super().__init__(classes=classes)
        self.passage = passage
        self._title = title
        self._confidence = confidence
        self._terms = terms
        self._hint = hint
        self._highlight = matcher(terms)
        self._shown = 0  # characters of the passage on screen
        self._siblings = siblings if passage in siblings else ()

    def compose(self) -> ComposeResult:
        lang = current_language(self)
        title = self._title
        if self._confidence:
            title += f" — {confidence_words(self._confidence, lang)}"
        yield RtlText(title, classes="card-title")
        if self.passage.section:
            yield RtlText(breadcrumb(self.passage), direction="R", classes="breadcrumb")
        if best := best_sentence(self.passage.text, self._highlight, self.passage.heading):
            yield RtlText(best, highlight=self._highlight, direction="R", classes="best")
        at = self._siblings.index(self.passage) if self._siblings else 0
        for sibling in self._siblings[:at]:
            yield RtlText(entry_label(sibling), direction="R", classes="sibling")
        with Vertical(classes="passage item" if self._siblings else "passage"):
            yield self._next_part()
            if self._shown < len(self.passage.text):
                yield RtlOptionList([self._more_label()], classes="show-more")
        for sibling in self._siblings[at + 1 :]:
            yield RtlText(entry_label(sibling), direction="R", classes="sibling")
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
