"""benchmarks/quality.py runs end to end on a small dataset and skips what is missing."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SQUAD = ROOT / "tests" / "fixtures" / "eval" / "squad_tiny.json"


@pytest.fixture
def quality(monkeypatch, tmp_path):
    spec = importlib.util.spec_from_file_location("quality", ROOT / "benchmarks" / "quality.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "QUESTION_SETS", {tmp_path / "none.jsonl": None})
    return module


def test_table_of_baseline_and_pipeline(quality, capsys):
    assert quality.main([str(SQUAD)]) == 0
    out = capsys.readouterr().out
    assert "squad_tiny.json: 18 questions, 9 passages" in out
    for row in ("rank-bm25 BM25Okapi, whitespace", "chatbot reply (ask)", "chatbot search ranking"):
        assert f"| {row} | " in out
    assert "no question set at" in out


def test_missing_dataset_is_skipped_with_a_message(quality, tmp_path, capsys):
    assert quality.main([str(tmp_path / "arcd.json")]) == 0
    assert "ARCD not found" in capsys.readouterr().out
