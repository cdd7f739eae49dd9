"""Scoring the chatbot's retrieval in standard IR terms: gold questions, judgements, metrics.

No engine here (see :mod:`chatbot.eval_cli`), so each metric can be checked on a
hand-computed case and against ir-measures; what the gold leaves unclear is said through
:mod:`logging` (a warning on stderr), never printed.

**Gold.** A gold file is JSON Lines, one question a line::

    {"id": "q1", "question": "…", "answer_contains": ["…", "…"], "type": "list"}
    {"id": "q2", "question": "…", "passage": "e-government.txt:12-18"}
    {"id": "q3", "question": "…", "unanswerable": true}

**When a returned passage is right.**

* ``answer_contains``: the passage's text holds every phrase, both compared after
  :func:`chatbot.arabic.normalize` with runs of whitespace collapsed to one space, and is at
  most ``MAX_ANSWER_CHARS`` long (a passage the student can read).
* ``passage``: the passage comes from that source and its line span holds the gold span: the
  gold passage itself, the section directly around it (a section's span stops before its
  sub-sections, so the gold item is shown under its own heading), or, for a gold line inside an
  item («60» in the item 59-60), that item; a section whose heading opens the gold span counts
  too (the gold took it with its sub-sections). The reverse does not count: an item inside a
  gold section is half the answer to a list question. A gold span no passage holds (drawn
  across passage boundaries) is judged by the passages sharing its lines, with a warning.
* ``unanswerable``: no passage is right; the right reply is an abstention.

Every passage of the corpus is judged, so a question may have several right passages (nDCG's
ideal ranking and the qrels hold them all). A gold question that no passage satisfies (its
lines are not in the corpus) is an error, not a silent miss: the gold file or the corpus is
out of date.

**Metrics**, over the answerable questions:

* ``recall@k`` — share of questions with a right passage in the top ``k`` (the hit rate used
  for QA retrieval: ir-measures ``Success@k``; it equals ``R@k`` when each question has one
  right passage, as in SQuAD);
* ``mrr@k`` — mean reciprocal rank of the first right passage within ``k`` (``RR@k``);
* ``ndcg@k`` — binary-gain nDCG, discount ``1/log2(rank+1)``, ideal ranking of all right
  passages (``nDCG@k``, as trec_eval's ``ndcg_cut``).

What is ranked is the *reply ranking*: the passage ``Engine.ask`` answers with at rank 1 — or,
when the reply holds no passage (an abstention, kind ``no_answer``, or a smalltalk reply), a
placeholder that is never right — followed by the ranking the reply was chosen from (``Reply.ranking``) without that passage,
``k`` entries in all. So an abstention on an answerable question is a miss at rank 1 and pushes
the ranking down one place (recall@1, mrr and ndcg all feel it; recall@5 loses one slot), and
every metric is reproducible by ir-measures from the TREC run. The *search ranking* alone (no abstention,
what the issue's reference systems are scored on) is reported beside it.

Abstention precision = correct abstentions / all abstentions; abstention recall = correct
abstentions / unanswerable questions (``None`` when a denominator is zero).
"""

from __future__ import annotations

import json
import logging
import math
import re
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, NamedTuple, Sequence

from chatbot.qa.query import MAX_QUESTION_CHARS, TOO_LONG
from chatbot.qa.reply import MAX_ANSWER_CHARS
from chatbot.kinds import ReplyKind
from chatbot.arabic import normalize
from chatbot.bounded_lines import bounded_lines
from chatbot.passages import Passage

logger = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_K",
    "MAX_ANSWER_CHARS",
    "EvalError",
    "Gold",
    "Judge",
    "NO_PASSAGE",
    "Outcome",
    "SquadSet",
    "Span",
    "abstention_scores",
    "check_squad_passages",
    "docid",
    "load_gold",
    "load_squad",
    "ndcg_at",
    "qrels_lines",
    "ranking_metrics",
    "recall_at",
    "reciprocal_rank",
    "reply_ranking",
    "report",
    "run_lines",
    "source_text",
    "squad_files",
]

DEFAULT_K = 10
RECALL_CUTOFFS = (1, 3, 5)
# Docid of the rank-1 placeholder when the reply gives no passage; never in the qrels.
NO_PASSAGE = "NO_ANSWER"
# The group of questions without a "type" when others have one.
UNTYPED = "untyped"
GOLD_KEYS = ("id", "question", "answer_contains", "passage", "unanswerable", "type")
# A gold line is refused unread past this: far above an honest line (a question of at most
# MAX_QUESTION_CHARS characters and its answer phrases, even at 6 bytes a «\uXXXX» escape),
# and little memory however long the line really is.
MAX_GOLD_LINE_BYTES = 1 << 20
_SPAN_RE = re.compile(r"^(.+):(\d+)(?:-(\d+))?$")
_WHITESPACE_RE = re.compile(r"\s")
# Paragraphs of a SQuAD corpus file open with RIGHT-TO-LEFT MARK: invisible, dropped by
# normalize(), and it keeps an opening «4 - …» or «اولا» from being read as list structure.
_RLM = "\u200f"


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


# -- gold files ---------------------------------------------------------------------------------


def _bad(where: str, arabic: str, english: str) -> EvalError:
    return EvalError(f"{where}: {arabic} / {english}")


@contextmanager
def _reading(path: Path, what: str) -> Iterator[BinaryIO]:
    """``path`` opened for reading bytes; a file that cannot be read or decoded (in the body,
    too) is an EvalError naming it."""
    try:
        with path.open("rb") as fh:
            yield fh
    except FileNotFoundError:
        raise EvalError(f"الملف غير موجود / {what} not found: {path}") from None
    except IsADirectoryError:
        raise EvalError(f"هذا مجلد وليس ملفا / {what} is a folder, not a file: {path}") from None
    except UnicodeDecodeError:
        raise EvalError(f"الملف ليس بترميز UTF-8 / {what} is not UTF-8: {path}") from None
    except OSError as exc:
        raise EvalError(f"تعذرت قراءة الملف / cannot read {what} {path}: {exc.strerror}") from None


def _check_question(question: str, where: str) -> None:
    """The length rule of ``chatbot ask``, with its message: a gold question longer than a
    student may ask is refused before anything is done with it."""
    if len(question) > MAX_QUESTION_CHARS:
        raise EvalError(f"{where}: {TOO_LONG}")


def _check_id(value: object, where: str, seen: set[str]) -> str:
    """Ids name TREC queries, so they hold no whitespace, and each names one question."""
    if not isinstance(value, str) or not value.strip():
        raise _bad(where, "«id» نص غير فارغ مطلوب", '"id" must be a non-empty string')
    if re.search(r"\s", value):
        raise _bad(where, f"«id» لا يحوي مسافات: {value!r}", f'"id" must not contain whitespace: {value!r}')
    if value in seen:
        raise _bad(where, f"«id» مكرر: {value}", f'duplicate "id": {value}')
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
        raise _bad(where, "كل سطر كائن JSON", "each line must be a JSON object")
    qid = _check_id(obj.get("id"), where, seen)
    question = obj.get("question")
    if not isinstance(question, str) or not question.strip():
        raise _bad(where, "«question» نص غير فارغ مطلوب", '"question" must be a non-empty string')
    _check_question(question, where)
    kinds = [key for key in ("answer_contains", "passage", "unanswerable") if key in obj]
    if len(kinds) != 1:
        raise _bad(where, "يلزم واحد فقط من answer_contains أو passage أو unanswerable",
                   'give exactly one of "answer_contains", "passage", "unanswerable"')
    kind = obj.get("type")
    if kind is not None and (not isinstance(kind, str) or not kind.strip()):
        raise _bad(where, "«type» نص غير فارغ", '"type" must be a non-empty string')
    gold = Gold(qid, question, type=kind, where=where)
    if kinds == ["answer_contains"]:
        phrases = obj["answer_contains"]
        if (not isinstance(phrases, list) or not phrases
                or not all(isinstance(p, str) and flatten(p) for p in phrases)):
            raise _bad(where, "«answer_contains» قائمة عبارات غير فارغة",
                       '"answer_contains" must be a non-empty list of non-empty strings')
        return gold._replace(answer_contains=tuple(phrases))
    if kinds == ["passage"]:
        span = parse_span(obj["passage"])
        if span is None:
            raise _bad(where, f"«passage» بالشكل SOURCE:FIRST-LAST: {obj['passage']!r}",
                       f'"passage" must read SOURCE:FIRST-LAST with 1 <= FIRST <= LAST: {obj["passage"]!r}')
        return gold._replace(passage=span)
    if obj["unanswerable"] is not True:
        raise _bad(where, "«unanswerable» قيمته true فقط", '"unanswerable" can only be true')
    return gold._replace(unanswerable=True)


def load_gold(path: Path) -> list[Gold]:
    """The questions of a gold JSON Lines file (blank lines skipped); EvalError names the line."""
    seen: set[str] = set()
    items = []
    unknown: dict[str, int] = {}  # key the format does not know → first line using it
    with _reading(path, "gold file") as fh:
        for n, line in enumerate(bounded_lines(fh, MAX_GOLD_LINE_BYTES), 1):
            where = f"{path.name} السطر/line {n}"
            if line.cut:
                raise EvalError(f"{where}: {TOO_LONG} (السطر أطول من {MAX_GOLD_LINE_BYTES} بايت / "
                                f"the line is longer than {MAX_GOLD_LINE_BYTES} bytes)")
            text = line.data.decode("utf-8")
            if not text.strip():
                continue
            try:
                obj = json.loads(text)
            except ValueError as exc:
                raise _bad(where, "ليس JSON صالحا", f"not valid JSON ({exc.msg})") from None
            items.append(_gold_from(obj, where, seen))
            for key in set(obj) - set(GOLD_KEYS):
                unknown.setdefault(key, n)
    if not items:
        raise EvalError(f"لا أسئلة في ملف الإجابات / no questions in gold file: {path}")
    if unknown:
        # Notes and metadata beside the gold are common; a misspelt gold key is caught above
        # (each line needs one of answer_contains, passage, unanswerable).
        keys = ", ".join(f"{k} (line {n})" for k, n in sorted(unknown.items(), key=lambda kv: kv[1]))
        logger.warning(f"تنبيه: مفاتيح غير معروفة تُركت / warning: unknown keys ignored: {keys}; "
              f"known: {', '.join(GOLD_KEYS)}")
    return items


# -- SQuAD layout -------------------------------------------------------------------------------


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
        with _reading(path, "SQuAD file") as fh:
            data = json.loads(fh.read().decode("utf-8"))
    except ValueError as exc:
        raise EvalError(f"ملف SQuAD ليس JSON صالحا / SQuAD file is not valid JSON: {path} ({exc})") from None
    articles_in = data.get("data") if isinstance(data, dict) else None
    if not isinstance(articles_in, list) or not articles_in:
        raise EvalError(f"لا مقالات في «data» / no articles under \"data\" in {path}")
    seen: set[str] = set()
    renamed: list[str] = []  # ids made usable (missing, not a string, with spaces, repeated)
    articles: list[list[str]] = []
    questions: list[Gold] = []
    for i, article in enumerate(articles_in):
        paragraphs = article.get("paragraphs") if isinstance(article, dict) else None
        if not isinstance(paragraphs, list) or not paragraphs:
            raise _bad(f"{path.name} data[{i}]", "لا فقرات", 'no "paragraphs"')
        texts = []
        for j, paragraph in enumerate(paragraphs):
            where = f"{path.name} data[{i}].paragraphs[{j}]"
            context = paragraph.get("context") if isinstance(paragraph, dict) else None
            if not isinstance(context, str) or not context.strip():
                raise _bad(where, "«context» فارغ أو مفقود", '"context" is missing or empty')
            qas = paragraph.get("qas", [])
            if not isinstance(qas, list):
                raise _bad(where, "«qas» ليست قائمة", '"qas" is not a list')
            texts.append(" ".join(context.split()))
            span = Span(_article_file(i), _paragraph_line(j), _paragraph_line(j))
            for q, qa in enumerate(qas):
                qwhere = f"{where}.qas[{q}]"
                if not isinstance(qa, dict) or not isinstance(qa.get("question"), str) or not qa["question"].strip():
                    raise _bad(qwhere, "«question» مفقود", '"question" is missing or empty')
                _check_question(qa["question"], qwhere)
                qid = _squad_id(qa.get("id"), f"{i}-{j}-{q}", seen, renamed)
                impossible = qa.get("is_impossible") is True
                answers = tuple(a["text"] for a in qa.get("answers") or () if isinstance(a, dict)
                                and isinstance(a.get("text"), str) and a["text"].strip())
                questions.append(Gold(qid, qa["question"], passage=None if impossible else span,
                                      unanswerable=impossible, where=qwhere, answers=answers))
        articles.append(texts)
    if not questions:
        raise EvalError(f"لا أسئلة في الملف / no questions in {path}")
    if renamed:
        logger.warning(f"تنبيه / warning: {len(renamed)} question ids of {path.name} were missing, not text, held "
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
        f"المقاطع لا تطابق الفقرات / the passages do not match the paragraphs: {len(got)} passages "
        f"for {len(expected)} paragraphs; first differences: {', '.join(map(str, odd))} "
        "(a paragraph read as a list or heading, or an article file the reader skipped, e.g. one "
        "with no Arabic text)",
        status=1,
    )


# -- judging ------------------------------------------------------------------------------------


def flatten(text: str) -> str:
    """Normal form for answer_contains: normalised, whitespace runs collapsed to one space."""
    return " ".join(normalize(text).split())


def docid(p: Passage) -> str:
    """«source:first-last», the passage's name in TREC files (whitespace in a file name is
    written %20, since TREC columns are whitespace-separated)."""
    return f"{_WHITESPACE_RE.sub('%20', p.source)}:{p.first}-{p.last}"


def _holds_span(p: Passage, span: Span) -> bool:
    """The passage's lines hold the gold span, or it is the section whose heading opens the gold
    span (the gold took the section with its sub-sections, which are passages of their own)."""
    if p.source != span.source:
        return False
    heading_of = p.level == "section" and p.first == span.first and p.last <= span.last
    return heading_of or (p.first <= span.first and span.last <= p.last)


class Judge:
    """Which passages of a corpus are right for a gold question (see the module docstring)."""

    def __init__(self, passages: Sequence[Passage]):
        self.passages = passages
        self._flat: list[str] | None = None

    def _flat_texts(self) -> list[str]:
        if self._flat is None:
            self._flat = [flatten(p.text) for p in self.passages]
        return self._flat

    def _overlapping(self, gold: Gold) -> frozenset[int]:
        """For a gold span drawn across passage boundaries (no passage holds it): the passages
        sharing a line with it, with a warning, so the question is judged rather than lost."""
        span = gold.passage
        found = frozenset(i for i, p in enumerate(self.passages)
                          if p.source == span.source and p.first <= span.last and span.first <= p.last)
        if found:
            logger.warning(f"تنبيه / warning: {gold.where}: no passage holds {gold.expected}; passages sharing "
                  "its lines are counted right")
        return found

    def relevant(self, gold: Gold) -> frozenset[int]:
        """Indices of the right passages; EvalError when an answerable question has none."""
        if gold.unanswerable:
            return frozenset()
        if gold.passage:
            found = frozenset(i for i, p in enumerate(self.passages) if _holds_span(p, gold.passage))
            if not found:
                found = self._overlapping(gold)
        else:
            phrases = [flatten(a) for a in gold.answer_contains]
            texts = self._flat_texts()
            holding = [i for i, t in enumerate(texts) if all(a in t for a in phrases)]
            found = frozenset(i for i in holding if len(self.passages[i].text) <= MAX_ANSWER_CHARS)
            if not found:
                # No passage (of readable length) holds all of it: the splitter cut the answer
                # apart or left a line out, or the gold is out of date. A miss, said aloud; the
                # questions after it are still scored.
                logger.warning(f"تنبيه / warning: {gold.where}: no passage of at most {MAX_ANSWER_CHARS} characters "
                      f"holds all of {gold.expected}; none is counted right")
                return found
        if not found:
            raise _bad(gold.where, f"لا مقطع في المحاضرات يطابق الإجابة {gold.expected}",
                       f"no passage of the corpus matches {gold.expected} (question {gold.id}); "
                       "is the gold file out of date?")
        return found


# -- metrics ------------------------------------------------------------------------------------


def recall_at(rels: Sequence[bool], k: int) -> float:
    """1.0 when a right passage is in the top ``k`` of a judged ranking, else 0.0."""
    return 1.0 if any(rels[:k]) else 0.0


def reciprocal_rank(rels: Sequence[bool], k: int) -> float:
    """1 / rank of the first right passage in the top ``k``; 0.0 when there is none."""
    return next((1.0 / rank for rank, rel in enumerate(rels[:k], 1) if rel), 0.0)


def ndcg_at(rels: Sequence[bool], n_relevant: int, k: int) -> float:
    """Binary-gain nDCG@k: DCG over the ranking / DCG of the ideal one (``n_relevant`` right
    passages first). 0.0 when nothing is relevant."""
    dcg = sum(1.0 / math.log2(rank + 1) for rank, rel in enumerate(rels[:k], 1) if rel)
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(n_relevant, k) + 1))
    return dcg / ideal if ideal else 0.0


def abstention_scores(abstained: Sequence[bool], unanswerable: Sequence[bool]) -> tuple[float | None, float | None]:
    """(precision, recall) of abstaining: correct abstentions over all abstentions, and over
    all unanswerable questions; None where the denominator is zero."""
    correct = sum(a and u for a, u in zip(abstained, unanswerable, strict=True))
    n_abstained, n_unanswerable = sum(abstained), sum(unanswerable)
    return (correct / n_abstained if n_abstained else None,
            correct / n_unanswerable if n_unanswerable else None)


def ranking_metrics(judged: Iterable[tuple[Sequence[bool], int]], k: int) -> dict[str, float | None]:
    """Mean recall@1/3/5, mrr@k and ndcg@k over (judged ranking, number of right passages);
    None with no rankings (a group of unanswerable questions has nothing to rank)."""
    names = [f"recall@{c}" for c in RECALL_CUTOFFS] + [f"mrr@{k}", f"ndcg@{k}"]
    rows = [
        [recall_at(rels, c) for c in RECALL_CUTOFFS] + [reciprocal_rank(rels, k), ndcg_at(rels, n, k)]
        for rels, n in judged
    ]
    if not rows:
        return dict.fromkeys(names)
    return {name: round(sum(column) / len(rows), 4) for name, column in zip(names, zip(*rows))}


# -- outcomes and the report --------------------------------------------------------------------


class Outcome(NamedTuple):
    """What the engine did with one gold question."""

    gold: Gold
    kind: str  # the reply's kind: answer | no_answer | smalltalk
    reply: tuple[int | None, ...]  # reply ranking (None: no passage at rank 1)
    search: tuple[int, ...]  # search ranking
    relevant: frozenset[int]

    @property
    def abstained(self) -> bool:
        return self.kind == ReplyKind.NO_ANSWER

    def judged(self, ranking: Sequence[int | None]) -> tuple[list[bool], int]:
        return [i in self.relevant for i in ranking], len(self.relevant)

    @property
    def failed(self) -> bool:
        if self.gold.unanswerable:
            return not self.abstained
        return self.reply[0] not in self.relevant


def reply_ranking(answer: int | None, search: Sequence[int], k: int) -> tuple[int | None, ...]:
    """The reply's passage (or None) at rank 1, then the search ranking without it."""
    return ((answer,) + tuple(i for i in search if i != answer))[:k]


def _scores(outcomes: list[Outcome], k: int) -> dict:
    answerable = [o for o in outcomes if not o.gold.unanswerable]
    scores: dict = {"questions": len(outcomes), "answerable": len(answerable)}
    scores.update(ranking_metrics((o.judged(o.reply) for o in answerable), k))
    scores["abstentions"] = sum(o.abstained for o in outcomes)
    precision, recall = abstention_scores([o.abstained for o in outcomes], [o.gold.unanswerable for o in outcomes])
    scores["abstention_precision"] = None if precision is None else round(precision, 4)
    scores["abstention_recall"] = None if recall is None else round(recall, 4)
    scores["search"] = ranking_metrics((o.judged(o.search) for o in answerable), k)
    return scores


def source_text(p: Passage) -> str:
    """A passage's text as its source has it (without the mark a SQuAD corpus file adds):
    what a baseline that tokenizes raw text should see."""
    return p.text.replace(_RLM, "")


def _title(p: Passage) -> str:
    return (p.heading or source_text(p).split("\n")[0]).strip()[:80]


def _failure(o: Outcome, passages: Sequence[Passage]) -> dict:
    top = o.reply[0] if o.reply and o.reply[0] is not None else None
    rels, _ = o.judged(o.reply)
    return {
        "id": o.gold.id,
        "question": o.gold.question.strip(),
        "type": o.gold.type,
        "expected": o.gold.expected,
        "kind": o.kind,
        "returned": docid(passages[top]) if top is not None else None,
        "title": _title(passages[top]) if top is not None else None,
        "first_right_rank": rels.index(True) + 1 if any(rels) else None,
    }


def report(outcomes: list[Outcome], passages: Sequence[Passage], k: int) -> dict:
    """The evaluation report: overall scores, scores by type, and the failed questions."""
    result = _scores(outcomes, k)
    groups: dict[str, list[Outcome]] = {}
    if any(o.gold.type for o in outcomes):
        for o in sorted(outcomes, key=lambda o: o.gold.type or "~"):
            groups.setdefault(o.gold.type or UNTYPED, []).append(o)
    result["by_type"] = {name: _scores(group, k) for name, group in groups.items()}
    result["failures"] = [_failure(o, passages) for o in outcomes if o.failed]
    return result


# -- TREC files ---------------------------------------------------------------------------------


def run_lines(outcomes: Iterable[Outcome], passages: Sequence[Passage], tag: str = "chatbot") -> list[str]:
    """The reply rankings as a TREC run, answerable questions only.

    The score column is ``k + 1 - rank`` (distinct and decreasing): the rank-1 reply passage
    has no score comparable to the search scores, and trec_eval/ir-measures re-sort by score
    (ties by docid), so a rank-derived score keeps the ranking exactly as scored here."""
    lines = []
    for o in outcomes:
        if o.gold.unanswerable:
            continue
        for rank, i in enumerate(o.reply, 1):
            name = NO_PASSAGE if i is None else docid(passages[i])
            lines.append(f"{o.gold.id} Q0 {name} {rank} {len(o.reply) + 1 - rank} {tag}")
    return lines


def qrels_lines(outcomes: Iterable[Outcome], passages: Sequence[Passage]) -> list[str]:
    """Every right passage of every answerable question, TREC qrels (``qid 0 docid 1``)."""
    return [
        f"{o.gold.id} 0 {docid(passages[i])} 1"
        for o in outcomes if not o.gold.unanswerable for i in sorted(o.relevant)
    ]
