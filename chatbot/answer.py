"""From ranked passages to a reply: answer, honest "not in the lecture", or smalltalk.

Decisions made here, each for a reason a student would give:

* a list question («ما مراحل…», «اذكر أهداف…») gets the whole section, any other question the
  best passage (usually one item);
* the reply abstains when the question's content words are not covered by the passage: a
  question sharing one word with the lecture («ما هي مراحل نمو الطفل») is not about it;
* greetings and thanks get a short reply, not a passage.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, NamedTuple

import numpy as np

from chatbot.arabic import function_words, light_stem, words
from chatbot.passages import Passage
from chatbot.resources import smalltalk_phrases, word_set
from chatbot.search import QueryTerm, expand_query, file_coverage, rank, title_match, top_k
from chatbot.spelling import Speller
from chatbot.store import StoredIndex

__all__ = ["Hit", "Reply", "answer_question", "reply_to_json"]

MAX_QUESTION_CHARS = 1000
# Share of the question's content (IDF-weighted) that the answer must cover: more than half,
# so a two-word question with one unknown word («فوائد الرياضة») is not answered.
MIN_COVERAGE = 0.55
HIGH_COVERAGE = 0.85
# An alternative scoring this close to the answer is a serious candidate ("medium").
CLOSE = 0.9

NO_ANSWER = "لا أجد إجابة لهذا السؤال في المحاضرة. / The lecture does not answer this question."
EMPTY = "اكتب سؤالك أولا. / Please type a question."
TOO_LONG = f"السؤال طويل جدا: اختصره في أقل من {MAX_QUESTION_CHARS} حرف. / The question is too long."
NO_WORDS = "لم أجد في السؤال كلمات أبحث عنها، اكتبه بكلمات عربية. / The question has no words to search for."
SMALLTALK = {
    "greeting": "أهلا وسهلا! اسألني عن أي شيء في المحاضرة. / Hello! Ask me anything about the lecture.",
    "thanks": "العفو، بالتوفيق في دراستك! / You're welcome, good luck!",
    "bye": "مع السلامة، بالتوفيق! / Goodbye, good luck!",
}


class Hit(NamedTuple):
    passage: Passage
    score: float
    confidence: str  # high | medium | low


class Reply(NamedTuple):
    question: str
    kind: str  # answer | no_answer | smalltalk
    message: str
    answer: Hit | None
    alternatives: list[Hit]
    terms: tuple[str, ...]


def _refuse(question: str, message: str) -> Reply:
    return Reply(question, "no_answer", message, None, [], ())


def smalltalk_kind(question: str) -> str | None:
    """greeting/thanks/bye when the question is only such words (and function words)."""
    table = smalltalk_phrases()
    filler = function_words()
    ws = [w for w in words(question) if w not in filler]
    kinds = [table.get(w) for w in ws]
    if ws and all(kinds):
        return kinds[0]
    return None


@lru_cache(maxsize=1)
def _list_cue_stems() -> frozenset[str]:
    return frozenset(light_stem(c) for c in word_set("list_cues"))


def is_list_question(terms: list[QueryTerm]) -> bool:
    cues = _list_cue_stems()
    return any(t.stem in cues or light_stem(t.word) in cues for t in terms if t.how != "synonym")


def _narrow_to_item(best: int, terms: list[QueryTerm], scores: np.ndarray, index: StoredIndex) -> int:
    """For a question about one thing, a section gives way to its best item when the item's
    title is named by the question more fully than the section's heading is («ما هي مرحلة
    التبادل» → the item «مرحلة التبادل», not the section «مراحل الحكومة»)."""
    children = []  # a section's items follow it directly (passages are in reading order)
    for i in range(best + 1, len(index.passages)):
        if index.passages[i].parent != best:
            break
        children.append(i)
    if not children:
        return best
    child = max(children, key=lambda i: (scores[i], -i))
    if scores[child] > 0 and title_match(index.passages[child], terms, index) > title_match(
        index.passages[best], terms, index
    ):
        return child
    return best


def _confidence(cov: float, margin: float) -> str:
    if cov >= HIGH_COVERAGE and margin >= 0.1:
        return "high"
    return "medium" if cov >= HIGH_COVERAGE or margin >= 0.1 else "low"


def answer_question(
    question: str, index: StoredIndex, speller: Callable[[], Speller], top: int = 3, extra_synonyms: str = ""
) -> Reply:
    """The reply to one question over a loaded index."""
    question = question if isinstance(question, str) else ""
    if not question.strip():
        return _refuse(question, EMPTY)
    if len(question) > MAX_QUESTION_CHARS:
        return _refuse(question, TOO_LONG)
    if kind := smalltalk_kind(question):
        return Reply(question, "smalltalk", SMALLTALK[kind], None, [], ())
    vocab = index.fields["word"]
    table = smalltalk_phrases()
    terms = [t for t in expand_query(question, vocab, speller, extra_synonyms)
             if not (t.how == "unknown" and t.word in table)]
    if not terms:
        return _refuse(question, NO_WORDS)
    stems = tuple(dict.fromkeys(t.stem for t in terms))
    if not index.passages:
        return Reply(question, "no_answer", NO_ANSWER, None, [], stems)
    of_file = file_coverage(terms, index, speller())
    scores = rank(terms, index, of_file)
    sections = index.sections
    allowed = sections if is_list_question(terms) else None
    best = top_k(scores, 1, allowed) or top_k(scores, 1)
    if not best:
        return Reply(question, "no_answer", NO_ANSWER, None, [], stems)
    if allowed is None:
        best = [_narrow_to_item(best[0], terms, scores, index)]
    # Abstain when the lecture the answer comes from does not hold the question's content:
    # judged on the whole file, since an answer passage often paraphrases a word or two.
    cov = of_file(int(index.file_of[best[0]]))
    if cov < MIN_COVERAGE:
        suggestions = [_hit(index, i, scores, "low") for i in top_k(scores, top, sections)]
        return Reply(question, "no_answer", NO_ANSWER, None, suggestions, stems)
    others = [i for i in top_k(scores, top + 8) if i != best[0] and index.passages[i].parent != best[0]]
    runner_up = scores[others[0]] if others else 0.0
    margin = float((scores[best[0]] - runner_up) / scores[best[0]]) if scores[best[0]] else 0.0
    hit = _hit(index, best[0], scores, _confidence(cov, margin))
    alternatives = [_hit(index, i, scores, "medium" if scores[i] >= CLOSE * scores[best[0]] else "low")
                    for i in others[:top]]
    return Reply(question, "answer", "", hit, alternatives, stems)


def _hit(index: StoredIndex, i: int, scores: np.ndarray, confidence: str) -> Hit:
    return Hit(index.passages[i], round(float(scores[i]), 6), confidence)


def hit_to_json(hit: Hit) -> dict:
    p = hit.passage
    return {"text": p.text, "source": p.source, "section": list(p.section),
            "lines": [p.first, p.last], "score": hit.score}


def reply_to_json(reply: Reply) -> dict:
    """The CLI's stable JSON shape (see README)."""
    return {
        "question": reply.question,
        "kind": reply.kind,
        "message": reply.message,
        "answer": hit_to_json(reply.answer) if reply.answer else None,
        "alternatives": [hit_to_json(h) for h in reply.alternatives],
    }
