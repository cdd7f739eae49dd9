import shutil

import pytest


@pytest.fixture
def corpus(tmp_path):
    """A fresh corpus folder holding the bundled lecture (the TUI tests have their own)."""
    from chatbot.qa.engine import DEFAULT_CORPUS

    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(DEFAULT_CORPUS / "e-government.txt", folder)
    return folder
