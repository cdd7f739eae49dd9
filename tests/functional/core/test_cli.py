"""The CLI contract that scripts and acceptance rely on: `ask`, `ask --json --batch`, `index`,
exit statuses, and bad input that never ends in a traceback.

Each command runs in-process (``main(argv)``) in the default run, and again as the process
scripts start (``python -m chatbot.cli``) in the slow run."""

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Callable, NamedTuple

import pytest

from bundled_lecture import passage_titled
from chatbot.cli.exits import Exit
from chatbot.cli.main import main

STAGES = "مراحل الحكومة الالكترونيه"
KEYS = {"question", "kind", "message", "answer", "alternatives"}
ANSWER_KEYS = {"text", "source", "section", "lines", "score"}


class Ran(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


Run = Callable[..., Ran]  # run(args, corpus, stdin=None)


@pytest.fixture(params=["in-process", pytest.param("subprocess", marks=pytest.mark.slow)])
def run(request, capsys, monkeypatch) -> Run:
    """``run(args, corpus, stdin=None)``: ``chatbot ARGS --corpus CORPUS --index …`` and what it left."""

    def chatbot(args: list[str], corpus: Path, stdin: str | None = None) -> Ran:
        argv = [*args, "--corpus", str(corpus), "--index", str(corpus.parent / "index")]
        if request.param == "subprocess":
            done = subprocess.run([sys.executable, "-m", "chatbot.cli", *argv], input=stdin, capture_output=True,
                                  text=True, encoding="utf-8", timeout=120)
            return Ran(done.returncode, done.stdout, done.stderr)
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((stdin or "").encode())))
        try:
            code = main(argv)
        except SystemExit as exit:  # argparse's usage errors
            code = exit.code
        out, err = capsys.readouterr()
        return Ran(code, out, err)

    return chatbot


def test_ask_json_shape(engine, lecture_corpus: Path, capsys) -> None:
    assert main(["ask", "ما مراحل الحكومة الالكترونية", "--json", "--corpus", str(lecture_corpus),
                 "--index", str(lecture_corpus.parent / "index")]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == KEYS and out["kind"] == "answer"
    assert set(out["answer"]) == ANSWER_KEYS
    assert out["answer"]["source"] == "e-government.txt"
    stages = passage_titled(engine.passages, STAGES)
    assert out["answer"]["lines"] == [stages.first, stages.last]
    assert out["answer"]["section"][-1] == STAGES
    assert "ا/مرحلة الاعلان" in out["answer"]["text"], "original text, not normalised tokens"
    assert all(set(a) == ANSWER_KEYS for a in out["alternatives"])


def test_ask_readable(engine, lecture_corpus: Path, capsys) -> None:
    assert main(["ask", "ما هي مرحلة التبادل", "--corpus", str(lecture_corpus),
                 "--index", str(lecture_corpus.parent / "index")]) == 0
    out = capsys.readouterr().out
    item = passage_titled(engine.passages, "مرحلة التبادل")
    assert "ب/ مرحلة التبادل" in out and f"e-government.txt:{item.first}-{item.last}" in out


def test_batch_one_object_per_line_in_order(engine, lecture_corpus: Path, run: Run) -> None:
    questions = ["ما هي مرحلة التبادل", "", "   ", "شكرا", "ما عاصمة فرنسا", "😀😀", "ما مفهوم الحكومة الالكترونية"]
    result = run(["ask", "--json", "--batch"], lecture_corpus, "\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(questions)
    objects = [json.loads(line) for line in lines]
    assert [o["question"] for o in objects] == questions
    assert [o["kind"] for o in objects] == ["answer", "no_answer", "no_answer", "smalltalk", "no_answer", "no_answer", "answer"]
    assert all(set(o) == KEYS for o in objects)


def test_index_prints_summary(engine, lecture_corpus: Path, run: Run) -> None:
    result = run(["index"], lecture_corpus)
    assert result.returncode == 0
    assert f"passages: {len(engine.passages)}" in result.stdout.replace("المقاطع / ", "")


@pytest.mark.parametrize("args", [["ask"], ["ask", "سؤال", "--top", "x"], ["ask", "--bogus"], ["nothing"]])
def test_misuse_exits_2_with_message(args: list[str], lecture_corpus: Path, run: Run) -> None:
    result = run(args, lecture_corpus)
    assert result.returncode == Exit.MISUSE
    assert result.stderr.strip() and "Traceback" not in result.stderr


def test_missing_corpus_folder_is_misuse(tmp_path: Path, run: Run) -> None:
    result = run(["ask", "سؤال"], tmp_path / "nope")
    assert result.returncode == Exit.MISUSE and "corpus folder not found" in result.stderr


BAD_QUESTIONS = {
    "empty": "",
    "whitespace": " \t ",
    "very long": "ما مراحل الحكومة " * 7000,
    "punctuation": "؟؟؟!!! ... ،،",
    "emoji": "😀🙏🏽🇸🇦",
    "latin": "what is the capital of France",
    "control characters": "\x00\x07\x1b[31m\x7f",
    "bidi overrides": "\u202e\u2066\u2067\u200f\u061c",
}


@pytest.mark.parametrize("name", BAD_QUESTIONS)
def test_bad_question_gets_clear_no_answer(name: str, engine) -> None:
    reply = engine.ask(BAD_QUESTIONS[name])
    assert reply.kind == "no_answer" and reply.answer is None
    assert reply.message


def test_bidi_marks_inside_a_real_question_are_ignored(engine) -> None:
    reply = engine.ask("\u202bما مراحل\u200f الحكومة الالكترونية\u202c")
    assert reply.kind == "answer" and reply.answer.passage == passage_titled(engine.passages, STAGES)


def test_empty_question_on_command_line_exits_2(engine, lecture_corpus: Path, run: Run) -> None:
    result = run(["ask", "  "], lecture_corpus)
    assert result.returncode == Exit.MISUSE and "اكتب سؤالك" in result.stderr


def test_very_long_question_in_batch_stays_one_line(engine, lecture_corpus: Path, run: Run) -> None:
    result = run(["ask", "--json", "--batch"], lecture_corpus, BAD_QUESTIONS["very long"] + "\n")
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 1
    assert json.loads(result.stdout)["kind"] == "no_answer"


@pytest.mark.parametrize("argv", [
    ["--corpus", "lectures", "--index", "idx", "--no-semantic", "index"],
    ["index", "--corpus", "lectures", "--index", "idx", "--no-semantic"],
    ["--corpus", "lectures", "ask", "--index", "idx", "--no-semantic", "سؤال"],
])
def test_path_options_hold_before_or_after_the_command(argv: list[str]) -> None:
    # A command's own defaults once wiped out options given before it: «chatbot --corpus X
    # index» indexed the bundled lecture, silently.
    from chatbot.cli.main import build_parser

    args = build_parser().parse_args(argv)
    assert (args.corpus, args.index, args.no_semantic) == (Path("lectures"), Path("idx"), True)
    plain = build_parser().parse_args(["ask", "سؤال"] if "ask" in argv else ["index"])
    assert (plain.corpus, plain.index, plain.no_semantic) == (None, None, False)
