"""The chat application: wires the widgets to the engine.

The engine is synchronous and opening it may build the index (seconds), so both opening and
asking run in workers on a thread; the UI thread only mounts widgets. Everything shown comes
from the engine's original (logical) strings and goes through :mod:`chatbot.tui.rtl`.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Footer, Input

from chatbot.qa.kinds import ReplyKind
from chatbot.index.passages import Level, Passage
from chatbot.tui import strings, transcript
from chatbot.tui.examples import example_questions
from chatbot.tui.messages import AskRequested, PassageRequested
from chatbot.tui.rtl import APP, TERMINAL, resolve_mode
from chatbot.tui.strings import Language, engine_message, resolve_language
from chatbot.tui.themes import DARK, THEMES
from chatbot.tui.widgets.answer_card import AnswerCard, distinctive
from chatbot.tui.widgets.contents import Contents, ContentsPanel, passage_tree
from chatbot.tui.widgets.conversation import Conversation
from chatbot.tui.widgets.help_screen import HelpScreen
from chatbot.tui.widgets.index_progress import IndexProgress
from chatbot.tui.widgets.no_answer import NoAnswerCard
from chatbot.tui.widgets.notes import SavedNote
from chatbot.tui.widgets.palette import ChatPalette
from chatbot.tui.widgets.question_input import QuestionInput
from chatbot.tui.widgets.rtl_text import RtlText, shown_line
from chatbot.tui.widgets.welcome import Welcome

if TYPE_CHECKING:
    from chatbot.qa.reply import Reply
    from chatbot.qa.engine import Engine

__all__ = ["ChatApp", "create_app", "run"]

Progress = Callable[[int, int, str], None]
EngineFactory = Callable[[Progress], "Engine"]


WIDE = 140  # columns from which the contents panel is open beside the chat


class ChatCommands(Provider):
    """The chat's commands in the palette, titled and found in the chat's language («حفظ»).

    It replaces Textual's system commands, whose titles are English only; the two of those a
    student needs (theme, quit) are among ours.
    """

    def _commands(self) -> Iterable[tuple[str, str, Callable[[], object]]]:
        app = self.app
        assert isinstance(app, ChatApp)
        for command in strings.COMMANDS:
            words = strings.BINDINGS[command]
            yield words.title(app.language), words.help(app.language), partial(app.run_action, app.ACTIONS[command])

    async def discover(self) -> Hits:
        for title, help_, run in self._commands():
            yield DiscoveryHit(shown_line(self.app, title), run, text=title, help=shown_line(self.app, help_))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_, run in self._commands():
            if (score := matcher.match(title)) > 0:
                yield Hit(score, shown_line(self.app, title), run, text=title, help=shown_line(self.app, help_))


class ChatApp(App[None]):
    """Ask in Arabic, read the lecture's answer."""

    CSS_PATH = "app.tcss"
    COMMANDS = {ChatCommands}
    # Footer words and tooltips come from chatbot.tui.strings, by binding id.
    BINDINGS = [
        Binding("ctrl+t", "toggle_contents", id="toc"),
        Binding("ctrl+o", "other_answers", id="more"),
        Binding("ctrl+y", "copy_answer", id="copy"),
        Binding("ctrl+s", "export", id="save"),
        Binding("ctrl+l", "clear", id="clear"),
        Binding("ctrl+r", "toggle_rtl", id="rtl"),
        Binding("f1", "help", id="help"),
        Binding("ctrl+q", "quit", priority=True, id="quit"),
        Binding("escape", "close_contents", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
    ]

    # Palette command (binding id) → action.
    ACTIONS = {b.id: b.action for b in BINDINGS if isinstance(b, Binding) and b.id} | {"theme": "change_theme"}

    rtl_mode: reactive[str] = reactive(APP)

    def __init__(
        self,
        engine_factory: EngineFactory,
        rtl_mode: str,
        export_dir: Path,
        language: Language = Language.AR,
    ) -> None:
        super().__init__()
        self.language = language
        self.set_reactive(ChatApp.rtl_mode, rtl_mode)
        self.engine: Engine | None = None
        self._engine_factory = engine_factory
        self._export_dir = export_dir
        self._index_of: dict[Passage, int] = {}
        self._children: dict[int, list[int]] = {}  # entries under each passage (contents tree)
        self._blocks: list[str] = []  # the session, as Markdown, for export
        self._last_reply: Reply | None = None
        self._last_passage: Passage | None = None  # what "copy" copies
        self._others_shown = False
        self._pending: str | None = None  # asked before the engine was ready
        self._contents_chosen = False  # the student opened or closed the contents panel

    # -- layout ---------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield RtlText(self._title(), id="title")
        with Horizontal(id="main"):
            yield Conversation(id="conversation")
            yield ContentsPanel(id="contents")
        yield QuestionInput(language=self.language, id="question")
        # Compact, without the palette key, so every binding fits in 80 columns (F1 lists ctrl+p).
        yield Footer(compact=True, show_command_palette=False)

    def _title(self) -> str:
        mode = strings.MODE_NAMES[self.rtl_mode](self.language)
        return f"{strings.TITLE(self.language)}   ({strings.RENDERING(self.language, mode=mode)})"

    def _say(self, words: strings.Say, **fields: object) -> str:
        return words(self.language, **fields)

    @property
    def conversation(self) -> Conversation:
        return self.query_one("#conversation", Conversation)

    @property
    def question(self) -> QuestionInput:
        return self.query_one("#question", QuestionInput)

    async def on_mount(self) -> None:
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = DARK.name
        self._localize()
        progress = IndexProgress()
        await self.conversation.add(progress)
        self.question.focus()
        # Opening imports camel-tools and reads the index (seconds): only after the first frame.
        self.call_after_refresh(self._open_engine, progress)

    def _localize(self) -> None:
        """Footer words in the chat's language, laid out for the current RTL mode."""
        for node in (self, self.question):
            strings.localize_bindings(node._bindings.key_to_bindings, self.language, partial(shown_line, self))
        self.refresh_bindings()

    # -- engine ---------------------------------------------------------------------------
    @work(exclusive=True, group="engine")
    async def _open_engine(self, progress: IndexProgress) -> None:
        def report(done: int, total: int, filename: str) -> None:
            self.call_from_thread(progress.advance, done, total, filename)

        try:
            engine = await asyncio.to_thread(self._engine_factory, report)
        except Exception as error:  # a broken corpus must not end in a traceback
            await progress.remove()
            await self._note(self._say(strings.OPEN_FAILED, error=engine_message(str(error), self.language)), "error")
            return
        self.engine = engine
        self._index_of = {passage: i for i, passage in enumerate(engine.passages)}
        self._children = passage_tree(engine.passages)[1]
        self.query_one(Contents).load(engine.passages)
        await progress.remove()
        await self._welcome()
        if self._pending is not None:
            self._answer(self._pending)

    async def _welcome(self) -> None:
        if self.engine is not None:
            await self.conversation.add(Welcome(example_questions(self.engine.passages)))

    @work(exclusive=True, group="ask")
    async def _answer(self, question: str) -> None:
        engine = self.engine
        if engine is None:  # answered as soon as the index is ready
            self._pending = question
            self._notify(self._say(strings.WILL_ANSWER))
            return
        self._pending = None
        try:
            reply = await asyncio.to_thread(engine.ask, question)
        except Exception as error:
            await self._note(self._say(strings.SEARCH_FAILED, error=engine_message(str(error), self.language)), "error")
            return
        await self._show_reply(reply)

    async def _show_reply(self, reply: Reply) -> None:
        self._last_reply = reply
        self._others_shown = False
        self._blocks.append(transcript.reply_markdown(reply, self.language))
        echo = RtlText(self._say(strings.YOUR_QUESTION, question=reply.question), classes="question")
        message = engine_message(reply.message, self.language)
        if reply.kind == ReplyKind.ANSWER and reply.answer is not None:
            self._last_passage = reply.answer.passage
            others = len(reply.alternatives)
            card: Widget = AnswerCard(
                reply.answer.passage,
                title=message or self._say(strings.ANSWER),
                confidence=reply.answer.confidence,
                terms=distinctive(reply.terms, self._share),
                hint=self._say(strings.MORE_HINT, count=others) if others else "",
                siblings=self._siblings(reply.answer.passage),
            )
        elif reply.kind == ReplyKind.SMALLTALK:
            card = RtlText(message, classes="card smalltalk")
        else:
            suggestions = [
                (self._index_of[hit.passage], hit.passage)
                for hit in reply.alternatives
                if hit.passage in self._index_of
            ]
            card = NoAnswerCard(message or self._say(strings.NOT_FOUND), suggestions)
        await self.conversation.add(echo, card)

    # -- asking ---------------------------------------------------------------------------
    @on(Input.Submitted, "#question")
    def _submitted(self, event: Input.Submitted) -> None:
        question = event.value.strip()
        if question:
            self.question.value = ""
            self._ask(question)

    @on(AskRequested)
    def _requested(self, event: AskRequested) -> None:
        self._ask(event.question)
        self.question.focus()

    def _ask(self, question: str) -> None:
        self.question.remember(question)
        self._answer(question)

    @on(PassageRequested)
    async def _show_passage(self, event: PassageRequested) -> None:
        if self.engine is None or not 0 <= event.index < len(self.engine.passages):
            return
        passage = self.engine.passages[event.index]
        self._last_passage = passage
        title = self._say(strings.FROM_CONTENTS)
        self._blocks.append(transcript.passage_markdown(passage, title, self.language))
        self.action_close_contents()
        await self.conversation.add(AnswerCard(passage, title=title))

    # -- actions --------------------------------------------------------------------------
    def _show_contents(self, show: bool) -> None:
        """Show or hide the contents panel; the conversation keeps its place as it re-wraps."""
        panel = self.query_one(ContentsPanel)
        if panel.display != show:
            self.conversation.hold_place()
            panel.display = show

    def on_resize(self, event: events.Resize) -> None:
        """From :data:`WIDE` columns the contents stay open beside the chat (until ctrl+t)."""
        if not self._contents_chosen:
            self._show_contents(event.size.width >= WIDE)

    def action_toggle_contents(self) -> None:
        self._contents_chosen = True
        panel = self.query_one(ContentsPanel)
        self._show_contents(not panel.display)
        (panel.query_one("#contents-filter") if panel.display else self.question).focus()

    def action_close_contents(self) -> None:
        """Esc, or an entry opened: a narrow terminal gives the room back to the chat."""
        if self.size.width < WIDE or self._contents_chosen:
            self._show_contents(False)
        self.question.focus()

    async def action_other_answers(self) -> None:
        reply = self._last_reply
        if reply is None or reply.kind != ReplyKind.ANSWER or not reply.alternatives or self._others_shown:
            self._notify(self._say(strings.NO_OTHERS))
            return
        self._others_shown = True
        self._blocks.append(transcript.alternatives_markdown(reply.alternatives, self.language))
        await self.conversation.add(*(
            AnswerCard(
                hit.passage,
                title=self._say(strings.OTHER_ANSWER),
                confidence=hit.confidence,
                terms=distinctive(reply.terms, self._share),
            )
            for hit in reply.alternatives
        ))

    def action_copy_answer(self) -> None:
        if self._last_passage is None:
            self._notify(self._say(strings.NOTHING_TO_COPY))
            return
        self.copy_to_clipboard(transcript.answer_text(self._last_passage, self.language))
        # OSC 52 has no reply: tmux (by default) and many terminals drop it silently.
        self._notify(self._say(strings.COPY_SENT))

    async def action_export(self) -> None:
        if not self._blocks:
            self._notify(self._say(strings.NOTHING_TO_SAVE))
            return
        try:
            path = transcript.export(self._blocks, self._export_dir, lang=self.language)
        except OSError as error:
            await self._note(self._say(strings.SAVE_FAILED, error=error), "error")
            return
        self._notify(self._say(strings.SAVED))
        # The path on a line of its own, left to right: inside an Arabic line its "/" would move.
        await self.conversation.add(SavedNote(self._say(strings.SAVED_IN), str(path)))

    async def action_clear(self) -> None:
        await self.conversation.clear()
        self._blocks.clear()
        self._last_reply = self._last_passage = None
        await self._welcome()

    def action_toggle_rtl(self) -> None:
        self.rtl_mode = TERMINAL if self.rtl_mode == APP else APP

    def watch_rtl_mode(self) -> None:
        if self.is_mounted:
            self.query_one("#title", RtlText).text = self._title()
            self._localize()

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_command_palette(self) -> None:
        """Open the palette with its right-to-left search field."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            placeholder = self._say(strings.PALETTE_PLACEHOLDER)
            self.push_screen(ChatPalette(placeholder=placeholder, id="--command-palette"))

    def action_page(self, direction: int) -> None:
        self.conversation.release_place()
        if direction < 0:
            self.conversation.scroll_page_up()
        else:
            self.conversation.scroll_page_down()

    def action_help_quit(self) -> None:
        """ctrl+c: say how to quit, in the chat's language."""
        self._notify(strings.BINDINGS["quit"].help(self.language) + ": ctrl+q")

    # -- helpers --------------------------------------------------------------------------
    def _siblings(self, passage: Passage) -> list[Passage]:
        """The items of the list ``passage`` is an item of (none for a section or paragraph)."""
        if self.engine is None or passage.level != Level.ITEM or passage.parent < 0:
            return []
        items = self._children.get(passage.parent, [])
        return [self.engine.passages[i] for i in items if self.engine.passages[i].level == Level.ITEM]

    def _share(self, term: str) -> float:
        """The share of passages holding an index term (its postings in the word field)."""
        if self.engine is None or not self.engine.passages:
            return 0.0
        field = self.engine.index.fields["word"]
        at = field.term_id.get(term)
        return 0.0 if at is None else float(field.indptr[at + 1] - field.indptr[at]) / len(self.engine.passages)

    async def _note(self, text: str, kind: str) -> None:
        await self.conversation.add(RtlText(text, classes=f"card {kind}"))

    def _notify(self, message: str) -> None:
        """A toast, laid out like the rest (toasts take plain one-line strings)."""
        self.notify(shown_line(self, message), markup=False, timeout=4)


def engine_opener(corpus: Path | None, index: Path | None) -> EngineFactory:
    """The real engine factory (imported lazily: the engine may build an index)."""

    def open_(progress: Progress) -> Engine:
        from chatbot.qa.engine import open_engine

        return open_engine(corpus, index, progress=progress)

    return open_


def create_app(
    engine_factory: EngineFactory | None = None,
    rtl: str | None = None,
    export_dir: Path | None = None,
    lang: str | None = None,
) -> ChatApp:
    """The app, shared by the CLI and the tests.

    ``engine_factory(progress)`` returns an Engine and is called in a worker thread;
    ``rtl`` is ``app``, ``terminal`` or ``auto`` (``None`` reads ``CHATBOT_RTL``);
    ``export_dir`` is where sessions are saved (by default :func:`transcript.sessions_folder`);
    ``lang`` is ``ar`` or ``en`` (``None`` reads ``CHATBOT_LANG``, else Arabic).
    """
    return ChatApp(
        engine_factory or engine_opener(None, None),
        resolve_mode(rtl, os.environ),
        export_dir or transcript.sessions_folder(os.environ),
        resolve_language(lang, os.environ),
    )


def run(corpus: Path | None, index: Path | None, rtl: str, lang: str | None = None) -> None:
    """Open the chat over ``corpus`` (``chatbot`` with no arguments)."""
    create_app(engine_opener(corpus, index), rtl, lang=lang).run()
