"""Question answering: a question goes down these modules once.

:mod:`~chatbot.qa.query` reads the question (terms, intent, answer type) →
:mod:`~chatbot.qa.retrieve` ranks passages and gathers the evidence of the candidates →
:mod:`~chatbot.qa.decide` answers, narrows, widens, cautions or declines → a
:class:`~chatbot.qa.reply.Reply`. :mod:`~chatbot.qa.settings` holds every weight and threshold
with the data it was fit on; :mod:`~chatbot.qa.engine` ties the steps to a loaded index.
"""

from chatbot import lazy_exports

__all__ = ["SETTINGS", "Engine", "Hit", "Query", "Reply", "Settings", "open_engine", "read_query"]
__getattr__ = lazy_exports(__name__, {
    "SETTINGS": "settings", "Settings": "settings", "Engine": "engine", "open_engine": "engine",
    "Hit": "reply", "Reply": "reply", "Query": "query", "read_query": "query",
})
