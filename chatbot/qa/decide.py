"""From candidates and their evidence to a reply: answer, narrow, widen, caution or decline.

Decisions made here, each for a reason a student would give:

* a list or comparison question gets the best section (widened to its heading's whole span
  when its own text lists nothing), any other question the best passage; a section gives way to
  its item when the question names the item more fully («ما هي مرحلة التبادل» → the item
  «مرحلة التبادل», not the section «مراحل الحكومة»);
* a passage that only names its subject gives way to one that explains it, else to its section;
* the reply declines, or answers with a caution, by a model of "this passage answers" fit on
  data (:class:`Abstention`): a question sharing one word with the lecture («ما هي مراحل نمو
  الطفل») is not about it;
* greetings and thanks get a short reply, not a passage.

Only the :class:`~chatbot.qa.retrieve.Retrieval` is read: nothing is searched again.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib.resources import files
from typing import NamedTuple

from chatbot import messages as msg
from chatbot.qa.kinds import Confidence, ReplyKind, Support
from chatbot.index.passages import MAX_ANSWER_CHARS, Passage, is_table_row
from chatbot.qa.query import Query
from chatbot.qa.reply import Hit, Reply
from chatbot.qa.retrieve import ALTERNATIVES_LOOKED_AT, Evidence, Retrieval
from chatbot.qa.settings import SETTINGS, Settings
from chatbot.qa.smalltalk import Smalltalk

__all__ = ["Abstention", "abstention_models", "decide", "smalltalk_reply", "support"]

NO_ANSWER = str(msg.NO_ANSWER)
UNSURE = str(msg.UNSURE)
SMALLTALK = {kind: str(msg.SMALLTALK[kind]) for kind in Smalltalk}


class Abstention(NamedTuple):
    """A logistic model of "this passage answers the question" over Evidence.features, and the
    probabilities below which the reply declines (``decline``) or answers with a caution
    (``caution``). Fit by benchmarks/fit_abstention.py on the data named in its ``fit_on``;
    one model with the semantic layer, one without."""

    weights: tuple[float, ...]
    bias: float
    decline: float
    caution: float

    def probability(self, evidence: Evidence) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, evidence.features(), strict=True))
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def abstention_models() -> dict[str, Abstention]:
    """``semantic`` and ``words``: the fitted models in qa/abstention.json."""
    data = json.loads(files("chatbot.qa").joinpath("abstention.json").read_text(encoding="utf-8"))
    return {mode: Abstention(tuple(m["weights"]), m["bias"], m["decline"], m["caution"])
            for mode, m in data["models"].items()}


def support(evidence: Evidence, settings: Settings = SETTINGS) -> Support:
    """none | unsure | sure: the fitted model's probability that the passage answers, against
    its two thresholds. A passage that cannot give the person, date, number or place asked
    declines whatever the model says (18 dev sets: 2 more near-topic questions declined, 1
    more right answer with «متى + present verb» read as asking a condition)."""
    if not settings.abstain:
        return Support.SURE
    if not evidence.answer_type:
        return Support.NONE
    model = abstention_models()["words" if evidence.semantic is None else "semantic"]
    p = model.probability(evidence)
    return Support.NONE if p < model.decline else Support.UNSURE if p < model.caution else Support.SURE


def smalltalk_reply(query: Query) -> Reply:
    return Reply(query.text, ReplyKind.SMALLTALK, SMALLTALK[query.smalltalk], None, [], ())


def decide(
    query: Query, retrieval: Retrieval, passages: list[Passage], top: int = 3, depth: int = 10,
    settings: Settings = SETTINGS,
) -> Reply:
    """The reply: the chosen passage with ``top`` alternatives, or a decline with ``top``
    sections to look at; it carries the ``depth`` best passages of the ranking."""
    ranking = retrieval.ranking[:depth]
    candidates = retrieval.candidates
    pool = (query.wants_section and retrieval.sections) or retrieval.ranking
    if not pool:
        return Reply(query.text, ReplyKind.NO_ANSWER, NO_ANSWER, None, [], query.stems, None, ranking)
    best = pool[0]
    best = _widened(best, retrieval) if query.wants_section else _narrowed(best, retrieval)
    best = _explained(best, retrieval, passages, settings)
    chosen = candidates[best]

    def hit(i: int, confidence: Confidence) -> Hit:
        return Hit(passages[i], round(retrieval.scores[i], 6), confidence)

    verdict = support(chosen.evidence, settings)
    if verdict == Support.NONE:
        # Sections to look at instead: those holding one of the question's words at least.
        near = [i for i in retrieval.sections if retrieval.held[i]][:top]
        suggestions = [hit(i, Confidence.LOW) for i in near]
        return Reply(query.text, ReplyKind.NO_ANSWER, NO_ANSWER, None, suggestions, query.stems, chosen.evidence,
                     ranking)
    unsure = verdict == Support.UNSURE
    others = [i for i in retrieval.ranking[: top + ALTERNATIVES_LOOKED_AT] if i != best and passages[i].parent != best]
    runner_up = retrieval.scores[others[0]] if others else 0.0
    margin = (chosen.score - runner_up) / chosen.score if chosen.score else 0.0
    answer = Hit(passages[best], round(chosen.score, 6), _confidence(chosen.evidence.coverage, margin, unsure, settings))
    close = settings.close * chosen.score
    alternatives = [hit(i, Confidence.MEDIUM if retrieval.scores[i] >= close else Confidence.LOW) for i in others[:top]]
    return Reply(query.text, ReplyKind.ANSWER, UNSURE if unsure else "", answer, alternatives, query.stems,
                 chosen.evidence, ranking)


def _narrowed(best: int, retrieval: Retrieval) -> int:
    """A section gives way to its best item when the question names the item's title more
    fully than the section's heading."""
    section = retrieval.candidates[best]
    child = section.best_child
    if child is not None and retrieval.candidates[child].title > section.title:
        return child
    return best


def _widened(best: int, retrieval: Retrieval) -> int:
    """A list or a comparison asked of a section whose own text lists nothing gets its heading's
    whole span («ما هي شروط صحة الصلاة» → «ثانياً: شروط الصلاة» with «وشروط الصحة هي:» and its
    list, not its introduction alone)."""
    whole = retrieval.candidates[best].whole
    return best if whole is None else whole


def _explained(best: int, retrieval: Retrieval, passages: list[Passage], settings: Settings) -> int:
    """A passage that only names its subject gives way to the passage explaining it, else to its
    section (a heading whose body is its list) when that is not a chapter; a table's row keeps
    its labels rather than give way to its table."""
    if (explained_by := retrieval.candidates[best].explained_by) is not None:
        return explained_by
    parent = passages[best].parent
    thin = retrieval.candidates[best].thin
    if thin and parent >= 0 and len(passages[parent].text) <= MAX_ANSWER_CHARS and not is_table_row(passages[best]):
        return parent
    return best


def _confidence(coverage: float, margin: float, unsure: bool, settings: Settings) -> Confidence:
    if unsure:
        return Confidence.LOW
    covered, clear = coverage >= settings.high_coverage, margin >= settings.clear_margin
    if covered and clear:
        return Confidence.HIGH
    return Confidence.MEDIUM if covered or clear else Confidence.LOW
