"""Every chatbot module imports without torch and transformers (uv never installs them), and
`chatbot ask` loads neither Textual nor rank-bm25 nor the readers' format libraries."""

import pkgutil
import shutil
import subprocess
import sys

from bundled_lecture import LECTURE
from lecture_files import LECTURES, write_docx

import chatbot
from chatbot.index.build import build_index

BLOCK = "import sys; sys.modules['torch'] = None; sys.modules['transformers'] = None; "


def test_every_module_imports_without_torch_or_transformers() -> None:
    names = [m.name for m in pkgutil.walk_packages(chatbot.__path__, "chatbot.") if not m.name.endswith(".__main__")]
    assert "chatbot.cli" in names and "chatbot.text.arabic" in names
    code = BLOCK + "import importlib\n" + "".join(f"importlib.import_module({n!r})\n" for n in names)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_ask_loads_neither_textual_nor_rank_bm25_nor_the_format_libraries(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(LECTURE, corpus)
    write_docx(corpus / "e-learning.docx", (LECTURES / "e-learning.md").read_text(encoding="utf-8"))
    build_index(corpus, tmp_path / "index")  # built here: only the asking process is probed
    ask = (
        BLOCK + "from chatbot.cli.main import main\n"
        f"code = main(['ask', 'ما مزايا التعليم الالكتروني', '--corpus', {str(corpus)!r}])\n"
        "heavy = ('textual', 'rank_bm25', 'docx', 'pptx', 'pdfminer')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy), code)\n"
    )
    result = subprocess.run([sys.executable, "-c", ask], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip().splitlines()[-1] == "[] 0", result.stderr
