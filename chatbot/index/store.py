"""The index on disk: a folder of plain files, read without running code (no pickle).

    index/
      CURRENT                 name of the build in use (replaced atomically)
      builds/<name>/
        params.json           format version, pipeline version, BM25 parameters, corpus
                              fingerprints and a SHA-256 of every other file of the build;
                              its first line is the SHA-256 of the JSON below it
        passages.jsonl        one passage a line, as it stands in its file
        passages.file.npy     position in params "files" of each passage's file
        passages.section.npy  whether each passage is a section or paragraph (not an item)
        <field>.terms.json    the vocabulary of a field, term id = position
        <field>.<array>.npy   idf, indptr, docs, tfs, doc_len (numpy, allow_pickle=False)
        surface.json          normalised word → stem, for matching misspelt question words
        semantic.npy          passage vectors (float16, passages × 384), when params "semantic" is "on"
      cache/<sha256>/         per corpus file: its passages and analysed words (incremental
                              builds), checksummed parts (see :mod:`chatbot.index.cache`)
      cache/<sha256>.<model>.npy  per corpus file: its passages' vectors (checked by shape; a
                              tampered vector can only reorder answers, never inject text)

A build is written to a fresh folder and only then named in CURRENT, so a crash or Ctrl+C
mid-build leaves the previous index in use. Nothing is trusted unchecked: a file whose checksum
does not match, a part that is missing, or parameters out of their range make the whole index
"corrupt": it is rebuilt, never served. The parts of a build are listed once, in
:data:`PARTS` and :data:`FIELD_PARTS`.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
import shutil
import time
from functools import lru_cache
from pathlib import Path
from collections.abc import Sequence
from typing import Callable, NamedTuple

import numpy as np

from chatbot.index.bm25 import VARIANTS, BM25Params, SparseBM25
from chatbot.index.passages import Level, Passage

__all__ = [
    "FIELD_PARTS", "FORMAT_VERSION", "PARTS", "IndexCorrupt", "IndexMissing", "StoredIndex", "checked_json", "parts",
    "PassageRows", "load_field", "load_index", "npy_view", "parse_checked", "read_params", "switch_to", "write_atomic", "write_build",
]

FORMAT_VERSION = 2
_ARRAYS = ("idf", "indptr", "docs", "tfs", "doc_len")
# Every file of a build besides params.json, each under a checksum in params.json; load_index
# refuses a build that lacks one. Adding a part to the index is one line here, plus its writer
# in write_build and its reader in load_index.
PARTS = ("passages.jsonl", "passages.file.npy", "passages.section.npy", "surface.json")
FIELD_PARTS = ("terms.json", *(f"{a}.npy" for a in _ARRAYS))  # per field: "<field>.<part>"
SEMANTIC_PART = "semantic.npy"  # when params "semantic" is "on"
# What BM25 parameters can mean at all, not tuned values (the indexer requires the pipeline's
# own): b is a share of length normalisation, epsilon a share of the mean IDF; k1 and delta far
# beyond the usual 0.5–3 only flatten or swamp the scores; negative values turn them around.
_PARAM_RANGES = {"k1": (0.0, 100.0), "b": (0.0, 1.0), "delta": (0.0, 100.0), "epsilon": (0.0, 1.0)}


class IndexCorrupt(Exception):
    """The index on disk is truncated, tampered with, incomplete or of another version."""


class IndexMissing(IndexCorrupt):
    """There is no index of this format yet (no build named in CURRENT, or one written before
    params.json had its checksum line): built without a warning."""


class StoredIndex(NamedTuple):
    params: dict
    passages: Sequence[Passage]
    fields: dict[str, SparseBM25]  # passage fields, and whole-file fields named "file.*"
    path: Path
    file_of: np.ndarray  # position in params["files"] of each passage's file
    sections: np.ndarray  # True for passages that are not items (what a list question may get)
    vectors: np.ndarray | None = None  # passage vectors (chatbot.index.semantic), None when the build has none

    def surface(self) -> dict[str, str]:
        """Normalised word → stem of every word in the corpus (read on first use: only a
        question with an unknown word needs it). Its checksum was verified at load."""
        return _read_surface(self.path)


def checked_json(obj: object, indent: int | None = None) -> bytes:
    """JSON preceded by a line holding its SHA-256: what :func:`parse_checked` reads back."""
    body = json.dumps(obj, ensure_ascii=False, indent=indent).encode()
    return hashlib.sha256(body).hexdigest().encode() + b"\n" + body


def parse_checked(data: bytes) -> object:
    """The JSON of :func:`checked_json` bytes; IndexCorrupt when it does not match its checksum
    (hashed as bytes before parsing: an edited file is never parsed at all)."""
    digest, _, body = data.partition(b"\n")
    if hashlib.sha256(body).hexdigest().encode() != digest:
        raise IndexCorrupt("checksum mismatch")
    try:
        return json.loads(body)
    except ValueError as exc:
        raise IndexCorrupt(f"unreadable JSON: {exc}") from exc


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file so that readers see either the old or the new content, never half."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class PassageRows(NamedTuple):
    """The passages of a build as written: passages.jsonl's lines and the arrays beside it."""

    lines: list[bytes]  # ``json.dumps(passage._asdict(), ensure_ascii=False)`` and a newline, each
    file_of: np.ndarray  # position in params "files" of each passage's file (int64)
    sections: np.ndarray  # whether each passage is not an item (bool)


def write_build(
    index_dir: Path, params: dict, passages: PassageRows, fields: dict[str, SparseBM25], surface: dict[str, str],
    vectors: np.ndarray | None = None,
) -> Path:
    """Write a complete build into a new folder of ``builds/`` (synced to disk) without putting
    it in use: that is :func:`switch_to`, the only step readers must be kept out of."""
    builds = index_dir / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    name = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    tmp = builds / f".{name}.partial"
    tmp.mkdir()
    parts: dict[str, bytes | np.ndarray] = {
        "passages.jsonl": b"".join(passages.lines), "passages.file.npy": passages.file_of,
        "passages.section.npy": passages.sections,
    }
    for field, model in fields.items():
        parts[f"{field}.terms.json"] = json.dumps(model.terms, ensure_ascii=False).encode()
        parts.update((f"{field}.{array}.npy", getattr(model, array)) for array in _ARRAYS)
    parts["surface.json"] = json.dumps(surface, ensure_ascii=False).encode()
    if vectors is not None:
        parts[SEMANTIC_PART] = vectors
    checksums = {part: _write_part(tmp / part, content) for part, content in parts.items()}
    params = dict(params, format=FORMAT_VERSION, checksums=dict(sorted(checksums.items())),
                  bm25={field: m.params._asdict() for field, m in fields.items()})
    _write_part(tmp / "params.json", checked_json(params, indent=1))
    os.replace(tmp, builds / name)
    return builds / name


class _HashingFile:
    """A file object that hashes what is written through it."""

    def __init__(self, fh):
        self.fh = fh
        self.sha = hashlib.sha256()

    def write(self, data) -> int:
        self.sha.update(data)
        return self.fh.write(data)


def _write_part(path: Path, content: bytes | np.ndarray) -> str:
    """Write one part of a build (an array as .npy, never pickled), synced to disk, and return
    its SHA-256, hashed as it is written: 800 MB of a large index are not read back."""
    with path.open("wb") as fh:
        out = _HashingFile(fh)
        if isinstance(content, np.ndarray):
            np.lib.format.write_array(out, content, allow_pickle=False)
        else:
            out.write(content)
        fh.flush()
        os.fsync(fh.fileno())
    return out.sha.hexdigest()


def switch_to(index_dir: Path, build: Path) -> None:
    """Name ``build`` in CURRENT (atomically) and remove every other build."""
    write_atomic(index_dir / "CURRENT", build.name.encode())
    for old in build.parent.iterdir():
        if old.name != build.name:
            shutil.rmtree(old, ignore_errors=True)


def _current(index_dir: Path) -> Path:
    """The folder of the build in use; IndexMissing when none is named."""
    try:
        name = (index_dir / "CURRENT").read_text().strip()
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise IndexMissing(f"no index in {index_dir}") from exc
    except (OSError, ValueError) as exc:
        raise IndexCorrupt(f"no readable index: {exc}") from exc
    if not name or "/" in name or name.startswith("."):
        raise IndexCorrupt("CURRENT names no build")
    return index_dir / "builds" / name


def read_params(index_dir: Path) -> dict:
    """params.json of the build in use, its checksum and parameters verified (the other parts
    are verified by :func:`load_index`)."""
    try:
        data = (_current(index_dir) / "params.json").read_bytes()
    except OSError as exc:
        raise IndexCorrupt(f"no readable params.json: {exc}") from exc
    if data.startswith(b"{"):  # format 1: plain JSON, never trusted now, replaced quietly
        raise IndexMissing("index of an older format")
    params = parse_checked(data)
    if not isinstance(params, dict) or params.get("format") != FORMAT_VERSION:
        raise IndexCorrupt("index of another format version")
    try:
        for field, values in params["bm25"].items():
            _check_bm25(field, BM25Params(**values))
        if not isinstance(params["files"], list) or not isinstance(params["checksums"], dict):
            raise TypeError("files or checksums of the wrong type")
    except (KeyError, TypeError, AttributeError) as exc:
        raise IndexCorrupt(f"params.json incomplete: {exc!r}") from exc
    return params


def _check_bm25(field: str, params: BM25Params) -> None:
    if params.variant not in VARIANTS:
        raise IndexCorrupt(f"{field}: unknown BM25 variant {params.variant!r}")
    for name, (low, high) in _PARAM_RANGES.items():
        value = getattr(params, name)
        if not isinstance(value, (int, float)) or not (math.isfinite(value) and low <= value <= high):
            raise IndexCorrupt(f"{field}: BM25 {name}={value!r} outside [{low}, {high}]")


def parts(params: dict) -> list[str]:
    """The files a build must hold besides params.json: its fields' and, when on, its vectors."""
    semantic = [SEMANTIC_PART] if params.get("semantic") == "on" else []
    return [*PARTS, *(f"{field}.{part}" for field in params["bm25"] for part in FIELD_PARTS), *semantic]


def load_index(index_dir: Path) -> StoredIndex:
    """Load and verify the build in use; raise IndexCorrupt on any mismatch or missing part."""
    params = read_params(index_dir)
    folder = _current(index_dir)
    checksums = params["checksums"]
    missing = [name for name in parts(params) if name not in checksums]
    if missing:
        raise IndexCorrupt(f"parts missing from the checksums: {', '.join(missing)}")

    verified = _verifier(folder, checksums)
    try:
        passages = PassageFile(verified("passages.jsonl"))
        file_of = npy_view(verified("passages.file.npy"))
        sections = npy_view(verified("passages.section.npy"))
        fields = {field: _field(verified, field, p) for field, p in params["bm25"].items()}
        verified("surface.json")
        vectors = npy_view(verified(SEMANTIC_PART)) if SEMANTIC_PART in parts(params) else None
    except IndexCorrupt:
        raise
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IndexCorrupt(f"unreadable index: {exc}") from exc
    sizes = {name: len(model) for name, model in fields.items()} | {"file_of": len(file_of), "sections": len(sections)}
    if vectors is not None:
        sizes["semantic"] = len(vectors)
    for name, size in sizes.items():
        if size != (len(params["files"]) if name.startswith("file.") else len(passages)):
            raise IndexCorrupt(f"{name} and passages disagree in length")
    return StoredIndex(params, passages, fields, folder, file_of, sections, vectors)


def load_field(index_dir: Path, field: str) -> tuple[dict, SparseBM25]:
    """params.json of the build in use and one of its fields, verified, without reading the
    rest: what a re-index keeps of the build it replaces. IndexCorrupt when either is damaged."""
    params = read_params(index_dir)
    try:
        return params, _field(_verifier(_current(index_dir), params["checksums"]), field, params["bm25"][field])
    except IndexCorrupt:
        raise
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IndexCorrupt(f"unreadable index: {exc}") from exc


def _verifier(folder: Path, checksums: dict[str, str]) -> Callable[[str], bytes]:
    """A reader of the build's files that checks each against params.json before any use."""

    def verified(name: str) -> bytes:
        data = (folder / name).read_bytes()
        if hashlib.sha256(data).hexdigest() != checksums[name]:
            raise IndexCorrupt(f"checksum mismatch in {name}")
        return data

    return verified


def _field(verified: Callable[[str], bytes], field: str, params: dict) -> SparseBM25:
    terms = json.loads(verified(f"{field}.terms.json"))
    return SparseBM25(BM25Params(**params), terms, **{a: npy_view(verified(f"{field}.{a}.npy")) for a in _ARRAYS})


def npy_bytes(array: np.ndarray) -> bytes:
    """The bytes of a .npy file holding ``array`` (never pickled), the inverse of :func:`npy_view`."""
    buf = io.BytesIO()
    np.lib.format.write_array(buf, array, allow_pickle=False)
    return buf.getvalue()


def npy_view(data: bytes) -> np.ndarray:
    """A read-only array over the bytes of a .npy file (no copy; object arrays, which would
    need pickle, are refused)."""
    buf = io.BytesIO(data)
    major, _ = np.lib.format.read_magic(buf)
    read_header = np.lib.format.read_array_header_1_0 if major == 1 else np.lib.format.read_array_header_2_0
    shape, fortran_order, dtype = read_header(buf)
    if dtype.hasobject or fortran_order:
        raise IndexCorrupt("unexpected array layout")
    count = int(np.prod(shape)) if shape else 1
    return np.frombuffer(data, dtype=dtype, count=count, offset=buf.tell()).reshape(shape)


class PassageFile(Sequence[Passage]):
    """The passages of ``passages.jsonl``, each parsed when first asked for.

    A question reads a handful of passages; parsing all of a large corpus's passages would
    cost more than everything else a load does.
    """

    def __init__(self, data: bytes):
        self._data = data
        ends = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == ord("\n"))
        self._starts = np.concatenate(([0], ends[:-1] + 1)).tolist()
        self._ends = ends.tolist()
        self._parsed: dict[int, Passage] = {}

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        if i not in self._parsed:
            try:
                self._parsed[i] = _passage(json.loads(self._data[self._starts[i] : self._ends[i]]))
            except (ValueError, TypeError, KeyError) as exc:
                raise IndexCorrupt(f"passage {i} unreadable: {exc}") from exc
        return self._parsed[i]


@lru_cache(maxsize=4)
def _read_surface(folder: Path) -> dict[str, str]:
    try:
        return json.loads((folder / "surface.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _passage(row: dict) -> Passage:
    row["section"] = tuple(row["section"])
    row["level"] = Level(row["level"])
    return Passage(**row)
