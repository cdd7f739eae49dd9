"""Suite-wide settings."""

import os
import sys
from pathlib import Path

from chatbot.index.semantic import ENV

# The semantic layer embeds every passage of every index a test builds: off by default here
# (and in the CLI subprocesses tests start, which inherit it); tests/functional/semantic turns
# it on where it is what is tested.
os.environ.setdefault(ENV, "0")

# Helpers shared by unit and functional tests (bundled_lecture, lecture_files) live with the fixtures.
sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))
