"""Every chatbot module imports without torch and transformers (uv never installs them), and
the ask path loads neither Textual nor rank-bm25."""

import pkgutil
import subprocess
import sys

import chatbot
from chatbot.qa.engine import open_engine

BLOCK = "import sys; sys.modules['torch'] = None; sys.modules['transformers'] = None; "


def test_every_module_imports_without_torch_or_transformers() -> None:
    names = [m.name for m in pkgutil.walk_packages(chatbot.__path__, "chatbot.")]
    assert "chatbot.cli" in names and "chatbot.arabic" in names
    code = BLOCK + "import importlib\n" + "".join(f"importlib.import_module({n!r})\n" for n in names)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_ask_path_does_not_import_textual_or_rank_bm25(tmp_path) -> None:
    index = str(tmp_path / "index")
    open_engine(None, tmp_path / "index")  # built here: only the asking process is probed
    ask = (
        BLOCK + "from pathlib import Path; from chatbot.qa.engine import open_engine; "
        f"open_engine(None, Path({index!r})).ask('ما مراحل الحكومة الالكترونية'); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rank_bm25')))"
    )
    result = subprocess.run([sys.executable, "-c", ask], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
