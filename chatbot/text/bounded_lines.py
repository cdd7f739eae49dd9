"""Lines of untrusted input read in bounded memory.

``ask --batch`` and gold files take one question a line, and a question is refused past
:data:`chatbot.qa.query.MAX_QUESTION_CHARS` characters. Iterating a file holds each whole line
in memory first: a 50 MB line costs 50 MB (and five times that once decoded and parsed) before
anyone can refuse it. Here a line is read up to a byte limit and the rest of a longer line is
skipped in chunks, so memory stays at the limit whatever the input.
"""

from __future__ import annotations

from typing import BinaryIO, Iterator, NamedTuple

__all__ = ["Line", "UTF8_MAX_BYTES", "bounded_lines"]

# UTF-8 spends at most this many bytes on a character: a line of more than 4 * N bytes holds
# more than N characters, whatever the script.
UTF8_MAX_BYTES = 4
_SKIP_CHUNK = 1 << 16


class Line(NamedTuple):
    data: bytes  # the line without its line break («\n» or «\r\n»), cut to the limit when long
    cut: bool  # the line was longer than the limit; ``data`` is its start


def bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[Line]:
    """Each line of ``stream`` (split at «\\n» only, as JSON Lines are), at most ``max_bytes``
    long: a longer line is given cut, its rest read in chunks and dropped."""
    while line := stream.readline(max_bytes + 1):
        if line.endswith(b"\n"):
            yield Line(line[:-1].removesuffix(b"\r"), False)
        elif len(line) <= max_bytes:  # the last line, without a line break
            yield Line(line.removesuffix(b"\r"), False)
        else:
            while (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield Line(line[:max_bytes], True)
