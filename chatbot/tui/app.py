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

from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input

from chatbot.passages import Passage
from chatbot.tui import transcript
from chatbot.tui.examples import example_questions
from chatbot.tui.messages import AskRequested, PassageRequested
from chatbot.tui.rtl import APP, TERMINAL, resolve_mode, visual_line
from chatbot.tui.widgets.answer_card import AnswerCard
from chatbot.tui.widgets.contents import Contents
from chatbot.tui.widgets.conversation import Conversation
from chatbot.tui.widgets.help_screen import HelpScreen
from chatbot.tui.widgets.index_progress import IndexProgress
from chatbot.tui.widgets.no_answer import NoAnswerCard
from chatbot.tui.widgets.palette import ChatPalette
from chatbot.tui.widgets.question_input import QuestionInput
from chatbot.tui.widgets.rtl_text import RtlText
from chatbot.tui.widgets.welcome import Welcome

if TYPE_CHECKING:
    from chatbot.answer import Reply
    from chatbot.engine import Engine

__all__ = ["ChatApp", "create_app", "run"]

Progress = Callable[[int, int, str], None]
EngineFactory = Callable[[Progress], "Engine"]

TITLE = "مساعد المحاضرة — اسأل بالعربية"
# The actions also offered in the command palette (their binding's description and tooltip
# become the command's title and help).
PALETTE_ACTIONS = (
    "toggle_contents", "other_answers", "copy_answer", "export", "clear", "toggle_rtl", "help",
)


class ChatApp(App[None]):
    """Ask in Arabic, read the lecture's answer."""

    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("ctrl+t", "toggle_contents", "TOC", tooltip="Table of contents of the lectures"),
        Binding("ctrl+o", "other_answers", "More", tooltip="Other answers to the last question"),
        Binding("ctrl+y", "copy_answer", "Copy", tooltip="Copy the last answer to the clipboard"),
        Binding("ctrl+s", "export", "Save", tooltip="Save the session as a Markdown file"),
        Binding("ctrl+l", "clear", "Clear", tooltip="Clear the conversation"),
        Binding("ctrl+r", "toggle_rtl", "RTL", tooltip="Switch Arabic rendering: app / terminal"),
        Binding("f1", "help", "Help", tooltip="Keys and how to use the chat"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("escape", "close_contents", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
    ]

    rtl_mode: reactive[str] = reactive(APP)

    def __init__(self, engine_factory: EngineFactory, rtl_mode: str, export_dir: Path) -> None:
        super().__init__()
        self.set_reactive(ChatApp.rtl_mode, rtl_mode)
        self.engine: Engine | None = None
        self._engine_factory = engine_factory
        self._export_dir = export_dir
        self._index_of: dict[Passage, int] = {}
        self._blocks: list[str] = []  # the session, as Markdown, for export
        self._last_reply: Reply | None = None
        self._last_passage: Passage | None = None  # what "copy" copies
        self._others_shown = False
        self._pending: str | None = None  # asked before the engine was ready

    # -- layout ---------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield RtlText(self._title(), id="title")
        with Horizontal(id="main"):
            yield Conversation(id="conversation")
            yield Contents(id="contents")
        yield QuestionInput(id="question")
        # Compact, without the palette key, so every binding fits in 80 columns (F1 lists ctrl+p).
        yield Footer(compact=True, show_command_palette=False)

    def _title(self) -> str:
        return f"{TITLE}   (RTL: {self.rtl_mode})"

    @property
    def conversation(self) -> Conversation:
        return self.query_one("#conversation", Conversation)

    @property
    def question(self) -> QuestionInput:
        return self.query_one("#question", QuestionInput)

    async def on_mount(self) -> None:
        progress = IndexProgress()
        await self.conversation.add(progress)
        self.question.focus()
        self._open_engine(progress)

    # -- engine ---------------------------------------------------------------------------
    @work(exclusive=True, group="engine")
    async def _open_engine(self, progress: IndexProgress) -> None:
        def report(done: int, total: int, filename: str) -> None:
            self.call_from_thread(progress.advance, done, total, filename)

        try:
            engine = await asyncio.to_thread(self._engine_factory, report)
        except Exception as error:  # a broken corpus must not end in a traceback
            await progress.remove()
            await self._note(f"تعذّر فتح المحاضرات: {error}", "error")
            return
        self.engine = engine
        self._index_of = {passage: i for i, passage in enumerate(engine.passages)}
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
            self._notify("سأجيب حين يجهز الفهرس…")
            return
        self._pending = None
        try:
            reply = await asyncio.to_thread(engine.ask, question)
        except Exception as error:
            await self._note(f"حدث خطأ أثناء البحث: {error}", "error")
            return
        await self._show_reply(reply)

    async def _show_reply(self, reply: Reply) -> None:
        self._last_reply = reply
        self._others_shown = False
        self._blocks.append(transcript.reply_markdown(reply))
        echo = RtlText(f"سؤالك: {reply.question}", classes="question")
        if reply.kind == "answer" and reply.answer is not None:
            self._last_passage = reply.answer.passage
            others = len(reply.alternatives)
            card: Widget = AnswerCard(
                reply.answer.passage,
                # Messages read «Arabic / English»; the card shows the Arabic.
                title=reply.message.split(" / ")[0] if reply.message else "الإجابة",
                confidence=reply.answer.confidence,
                terms=reply.terms,
                hint=f"ctrl+o: إجابات أخرى ({others})" if others else "",
            )
        elif reply.kind == "smalltalk":
            card = RtlText(reply.message, classes="card smalltalk")
        else:
            suggestions = [
                (self._index_of[hit.passage], hit.passage)
                for hit in reply.alternatives
                if hit.passage in self._index_of
            ]
            card = NoAnswerCard(reply.message or "لم أجد إجابة في المحاضرة.", suggestions)
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
        self._blocks.append(transcript.passage_markdown(passage, "من الفهرس"))
        self.action_close_contents()
        await self.conversation.add(AnswerCard(passage, title="من الفهرس"))

    # -- actions --------------------------------------------------------------------------
    def action_toggle_contents(self) -> None:
        contents = self.query_one(Contents)
        contents.display = not contents.display
        (contents if contents.display else self.question).focus()

    def action_close_contents(self) -> None:
        contents = self.query_one(Contents)
        if contents.display:
            contents.display = False
            self.question.focus()

    async def action_other_answers(self) -> None:
        reply = self._last_reply
        if reply is None or reply.kind != "answer" or not reply.alternatives or self._others_shown:
            self._notify("لا توجد إجابات أخرى")
            return
        self._others_shown = True
        await self.conversation.add(*(
            AnswerCard(hit.passage, title="إجابة أخرى", confidence=hit.confidence, terms=reply.terms)
            for hit in reply.alternatives
        ))

    def action_copy_answer(self) -> None:
        if self._last_passage is None:
            self._notify("لا توجد إجابة لنسخها بعد")
            return
        self.copy_to_clipboard(transcript.answer_text(self._last_passage))
        self._notify("نُسخت الإجابة")

    async def action_export(self) -> None:
        if not self._blocks:
            self._notify("لا يوجد ما يُحفظ بعد")
            return
        try:
            path = transcript.export(self._blocks, self._export_dir)
        except OSError as error:
            await self._note(f"تعذّر حفظ الجلسة: {error}", "error")
            return
        self._notify("حُفظت الجلسة")
        await self._note(f"حُفظت الجلسة في الملف: {path}", "note")

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

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_command_palette(self) -> None:
        """Open the palette with its right-to-left search field."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(ChatPalette(id="--command-palette"))

    def action_page(self, direction: int) -> None:
        if direction < 0:
            self.conversation.scroll_page_up()
        else:
            self.conversation.scroll_page_down()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for binding in self.BINDINGS:
            if isinstance(binding, Binding) and binding.action in PALETTE_ACTIONS:
                action = partial(self.run_action, binding.action)
                yield SystemCommand(binding.description, binding.tooltip, action)

    # -- helpers --------------------------------------------------------------------------
    async def _note(self, text: str, kind: str) -> None:
        await self.conversation.add(RtlText(text, classes=f"card {kind}"))

    def _notify(self, message: str) -> None:
        """A toast, drawn right to left like the rest (toasts take plain strings)."""
        shown = visual_line(message) if self.rtl_mode == APP else message
        self.notify(shown, markup=False, timeout=3)


def engine_opener(corpus: Path | None, index: Path | None) -> EngineFactory:
    """The real engine factory (imported lazily: the engine may build an index)."""

    def open_(progress: Progress) -> Engine:
        from chatbot.engine import open_engine

        return open_engine(corpus, index, progress=progress)

    return open_


def create_app(
    engine_factory: EngineFactory | None = None,
    rtl: str | None = None,
    export_dir: Path | None = None,
) -> ChatApp:
    """The app, shared by the CLI and the tests.

    ``engine_factory(progress)`` returns an Engine and is called in a worker thread;
    ``rtl`` is ``app``, ``terminal`` or ``auto`` (``None`` reads ``CHATBOT_RTL``);
    ``export_dir`` is where sessions are saved (the current directory by default).
    """
    return ChatApp(
        engine_factory or engine_opener(None, None),
        resolve_mode(rtl, os.environ),
        export_dir or Path.cwd(),
    )


def run(corpus: Path | None, index: Path | None, rtl: str) -> None:
    """Open the chat over ``corpus`` (``chatbot`` with no arguments)."""
    create_app(engine_opener(corpus, index), rtl).run()
