"""The ``chatbot`` command: :mod:`~chatbot.cli.main` (ask, index, app, serve, and the global
flags), :mod:`~chatbot.cli.corpus` (``chatbot corpus``) and :mod:`~chatbot.cli.evaluate`
(``chatbot eval``). Only argument handling, output and exit codes live here."""

from chatbot import lazy_exports

__all__ = ["main"]
__getattr__ = lazy_exports(__name__, {"main": "main"})
