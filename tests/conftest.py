"""Suite-wide settings."""

import os

from chatbot.index.semantic import ENV

# The semantic layer embeds every passage of every index a test builds: off by default here
# (and in the CLI subprocesses tests start, which inherit it); tests/functional/semantic turns
# it on where it is what is tested.
os.environ.setdefault(ENV, "0")
