"""A hostile lecture cannot drive the student's terminal: escape sequences (OSC 52 clipboard,
clear screen), C1 controls, DEL and bidi overrides in lecture text and in file names reach no
human-readable output raw, through any command, and ``--json`` escapes them as valid JSON."""

import io
import json
import re
import sys

import pytest

from chatbot.cli.exits import Exit
from chatbot.cli.main import main

CLIPBOARD = "\x1b]52;c;SGFja2VkIQ==\x07"  # OSC 52: replace the terminal's clipboard
CLEAR = "\x1b[2J"  # clear the screen
CSI = "\x9b"  # the one-byte C1 CSI
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE
DEL = "\x7f"
HOSTILE_NAME = f"evil{CLEAR}{RLO}{CSI}{DEL}.txt"
LECTURE = (
    f"# الحكومة الالكترونية {CLIPBOARD}\n\n"
    f"تعريف الحكومة الالكترونية {CLEAR}هو استخدام تقنية المعلومات{RLO} في تقديم الخدمات{CSI} "
    f"للمواطنين{DEL} عبر الانترنت.\n\n"
    "# مزايا التعليم عن بعد\n\nمن مزايا التعليم عن بعد المرونة وخفض التكلفة.\n"
)
QUESTION = "ما تعريف الحكومة الالكترونية"
# What must never reach a terminal raw (the set chatbot.text.safe_text documents), written out here
# so the test states the requirement rather than reusing the code it checks.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A corpus holding the hostile lecture under a hostile name, indexed once."""
    root = tmp_path_factory.mktemp("hostile")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / HOSTILE_NAME).write_text(LECTURE, encoding="utf-8")
    paths = ["--corpus", str(corpus), "--index", str(root / "index")]
    assert main(["index", *paths]) == 0
    return paths


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert not RAW.search(out), f"raw control in stdout: {out!r}"
    assert not RAW.search(err), f"raw control in stderr: {err!r}"
    assert "Traceback" not in out + err
    return code, out, err


def test_ask_plain_shows_controls_as_symbols(hostile, capsys):
    code, out, _ = run(capsys, "ask", QUESTION, *hostile)
    assert code == 0
    assert "␛]52;c;SGFja2VkIQ==␇" in out and "␛[2J" in out and "␡" in out
    assert "evil␛[2J" in out  # the file name, its override dropped


def test_ask_json_escapes_controls_and_reads_back(hostile, capsys):
    code, out, _ = run(capsys, "ask", QUESTION, "--json", *hostile)
    assert code == 0
    for escape in ("\\u001b]52", "\\u0007", "\\u001b[2J", "\\u202e", "\\u009b", "\\u007f"):
        assert escape in out
    answer = json.loads(out)["answer"]
    assert CLIPBOARD in answer["section"][0] and CLEAR + "هو" in answer["text"]
    assert answer["source"] == HOSTILE_NAME  # exactly the original, once read back


@pytest.mark.parametrize("as_json", [False, True])
def test_batch_output_is_safe(hostile, capsys, monkeypatch, as_json):
    questions = [QUESTION, f"{CLEAR}سؤال{RLO} {CSI}فيه{DEL} {CLIPBOARD}رموز"]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("\n".join(questions).encode())))
    code, out, _ = run(capsys, "ask", "--batch", *(["--json"] if as_json else []), *hostile)
    assert code == 0
    if as_json:
        replies = [json.loads(line) for line in out.splitlines()]
        assert [r["question"] for r in replies] == questions  # echoed exactly, once read back
    else:
        assert "? ␛[2Jسؤال �فيه␡ ␛]52;c;SGFja2VkIQ==␇رموز" in out


def test_corpus_list_and_check(hostile, capsys):
    code, out, _ = run(capsys, "corpus", "list", *hostile)
    assert code == 0 and "evil␛[2J" in out
    code, out, _ = run(capsys, "corpus", "check", *hostile)
    assert "evil␛[2J" in out


def test_corpus_add_and_remove_a_hostile_file(tmp_path, capsys):
    corpus, incoming = tmp_path / "corpus", tmp_path / "incoming"
    corpus.mkdir(), incoming.mkdir()
    (incoming / HOSTILE_NAME).write_text(LECTURE, encoding="utf-8")
    paths = ["--corpus", corpus, "--index", tmp_path / "index"]
    code, out, _ = run(capsys, "corpus", "add", incoming / HOSTILE_NAME, *paths)
    assert code == 0 and "added evil␛[2J" in out
    code, out, _ = run(capsys, "corpus", "remove", HOSTILE_NAME, *paths)
    assert code == 0 and "removed evil␛[2J" in out


def test_bad_files_and_names_in_messages(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / f"bin{CLEAR}.txt").write_bytes(bytes(range(256)) * 8)  # skipped with its name
    paths = ["--corpus", corpus, "--index", tmp_path / "index"]
    code, _, err = run(capsys, "index", *paths)
    assert code == 0 and "bin␛[2J.txt" in err
    code, _, err = run(capsys, "corpus", "add", tmp_path / f"missing{CLIPBOARD}.txt", *paths)
    assert code == Exit.FAILED and "missing␛]52" in err and "file not found" in err
    code, _, err = run(capsys, "corpus", "remove", f"{CLEAR}{RLO}", *paths)
    assert code == Exit.MISUSE and "no such lecture file: ␛[2J" in err
    code, _, err = run(capsys, "ask", "سؤال", "--corpus", tmp_path / f"nope{CSI}")
    assert code == Exit.MISUSE and "corpus folder not found" in err


def test_usage_errors_echo_safely(capsys):
    with pytest.raises(SystemExit) as stop:
        run(capsys, "ask", "سؤال", "--top", f"{CLEAR}{CSI}")
    assert stop.value.code == Exit.MISUSE
    _, err = capsys.readouterr()
    assert not RAW.search(err) and "usage error" in err


@pytest.mark.parametrize("as_json", [False, True])
def test_eval_report_is_safe(hostile, tmp_path, capsys, as_json):
    gold = tmp_path / "gold.jsonl"
    # Unanswerable on paper, answered by the engine: a failure, listed with question and title.
    row = {"id": "q1", "question": f"{QUESTION}{CLEAR}{RLO}", "unanswerable": True}
    gold.write_text(json.dumps(row) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "eval", gold, *(["--json"] if as_json else []), *hostile)
    assert code == 0
    if as_json:
        failure = json.loads(out.splitlines()[-1])["failures"][0]
        assert failure["question"] == row["question"] and CLIPBOARD in failure["title"]
    else:
        assert f"{QUESTION}␛[2J" in out and "␛]52;c;SGFja2VkIQ==␇" in out
