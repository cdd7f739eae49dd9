"""Command line: ``chatbot`` (the TUI), ``chatbot ask``, ``chatbot index`` and friends.

The ask path imports neither Textual nor rank-bm25: a cold ``chatbot ask`` loads only the
analysis pipeline, numpy and the index.

Every sub-command runs with its standard output and error wrapped in
:class:`chatbot.text.safe_text.SafeStream`, so no lecture text, file name or echoed question puts a
control or bidi character on the terminal, whichever print it goes through; ``--json`` output
escapes the same characters (:func:`chatbot.text.safe_text.to_json`). Nothing a user gives ends in
a traceback: the commands report bad input themselves, and :func:`main` turns whatever escapes
them into one message, Arabic first (:mod:`chatbot.messages`), and an exit status
(:class:`chatbot.cli.exits.Exit`):

====  ===============================================================================
0     success
1     the command failed or found errors (a bad file, a busy index, a file that cannot be
      read or written)
2     misuse: bad options or arguments, a bad gold file or question
70    an internal error (a bug: the message names it; ``CHATBOT_TRACEBACK=1`` shows the trace)
130   interrupted (Ctrl-C); 129/143 for SIGHUP/SIGTERM (128 + the signal, as a shell reports)
141   the reader of the output went away (``chatbot ask … | head -3``): stop quietly
====  ===============================================================================

SIGTERM and SIGHUP unwind the program like Ctrl-C, so temporary folders are removed and the
index lock released on those exits too.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from chatbot import messages as msg
from chatbot.cli.exits import Exit
from chatbot.messages import Say
from chatbot.text.safe_text import SafeStream, to_json

# Signals that end the program by unwinding it (``finally`` clauses run), as Ctrl-C does.
UNWINDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


class _Parser(argparse.ArgumentParser):
    """argparse with an Arabic lead to its usage errors (exit status 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(Exit.MISUSE, f"{msg.USAGE_ERROR}: {message}\n")


def _add_paths(p: argparse.ArgumentParser) -> None:
    """--corpus, --index and --no-semantic, before or after the command: a command's parser
    sets only what it was given (SUPPRESS), so «chatbot --corpus X index» keeps X instead of
    the command's default wiping it out; the defaults are the main parser's."""
    from chatbot.paths import default_corpus_path, default_index_for

    corpus = default_corpus_path()  # argparse formats help with %: a path's own % is doubled
    p.add_argument("--corpus", type=Path, default=argparse.SUPPRESS,
                   help=f"folder of lecture files (default: {corpus})".replace("%", "%%"))
    p.add_argument("--index", type=Path, default=argparse.SUPPRESS,
                   help=f"index folder (default: index/ beside the corpus: {default_index_for(corpus)})".replace("%", "%%"))
    p.add_argument("--no-semantic", action="store_true", default=argparse.SUPPRESS,
                   help="words only: no e5 passage vectors (faster builds; same as CHATBOT_SEMANTIC=0)")


def _add_chat_options(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("--rtl", choices=("app", "terminal", "auto"), default=None,
                   help="how the TUI shows Arabic: reordered by the app, by the terminal, or detected")
    p.add_argument("--lang", choices=("ar", "en"), default=None,
                   help="language of the TUI's own words (default: CHATBOT_LANG, else ar)")
    _add_paths(p)
    p.set_defaults(corpus=None, index=None, no_semantic=False)  # the commands' parsers set none
    return p


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="chatbot", description=str(msg.DESCRIPTION))
    _add_chat_options(parser)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    ask = sub.add_parser("ask", help="answer a question (or --batch: one per stdin line)")
    ask.add_argument("question", nargs="?", help="the question, in Arabic")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument("--batch", action="store_true", help="read questions from stdin, one per line")
    ask.add_argument("--top", type=_positive, default=3, metavar="K", help="alternatives to list (default 3)")
    _add_paths(ask)

    from chatbot.cli import corpus

    corpus.register(sub, _add_paths)

    index = sub.add_parser("index", help="build or refresh the index and print a summary")
    _add_paths(index)

    from chatbot.cli import evaluate
    from chatbot.tui import serve

    _add_paths(evaluate.register(sub))
    serve.register(sub, _add_paths)
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError("choose K between 0 and 100")
    return value


def _engine(args: argparse.Namespace):
    from chatbot.qa.engine import open_engine

    return open_engine(args.corpus, args.index)


def _print_reply(reply) -> None:
    from chatbot.qa.reply import Hit
    from chatbot.qa.kinds import ReplyKind

    def where(hit: Hit) -> str:
        p = hit.passage
        return f"{p.source}:{p.first}-{p.last}"

    if reply.kind != ReplyKind.ANSWER:
        print(reply.message)
        if reply.alternatives:
            print(f"\n{msg.CLOSEST_SECTIONS}:")
            for hit in reply.alternatives:
                print(f"  - {' › '.join(hit.passage.section) or hit.passage.heading}  ({where(hit)})")
        return
    hit = reply.answer
    if reply.message:
        print(reply.message)
    print(f"{' › '.join(hit.passage.section)}")
    print(f"{where(hit)}   {msg.CONFIDENCE}: {msg.CONFIDENCE_LEVELS[hit.confidence]}\n")
    print(hit.passage.text)
    if reply.alternatives:
        print(f"\n{msg.OTHER_ANSWERS}:")
        for alt in reply.alternatives:
            title = alt.passage.heading or alt.passage.text.split("\n")[0][:60]
            print(f"  - {title}  ({where(alt)})")


def cmd_ask(args: argparse.Namespace) -> int:
    from chatbot.qa.query import MAX_QUESTION_CHARS
    from chatbot.qa.reply import reply_to_json
    from chatbot.text.bounded_lines import UTF8_MAX_BYTES, bounded_lines

    if args.batch == (args.question is not None):
        print(msg.ONE_QUESTION, file=sys.stderr)
        return Exit.MISUSE
    engine = _engine(args)
    if args.batch:
        # A line longer than this holds more than MAX_QUESTION_CHARS characters: its start is
        # enough for the engine to refuse it, and the rest is never held in memory.
        limit = UTF8_MAX_BYTES * (MAX_QUESTION_CHARS + 1)
        for line in bounded_lines(sys.stdin.buffer, limit):
            reply = engine.ask(line.data.decode("utf-8", errors="replace"), args.top)
            if args.json:
                print(to_json(reply_to_json(reply)), flush=True)
            else:
                print(f"? {reply.question}")
                _print_reply(reply)
                print("-" * 40, flush=True)
        return 0
    reply = engine.ask(args.question, args.top)
    if args.json:
        print(to_json(reply_to_json(reply)))
    if not args.question.strip():
        print(reply.message, file=sys.stderr)
        return Exit.MISUSE
    if not args.json:
        _print_reply(reply)
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    from chatbot.paths import default_corpus, default_index_for
    from chatbot.cli.corpus import progress_bar
    from chatbot.index.build import build_index

    corpus = args.corpus or default_corpus()  # looked up only when not given
    report = build_index(corpus, args.index or default_index_for(corpus), progress_bar())
    print(f"{msg.THE_FILES}: {report.files}   {msg.THE_PASSAGES}: {report.passages}   "
          f"{msg.THE_SECTIONS}: {report.sections}   ({report.seconds:.2f} s)")
    print(f"{msg.PROCESSED}: {len(report.processed)}   {msg.REUSED}: {len(report.reused)}")
    for name, reason in report.skipped.items():
        print(f"{msg.SKIPPED} {name}: {reason}", file=sys.stderr)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from chatbot.cli.evaluate import cmd_eval as run

    return run(args)


def cmd_corpus(args: argparse.Namespace) -> int:
    from chatbot.cli.corpus import run

    return run(args)


def cmd_serve(args: argparse.Namespace) -> int:
    from chatbot.tui.serve import serve

    return serve(args.host, args.port, args.corpus, args.index, args.rtl, args.lang)


COMMANDS = {"ask": cmd_ask, "index": cmd_index, "corpus": cmd_corpus, "eval": cmd_eval, "serve": cmd_serve}


def main(argv: list[str] | None = None) -> int:
    # The chat (no command) opens without the full parser: its subcommands import camel-tools,
    # which would keep the terminal blank for a second or more before the first frame.
    chat, rest = _add_chat_options(_Parser(prog="chatbot", add_help=False)).parse_known_args(argv)
    if not rest:
        _semantic_switch(chat)
        return _run_tui(chat)
    parser = build_parser()
    with _safe_streams():
        args = parser.parse_args(argv)
    _semantic_switch(args)
    if args.command is None:
        return _run_tui(args)
    with _safe_streams(), _signals_unwind():
        return _run_command(args)


def _semantic_switch(args: argparse.Namespace) -> None:
    """``--no-semantic`` is one switch for every layer (index build, engine), as the variable is."""
    if getattr(args, "no_semantic", False):
        from chatbot.index.semantic import ENV

        os.environ[ENV] = "0"


def _run_command(args: argparse.Namespace) -> int:
    """Run a sub-command; whatever it raises becomes a message and an exit status."""
    from chatbot.index.build import IndexUnavailable

    if getattr(args, "corpus", None) is not None and not args.corpus.is_dir():
        print(f"{msg.CORPUS_NOT_FOUND}: {args.corpus}", file=sys.stderr)
        return Exit.MISUSE
    try:
        status = COMMANDS[args.command](args)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last flush
        return status
    except BrokenPipeError:
        _discard_stdout()
        return Exit.BROKEN_PIPE
    except IndexUnavailable as exc:  # busy, or an index folder that cannot be written
        return _fail(str(exc), Exit.FAILED)
    except Stopped as exc:
        return _fail(f"\n{msg.STOPPED} ({signal.Signals(exc.signum).name})", 128 + exc.signum)
    except KeyboardInterrupt:
        return _fail(f"\n{msg.INTERRUPTED}", Exit.INTERRUPTED)
    except OSError as exc:
        return _fail(_os_error_message(exc), Exit.FAILED)
    except Exception as exc:
        if os.environ.get("CHATBOT_TRACEBACK"):
            raise
        return _fail(f"{msg.INTERNAL_ERROR}: {type(exc).__name__}: {exc}", Exit.INTERNAL)


def _os_error_message(exc: OSError) -> str:
    reason = msg.OS_REASONS.get(exc.errno) or Say(msg.OS_REASON_OTHER_AR, exc.strerror or str(exc))
    return msg.CANNOT_USE.both(where=f" {exc.filename}" if exc.filename else "", reason=reason)


def _fail(message: str, status: int) -> int:
    """Print the message on stderr (if stderr is still there) and give the status back."""
    try:
        print(message, file=sys.stderr)
    except OSError:
        pass
    return status


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised where the program is, so that it unwinds as for Ctrl-C: ``with``
    blocks and ``finally`` clauses run (temporary folders removed, the index lock released)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _raise_stopped(signum: int, frame: object) -> None:
    raise Stopped(signum)


@contextmanager
def _signals_unwind() -> Iterator[None]:
    """SIGTERM and SIGHUP raise :class:`Stopped` while the command runs (Python can only set
    handlers in the main thread; elsewhere the signals keep their handling)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, _raise_stopped) for signum in UNWINDING_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)


@contextmanager
def _safe_streams() -> Iterator[None]:
    """stdout and stderr through :func:`chatbot.text.safe_text.visible` while a command runs."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(out), SafeStream(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


def _discard_stdout() -> None:
    """After the reader of stdout went away: point stdout at /dev/null, so the interpreter's
    last flush of what is still buffered does not fail again (Python's documented recipe)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor (captured in a test, or already closed)
        pass


def _run_tui(args: argparse.Namespace) -> int:
    try:
        from chatbot.tui.app import run
    except ImportError:
        build_parser().print_help()
        return 0
    import os

    run(args.corpus, args.index, args.rtl or os.environ.get("CHATBOT_RTL", "auto"), args.lang)
    return 0

