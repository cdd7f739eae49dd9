"""Driving the chat with the keyboard, as a student would (async tests: pytest-asyncio)."""

from __future__ import annotations

import pytest

from chatbot.tui import rtl, strings
from chatbot.tui.messages import PassageRequested
from chatbot.tui.transcript import answer_text
from chatbot.tui.widgets.answer_card import AnswerCard
from chatbot.tui.widgets.contents import Contents, ContentsPanel
from chatbot.tui.widgets.no_answer import NoAnswerCard
from chatbot.tui.widgets.question_input import QuestionInput
from chatbot.tui.widgets.rtl_text import RtlText
from chatbot.tui.widgets.welcome import Welcome
from tui_pilot import ask, settle, started, type_text

pytestmark = pytest.mark.asyncio

STAGES = "مراحل الحكومة الالكترونيه"


async def test_typed_question_gets_the_section_that_answers_it(make_app):
    app = make_app()
    async with started(app) as pilot:
        assert app.query(Welcome)
        await type_text(pilot, "ما مراحل الحكومة الالكترونية")
        await pilot.press("enter")
        await settle(pilot)
        card = app.query_one(AnswerCard)
        assert card.passage.heading == STAGES
        assert "مرحلة التبادل" in card.passage.text
        passage = card.query_one(".passage RtlText", RtlText)
        highlighted = {rtl.logical_word(passage.layout(60).plain[s.start : s.end]) for s in passage.layout(60).spans}
        assert "مراحل" in highlighted
        assert "الحكومة" not in highlighted  # in half the passages: marking it marks every line
        assert app.query_one(QuestionInput).value == ""


async def ask_two(pilot) -> None:
    await ask(pilot, "ما مراحل الحكومة الالكترونية")
    await ask(pilot, "ما الاحتياجات الجذرية للتحول الى الحكومة الالكترونية")


async def test_view_scrolls_to_the_start_of_the_new_answer(make_app):
    app = make_app()
    async with started(app) as pilot:
        await ask_two(pilot)
        card = list(app.query(AnswerCard))[-1]
        view = app.conversation
        assert view.max_scroll_y > 0
        top = card.virtual_region.y
        assert view.scroll_y <= top < view.scroll_y + view.scrollable_content_region.height


async def test_contents_opens_a_passage_in_the_chat(make_app):
    app = make_app()
    async with started(app) as pilot:
        await pilot.press("ctrl+t")
        panel = app.query_one(ContentsPanel)
        assert panel.display and app.query_one("#contents-filter").has_focus
        await pilot.press("down", "down", "enter")  # into the tree, then the first section
        await settle(pilot)
        card = app.query_one(AnswerCard)
        assert card.passage.heading.startswith("اولا")
        assert not panel.display and app.query_one(QuestionInput).has_focus


@pytest.mark.slow
async def test_contents_labels_use_the_panel_width_the_first_time(make_app):
    app = make_app()
    async with started(app, (100, 30)) as pilot:
        await pilot.press("ctrl+t")
        await settle(pilot)
        tree = app.query_one(Contents)
        labels = [str(tree.get_node_at_line(line).label) for line in range(1, 4)]
        assert all(len(label.strip()) > 12 for label in labels), labels


async def test_contents_filter_narrows_the_tree(make_app):
    app = make_app()
    async with started(app, (100, 30)) as pilot:
        await pilot.press("ctrl+t")
        await type_text(pilot, "مراحل")
        await settle(pilot)
        tree = app.query_one(Contents)
        shown = [tree.get_node_at_line(line) for line in range(tree.last_line + 1)]
        headings = [app.engine.passages[node.data].heading for node in shown if node.data is not None]
        assert "مراحل الحكومة الالكترونيه" in headings
        assert len(headings) < 10
        await pilot.press("enter", "down", "enter")  # into the tree, its first entry, open it
        await settle(pilot)
        assert "مراحل" in app.query_one(AnswerCard).passage.heading


async def test_opening_the_contents_keeps_the_conversations_place(make_app):
    app = make_app()
    async with started(app, (100, 30)) as pilot:
        await ask_two(pilot)
        view = app.conversation
        top, into = view.place()
        assert top is list(app.query(".question"))[-1]  # the last question at the top
        assert view.scroll_y > 0
        for _ in range(2):  # open, then close
            await pilot.press("ctrl+t")
            await settle(pilot)
            assert view.place() == (top, into)


@pytest.mark.slow
async def test_wide_terminals_show_the_contents_beside_the_chat(make_app):
    app = make_app()
    async with started(app, (160, 50)) as pilot:
        assert app.query_one(ContentsPanel).display
        assert app.query_one(QuestionInput).has_focus
    app = make_app()
    async with started(app, (100, 30)) as pilot:
        assert not app.query_one(ContentsPanel).display


@pytest.mark.slow
async def test_up_and_down_recall_earlier_questions(make_app):
    app = make_app()
    async with started(app) as pilot:
        await ask(pilot, "ما مراحل الحكومة الالكترونية")
        await ask(pilot, "ما اهداف الحكومة الالكترونية")
        line = app.query_one(QuestionInput)
        line.value = "مسودة"
        await pilot.press("up")
        assert line.value == "ما اهداف الحكومة الالكترونية"
        await pilot.press("up", "up")
        assert line.value == "ما مراحل الحكومة الالكترونية"
        await pilot.press("down")
        assert line.value == "ما اهداف الحكومة الالكترونية"
        await pilot.press("down")
        assert line.value == "مسودة"


async def test_rtl_mode_toggles_between_app_and_terminal(make_app):
    app = make_app("app")
    async with started(app) as pilot:
        await ask(pilot, "ما مراحل الحكومة الالكترونية")
        passage = app.query_one(AnswerCard).query_one(".passage RtlText", RtlText)
        assert "مرحلة التبادل" not in passage.layout(70).plain  # shaped and reordered
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.rtl_mode == rtl.TERMINAL
        assert "ب/ مرحلة التبادل" in passage.layout(70).plain  # logical, for a bidi terminal
        assert "(العرض: الطرفية)" in app.query_one("#title", RtlText).text
        await pilot.press("ctrl+r")
        assert app.rtl_mode == rtl.APP


async def test_typed_arabic_reads_right_to_left_in_the_input_box_itself(make_app):
    app = make_app("app")
    async with started(app) as pilot:
        question = "ما مراحل الحكومة"
        await type_text(pilot, question)
        box = app.query_one(QuestionInput)
        box.cursor_blink = False
        shown = box.render_line(0).text
        assert shown.rstrip().endswith(rtl.visual_line(question))  # shaped, reordered, right-aligned
        assert shown.startswith("   ")
        x, _ = box.cursor_screen_offset
        assert x == box.content_region.x + shown.index(rtl.visual_line(question)) - 1  # end: left
        await pilot.press("right", "right", "right", "right", "right", "right")  # back over «الحكومة»
        assert box.cursor_position == len("ما مراحل ") + 1
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert box.render_line(0).text.startswith(question)  # logical, for a bidi terminal


async def test_other_answers_copy_export_and_clear(make_app, tmp_path):
    app = make_app()
    async with started(app, (100, 30)) as pilot:
        await ask(pilot, "ما هي مرحلة التبادل")
        answer = app.query_one(AnswerCard).passage
        await pilot.press("ctrl+o")
        await settle(pilot)
        others = list(app.query(AnswerCard))[1:]
        assert others and all(card.passage != answer for card in others)

        await pilot.press("ctrl+y")
        assert app.clipboard == answer_text(answer)
        assert answer.text in app.clipboard  # logical order, original spelling

        await pilot.press("ctrl+s")
        await settle(pilot)
        [saved] = tmp_path.glob("chatbot-session-*.md")
        body = saved.read_text(encoding="utf-8")
        assert "## ما هي مرحلة التبادل" in body and answer.text.splitlines()[0] in body

        await pilot.press("ctrl+l")
        await settle(pilot)
        assert not app.query(AnswerCard) and app.query(Welcome)


async def test_no_answer_offers_the_closest_sections(make_app):
    app = make_app()
    async with started(app) as pilot:
        await ask(pilot, "ما هي مراحل نمو الطفل")
        card = app.query_one(NoAnswerCard)
        suggestions = card.query_one("RtlOptionList")
        suggestions.focus()
        await pilot.press("enter")
        await settle(pilot)
        opened = app.query_one(AnswerCard)
        assert opened.passage.heading == STAGES


@pytest.mark.slow
async def test_greeting_gets_a_short_reply(make_app):
    app = make_app()
    async with started(app) as pilot:
        await ask(pilot, "مرحبا")
        assert app.query(".smalltalk") and not app.query(AnswerCard)


@pytest.mark.slow
async def test_choosing_an_example_asks_it(make_app):
    app = make_app()
    async with started(app) as pilot:
        examples = app.query_one(Welcome).query_one("RtlOptionList")
        for _ in range(4):  # Tab until the examples have the focus
            if examples.has_focus:
                break
            await pilot.press("tab")
        await pilot.press("end", "enter")  # pick the last one
        await settle(pilot)
        assert app.query_one(AnswerCard).passage.heading == STAGES


async def test_markup_and_escapes_in_the_corpus_are_shown_literally(make_app, unsafe_corpus):
    app = make_app("terminal", unsafe_corpus)
    async with started(app, (100, 30)) as pilot:
        await ask(pilot, "نص فيه وسم رابط")
        shown = "\n".join(w.layout(90).plain for w in app.query_one(AnswerCard).query(RtlText))
        assert "[bold]وسم[/bold]" in shown and "[link=http://example.com]" in shown
        escaped = next(i for i, p in enumerate(app.engine.passages) if "تسلسل" in p.heading)
        app.post_message(PassageRequested(escaped))
        await settle(pilot)
        shown = "\n".join(w.layout(90).plain for w in list(app.query(AnswerCard))[-1].query(RtlText))
        assert "␛[31mتحكم␛[0m" in shown and "\x1b" not in shown


async def test_a_broken_engine_is_reported_not_raised(tmp_path):
    from chatbot.tui.app import create_app

    def broken(progress):
        raise FileNotFoundError("no such corpus")

    app = create_app(broken, "terminal", tmp_path)
    async with started(app) as pilot:
        assert "no such corpus" in app.query_one(".error", RtlText).text
        await ask(pilot, "ما مراحل الحكومة")  # no engine: a notice, no crash
        assert app.is_running and app.engine is None and not app.query(AnswerCard)
        assert [n.message for n in app._notifications] == [strings.WILL_ANSWER.ar]


async def test_palette_finds_the_chat_commands_in_arabic_typed_right_to_left(make_app):
    from textual.command import CommandInput, CommandList

    app = make_app()
    async with started(app) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "حفظ")
        field = app.screen.query_one(CommandInput)
        assert field.render_line(0).text.rstrip().endswith(rtl.visual_line("حفظ"))
        await pilot.pause(0.5)
        prompts = [str(option.prompt).split("\n")[0] for option in app.screen.query_one(CommandList).options]
        assert rtl.visual_line("حفظ الجلسة") in prompts
        assert not any("Save" in prompt or "Quit" in prompt for prompt in prompts)
        await pilot.press("escape")
        await pilot.press("f1")
        assert app.screen.__class__.__name__ == "HelpScreen"
        await pilot.press("escape")
        assert app.screen.__class__.__name__ != "HelpScreen"


def footer_words(app) -> list[str]:
    return [active.binding.description for active in app.screen.active_bindings.values() if active.binding.show]


@pytest.mark.slow
async def test_footer_is_arabic_by_default_and_english_on_request(make_app):
    app = make_app()
    async with started(app) as pilot:
        words = footer_words(app)
        assert rtl.visual_line("حفظ") in words and rtl.visual_line("اسأل") in words
        assert not any(ch.isascii() and ch.isalpha() for word in words for ch in word)
    app = make_app(lang="en")
    async with started(app) as pilot:
        assert {"Save", "Ask", "Contents", "Quit"} <= set(footer_words(app))
        assert app.query_one(QuestionInput).placeholder.startswith("Type your question")


@pytest.mark.slow
async def test_no_answer_message_is_in_one_language(make_app):
    for lang, other in (("ar", "The lecture"), ("en", "المحاضرة")):
        app = make_app(lang=lang)
        async with started(app) as pilot:
            await ask(pilot, "ما هي مراحل نمو الطفل")
            title = app.query_one(NoAnswerCard).query_one(".card-title", RtlText).text
            assert other not in title and " / " not in title


@pytest.mark.slow
async def test_english_lines_keep_their_full_stop_on_the_right(make_app):
    app = make_app(lang="en")
    async with started(app) as pilot:
        await ask(pilot, "ما هي مراحل نمو الطفل")
        title = app.query_one(NoAnswerCard).query_one(".card-title", RtlText)
        line = title.layout(70).plain
        assert line.startswith("The lecture") and line.rstrip().endswith(".")


async def test_a_50000_line_passage_is_shown_a_part_at_a_time(make_app):
    """Issue 13: laying out 50,000 lines at once froze the chat for 17–51 s."""
    from chatbot.index.passages import Passage
    from chatbot.tui.widgets.answer_card import PART_LINES

    body = "\n".join(f"سطر رقم {i} من نص طويل جدا عن الحكومة" for i in range(50_000))
    huge = Passage("huge.txt", ("عنوان",), 2, 50_001, body, "section", "عنوان", -1)
    app = make_app()
    async with started(app) as pilot:
        await app.conversation.add(AnswerCard(huge, title="من الفهرس"))
        await settle(pilot)
        card = app.query_one(AnswerCard)
        parts = card.query(".passage RtlText")
        assert len(parts) == 1 and parts.first().text.count("\n") == PART_LINES - 1
        more = card.query_one(".show-more")
        assert "60 من 50000" in more.labels[0]
        more.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert len(card.query(".passage RtlText")) == 2
        assert "120 من 50000" in more.labels[0]


async def test_saved_session_holds_what_was_shown_and_its_path_reads_left_to_right(make_app, tmp_path):
    from chatbot.tui.widgets.notes import SavedNote

    app = make_app()
    async with started(app, (100, 30)) as pilot:
        await ask(pilot, "ما هي مرحلة التبادل")
        reply = app._last_reply
        assert reply.alternatives
        await pilot.press("ctrl+s")
        await settle(pilot)
        [saved] = tmp_path.glob("chatbot-session-*.md")
        body = saved.read_text(encoding="utf-8")
        assert "### إجابة أخرى" not in body  # the other answers were not shown
        path = app.query_one(SavedNote).query_one(".path", RtlText)
        assert path.layout(200).plain.startswith(str(saved))  # «/tmp/…», not «tmp/…/»
        saved.unlink()
        await pilot.press("ctrl+o")
        await pilot.press("ctrl+s")
        await settle(pilot)
        [saved] = tmp_path.glob("chatbot-session-*.md")
        assert saved.read_text(encoding="utf-8").count("### إجابة أخرى") == len(reply.alternatives)


async def test_copy_does_not_claim_what_the_terminal_cannot_confirm(make_app):
    app = make_app()
    async with started(app, (100, 30)) as pilot:
        await ask(pilot, "ما هي مرحلة التبادل")
        await pilot.press("ctrl+y")
        [toast] = [n.message for n in app._notifications]
        assert rtl.logical_word(toast) != "نُسخت الإجابة"
        assert "ctrl+s" in toast


async def test_an_item_is_shown_inside_its_list_and_the_best_sentence_first(make_app):
    app = make_app()
    async with started(app, (100, 30)) as pilot:
        await ask(pilot, "ما هي مرحلة التبادل")
        card = app.query_one(AnswerCard)
        assert card.passage.level == "item"
        siblings = [w.text for w in card.query(".sibling")]
        assert any("الاعلان" in s for s in siblings) and len(siblings) >= 2
        assert card.query_one(".passage.item")
        assert not card.query(".best")  # its text is one sentence: nothing to pick out
        await ask(pilot, "ما الاحتياجات الجذرية للتحول الى الحكومة الالكترونية")
        card = list(app.query(AnswerCard))[-1]
        best = card.query_one(".best", RtlText).text
        assert best in card.passage.text and best != card.passage.heading
        assert "تحول" in best


async def test_the_chat_wears_its_own_theme(make_app):
    app = make_app()
    async with started(app) as pilot:
        assert app.theme == "chatbot-dark"
        assert {"chatbot-dark", "chatbot-light"} <= set(app.available_themes)
