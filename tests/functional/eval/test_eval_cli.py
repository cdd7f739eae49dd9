"""``chatbot eval`` end to end: gold files over a small lecture, SQuAD files, TREC output, misuse."""

import json
import re
import shutil
from pathlib import Path

import pytest

from chatbot.cli.exits import Exit
from chatbot.cli.main import main

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "eval"
SQUAD = FIXTURES / "squad_tiny.json"
GOLD = FIXTURES / "water_gold.jsonl"
REQUIRED_KEYS = {"recall@1", "recall@5", "mrr@10", "ndcg@10", "questions"}


@pytest.fixture
def lecture(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "lecture", corpus)
    return ["--corpus", str(corpus), "--index", str(tmp_path / "index")]


def _last_json(out: str) -> dict:
    return json.loads(out.strip().splitlines()[-1])


def test_squad_json_report(capsys):
    assert main(["eval", "--squad", str(SQUAD), "--json"]) == 0
    result = _last_json(capsys.readouterr().out)
    assert REQUIRED_KEYS <= set(result)
    assert result["questions"] == 18 and result["answerable"] == 18 and result["passages"] == 9
    assert 0 <= result["recall@1"] <= result["recall@5"] <= 1
    assert result["recall@1"] <= result["mrr@10"] <= 1
    assert {"recall@3", "search", "by_type", "failures", "ms_per_question"} <= set(result)


def test_squad_table_by_default(capsys):
    assert main(["eval", "--squad", str(SQUAD), "--failures", "2"]) == 0
    out = capsys.readouterr().out
    assert "squad_tiny.json — 18 questions" in out
    for name in ("recall@1", "recall@3", "recall@5", "mrr@10", "ndcg@10"):
        assert name in out


def test_gold_file_over_a_lecture(lecture, capsys):
    assert main(["eval", str(GOLD), *lecture, "--json"]) == 0
    result = _last_json(capsys.readouterr().out)
    assert result["questions"] == 7 and result["answerable"] == 5
    assert result["abstention_recall"] == 1.0  # both out-of-scope questions are refused
    assert set(result["by_type"]) == {"definition", "how", "list", "out-of-scope", "untyped"}
    assert result["by_type"]["out-of-scope"]["recall@1"] is None
    for failure in result["failures"]:
        assert {"id", "question", "expected", "kind", "returned", "title", "first_right_rank"} <= set(failure)


def test_gold_table_lists_types_and_failures(lecture, capsys):
    assert main(["eval", str(GOLD), *lecture]) == 0
    out = capsys.readouterr().out
    assert "by type" in out and "out-of-scope" in out
    assert "abstention_precision" in out


def test_k_changes_the_cutoff_of_mrr_and_ndcg(capsys):
    assert main(["eval", "--squad", str(SQUAD), "--json", "--k", "5"]) == 0
    result = _last_json(capsys.readouterr().out)
    assert "mrr@5" in result and "ndcg@5" in result and "mrr@10" not in result


def test_run_and_qrels_files(tmp_path, capsys):
    run = tmp_path / "tiny.run"
    assert main(["eval", "--squad", str(SQUAD), "--run", str(run), "--json"]) == 0
    result = _last_json(capsys.readouterr().out)
    rows = [line.split() for line in run.read_text(encoding="utf-8").splitlines()]
    assert {len(r) for r in rows} == {6}
    assert {r[1] for r in rows} == {"Q0"} and {r[5] for r in rows} == {"chatbot"}
    by_query: dict[str, list[list[str]]] = {}
    for r in rows:
        by_query.setdefault(r[0], []).append(r)
    assert len(by_query) == result["questions"]
    for ranked in by_query.values():
        assert [int(r[3]) for r in ranked] == list(range(1, len(ranked) + 1))
        scores = [float(r[4]) for r in ranked]
        assert scores == sorted(scores, reverse=True) and len(set(scores)) == len(scores)
        assert len(ranked) <= 10
    qrels = [line.split() for line in Path(f"{run}.qrels").read_text(encoding="utf-8").splitlines()]
    assert len(qrels) == 18  # one paragraph per question
    assert all(q[1] == "0" and q[3] == "1" and re.fullmatch(r"\d{4}\.txt:(\d+)-\1", q[2]) for q in qrels)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["eval"], "give either GOLD.jsonl or --squad"),
        (["eval", "g.jsonl", "--squad", "s.json"], "give either GOLD.jsonl or --squad"),
        (["eval", "missing.jsonl"], "gold file not found"),
        (["eval", "--squad", "missing.json"], "SQuAD file not found"),
        (["eval", "--squad", str(SQUAD), "--index", "x"], "--corpus and --index do not apply"),
        (["eval", "--squad", str(SQUAD), "--run", "/no/such/folder/run"], "folder for the run file not found"),
        (["eval", "--squad", str(SQUAD), "--k", "3"], "choose a number between 5 and 100"),
        (["eval", "--squad", str(SQUAD), "--k", "ten"], "not a whole number"),
    ],
)
def test_misuse_is_a_message_and_status_2(argv, message, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert _status(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def _status(argv: list[str]) -> int:
    """main's return value, or the status argparse exits with on a usage error."""
    try:
        return main(argv)
    except SystemExit as exc:
        return exc.code


def test_bad_gold_line_is_named(lecture, tmp_path, capsys):
    gold = tmp_path / "bad.jsonl"
    gold.write_text('{"id": "a", "question": "ما التبخر", "unanswerable": true}\n{"id": "b"\n', encoding="utf-8")
    assert main(["eval", str(gold), *lecture]) == Exit.MISUSE
    err = capsys.readouterr().err
    assert err.startswith("bad.jsonl السطر/line 2: ليس JSON صالحا / not valid JSON")


def test_stale_gold_passage_is_an_error(lecture, tmp_path, capsys):
    gold = tmp_path / "stale.jsonl"
    gold.write_text('{"id": "a", "question": "ما التبخر", "passage": "water.txt:40-41"}\n', encoding="utf-8")
    assert main(["eval", str(gold), *lecture]) == Exit.MISUSE
    assert "no passage of the corpus matches water.txt:40-41" in capsys.readouterr().err


def test_missing_corpus_folder(tmp_path, capsys):
    assert main(["eval", str(GOLD), "--corpus", str(tmp_path / "none")]) == Exit.MISUSE
    assert "corpus folder not found" in capsys.readouterr().err
