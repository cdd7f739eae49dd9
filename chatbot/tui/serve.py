"""``chatbot serve``: the same chat in a browser, for a class whose students have no Python.

textual-serve runs a small web server; each browser tab that opens the page gets its own
``chatbot`` process (started with this interpreter, the same lectures and options), drawn in
the page by xterm.js. Browsers' terminals do no bidi of their own, so the chat lays Arabic
out itself (``--rtl app``) unless told otherwise.
"""

from __future__ import annotations

import argparse
import errno
import shlex
import socket
import sys
from collections.abc import Callable
from pathlib import Path

from chatbot import messages as msg

__all__ = ["chat_command", "port_taken", "register", "serve"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
TITLE = "مساعد المحاضرة"


def register(sub: argparse._SubParsersAction, add_paths: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add ``serve`` to the command line."""
    serve_ = sub.add_parser("serve", help="serve the chat to web browsers (textual-serve)")
    serve_.add_argument("--host", default=DEFAULT_HOST,
                        help=f"address to listen on (default {DEFAULT_HOST}; 0.0.0.0 for a classroom network)")
    serve_.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    add_paths(serve_)


def chat_command(corpus: Path | None, index: Path | None, rtl: str | None, lang: str | None) -> str:
    """The shell command textual-serve runs for each browser tab: this chat, these options."""
    argv = [sys.executable, "-m", "chatbot.cli", "--rtl", rtl or "app"]
    if lang:
        argv += ["--lang", lang]
    if corpus:
        argv += ["--corpus", str(Path(corpus).resolve())]
    if index:
        argv += ["--index", str(Path(index).resolve())]
    return shlex.join(argv)


def port_taken(host: str, port: int) -> bool:
    """Whether something already listens on ``host:port`` (bound as the server will bind)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as aiohttp does
        try:
            probe.bind((host, port))
        except OSError as error:
            return error.errno == errno.EADDRINUSE
    return False


def _taken(host: str, port: int) -> str:
    return "\n".join(msg.PORT_TAKEN.pair(port=port, host=host))


def serve(host: str, port: int, corpus: Path | None, index: Path | None,
          rtl: str | None = None, lang: str | None = None) -> int:
    """Serve the chat until Ctrl+C; 1 with a clear message when the port is taken."""
    if not 0 < port < 65536:
        print(f"{msg.INVALID_PORT}: {port} (1-65535)", file=sys.stderr)
        return 2
    if port_taken(host, port):
        print(_taken(host, port), file=sys.stderr)
        return 1
    from textual_serve.server import Server

    server = Server(chat_command(corpus, index, rtl, lang), host=host, port=port, title=TITLE)
    try:
        server.serve()
    except OSError as error:  # taken between the check and the bind
        if error.errno != errno.EADDRINUSE:
            raise
        print(_taken(host, port), file=sys.stderr)
        return 1
    return 0
