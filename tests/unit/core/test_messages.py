"""chatbot.messages: every message a whole pair (the chat shows one half, the CLI both), the
bilingual line the CLI, JSON and exceptions print, and the catalogue (chatbot/messages.tsv)
holding exactly the messages the code asks for."""

import ast
import errno
import re
from pathlib import Path
from string import Formatter

import pytest

import chatbot
from chatbot import messages as msg
from chatbot.messages import Language, Say
from chatbot.qa.kinds import Confidence
from chatbot.qa.smalltalk import Smalltalk
from chatbot.tui import rtl, strings

ARABIC_LETTER = re.compile("[\u0621-\u064a]")


# Every Say of the catalogue, those in tables and the chat's too, by its name in the file.
SAYS = {name: message for name, message in msg.CATALOGUE.items() if isinstance(message, Say)}


def _fields(text: str) -> list[tuple[str, str, str | None]]:
    return sorted((name, spec, conversion) for _, name, spec, conversion in Formatter().parse(text) if name is not None)


def test_the_module_holds_the_messages() -> None:
    assert len(SAYS) > 100


@pytest.mark.parametrize("name", sorted(SAYS))
def test_each_message_is_a_whole_pair(name: str) -> None:
    say = SAYS[name]
    assert say.ar.strip() and say.en.strip()
    if not name.startswith("chat."):  # the chat splits the engine's lines on it, never its own
        assert msg.SEPARATOR not in say.ar and msg.SEPARATOR not in say.en
    assert ARABIC_LETTER.search(say.ar) and not ARABIC_LETTER.search(say.en)
    assert _fields(say.ar) == _fields(say.en), "both halves fill the same placeholders"


def test_arabic_only_halves_pair_with_the_os_words() -> None:
    for text in [*msg.UNWRITABLE_WHY_AR.values(), msg.UNWRITABLE_WHY_AR_OTHER, msg.OS_REASON_OTHER_AR]:
        assert ARABIC_LETTER.search(text) and msg.SEPARATOR not in text
    arabic_only = {name for name, message in msg.CATALOGUE.items() if not isinstance(message, Say)}
    assert arabic_only == {"UNWRITABLE_WHY_AR_OTHER", "OS_REASON_OTHER_AR"} | {
        f"UNWRITABLE_WHY_AR.{errno.errorcode[number]}" for number in msg.UNWRITABLE_WHY_AR}


def test_tables_cover_their_kinds() -> None:
    assert set(msg.SMALLTALK) == set(Smalltalk)
    assert set(msg.CONFIDENCE_LEVELS) == set(Confidence)
    assert set(strings.MODE_NAMES) == {rtl.APP, rtl.TERMINAL}
    assert set(strings.BINDINGS) == _binding_ids() and set(strings.COMMANDS) <= set(strings.BINDINGS)


def test_errno_tables_are_keyed_as_oserror_is() -> None:
    assert msg.OS_REASONS[errno.EACCES] == Say("لا تسمح الصلاحيات بذلك", "permission denied")
    assert msg.UNWRITABLE_WHY_AR[errno.EROFS] == "مثبت للقراءة فقط"
    assert all(isinstance(number, int) for number in [*msg.OS_REASONS, *msg.UNWRITABLE_WHY_AR])


def test_the_bilingual_line_is_arabic_then_english() -> None:
    assert str(msg.EMPTY_FILE) == "ملف فارغ / empty file"
    assert msg.NOT_REGULAR.both(kind="fifo") == "ليس ملفا عاديا (fifo) / not a regular file (a fifo)"
    assert f"{msg.WARNING}: x" == "تنبيه / warning: x"


def test_a_say_field_is_filled_in_each_language() -> None:
    line = msg.CANNOT_USE.both(where=" /index", reason=msg.OS_REASONS[13])
    assert line == "تعذر الوصول إلى /index: لا تسمح الصلاحيات بذلك / cannot use /index: permission denied"
    assert msg.UNSUPPORTED_TYPE(Language.EN, suffix=msg.NO_SUFFIX) == "unsupported file type (no extension)"
    assert msg.PORT_TAKEN.pair(port=80, host="h") == (
        "المنفذ 80 مشغول على h: اختر غيره بالخيار --port.", "port 80 on h is already in use: choose another with --port.")


def test_one_language_for_the_chat() -> None:
    assert msg.NEAR_DUPLICATE(Language.AR, other="b.txt", similarity=0.95) == "شبه مكرر مع b.txt (95%)"
    assert msg.EMPTY(Language.EN) == "Please type a question."


def test_a_message_spans_lines_in_the_file_as_backslash_n() -> None:
    catalogue = msg.read_catalogue("# a comment\n\nA\tسطر\\nثان\tline\\none \\\\ two\nB\tعربي فقط\n")
    assert catalogue == {"A": Say("سطر\nثان", "line\none \\ two"), "B": "عربي فقط"}
    assert strings.HELP.en.count("\n") > 10 and "\\" not in strings.HELP.en


@pytest.mark.parametrize("text", ["A\tعربي\tEnglish\textra", "A\tعربي\tEnglish\nA\tعربي\tEnglish", "A", "A\tسطر\\tآخر\tx"])
def test_a_malformed_catalogue_line_is_named(text: str) -> None:
    with pytest.raises(ValueError, match=r"messages\.tsv, line \d"):
        msg.read_catalogue(text)


# -- The catalogue holds exactly what the code asks for -----------------------------------------

ROOT = Path(chatbot.__file__).parent
# The modules whose attributes come from the catalogue, and their part of it.
SCOPES = {"chatbot.messages": "", "chatbot.tui.strings": "chat"}


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT.parent).with_suffix("").parts)


def _names_asked() -> dict[str, set[str]]:
    """Per part of the catalogue, the UPPER_CASE names chatbot/ asks its module for: ``msg.X``,
    ``strings.X``, ``from chatbot.messages import X``, and X in the module's own functions."""
    asked: dict[str, set[str]] = {scope: set() for scope in SCOPES.values()}
    for path in ROOT.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases = {}  # a local name of a catalogue module → its scope
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    if f"{node.module}.{alias.name}" in SCOPES:
                        aliases[alias.asname or alias.name] = SCOPES[f"{node.module}.{alias.name}"]
                    elif node.module in SCOPES:
                        asked[SCOPES[node.module]].add(alias.name)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases:
                asked[aliases[node.value.id]].add(node.attr)
        if (own := SCOPES.get(_module_name(path))) is not None:
            functions = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
            asked[own] |= {n.id for f in functions for n in ast.walk(f) if isinstance(n, ast.Name)}
    return {scope: {name for name in names if name.isupper()} for scope, names in asked.items()}


def _set_in_code(module: str) -> set[str]:
    """The top-level names a module's Python assigns, defines or imports itself."""
    tree = ast.parse((ROOT.parent / module.replace(".", "/")).with_suffix(".py").read_text(encoding="utf-8"))
    return {target.id for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
            if isinstance(target, ast.Name)} | {
        node.name for node in tree.body if isinstance(node, (ast.ClassDef, ast.FunctionDef))} | {
        alias.asname or alias.name for node in tree.body if isinstance(node, ast.ImportFrom) for alias in node.names}


def _binding_ids() -> set[str]:
    """The ids of the chat's key bindings (``Binding(…, id="…")``) and its palette-only commands."""
    ids = set(strings.COMMANDS)
    for path in (ROOT / "tui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and ast.unparse(node.func) == "Binding":
                ids |= {k.value.value for k in node.keywords if k.arg == "id" and isinstance(k.value, ast.Constant)}
    return ids


ASKED = _names_asked()


@pytest.mark.parametrize("module, scope", SCOPES.items())
def test_every_message_the_code_asks_for_is_in_the_catalogue(module: str, scope: str) -> None:
    missing = ASKED[scope] - set(msg.messages_in(scope)) - _set_in_code(module)
    assert not missing, f"not in chatbot/messages.tsv ({scope or 'engine'} part): {sorted(missing)}"


@pytest.mark.parametrize("scope", SCOPES.values())
def test_every_message_of_the_catalogue_is_used(scope: str) -> None:
    dead = set(msg.messages_in(scope)) - ASKED[scope]
    assert not dead, f"messages no code asks for: {sorted(dead)}"
    assert ASKED[scope] & set(msg.messages_in(scope))  # the scan sees the modules' users


@pytest.mark.parametrize("module, scope, rebuilt", [
    ("chatbot.messages", "", {"OS_REASONS", "UNWRITABLE_WHY_AR"}), ("chatbot.tui.strings", "chat", {"BINDINGS"})])
def test_no_catalogue_name_hides_a_name_of_the_code(module: str, scope: str, rebuilt: set[str]) -> None:
    # Only the tables the module rebuilds (keyed by errno, gathered into Commands) share a name.
    assert set(msg.messages_in(scope)) & _set_in_code(module) == rebuilt
