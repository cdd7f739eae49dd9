"""Command line: ``chatbot`` (the TUI), ``chatbot ask``, ``chatbot index`` and friends.

The ask path imports neither Textual nor rank-bm25: a cold ``chatbot ask`` loads only the
analysis pipeline, numpy and the index.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

EXIT_MISUSE = 2


class _Parser(argparse.ArgumentParser):
    """argparse with an Arabic lead to its usage errors (exit status 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_MISUSE, f"خطأ في الاستخدام / usage error: {message}\n")


def _add_paths(p: argparse.ArgumentParser) -> None:
    p.add_argument("--corpus", type=Path, help="folder of lecture files (default: the bundled corpus/)")
    p.add_argument("--index", type=Path, help="index folder (default: index/ beside the corpus)")


def _add_chat_options(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("--rtl", choices=("app", "terminal", "auto"), default=None,
                   help="how the TUI shows Arabic: reordered by the app, by the terminal, or detected")
    p.add_argument("--lang", choices=("ar", "en"), default=None,
                   help="language of the TUI's own words (default: CHATBOT_LANG, else ar)")
    _add_paths(p)
    return p


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="chatbot", description="اسأل المحاضرة بالعربية / Ask the lecture in Arabic.")
    _add_chat_options(parser)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    ask = sub.add_parser("ask", help="answer a question (or --batch: one per stdin line)")
    ask.add_argument("question", nargs="?", help="the question, in Arabic")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument("--batch", action="store_true", help="read questions from stdin, one per line")
    ask.add_argument("--top", type=_positive, default=3, metavar="K", help="alternatives to list (default 3)")
    _add_paths(ask)

    from chatbot import corpus_cli

    corpus_cli.register(sub, _add_paths)

    index = sub.add_parser("index", help="build or refresh the index and print a summary")
    _add_paths(index)

    from chatbot import eval_cli, serve

    _add_paths(eval_cli.register(sub))
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
    from chatbot.engine import open_engine

    return open_engine(args.corpus, args.index)


def _print_reply(reply) -> None:
    from chatbot.answer import Hit

    def where(hit: Hit) -> str:
        p = hit.passage
        return f"{p.source}:{p.first}-{p.last}"

    if reply.kind != "answer":
        print(reply.message)
        if reply.alternatives:
            print("\nأقرب الأقسام / closest sections:")
            for hit in reply.alternatives:
                print(f"  - {' › '.join(hit.passage.section) or hit.passage.heading}  ({where(hit)})")
        return
    hit = reply.answer
    if reply.message:
        print(reply.message)
    cue = {"high": "عالية / high", "medium": "متوسطة / medium", "low": "منخفضة / low"}[hit.confidence]
    print(f"{' › '.join(hit.passage.section)}")
    print(f"{where(hit)}   الثقة / confidence: {cue}\n")
    print(hit.passage.text)
    if reply.alternatives:
        print("\nإجابات أخرى / other answers:")
        for alt in reply.alternatives:
            title = alt.passage.heading or alt.passage.text.split("\n")[0][:60]
            print(f"  - {title}  ({where(alt)})")


def cmd_ask(args: argparse.Namespace) -> int:
    from chatbot.answer import reply_to_json

    if args.batch == (args.question is not None):
        print("اكتب سؤالا واحدا أو استعمل --batch مع الأسئلة في المدخل القياسي / "
              "give one QUESTION, or --batch with questions on stdin", file=sys.stderr)
        return EXIT_MISUSE
    engine = _engine(args)
    if args.batch:
        stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
        for line in stdin:
            reply = engine.ask(line.rstrip("\r\n"), args.top)
            if args.json:
                print(json.dumps(reply_to_json(reply), ensure_ascii=False), flush=True)
            else:
                print(f"? {reply.question}")
                _print_reply(reply)
                print("-" * 40, flush=True)
        return 0
    reply = engine.ask(args.question, args.top)
    if args.json:
        print(json.dumps(reply_to_json(reply), ensure_ascii=False))
    if not args.question.strip():
        print(reply.message, file=sys.stderr)
        return EXIT_MISUSE
    if not args.json:
        _print_reply(reply)
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    from chatbot.engine import DEFAULT_CORPUS, default_index_for
    from chatbot.corpus_cli import progress_bar
    from chatbot.indexer import build_index

    corpus = args.corpus or DEFAULT_CORPUS
    report = build_index(corpus, args.index or default_index_for(corpus), progress_bar())
    print(f"الملفات / files: {report.files}   المقاطع / passages: {report.passages}   "
          f"الأقسام / sections: {report.sections}   ({report.seconds:.2f} s)")
    print(f"أعيدت معالجته / processed: {len(report.processed)}   أعيد استعماله / reused: {len(report.reused)}")
    for name, reason in report.skipped.items():
        print(f"تُرك / skipped {name}: {reason}", file=sys.stderr)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from chatbot.eval_cli import cmd_eval as run

    return run(args)


def cmd_corpus(args: argparse.Namespace) -> int:
    from chatbot.corpus_cli import run

    return run(args)


def cmd_serve(args: argparse.Namespace) -> int:
    from chatbot.serve import serve

    return serve(args.host, args.port, args.corpus, args.index, args.rtl, args.lang)


COMMANDS = {"ask": cmd_ask, "index": cmd_index, "corpus": cmd_corpus, "eval": cmd_eval, "serve": cmd_serve}


def main(argv: list[str] | None = None) -> int:
    # The chat (no command) opens without the full parser: its subcommands import camel-tools,
    # which would keep the terminal blank for a second or more before the first frame.
    chat, rest = _add_chat_options(_Parser(prog="chatbot", add_help=False)).parse_known_args(argv)
    if not rest:
        return _run_tui(chat)
    parser = build_parser()
    args = parser.parse_args(argv)
    from chatbot.indexer import IndexBusy

    if args.command is None:
        return _run_tui(args)
    if getattr(args, "corpus", None) is not None and not args.corpus.is_dir():
        print(f"مجلد المحاضرات غير موجود / corpus folder not found: {args.corpus}", file=sys.stderr)
        return EXIT_MISUSE
    try:
        return COMMANDS[args.command](args)
    except IndexBusy as exc:
        print(exc, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nأوقف / interrupted", file=sys.stderr)
        return 130


def _run_tui(args: argparse.Namespace) -> int:
    try:
        from chatbot.tui.app import run
    except ImportError:
        build_parser().print_help()
        return 0
    import os

    run(args.corpus, args.index, args.rtl or os.environ.get("CHATBOT_RTL", "auto"), args.lang)
    return 0


if __name__ == "__main__":
    sys.exit(main())
