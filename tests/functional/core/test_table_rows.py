"""A row of a Word table, read with its header («المتنبي: الوفاة: 354هـ | أبرز الأغراض: …»), is
whole: a question about it gets the row, not the table of its peers."""

import shutil
from pathlib import Path

import pytest

from chatbot.qa.engine import open_engine

# The Abbasid-literature lecture of development set h60, with a table of poets.
LECTURE = Path(__file__).resolve().parents[2] / "data" / "dev" / "h60" / "corpus" / "AL_arabic_literature.docx"


@pytest.mark.slow  # a Word lecture's index built from scratch
def test_a_question_about_a_row_gets_the_row(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(LECTURE, corpus)
    engine = open_engine(corpus, tmp_path / "index", semantic=False)
    for question, poet in (("متى توفي المتنبي", "المتنبي"), ("ما هي أبرز أغراض بشار بن برد", "بشار بن برد")):
        reply = engine.ask(question)
        assert reply.answer is not None
        assert reply.answer.passage.text.startswith(f"- {poet}: الوفاة:"), question
