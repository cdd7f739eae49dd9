"""The ``chatbot`` command: :mod:`~chatbot.cli.main` (ask, index, app, serve, and the global
flags; its ``main`` is the entry point), :mod:`~chatbot.cli.corpus` (``chatbot corpus``) and
:mod:`~chatbot.cli.evaluate` (``chatbot eval``). Only argument handling, output and exit codes
live here."""
