"""``chatbot corpus``: how an instructor feeds the chatbot and sees what it made of the files.

* ``add FILE...`` validates each file the way the index will read it, copies the good ones into
  the corpus (an existing name is replaced only with ``--force``), updates the index and prints
  what each file gave (passages, sections). A bad file is named with its reason and not copied.
* ``list`` shows the indexed files (passages, sections, encoding, when indexed) from the
  index's manifest, after bringing the index up to date, and the files that were left out.
* ``check`` reports problems per file — unreadable or empty, no headings found, very long
  passages, near-duplicate files — exit status 1 when there are errors, 0 for warnings only.
* ``remove NAME`` deletes a lecture file and updates the index.

Exit status: 0 success, 1 errors found, 2 misuse (e.g. an unknown NAME).
"""

from __future__ import annotations

import argparse
import os
import shutil
import stat
import sys
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Callable, TextIO

from chatbot import messages as msg
from chatbot.cli.exits import Exit
from chatbot.text.safe_text import SafeStream, visible

if TYPE_CHECKING:
    from chatbot.index.build import BuildReport

# A passage this long makes a poor answer: the student reads a page to find one sentence.
LONG_PASSAGE_WORDS = 400
# Two files whose 5-word shingles overlap this much are the same lecture twice.
NEAR_DUPLICATE = 0.9
SHINGLE = 5
# Below this many files a build is too quick for a progress bar to help; when stderr is not a
# terminal (a log), only a corpus this large gets progress lines at all.
TTY_BAR_MIN_FILES = 10
LOG_BAR_MIN_FILES = 200


def register(sub: argparse._SubParsersAction, add_paths: Callable[[argparse.ArgumentParser], None]) -> argparse.ArgumentParser:
    """Add ``corpus`` and its actions to the CLI's sub-commands; ``add_paths`` gives each action
    the usual ``--corpus``/``--index`` options (after the action, where users type them)."""
    corpus = sub.add_parser("corpus", help="add, list, check or remove lecture files")
    actions = corpus.add_subparsers(dest="action", required=True, parser_class=type(corpus), metavar="ACTION")
    add = actions.add_parser("add", help="validate files, copy them into the corpus and index them")
    add.add_argument("files", nargs="+", type=Path, metavar="FILE")
    add.add_argument("--force", action="store_true", help="replace a corpus file of the same name")
    lst = actions.add_parser("list", help="indexed files with passages, sections, encoding and time")
    check = actions.add_parser("check", help="report problems per file (exit 1 on errors)")
    remove = actions.add_parser("remove", help="remove a lecture file from the corpus and the index")
    remove.add_argument("name", metavar="NAME", help="the file's name as `corpus list` shows it")
    for action in (add, lst, check, remove):
        add_paths(action)
    return corpus


def run(args: argparse.Namespace) -> int:
    """Run one ``chatbot corpus`` action; returns the exit status."""
    from chatbot.paths import default_corpus, default_index_for

    corpus = args.corpus or default_corpus()  # looked up only when not given
    index_dir = args.index or default_index_for(corpus)
    action = {"add": _add, "list": _list, "check": _check, "remove": _remove}[args.action]
    return action(args, Path(corpus), Path(index_dir))


# -- add -------------------------------------------------------------------------------------

def _add(args: argparse.Namespace, corpus: Path, index_dir: Path) -> int:
    from chatbot.index import store
    from chatbot.index.build import build_index

    added, failed = [], 0
    for path in args.files:
        dest = corpus / path.name
        reason = _refusal(path, dest, args.force)
        if reason:
            print(f"✗ {path}: {reason}", file=sys.stderr)
            failed += 1
            continue
        _copy_atomic(path, dest)
        added.append(path.name)
    if added:
        report = build_index(corpus, index_dir, progress_bar(), wait=True)
        manifest = store.read_params(index_dir)["corpus"]
        for name in added:
            if name in report.skipped:  # changed between the check and the build
                print(f"✗ {name}: {report.skipped[name]}", file=sys.stderr)
                failed += 1
                continue
            entry = manifest[name]
            print(f"✓ {msg.ADDED} {name}: {entry['passages']} {msg.PASSAGES}, "
                  f"{entry['sections']} {msg.SECTIONS} ({entry['encoding']})")
            for warning in entry["warnings"]:
                print(f"  ! {warning}")
        _print_index_size(report)
    return Exit.FAILED if failed else 0


def _refusal(path: Path, dest: Path, force: bool) -> str | None:
    """Why ``path`` cannot be added as ``dest`` (Arabic, then English), or None."""
    from chatbot.index.passages import split_passages
    from chatbot.index.readers import UnreadableFile, read_document

    if kind := _not_a_file(path):
        return kind
    if path.name.startswith((".", "_")):
        return str(msg.HIDDEN_NAME)
    if dest.exists() and dest.resolve() == path.resolve():
        return str(msg.ALREADY_THE_ONE)
    if dest.exists() and not force:
        return msg.NAME_TAKEN.both(name=dest.name)
    try:
        document = read_document(path)
    except UnreadableFile as exc:
        return str(exc)
    if not split_passages(document.text, path.name):
        return str(msg.NO_INDEXABLE_TEXT)
    return None


def _not_a_file(path: Path) -> str | None:
    """Why ``path`` is not a regular file one can read (a folder, a fifo…), or None. Never
    opens it: opening a fifo waits for a writer that may never come."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return str(msg.FILE_NOT_FOUND)
    except OSError as exc:
        return f"{msg.CANNOT_ACCESS}: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return str(msg.IS_A_FOLDER)
    kind = "fifo" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device"
    return msg.NOT_REGULAR.both(kind=kind)


def _copy_atomic(source: Path, dest: Path) -> None:
    """Copy under a hidden name (never read as a lecture), then rename: a build running at the
    same time sees the old file or the new one, never half of it."""
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    shutil.copyfile(source, tmp)
    os.replace(tmp, dest)


# -- list ------------------------------------------------------------------------------------

def _list(args: argparse.Namespace, corpus: Path, index_dir: Path) -> int:
    from chatbot.index.build import open_index

    params = open_index(corpus, index_dir, progress_bar()).params
    manifest, skipped = params["corpus"], params.get("skipped", {})
    if not manifest and not skipped:
        print(msg.NO_LECTURES.both(corpus=corpus))
        return 0
    width = max(map(len, [*manifest, *skipped, "file"]))
    print(f"{'file'.ljust(width)}  passages  sections  encoding   indexed")
    for name, entry in manifest.items():
        print(f"{name.ljust(width)}  {entry['passages']:>8}  {entry['sections']:>8}  "
              f"{entry['encoding']:<9}  {entry['indexed_at'].replace('T', ' ')}")
    for name, reason in skipped.items():
        print(f"✗ {name}: {reason}")
    total = sum(e["passages"] for e in manifest.values())
    print(f"{len(manifest)} {msg.FILES_INDEXED}, {total} {msg.PASSAGES}, {len(skipped)} {msg.LEFT_OUT}")
    return 0


# -- check -----------------------------------------------------------------------------------

class _FileReport:
    def __init__(self, name: str):
        self.name = name
        self.summary = ""
        self.errors: list[str] = []
        self.warnings: list[str] = []


def _check(args: argparse.Namespace, corpus: Path, index_dir: Path) -> int:
    from chatbot.index.build import corpus_files
    from chatbot.index.readers import is_lecture_file

    reports: list[_FileReport] = []
    shingles: dict[str, set[tuple[str, ...]]] = {}
    for path in corpus_files(corpus):
        report, words = _check_file(path, path.relative_to(corpus).as_posix())
        reports.append(report)
        if words:
            shingles[report.name] = _shingles(words)
    by_name = {r.name: r for r in reports}
    for a, b in combinations(shingles, 2):
        similarity = _jaccard(shingles[a], shingles[b])
        if similarity >= NEAR_DUPLICATE:
            for one, other in ((a, b), (b, a)):
                by_name[one].warnings.append(
                    msg.NEAR_DUPLICATE.both(other=other, similarity=similarity))
    for path in sorted(p for p in corpus.rglob("*") if p.is_file() and not is_lecture_file(p)):
        name = path.relative_to(corpus).as_posix()
        if not any(part.startswith((".", "_")) for part in Path(name).parts):
            report = _FileReport(name)
            report.warnings.append(str(msg.UNSUPPORTED_KIND))
            reports.append(report)
    for report in reports:
        print(f"{report.name}  {report.summary}".rstrip())
        for error in report.errors:
            print(f"  ✗ {msg.ERROR}: {error}")
        for warning in report.warnings:
            print(f"  ! {msg.WARNING}: {warning}")
        if not report.errors and not report.warnings:
            print(f"  ✓ {msg.NO_PROBLEMS}")
    errors = sum(len(r.errors) for r in reports)
    warnings = sum(len(r.warnings) for r in reports)
    print(f"{msg.SUMMARY}: {len(reports)} {msg.FILES}, {errors} {msg.ERRORS}, {warnings} {msg.WARNINGS}")
    return Exit.FAILED if errors else 0


def _check_file(path: Path, name: str) -> tuple[_FileReport, list[str]]:
    """One file's problems, and its words (for the near-duplicate test)."""
    from chatbot.index.passages import Level, split_passages
    from chatbot.index.readers import UnreadableFile, read_document

    report = _FileReport(name)
    try:
        document = read_document(path)
    except UnreadableFile as exc:
        report.errors.append(str(exc))
        return report, []
    passages = split_passages(document.text, name)
    sections = sum(p.level == Level.SECTION for p in passages)
    report.summary = f"[{document.encoding}]  {len(passages)} {msg.PASSAGES}, {sections} {msg.SECTIONS}"
    report.warnings.extend(document.warnings)
    if not passages:
        report.errors.append(str(msg.NO_INDEXABLE_TEXT))
    elif not sections:
        report.warnings.append(str(msg.NO_HEADINGS))
    for p in passages:
        count = len(p.text.split())
        if count > LONG_PASSAGE_WORDS:
            report.warnings.append(msg.LONG_PASSAGE.both(count=count, first=p.first, last=p.last))
    return report, document.text.split()


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


# -- remove ----------------------------------------------------------------------------------

def _remove(args: argparse.Namespace, corpus: Path, index_dir: Path) -> int:
    from chatbot.index.build import build_index, corpus_files

    names = {p.relative_to(corpus).as_posix(): p for p in corpus_files(corpus)}
    if args.name not in names:
        valid = ", ".join(names) or "—"
        print(f"{msg.NO_SUCH_LECTURE}: {args.name}\n{msg.VALID_NAMES}: {valid}", file=sys.stderr)
        return Exit.MISUSE
    names[args.name].unlink()
    report = build_index(corpus, index_dir, progress_bar(), wait=True)
    print(f"✓ {msg.REMOVED} {args.name}")
    _print_index_size(report)
    return 0


def _print_index_size(report: BuildReport) -> None:
    """The index's size after ``add`` or ``remove`` changed it."""
    print(f"{msg.INDEX}: {report.files} {msg.FILES}, {report.passages} {msg.PASSAGES}")


# -- progress --------------------------------------------------------------------------------

def progress_bar(stream: TextIO | None = None) -> Callable[[int, int, str], None]:
    """A progress callback for ``build_index``: a live bar on a terminal when the corpus has at
    least TTY_BAR_MIN_FILES files, a line every tenth when stderr is a log and the corpus is
    large (LOG_BAR_MIN_FILES), nothing otherwise."""
    stream = stream or sys.stderr
    tty = stream.isatty()
    # The live bar's carriage return must reach the terminal past the CLI's SafeStream; the
    # file name in the bar is made safe here instead.
    terminal = stream.raw if isinstance(stream, SafeStream) else stream
    last_tenth = -1

    def show(done: int, total: int, name: str) -> None:
        nonlocal last_tenth
        if total < (TTY_BAR_MIN_FILES if tty else LOG_BAR_MIN_FILES):
            return
        if tty:
            filled = 30 * done // total
            line = f"{msg.INDEXING} [{'#' * filled}{'.' * (30 - filled)}] {done}/{total} {visible(name[:40])}"
            terminal.write("\r" + line.ljust(100) + ("\n" if done == total else ""))
        elif (tenth := 10 * done // total) > last_tenth:
            last_tenth = tenth
            stream.write(f"{msg.INDEXING} {done}/{total}\n")
        terminal.flush()

    return show
