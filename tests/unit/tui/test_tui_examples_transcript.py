"""Welcome examples from headings, the contents tree, and the logical-text transcript."""

from datetime import datetime

from bundled_lecture import LECTURE
from chatbot.index.passages import Passage, split_passages
from chatbot.tui import transcript
from chatbot.tui.examples import example_questions
from chatbot.tui.widgets.contents import passage_tree


def lecture() -> list[Passage]:
    return split_passages(LECTURE.read_text(encoding="utf-8"), LECTURE.name)


def test_examples_are_questions_about_headings_spread_over_the_lecture():
    examples = example_questions(lecture())
    assert len(examples) == 4
    assert all(q.startswith("ما ") and q.endswith("؟") for q in examples)
    assert "ما مراحل الحكومة الالكترونيه؟" in examples
    assert not any(ch.isdigit() or "/" in q for q in examples for ch in q)


def test_examples_of_a_corpus_without_headings_are_empty():
    assert example_questions(split_passages("نص بلا عناوين.\n\nفقرة ثانية.", "x.txt")) == []


def test_passage_tree_nests_sections_and_items():
    passages = lecture()
    tops, children = passage_tree(passages)
    assert list(tops) == ["e-government.txt"]
    first = tops["e-government.txt"][0]
    assert passages[first].heading.startswith("اولا")
    nested = [passages[i].heading for i in children[first]]
    assert nested[0].startswith("2/ التطورات")
    stages = next(i for i, p in enumerate(passages) if p.heading == "مراحل الحكومة الالكترونيه")
    assert [passages[i].heading for i in children[stages]][0] == "ا/مرحلة الاعلان"
    listed, todo = [], [i for entries in tops.values() for i in entries]
    while todo:
        listed.append(todo.pop())
        todo += children[listed[-1]]
    # Every passage is listed once, but a heading's own text, which its whole span lists.
    unlisted = set(range(len(passages))) - set(listed)
    assert len(listed) == len(set(listed)) and all(
        passages[i - 1].section == passages[i].section and passages[i - 1].last > passages[i].last for i in unlisted)


def test_answer_text_is_logical_with_its_source():
    passage = lecture()[1]
    text = transcript.answer_text(passage)
    assert text.startswith(passage.text)
    assert "e-government.txt، الأسطر 7-12" in text


def test_export_writes_markdown(tmp_path):
    passage = lecture()[1]
    path = transcript.export([transcript.passage_markdown(passage, "من الفهرس")], tmp_path, datetime(2024, 1, 2, 3, 4, 5))
    assert path == tmp_path / "chatbot-session-20240102-030405.md"
    body = path.read_text(encoding="utf-8")
    assert "### من الفهرس" in body and "> ب/ التقدم الكبير في شبكة الاتصالات" in body


def test_sessions_go_to_the_user_data_folder_never_the_current_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = transcript.sessions_folder({})
    assert folder.is_absolute() and not folder.is_relative_to(tmp_path)
    assert folder.parts[-2:] == ("chatbot", "sessions")
    assert transcript.sessions_folder({"CHATBOT_SESSIONS_DIR": str(tmp_path / "s")}) == tmp_path / "s"


def test_create_app_saves_to_the_sessions_folder_by_default(tmp_path, monkeypatch):
    from chatbot.tui.app import create_app

    monkeypatch.setenv("CHATBOT_SESSIONS_DIR", str(tmp_path / "sessions"))
    assert create_app(lambda progress: None)._export_dir == tmp_path / "sessions"
