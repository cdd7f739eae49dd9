"""The packages form layers, and no module imports another that imports it back.

Every ``import`` counts, those inside functions too (a lazy import hides a circle, it does not
remove it); those under ``if TYPE_CHECKING:`` do not, since they never run.
"""

import ast
from pathlib import Path

import chatbot

ROOT = Path(chatbot.__file__).parent
# What each package may import besides itself: a question goes down text → index → qa → show;
# every layer takes its words from chatbot.messages, which imports nothing of the chatbot.
ALLOWED = {
    "messages": set(),
    "text": {"messages"},
    "index": {"text", "messages"},
    "qa": {"text", "index", "paths", "messages"},
    "eval": {"text", "index", "qa", "messages"},
    "tui": {"text", "index", "qa", "paths", "messages"},
    "cli": {"text", "index", "qa", "eval", "tui", "paths", "messages"},
    "paths": set(),
}

def _module(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The chatbot modules a file imports (``from chatbot.x import y`` counts y when y is a
    module), outside ``if TYPE_CHECKING:`` blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
               for child in node.body for n in ast.walk(child)}
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("chatbot.")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("chatbot") and not node.level:
            for a in node.names:
                sub = f"{node.module}.{a.name}"
                found.add(sub if _exists(sub) else node.module)
    return found - {"chatbot"}


def _exists(module: str) -> bool:
    path = ROOT.parent.joinpath(*module.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _graph() -> dict[str, set[str]]:
    return {_module(p): _imports(p) for p in ROOT.rglob("*.py")}


def _package(module: str) -> str:
    return module.split(".")[1]


def test_packages_import_only_the_layers_below_them() -> None:
    wrong = sorted(f"{m} → {i}" for m, imports in _graph().items() for i in imports
                   if _package(i) != _package(m) and _package(i) not in ALLOWED[_package(m)])
    assert not wrong, wrong


def test_no_import_circle() -> None:
    graph = _graph()
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    circles = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for nxt in sorted(graph.get(module, ())):
            if state.get(nxt) == 1:
                circles.append(" → ".join(path[path.index(nxt):] + [module, nxt]) if nxt in path else f"{module} → {nxt}")
            elif nxt not in state:
                visit(nxt, path + [module])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [])
    assert not circles, circles
