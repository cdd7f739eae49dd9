"""The per-file analysis cache: what one lecture file gives the index, kept by content hash.

A re-index after one edit reads and analyses only the edited file and loads the other files'
entries. With 1,000 files that load is most of a re-index, so an entry is stored in the form
the build consumes, with nothing to parse per word or per passage:

    cache/<sha256>/              one file content (under whatever name it has in the corpus)
      entry.json                 checksum line, then JSON: pipeline version, encoding, warnings,
                                 indexed_at, each passage's level, parent (a position in this
                                 file, -1 for none) and numbers of title and body words, and the
                                 SHA-256 of each part below
      passages.jsonl             each passage as a line of the index's passages.jsonl, less its
                                 "source" and "parent" (they depend on where the file is placed):
                                 spliced into the build's file as bytes, never parsed
      words.txt                  the file's distinct words in order of first use, one a line
                                 (words hold no whitespace: they come from ``str.split``)
      words.ids.npy              every passage's title words then body words, as line numbers
                                 of words.txt (int32)

An entry is written to a hidden folder and renamed into place, so a crash leaves either the
whole entry or none; a part that does not match its checksum, or parts that disagree in length,
make the entry damaged (:class:`~chatbot.index.store.IndexCorrupt`): the file is analysed again.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
from pathlib import Path
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from chatbot.index import store
from chatbot.index.passages import Level, Passage

__all__ = ["FileEntry", "from_analysis", "placed_lines", "read_entry", "write_entry"]

ENTRY = "entry.json"
PARTS = ("passages.jsonl", "words.txt", "words.ids.npy")
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
    ids: np.ndarray  # title then body words of each passage, as positions in vocab
    lengths: np.ndarray  # (passages × 2): title words, body words

    def passages(self, source: str, offset: int) -> Sequence[Passage]:
        """The passages as Passage tuples, placed at ``offset`` (parsed when read: only the
        semantic layer reads them, for files whose vectors are not cached)."""
        return store.PassageFile(b"".join(placed_lines(self, source, offset)))


def from_analysis(
    pipeline: str, encoding: str, warnings: list[str], indexed_at: str, passages: list[Passage],
    words: list[list[list[str]]],
) -> FileEntry:
    """The entry of a freshly analysed file (``words``: [title words, body words] a passage)."""
    flat = [w for title, body in words for w in (*title, *body)]
    position = {w: i for i, w in enumerate(dict.fromkeys(flat))}
    return FileEntry(
        pipeline, encoding, list(warnings), indexed_at,
        lines=[_unplaced_line(p) for p in passages],
        levels=[p.level for p in passages],
        parents=[p.parent for p in passages],
        vocab=list(position),
        ids=np.fromiter(map(position.__getitem__, flat), dtype=np.int32, count=len(flat)),
        lengths=np.array([(len(t), len(b)) for t, b in words], dtype=np.int32).reshape(-1, 2),
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
             "words.txt": "\n".join(entry.vocab).encode(), "words.ids.npy": _npy(entry.ids)}
    meta = {
        "pipeline": entry.pipeline, "encoding": entry.encoding, "warnings": entry.warnings,
        "indexed_at": entry.indexed_at, "levels": [level.value for level in entry.levels],
        "parents": entry.parents, "lengths": entry.lengths.ravel().tolist(),
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


def _npy(array: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.lib.format.write_array(buf, array, allow_pickle=False)
    return buf.getvalue()


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
            store.npy_view(data["words.ids.npy"]), np.array(meta["lengths"], dtype=np.int32).reshape(-1, 2),
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
        and entry.ids.dtype == np.int32 and entry.ids.ndim == 1
        and entry.lengths.dtype == np.int32 and entry.lengths.shape == (n, 2)
        and (entry.lengths >= 0).all() and int(entry.lengths.sum()) == len(entry.ids)
        and (len(entry.ids) == 0 or (0 <= entry.ids.min() and entry.ids.max() < len(entry.vocab)))
    )
    if not ok:
        raise store.IndexCorrupt("malformed cache entry")
