"""The command line's exit statuses, in one place (every sub-command and the tests use these).

A script that runs ``chatbot ask``, ``chatbot corpus check`` or ``chatbot eval`` tells a bad
input of its own (fix the call) from a bad file or a busy index (fix the data, or retry) from a
bug (report it) by the status alone; the numbers follow the shell's and sysexits.h's usage.
"""

from __future__ import annotations

import signal
from enum import IntEnum

__all__ = ["Exit"]


class Exit(IntEnum):
    OK = 0
    # The command failed or found errors: a bad file, a busy index, a file that cannot be read
    # or written (``corpus check`` with errors, ``corpus add`` with a refused file).
    FAILED = 1
    # Misuse: bad options or arguments, a bad gold file or question (argparse's own status).
    MISUSE = 2
    # An internal error, a bug: EX_SOFTWARE of sysexits.h.
    INTERNAL = 70
    # Interrupted by Ctrl-C: 128 + the signal, as a shell reports it (SIGHUP/SIGTERM likewise).
    INTERRUPTED = 128 + signal.SIGINT
    # The reader of the output went away (``chatbot ask … | head -3``): stop quietly.
    BROKEN_PIPE = 128 + signal.SIGPIPE
