"""A lecture exported to PDF answers its questions as well as the Word or PowerPoint original
(issue 10: within 0.05). Lectures, PDFs and questions: tests/fixtures/exported."""

from pathlib import Path

import pytest

EXPORTED = Path(__file__).resolve().parents[2] / "fixtures" / "exported"


@pytest.mark.parametrize("lecture, original", [("security", "docx"), ("cloud", "pptx"), ("e-learning", "docx")])
def test_pdf_scores_as_the_original_on_the_same_questions(tmp_path, lecture, original):
    from chatbot.cli.evaluate import evaluate_gold

    scores = []
    for suffix in (original, "pdf"):
        corpus = tmp_path / suffix
        corpus.mkdir()
        (corpus / f"{lecture}.{suffix}").write_bytes((EXPORTED / f"{lecture}.{suffix}").read_bytes())
        report = evaluate_gold(EXPORTED / f"{lecture}_gold.jsonl", corpus, tmp_path / f"index-{suffix}").report
        scores.append(report["recall@1"])
    assert abs(scores[0] - scores[1]) <= 0.05, scores
