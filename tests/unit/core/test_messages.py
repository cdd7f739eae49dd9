"""chatbot.messages: every message a whole pair (the chat shows one half, the CLI both), and the
bilingual line the CLI, JSON and exceptions print."""

import re
from string import Formatter

import pytest

from chatbot import messages as msg
from chatbot.messages import Language, Say
from chatbot.qa.kinds import Confidence
from chatbot.qa.smalltalk import Smalltalk

ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def _all_says() -> dict[str, Say]:
    """Every Say of the module, those in its tables too, by name."""
    found = {}
    for name, value in vars(msg).items():
        if isinstance(value, Say):
            found[name] = value
        elif isinstance(value, dict):
            found |= {f"{name}[{key}]": say for key, say in value.items() if isinstance(say, Say)}
    return found


SAYS = _all_says()


def _fields(text: str) -> list[tuple[str, str, str | None]]:
    return sorted((name, spec, conversion) for _, name, spec, conversion in Formatter().parse(text) if name is not None)


def test_the_module_holds_the_messages() -> None:
    assert len(SAYS) > 100


@pytest.mark.parametrize("name", sorted(SAYS))
def test_each_message_is_a_whole_pair(name: str) -> None:
    say = SAYS[name]
    assert say.ar.strip() and say.en.strip()
    assert msg.SEPARATOR not in say.ar and msg.SEPARATOR not in say.en  # the chat splits on it
    assert ARABIC_LETTER.search(say.ar) and not ARABIC_LETTER.search(say.en)
    assert _fields(say.ar) == _fields(say.en), "both halves fill the same placeholders"


def test_arabic_only_halves_pair_with_the_os_words() -> None:
    for text in [*msg.UNWRITABLE_WHY_AR.values(), msg.UNWRITABLE_WHY_AR_OTHER, msg.OS_REASON_OTHER_AR]:
        assert ARABIC_LETTER.search(text) and msg.SEPARATOR not in text


def test_tables_cover_their_kinds() -> None:
    assert set(msg.SMALLTALK) == set(Smalltalk)
    assert set(msg.CONFIDENCE_LEVELS) == set(Confidence)


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
