"""One engine over the bundled lecture, built once for the core functional tests."""

import shutil
from pathlib import Path

import pytest

from chatbot.engine import Engine, open_engine

LECTURE = Path(__file__).resolve().parents[3] / "corpus" / "e-government.txt"


@pytest.fixture(scope="session")
def lecture_corpus(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copy(LECTURE, corpus / LECTURE.name)
    return corpus


@pytest.fixture(scope="session")
def engine(lecture_corpus: Path) -> Engine:
    return open_engine(lecture_corpus, lecture_corpus.parent / "index")
