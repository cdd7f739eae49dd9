"""ir-measures scores the TREC run and qrels of ``chatbot eval --run`` exactly as chatbot eval
does: the run is a faithful record of what was scored, so any standard tool can check it."""

import json
import shutil
from pathlib import Path

import ir_measures
import pytest
from ir_measures import RR, R, Success, nDCG

from chatbot.cli.main import main

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "eval"


def _both(argv: list[str], run: Path, measures: list, capsys) -> tuple[dict, dict]:
    assert main([*argv, "--run", str(run), "--json"]) == 0
    ours = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    qrels = list(ir_measures.read_trec_qrels(f"{run}.qrels"))
    theirs = ir_measures.calc_aggregate(measures, qrels, list(ir_measures.read_trec_run(str(run))))
    return ours, theirs


def test_squad_run_scores_the_same_in_ir_measures(tmp_path, capsys):
    ours, theirs = _both(["eval", "--squad", str(FIXTURES / "squad_tiny.json")], tmp_path / "squad.run",
                         [R @ 1, R @ 5, RR @ 10, nDCG @ 10], capsys)
    assert ours["recall@1"] == pytest.approx(theirs[R @ 1], abs=1e-4)
    assert ours["recall@5"] == pytest.approx(theirs[R @ 5], abs=1e-4)
    assert ours["mrr@10"] == pytest.approx(theirs[RR @ 10], abs=1e-4)
    assert ours["ndcg@10"] == pytest.approx(theirs[nDCG @ 10], abs=1e-4)


def test_gold_run_with_several_right_passages_scores_the_same(tmp_path, capsys):
    """answer_contains questions have several right passages: recall@k is Success@k then."""
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "lecture", corpus)
    argv = ["eval", str(FIXTURES / "water_gold.jsonl"), "--corpus", str(corpus), "--index", str(tmp_path / "index")]
    ours, theirs = _both(argv, tmp_path / "gold.run", [Success @ 1, Success @ 5, RR @ 10, nDCG @ 10], capsys)
    assert ours["recall@1"] == pytest.approx(theirs[Success @ 1], abs=1e-4)
    assert ours["recall@5"] == pytest.approx(theirs[Success @ 5], abs=1e-4)
    assert ours["mrr@10"] == pytest.approx(theirs[RR @ 10], abs=1e-4)
    assert ours["ndcg@10"] == pytest.approx(theirs[nDCG @ 10], abs=1e-4)
    assert 0 < ours["ndcg@10"] < 1  # a case where the ideal ranking holds several passages
