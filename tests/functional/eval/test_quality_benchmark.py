"""benchmarks/quality.py runs end to end on small data: sets beside the naive baseline, the
questions whose result changed, ARCD-style rows, and what is missing skipped."""

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SQUAD = ROOT / "tests" / "fixtures" / "eval" / "squad_tiny.json"
LECTURE = "# الماء\n\nالماء سائل شفاف يغلي عند مئة درجة.\n\n# الهواء\n\nالهواء خليط من الغازات أهمها النيتروجين والأكسجين.\n"


@pytest.fixture
def quality(monkeypatch, tmp_path):
    spec = importlib.util.spec_from_file_location("quality", ROOT / "benchmarks" / "quality.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "science.md").write_text(LECTURE, encoding="utf-8")
    gold = tmp_path / "questions.jsonl"
    gold.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in [
        {"id": "q1", "question": "عند كم يغلي الماء", "answer_contains": ["يغلي عند مئة درجة"]},
        {"id": "q2", "question": "ما هو الهواء", "answer_contains": ["خليط من الغازات"]},
        {"id": "q3", "question": "من اكتشف الاكسجين", "unanswerable": True},
    ]) + "\n", encoding="utf-8")
    talk = tmp_path / "smalltalk.txt"
    talk.write_text("مساء الخير\nتسلم ايدك\n", encoding="utf-8")
    sets = [module.QuestionSet("tiny", gold, corpus, talk)]
    monkeypatch.setattr(module, "question_sets", lambda holdout: sets)
    monkeypatch.setattr(module, "RESULTS", tmp_path / "results.json")
    return module


def test_sets_beside_the_naive_baseline_and_arcd_rows(quality, capsys):
    assert quality.main([str(SQUAD)]) == 0
    out = capsys.readouterr().out
    assert "| tiny | 2 | 1.000 |" in out and "1.00 of 1 | 1.00 of 2 |" in out
    assert "0 question(s) changed since the last run" in out
    assert "squad_tiny.json: 18 questions, 9 passages" in out
    for row in ("rank-bm25 BM25Okapi, whitespace", "naive: BM25Plus, char 3–4-grams", "chatbot reply (ask)"):
        assert f"| {row} | " in out


def test_a_changed_result_is_named(quality, tmp_path, capsys):
    (tmp_path / "results.json").write_text(json.dumps({"tiny/q1": "wrong"}), encoding="utf-8")
    assert quality.main(["--sets-only"]) == 0
    assert "tiny/q1: wrong → right  عند كم يغلي الماء" in capsys.readouterr().out


def test_missing_dataset_is_skipped_with_a_message(quality, tmp_path, capsys):
    assert quality.main([str(tmp_path / "arcd.json")]) == 0
    assert "ARCD not found" in capsys.readouterr().out
