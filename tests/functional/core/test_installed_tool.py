"""The wheel, installed into a fresh environment away from the checkout, answers from the lecture
it bundles: the default corpus and index are made in the user's data folder, not beside
site-packages. Slow (a build and an install); CI runs it."""

import json
import os
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from chatbot.cli.main import main

CHECKOUT = Path(__file__).resolve().parents[3]
QUESTION = "ما مفهوم الحكومة الالكترونية"
ASK = ["ask", QUESTION, "--json", "--no-semantic"]

pytestmark = [pytest.mark.slow, pytest.mark.skipif(shutil.which("uv") is None, reason="needs uv")]


def _uv(*args: str, cwd: Path) -> None:
    result = subprocess.run(["uv", *args], cwd=cwd, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr


def _overrides(folder: Path) -> Path:
    """pyproject's torch/transformers overrides as a file for ``uv pip install --override``."""
    pyproject = tomllib.loads((CHECKOUT / "pyproject.toml").read_text(encoding="utf-8"))
    path = folder / "overrides.txt"
    path.write_text("\n".join(pyproject["tool"]["uv"]["override-dependencies"]) + "\n", encoding="utf-8")
    return path


def test_installed_wheel_answers_from_the_bundled_lecture(tmp_path: Path, capsys) -> None:
    _uv("build", "--wheel", "--out-dir", str(tmp_path / "dist"), cwd=CHECKOUT)
    (wheel,) = (tmp_path / "dist").glob("chatbot-*.whl")
    venv = tmp_path / "venv"
    _uv("venv", "--quiet", str(venv), cwd=tmp_path)
    python = venv / "bin" / "python"
    _uv("pip", "install", "--quiet", "--python", str(python), "--override", str(_overrides(tmp_path)), str(wheel),
        cwd=tmp_path)

    elsewhere, home = tmp_path / "elsewhere", tmp_path / "home"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "PYTHON", "VIRTUAL_ENV"))}
    env.update(HOME=str(home), COLUMNS="1000")
    installed = subprocess.run([str(venv / "bin" / "chatbot"), *ASK], cwd=elsewhere, env=env,
                               capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert installed.returncode == 0, installed.stderr

    data = home / ".local" / "share" / "chatbot"
    bundled = (CHECKOUT / "corpus" / "e-government.txt").read_bytes()
    assert (data / "corpus" / "e-government.txt").read_bytes() == bundled
    assert (data / "index").is_dir()
    assert main([*ASK, "--index", str(tmp_path / "checkout-index")]) == 0  # the checkout's answer
    assert json.loads(installed.stdout) == json.loads(capsys.readouterr().out)
    assert json.loads(installed.stdout)["kind"] == "answer"

    no_torch = "import importlib.util as u; print(u.find_spec('torch'), u.find_spec('transformers'))"
    assert subprocess.run([str(python), "-c", no_torch], capture_output=True, text=True).stdout.split() == ["None"] * 2
    help_text = subprocess.run([str(venv / "bin" / "chatbot"), "--help"], cwd=elsewhere, env=env,
                               capture_output=True, text=True, encoding="utf-8").stdout
    assert str(data / "corpus") in help_text and str(data / "index") in help_text
