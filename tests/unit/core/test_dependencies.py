"""pyproject declares what ``chatbot/`` imports, and nothing it does not: an undeclared import
works here only because something else pulled it in, and breaks an installed copy the day that
something drops it; an unused declaration installs weight for nothing."""

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import chatbot

PACKAGE = Path(chatbot.__file__).parent
PYPROJECT = PACKAGE.parent / "pyproject.toml"
REQUIREMENT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*")


def _normal(name: str) -> str:
    """A distribution name as PEP 503 compares them (``Python_Docx`` is ``python-docx``)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _imported_modules() -> set[str]:
    """Top-level names of every absolute import in the package, function-level ones included."""
    names = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"__future__", "chatbot"}


def _declared() -> set[str]:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    return {_normal(REQUIREMENT_NAME.match(spec).group()) for spec in project["dependencies"]}


def test_imports_match_declared_dependencies() -> None:
    providers = packages_distributions()
    imported = _imported_modules()
    unknown = sorted(name for name in imported if name not in providers)
    assert not unknown, f"imported but installed by no distribution: {unknown}"
    used = {_normal(dist) for name in imported for dist in providers[name]}
    declared = _declared()
    assert not used - declared, f"imported but not declared in pyproject: {sorted(used - declared)}"
    assert not declared - used, f"declared in pyproject but never imported: {sorted(declared - used)}"
