"""``python -m chatbot.cli``: the ``chatbot`` command, as the chat server starts it."""

import sys

from chatbot.cli.main import main

sys.exit(main())
