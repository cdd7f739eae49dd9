"""The per-file analysis cache: what one lecture file gives the index, kept by content hash.

A re-index after one edit reads and analyses only the edited file and loads the other files'
entries. With 1,000 files that load is most of a re-index, so an entry is stored in the form
the build consumes, with nothing to parse per word or per passage:

    cache/<sha256>/              one file content (under whatever name it has in the corpus)
      entry.json                 checksum line, then JSON: pipeline version, encoding, warnings,
                                 indexed_at, each passage's level, parent (a position in this
                                 file, -1 for none) and number of distinct words, and the
                                 SHA-256 of each part below
      passages.jsonl             each passage as a line of the index's passages.jsonl, less its
                                 "source" and "parent" (they depend on where the file is placed):
                                 spliced into the build's file as bytes, never parsed
      words.txt                  the file's distinct words in order of first use, one a line
                                 (words hold no whitespace: they come from ``str.split``)
      words.counts.npy           (3 × pairs, int32) for each passage in turn, each of its
                                 distinct words: its line in words.txt, how often it is in the
                                 passage's title, how often in its body

An entry is written to a hidden folder and renamed into place, so a crash leaves either the
whole entry or none; a part that does not match its checksum, or parts that disagree in length,
make the entry damaged (:class:`~chatbot.index.store.IndexCorrupt`): the file is analysed again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections import Counter
from pathlib import Path
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from chatbot.index import store
from chatbot.index.passages import Level, Passage

__all__ = ["FileEntry", "from_analysis", "placed_lines", "read_entry", "write_entry"]

ENTRY = "entry.json"
PARTS = ("passages.jsonl", "words.txt", "words.counts.npy")
_LEVELS = {level.value: level for level in Level}


class FileEntry(NamedTuple):
    """One file's analysis, independent of its name and place in a build."""

    pipeline: str
    encoding: str
    warnings: list[str]
    indexed_at: str
    lines: list[bytes]  # each passage's JSON object without "source" and "parent"
    levels: list[Level]
    parents: list[int]  # position in this file of each passage's section, -1 for none
    vocab: list[str]  # the file's distinct words, in order of first use
    counts: np.ndarray  # (3 × pairs): per passage, per distinct word: position in vocab, in title, in body
    distinct: list[int]  # number of distinct words of each passage (its pairs in counts)

    def passages(self, source: str, offset: int) -> Sequence[Passage]:
        """The passages as Passage tuples, placed at ``offset`` (parsed when read: only the
        semantic layer reads them, for files whose vectors are not cached)."""
        return store.PassageFile(b"".join(placed_lines(self, source, offset)))


def from_analysis(
    pipeline: str, encoding: str, warnings: list[str], indexed_at: str, passages: list[Passage],
    words: list[list[list[str]]],
) -> FileEntry:
    """The entry of a freshly analysed file (``words``: [title words, body words] a passage)."""
    position: dict[str, int] = {}
    rows: list[tuple[int, int, int]] = []
    distinct = []
    for title, body in words:
        in_title, in_body = Counter(title), Counter(body)
        mine = dict.fromkeys((*title, *body))
        rows += [(position.setdefault(w, len(position)), in_title[w], in_body[w]) for w in mine]
        distinct.append(len(mine))
    return FileEntry(
        pipeline, encoding, list(warnings), indexed_at,
        lines=[_unplaced_line(p) for p in passages],
        levels=[p.level for p in passages],
        parents=[p.parent for p in passages],
        vocab=list(position),
        counts=np.array(rows, dtype=np.int32).reshape(-1, 3).T.copy(),
        distinct=distinct,
    )


def _unplaced_line(p: Passage) -> bytes:
    """A passage's line of passages.jsonl without its first key ("source") and last ("parent")."""
    row = p._asdict()
    del row["source"], row["parent"]
    return json.dumps(row, ensure_ascii=False).encode()


def placed_lines(entry: FileEntry, source: str, offset: int) -> list[bytes]:
    """The entry's passages as lines of passages.jsonl for a file named ``source`` whose first
    passage is passage ``offset`` of the build: byte for byte ``json.dumps`` of each placed
    Passage (its keys are source, the stored keys, parent; json joins them with ", ")."""
    head = b'{"source": ' + json.dumps(source, ensure_ascii=False).encode() + b", "
    return [
        b"".join((head, line[1:-1], b', "parent": ', str(parent + offset if parent >= 0 else -1).encode(), b"}\n"))
        for line, parent in zip(entry.lines, entry.parents)
    ]


# -- on disk -------------------------------------------------------------------------------------

def write_entry(cache_dir: Path, digest: str, entry: FileEntry) -> None:
    """Write an entry whole or not at all: into a hidden folder, synced, then renamed into place
    (a damaged entry already there is replaced)."""
    tmp = cache_dir / f".{digest}.{os.getpid()}.partial"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    parts = {"passages.jsonl": b"".join(line + b"\n" for line in entry.lines),
             "words.txt": "\n".join(entry.vocab).encode(), "words.counts.npy": store.npy_bytes(entry.counts)}
    meta = {
        "pipeline": entry.pipeline, "encoding": entry.encoding, "warnings": entry.warnings,
        "indexed_at": entry.indexed_at, "levels": [level.value for level in entry.levels],
        "parents": entry.parents, "distinct": entry.distinct,
        "checksums": {name: hashlib.sha256(data).hexdigest() for name, data in parts.items()},
    }
    for name, data in [*parts.items(), (ENTRY, store.checked_json(meta))]:
        with (tmp / name).open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    final = cache_dir / digest
    shutil.rmtree(final, ignore_errors=True)
    os.replace(tmp, final)


def read_entry(cache_dir: Path, digest: str, pipeline: str) -> FileEntry | None:
    """The entry of a file content; None when there is none or it is of another pipeline.
    IndexCorrupt when it is damaged or its parts disagree: it is not trusted."""
    folder = cache_dir / digest
    try:
        head = (folder / ENTRY).read_bytes()
    except OSError:
        return None
    meta = store.parse_checked(head)
    if not (isinstance(meta, dict) and meta.get("pipeline") == pipeline):
        return None
    try:
        checksums = meta["checksums"]
        data = {name: _verified(folder / name, checksums[name]) for name in PARTS}
        lines = data["passages.jsonl"].split(b"\n")[:-1]
        words = data["words.txt"].decode()
        entry = FileEntry(
            pipeline, meta["encoding"], meta["warnings"], meta["indexed_at"], lines,
            [_LEVELS[level] for level in meta["levels"]], meta["parents"], words.split("\n") if words else [],
            store.npy_view(data["words.counts.npy"]), meta["distinct"],
        )
    except (KeyError, TypeError, ValueError, OverflowError) as exc:
        raise store.IndexCorrupt(f"malformed cache entry: {exc!r}") from exc
    _check_shape(entry)
    return entry


def _verified(path: Path, checksum: str) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise store.IndexCorrupt(f"cache part unreadable: {exc}") from exc
    if hashlib.sha256(data).hexdigest() != checksum:
        raise store.IndexCorrupt(f"checksum mismatch in {path.name}")
    return data


def _check_shape(entry: FileEntry) -> None:
    """IndexCorrupt unless the parts describe the same passages and every number points
    inside what it indexes (an entry whose checksums were recomputed after an edit)."""
    n = len(entry.lines)
    ok = (
        isinstance(entry.encoding, str) and isinstance(entry.warnings, list) and isinstance(entry.indexed_at, str)
        and len(entry.levels) == n and len(entry.parents) == n
        and all(type(p) is int and -1 <= p < n for p in entry.parents)
        and len(entry.distinct) == n and all(type(k) is int and k >= 0 for k in entry.distinct)
        and entry.counts.dtype == np.int32 and entry.counts.shape == (3, sum(entry.distinct))
        and (entry.counts.shape[1] == 0 or (
            0 <= entry.counts[0].min() and entry.counts[0].max() < len(entry.vocab)
            and entry.counts[1:].min() >= 0 and (entry.counts[1] + entry.counts[2]).min() > 0))
    )
    if not ok:
        raise store.IndexCorrupt("malformed cache entry")
