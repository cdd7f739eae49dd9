"""Scoring the chatbot's retrieval in standard IR terms: gold questions, judgements, metrics.

No engine here (see :mod:`chatbot.cli.evaluate`), so each metric can be checked on a
hand-computed case and against ir-measures; what the gold leaves unclear is said through
:mod:`logging` (a warning on stderr), never printed. One module a step, each importing only
those before it:

* :mod:`~chatbot.eval.gold` — the gold JSON Lines format, read and checked (``EvalError``);
* :mod:`~chatbot.eval.squad` — a SQuAD-layout dataset as a corpus of one passage a paragraph;
* :mod:`~chatbot.eval.judge` — which passages are right for a gold question;
* :mod:`~chatbot.eval.metrics` — recall@k, mrr@k, nDCG@k, abstention precision and recall;
* :mod:`~chatbot.eval.report` — what the engine did with each question, and the report;
* :mod:`~chatbot.eval.trec` — the run and qrels files ir-measures reads.
"""

from chatbot.eval.gold import EvalError, Gold, load_gold
from chatbot.eval.judge import Judge
from chatbot.eval.metrics import DEFAULT_K
from chatbot.eval.report import Outcome, report
from chatbot.eval.squad import SquadSet, load_squad

__all__ = ["DEFAULT_K", "EvalError", "Gold", "Judge", "Outcome", "SquadSet", "load_gold", "load_squad", "report"]
