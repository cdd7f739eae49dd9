import shutil
import sys
from pathlib import Path

import pytest

# The generated-file helpers live with the fixtures, shared by unit and functional tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fixtures"))


@pytest.fixture
def corpus(tmp_path):
    """A fresh corpus folder holding the bundled lecture."""
    from chatbot.engine import DEFAULT_CORPUS

    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(DEFAULT_CORPUS / "e-government.txt", folder)
    return folder
