"""SQuAD-layout datasets (v1.1, v2.0) scored as a corpus of their own.

Each article becomes a temporary corpus file and each paragraph one line of it, so a question's
gold passage is the paragraph it was written on (a ``passage`` span, :mod:`chatbot.eval.gold`);
:func:`check_squad_passages` makes sure the splitter kept one passage a paragraph, since a
merged or split paragraph would be mis-scored silently.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import NamedTuple, Sequence

from chatbot import messages as msg
from chatbot.eval.gold import EvalError, Gold, Span, bad_input, check_question, reading
from chatbot.index.passages import Passage

logger = logging.getLogger(__name__)

__all__ = ["SquadSet", "check_squad_passages", "load_squad", "source_text", "squad_files"]

# Paragraphs of a SQuAD corpus file open with RIGHT-TO-LEFT MARK: invisible, dropped by
# normalize(), and it keeps an opening «4 - …» or «اولا» from being read as list structure.
_RLM = "\u200f"


class SquadSet(NamedTuple):
    """A SQuAD-layout dataset: each article's paragraphs (flattened to one line) and the
    questions, whose gold passage is the paragraph they were written on."""

    articles: list[list[str]]
    questions: list[Gold]


def _article_file(i: int) -> str:
    return f"{i + 1:04d}.txt"


def _paragraph_line(j: int) -> int:
    """Paragraph ``j`` of an article file sits on this line (paragraphs are blank-separated)."""
    return 2 * j + 1


def load_squad(path: Path) -> SquadSet:
    """Read a SQuAD v1.1/v2.0 file (``data[].paragraphs[].context/qas[]``).

    A v2.0 question marked ``is_impossible`` is unanswerable. Unknown keys are ignored."""
    try:
        with reading(path, msg.SQUAD_FILE) as fh:
            data = json.loads(fh.read().decode("utf-8"))
    except ValueError as exc:
        raise EvalError(f"{msg.SQUAD_NOT_JSON}: {path} ({exc})") from None
    articles_in = data.get("data") if isinstance(data, dict) else None
    if not isinstance(articles_in, list) or not articles_in:
        raise EvalError(f"{msg.NO_ARTICLES} in {path}")
    seen: set[str] = set()
    renamed: list[str] = []  # ids made usable (missing, not a string, with spaces, repeated)
    articles: list[list[str]] = []
    questions: list[Gold] = []
    for i, article in enumerate(articles_in):
        paragraphs = article.get("paragraphs") if isinstance(article, dict) else None
        if not isinstance(paragraphs, list) or not paragraphs:
            raise bad_input(f"{path.name} data[{i}]", msg.NO_PARAGRAPHS)
        texts = []
        for j, paragraph in enumerate(paragraphs):
            where = f"{path.name} data[{i}].paragraphs[{j}]"
            context = paragraph.get("context") if isinstance(paragraph, dict) else None
            if not isinstance(context, str) or not context.strip():
                raise bad_input(where, msg.CONTEXT_MISSING)
            qas = paragraph.get("qas", [])
            if not isinstance(qas, list):
                raise bad_input(where, msg.QAS_NOT_LIST)
            texts.append(" ".join(context.split()))
            span = Span(_article_file(i), _paragraph_line(j), _paragraph_line(j))
            for q, qa in enumerate(qas):
                qwhere = f"{where}.qas[{q}]"
                if not isinstance(qa, dict) or not isinstance(qa.get("question"), str) or not qa["question"].strip():
                    raise bad_input(qwhere, msg.SQUAD_QUESTION_MISSING)
                check_question(qa["question"], qwhere)
                qid = _squad_id(qa.get("id"), f"{i}-{j}-{q}", seen, renamed)
                impossible = qa.get("is_impossible") is True
                answers = tuple(a["text"] for a in qa.get("answers") or () if isinstance(a, dict)
                                and isinstance(a.get("text"), str) and a["text"].strip())
                questions.append(Gold(qid, qa["question"], passage=None if impossible else span,
                                      unanswerable=impossible, where=qwhere, answers=answers))
        articles.append(texts)
    if not questions:
        raise EvalError(f"{msg.NO_QUESTIONS} in {path}")
    if renamed:
        logger.warning(f"{msg.WARNING}: {len(renamed)} question ids of {path.name} were missing, not text, held "
                       f"spaces or repeated, and were made usable (first: {renamed[0]})")
    return SquadSet(articles, questions)


def _squad_id(value: object, position: str, seen: set[str], renamed: list[str]) -> str:
    """A usable TREC query id for a SQuAD question: its own id when that is one, else one made
    from it or from its position («3-0-2»), a repeated id suffixed («q7#2»). Published datasets
    carry numeric ids, missing ones and repeats; they are scored, not refused."""
    qid = re.sub(r"\s+", "_", str(value).strip()) if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    qid = qid or f"q{position}"
    unique, n = qid, 1
    while unique in seen:
        n += 1
        unique = f"{qid}#{n}"
    if unique != (str(value) if isinstance(value, int) and not isinstance(value, bool) else value):
        renamed.append(f"{value!r} → {unique}")
    seen.add(unique)
    return unique


def squad_files(dataset: SquadSet) -> dict[str, str]:
    """The temporary corpus: file name → text, one article a file, one paragraph a line.

    No title line, so every paragraph is a ``paragraph`` passage of its own."""
    return {
        _article_file(i): "\n\n".join(_RLM + p for p in paragraphs) + "\n"
        for i, paragraphs in enumerate(dataset.articles)
    }


def check_squad_passages(dataset: SquadSet, passages: Sequence[Passage]) -> None:
    """Raise when the splitter did not make exactly one passage of each paragraph: a merged or
    split paragraph would be mis-scored silently."""
    expected = [
        Span(_article_file(i), _paragraph_line(j), _paragraph_line(j))
        for i, paragraphs in enumerate(dataset.articles) for j in range(len(paragraphs))
    ]
    got = [Span(p.source, p.first, p.last) for p in passages]
    if got == expected:
        return
    odd = sorted(set(got) ^ set(expected), key=lambda s: (s.source, s.first))[:5]
    raise EvalError(
        f"{msg.PASSAGES_MISMATCH}: {len(got)} passages "
        f"for {len(expected)} paragraphs; first differences: {', '.join(map(str, odd))} "
        "(a paragraph read as a list or heading, or an article file the reader skipped, e.g. one "
        "with no Arabic text)",
        status=1,
    )


def source_text(p: Passage) -> str:
    """A passage's text as its source has it (without the mark a SQuAD corpus file adds):
    what a baseline that tokenizes raw text should see."""
    return p.text.replace(_RLM, "")
