"""Gold question files: the JSON Lines format, read and checked line by line.

A gold file holds one question a line::

    {"id": "q1", "question": "…", "answer_contains": ["…", "…"], "type": "list"}
    {"id": "q2", "question": "…", "passage": "e-government.txt:12-18"}
    {"id": "q3", "question": "…", "unanswerable": true}

Exactly one of ``answer_contains``, ``passage``, ``unanswerable`` a line (what each means for
a returned passage: :mod:`chatbot.eval.judge`). Bad input is an :class:`EvalError` naming the
line; keys the format does not know are left with a warning through :mod:`logging`.
"""

from __future__ import annotations

import json
import logging
import re
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator, NamedTuple

from chatbot import messages as msg
from chatbot.messages import Say
from chatbot.qa.query import MAX_QUESTION_CHARS, TOO_LONG
from chatbot.text.arabic import normalize
from chatbot.text.bounded_lines import bounded_lines

logger = logging.getLogger(__name__)

__all__ = [
    "EvalError", "Gold", "Span", "bad_input", "check_question", "flatten", "load_gold", "parse_span", "reading",
]

GOLD_KEYS = ("id", "question", "answer_contains", "passage", "unanswerable", "type")
# A gold line is refused unread past this: far above an honest line (a question of at most
# MAX_QUESTION_CHARS characters and its answer phrases, even at 6 bytes a «\uXXXX» escape),
# and little memory however long the line really is.
MAX_GOLD_LINE_BYTES = 1 << 20
_SPAN_RE = re.compile(r"^(.+):(\d+)(?:-(\d+))?$")


class EvalError(Exception):
    """Bad evaluation input; ``str()`` is the message (Arabic, then English).

    ``status`` is the exit status: 2 for misuse (bad gold, bad dataset), 1 when the pipeline
    itself disagrees with the dataset (a SQuAD paragraph merged or split)."""

    def __init__(self, message: str, status: int = 2):
        super().__init__(message)
        self.status = status


class Span(NamedTuple):
    source: str
    first: int
    last: int

    def __str__(self) -> str:
        return f"{self.source}:{self.first}-{self.last}"


class Gold(NamedTuple):
    """One gold question; exactly one of answer_contains / passage / unanswerable is set."""

    id: str
    question: str
    answer_contains: tuple[str, ...] = ()
    passage: Span | None = None
    unanswerable: bool = False
    type: str | None = None
    where: str = ""  # «file line N», for messages
    answers: tuple[str, ...] = ()  # SQuAD's answer strings: the answer-in-passage view

    @property
    def expected(self) -> str:
        """The gold answer as a person reads it in a report."""
        if self.unanswerable:
            return "unanswerable"
        if self.passage:
            return str(self.passage)
        return " + ".join(f"«{p}»" for p in self.answer_contains)


def flatten(text: str) -> str:
    """Normal form for answer_contains: normalised, whitespace runs collapsed to one space.

    Here rather than beside the judge because a phrase that flattens to nothing is bad gold."""
    return " ".join(normalize(text).split())


def bad_input(where: str, say: Say, **fields: object) -> EvalError:
    """The error for bad input at ``where`` (a file's line, a dataset's entry)."""
    return EvalError(f"{where}: {say.both(**fields)}")


@contextmanager
def reading(path: Path, what: Say) -> Iterator[BinaryIO]:
    """``path`` opened for reading bytes; a file that cannot be read or decoded (in the body,
    too) is an EvalError naming it."""
    try:
        with path.open("rb") as fh:
            yield fh
    except FileNotFoundError:
        raise EvalError(f"{msg.INPUT_NOT_FOUND.both(what=what)}: {path}") from None
    except IsADirectoryError:
        raise EvalError(f"{msg.INPUT_IS_FOLDER.both(what=what)}: {path}") from None
    except UnicodeDecodeError:
        raise EvalError(f"{msg.INPUT_NOT_UTF8.both(what=what)}: {path}") from None
    except OSError as exc:
        raise EvalError(f"{msg.INPUT_UNREADABLE.both(what=what)} {path}: {exc.strerror}") from None


def check_question(question: str, where: str) -> None:
    """The length rule of ``chatbot ask``, with its message: a gold question longer than a
    student may ask is refused before anything is done with it."""
    if len(question) > MAX_QUESTION_CHARS:
        raise EvalError(f"{where}: {TOO_LONG}")


def _check_id(value: object, where: str, seen: set[str]) -> str:
    """Ids name TREC queries, so they hold no whitespace, and each names one question."""
    if not isinstance(value, str) or not value.strip():
        raise bad_input(where, msg.ID_MISSING)
    if re.search(r"\s", value):
        raise bad_input(where, msg.ID_SPACES, value=value)
    if value in seen:
        raise bad_input(where, msg.ID_REPEATED, value=value)
    seen.add(value)
    return value


def parse_span(text: str) -> Span | None:
    """«SOURCE:FIRST-LAST» (or «SOURCE:LINE» for one line) → Span, or None when malformed
    (lines are 1-based, first ≤ last)."""
    m = _SPAN_RE.match(text.strip()) if isinstance(text, str) else None
    if not m:
        return None
    first, last = int(m.group(2)), int(m.group(3) or m.group(2))
    return Span(m.group(1), first, last) if 1 <= first <= last else None


def _gold_from(obj: object, where: str, seen: set[str]) -> Gold:
    if not isinstance(obj, dict):
        raise bad_input(where, msg.NOT_AN_OBJECT)
    qid = _check_id(obj.get("id"), where, seen)
    question = obj.get("question")
    if not isinstance(question, str) or not question.strip():
        raise bad_input(where, msg.QUESTION_MISSING)
    check_question(question, where)
    kinds = [key for key in ("answer_contains", "passage", "unanswerable") if key in obj]
    if len(kinds) != 1:
        raise bad_input(where, msg.ONE_KIND)
    kind = obj.get("type")
    if kind is not None and (not isinstance(kind, str) or not kind.strip()):
        raise bad_input(where, msg.TYPE_EMPTY)
    gold = Gold(qid, question, type=kind, where=where)
    if kinds == ["answer_contains"]:
        phrases = obj["answer_contains"]
        if (not isinstance(phrases, list) or not phrases
                or not all(isinstance(p, str) and flatten(p) for p in phrases)):
            raise bad_input(where, msg.ANSWER_CONTAINS_EMPTY)
        return gold._replace(answer_contains=tuple(phrases))
    if kinds == ["passage"]:
        span = parse_span(obj["passage"])
        if span is None:
            raise bad_input(where, msg.BAD_SPAN, value=obj["passage"])
        return gold._replace(passage=span)
    if obj["unanswerable"] is not True:
        raise bad_input(where, msg.UNANSWERABLE_TRUE)
    return gold._replace(unanswerable=True)


def load_gold(path: Path) -> list[Gold]:
    """The questions of a gold JSON Lines file (blank lines skipped); EvalError names the line."""
    seen: set[str] = set()
    items = []
    unknown: dict[str, int] = {}  # key the format does not know → first line using it
    with reading(path, msg.GOLD_FILE) as fh:
        for n, line in enumerate(bounded_lines(fh, MAX_GOLD_LINE_BYTES), 1):
            where = f"{path.name} السطر/line {n}"
            if line.cut:
                raise EvalError(f"{where}: {TOO_LONG} ({msg.GOLD_LINE_TOO_LONG.both(limit=MAX_GOLD_LINE_BYTES)})")
            text = line.data.decode("utf-8")
            if not text.strip():
                continue
            try:
                obj = json.loads(text)
            except ValueError as exc:
                raise EvalError(f"{where}: {msg.NOT_JSON} ({exc.msg})") from None
            items.append(_gold_from(obj, where, seen))
            for key in set(obj) - set(GOLD_KEYS):
                unknown.setdefault(key, n)
    if not items:
        raise EvalError(f"{msg.NO_GOLD_QUESTIONS}: {path}")
    if unknown:
        # Notes and metadata beside the gold are common; a misspelt gold key is caught above
        # (each line needs one of answer_contains, passage, unanswerable).
        keys = ", ".join(f"{k} (line {n})" for k, n in sorted(unknown.items(), key=lambda kv: kv[1]))
        logger.warning(f"{msg.UNKNOWN_KEYS}: {keys}; known: {', '.join(GOLD_KEYS)}")
    return items
