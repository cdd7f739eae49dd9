"""One engine over the bundled lecture, built once for the core functional tests."""

import shutil
from pathlib import Path

import pytest

from bundled_lecture import LECTURE
from chatbot.qa.engine import Engine, open_engine


@pytest.fixture(scope="session")
def lecture_corpus(tmp_path_factory) -> Path:
    """A copy of the bundled corpus: the lecture and its synonyms (``_synonyms.txt``)."""
    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copytree(LECTURE.parent, corpus, dirs_exist_ok=True)
    return corpus


@pytest.fixture(scope="session")
def engine(lecture_corpus: Path) -> Engine:
    return open_engine(lecture_corpus, lecture_corpus.parent / "index")
