"""Huge inputs refused early in bounded memory, with ask's own message; folders and fifos named
as such; a closed pipe, SIGTERM and unexpected errors ending in a message and a documented exit
status, never a traceback; no temporary folder left behind."""

import io
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import tracemalloc

from pathlib import Path

import pytest

from chatbot.cli.exits import Exit
from chatbot.cli import evaluate as eval_cli
from chatbot.cli import main as cli
from chatbot.qa.query import MAX_QUESTION_CHARS, TOO_LONG
from chatbot.cli.main import main
from chatbot.eval.gold import EvalError, load_gold

LECTURE = ("# الحكومة الالكترونية\n\nتعريف الحكومة الالكترونية هو استخدام تقنية المعلومات في تقديم "
           "الخدمات للمواطنين.\n\n# مزايا التعليم عن بعد\n\nمن مزايا التعليم عن بعد المرونة وخفض التكلفة.\n")
QUESTION = "ما تعريف الحكومة الالكترونية"
SQUAD = Path(__file__).resolve().parents[2] / "fixtures" / "eval" / "squad_tiny.json"


@pytest.fixture(scope="module")
def lecture(tmp_path_factory):
    root = tmp_path_factory.mktemp("limits")
    (root / "corpus").mkdir()
    (root / "corpus" / "lecture.txt").write_text(LECTURE, encoding="utf-8")
    return ["--corpus", str(root / "corpus"), "--index", str(root / "index")]


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def _gold_line(qid: str, question: str) -> str:
    return json.dumps({"id": qid, "question": question, "unanswerable": True}, ensure_ascii=False) + "\n"


# -- length limits --------------------------------------------------------------------------------

def test_gold_question_over_asks_limit_is_refused_with_asks_message(lecture, tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(_gold_line("q1", "سؤال") + _gold_line("q2", "س" * (MAX_QUESTION_CHARS + 1)), encoding="utf-8")
    code, _, err = run(capsys, "eval", gold, *lecture)
    assert code == Exit.MISUSE and f"gold.jsonl السطر/line 2: {TOO_LONG}" in err


@pytest.fixture
def huge_gold(tmp_path):
    """A gold file whose second line is a 50 MB question, written in 1 MB pieces."""
    gold = tmp_path / "huge.jsonl"
    with gold.open("wb") as fh:
        fh.write(_gold_line("q1", "سؤال").encode() + b'{"id": "big", "unanswerable": true, "question": "')
        for _ in range(25):
            fh.write("ا".encode() * (1 << 19))  # 1 MB
        fh.write(b'"}\n')
    return gold


def test_50mb_gold_question_is_refused_in_bounded_memory(huge_gold):
    tracemalloc.start()
    try:
        with pytest.raises(EvalError, match="line 2: .*The question is too long"):
            load_gold(huge_gold)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20, f"peak {peak / 2**20:.1f} MiB for a 50 MB line"


def test_50mb_gold_question_through_the_cli(huge_gold, lecture, capsys):
    code, _, err = run(capsys, "eval", huge_gold, *lecture)
    assert code == Exit.MISUSE and TOO_LONG in err and "Traceback" not in err


def test_squad_question_over_the_limit_is_refused(tmp_path, capsys):
    squad = tmp_path / "squad.json"
    qas = [{"id": "q1", "question": "س" * (MAX_QUESTION_CHARS + 1), "answers": []}]
    squad.write_text(json.dumps({"data": [{"paragraphs": [{"context": LECTURE, "qas": qas}]}]}), encoding="utf-8")
    code, _, err = run(capsys, "eval", "--squad", squad)
    assert code == Exit.MISUSE and f"squad.json data[0].paragraphs[0].qas[0]: {TOO_LONG}" in err


def test_huge_batch_line_is_refused_and_the_next_answered(lecture, capsys, monkeypatch):
    data = ("ما " * (2 << 20)).encode() + f"\n{QUESTION}\n".encode()  # a 8 MB line, then a question
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(capsys, "ask", "--batch", "--json", *lecture)
    first, second = map(json.loads, out.splitlines())
    assert code == 0 and first["message"] == TOO_LONG and first["kind"] == "no_answer"
    assert len(first["question"]) < 5 * MAX_QUESTION_CHARS  # never echoed whole
    assert second["question"] == QUESTION and second["kind"] == "answer"


# -- files that are not files -----------------------------------------------------------------------

def test_corpus_add_names_a_folder_and_a_fifo(lecture, tmp_path, capsys):
    folder = tmp_path / "lectures"
    folder.mkdir()
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    code, _, err = run(capsys, "corpus", "add", folder, fifo, *lecture)
    assert code == Exit.FAILED
    assert "this is a folder, not a file" in err and "not a regular file (a fifo)" in err
    assert "file not found" not in err


# -- exits ----------------------------------------------------------------------------------------

class _ClosedPipe(io.StringIO):
    def write(self, text):
        raise BrokenPipeError(32, "Broken pipe")


def test_closed_pipe_exits_quietly(lecture, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    assert main(["ask", QUESTION, *lecture]) == Exit.BROKEN_PIPE == 141
    assert capsys.readouterr().err == ""


@pytest.mark.slow
def test_closed_pipe_in_a_real_process(lecture):
    """``chatbot ask … | head -1`` where head has gone before the answer is printed."""
    cmd = [sys.executable, "-m", "chatbot.cli", "ask", QUESTION, *lecture]
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait(timeout=120) == Exit.BROKEN_PIPE and err == ""


@pytest.mark.parametrize("error, status, message", [
    (RuntimeError("boom"), Exit.INTERNAL, "خطأ داخلي، أبلغ عنه من فضلك / internal error, please report it: "
                                              "RuntimeError: boom"),
    (PermissionError(13, "Permission denied", "/index/params.json"), 1,
     "تعذر الوصول إلى /index/params.json: لا تسمح الصلاحيات بذلك / cannot use /index/params.json: permission denied"),
    (KeyboardInterrupt(), 130, "أوقف / interrupted"),
])
def test_unexpected_errors_become_one_message(lecture, capsys, monkeypatch, error, status, message):
    def fail(args):
        raise error

    monkeypatch.delenv("CHATBOT_TRACEBACK", raising=False)
    monkeypatch.setitem(cli.COMMANDS, "index", fail)
    code, _, err = run(capsys, "index", *lecture)
    assert code == status and err.strip() == message


def _eval_folders(folder):
    return sorted(p.name for p in folder.glob(f"{eval_cli.TEMP_PREFIX}*"))


def test_sigterm_during_squad_eval_removes_its_temporary_folder(tmp_path, capsys, monkeypatch):
    """SIGTERM unwinds like Ctrl-C; the folders of killed (SIGKILL) runs go at the next run."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f"{eval_cli.TEMP_PREFIX}{int(dead.stdout)}-x1y2"
    (stale / "corpus").mkdir(parents=True)
    alive = tmp_path / f"{eval_cli.TEMP_PREFIX}1-keep"  # pid 1 is always alive
    alive.mkdir()

    def terminated(corpus, index):
        assert (corpus / "0001.txt").is_file()
        os.kill(os.getpid(), signal.SIGTERM)
        raise AssertionError("SIGTERM did not stop the run")

    monkeypatch.setattr("chatbot.qa.engine.open_engine", terminated)
    squad = tmp_path / "squad.json"
    qas = [{"id": "q1", "question": QUESTION, "answers": []}]
    squad.write_text(json.dumps({"data": [{"paragraphs": [{"context": LECTURE, "qas": qas}]}]}), encoding="utf-8")
    code, _, err = run(capsys, "eval", "--squad", squad)
    assert code == 128 + signal.SIGTERM and "stopped (SIGTERM)" in err
    assert _eval_folders(tmp_path) == [alive.name]
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # handler restored


def _start_squad_eval(tmp_path):
    """A real ``chatbot eval --squad`` with TMPDIR in tmp_path, once its temporary folder exists."""
    process = subprocess.Popen([sys.executable, "-m", "chatbot.cli", "eval", "--squad", str(SQUAD)],
                               env={**os.environ, "TMPDIR": str(tmp_path)},
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not _eval_folders(tmp_path) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert _eval_folders(tmp_path), "the run made no temporary folder"
    return process


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL])
def test_real_signal_during_squad_eval_leaves_no_folder(tmp_path, signum):
    process = _start_squad_eval(tmp_path)
    process.send_signal(signum)
    status = process.wait(timeout=60)
    if signum == signal.SIGTERM:
        assert status == 128 + signum and "Traceback" not in process.stderr.read()
    else:  # nothing of a killed process runs: its folder stays until the next run removes it
        assert _eval_folders(tmp_path)
        assert eval_cli.remove_stale_temp(tmp_path)
    assert _eval_folders(tmp_path) == []
