"""The index on disk: a folder of plain files, read without running code (no pickle).

    index/
      CURRENT                 name of the build in use (replaced atomically)
      builds/<name>/
        params.json           format version, pipeline version, BM25 parameters, corpus
                              fingerprints and a SHA-256 of every other file of the build
        passages.jsonl        one passage a line, as it stands in its file
        passages.file.npy     position in params "files" of each passage's file
        passages.section.npy  whether each passage is a section or paragraph (not an item)
        <field>.terms.json    the vocabulary of a field, term id = position
        <field>.<array>.npy   idf, indptr, docs, tfs, doc_len (numpy, allow_pickle=False)
        surface.json          normalised word → stem, for matching misspelt question words
        semantic.npy          passage vectors (float16, passages × 384), when params "semantic" is on
      cache/<sha256>.json     per corpus file: its passages and analysed words (incremental builds)
      cache/<sha256>.<model>.npy  per corpus file: its passages' vectors

A build is written to a fresh folder and only then named in CURRENT, so a crash or Ctrl+C
mid-build leaves the previous index in use. A file whose checksum does not match makes the
whole index "corrupt": it is rebuilt, never trusted.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import time
from functools import lru_cache
from pathlib import Path
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from chatbot.bm25 import BM25Params, SparseBM25
from chatbot.passages import Passage

__all__ = ["FORMAT_VERSION", "IndexCorrupt", "StoredIndex", "load_index", "save_index", "write_atomic"]

FORMAT_VERSION = 1
_ARRAYS = ("idf", "indptr", "docs", "tfs", "doc_len")


class IndexCorrupt(Exception):
    """The index on disk is missing, truncated, tampered with or of another version."""


class StoredIndex(NamedTuple):
    params: dict
    passages: Sequence[Passage]
    fields: dict[str, SparseBM25]  # passage fields, and whole-file fields named "file.*"
    path: Path
    file_of: np.ndarray  # position in params["files"] of each passage's file
    sections: np.ndarray  # True for passages that are not items (what a list question may get)
    vectors: np.ndarray | None = None  # passage vectors (chatbot.semantic), None when the build has none

    def surface(self) -> dict[str, str]:
        """Normalised word → stem of every word in the corpus (read on first use: only a
        question with an unknown word needs it). Its checksum was verified at load."""
        return _read_surface(self.path)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file so that readers see either the old or the new content, never half."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def save_index(
    index_dir: Path, params: dict, passages: list[Passage], fields: dict[str, SparseBM25], surface: dict[str, str],
    vectors: np.ndarray | None = None,
) -> Path:
    """Write a complete build, then switch CURRENT to it and remove older builds."""
    builds = index_dir / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    name = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    tmp = builds / f".{name}.partial"
    tmp.mkdir()
    with (tmp / "passages.jsonl").open("w", encoding="utf-8") as fh:
        for p in passages:
            fh.write(json.dumps(p._asdict(), ensure_ascii=False) + "\n")
    position = {source: i for i, source in enumerate(params["files"])}
    np.save(tmp / "passages.file.npy", np.array([position[p.source] for p in passages], dtype=np.int64))
    np.save(tmp / "passages.section.npy", np.array([p.level != "item" for p in passages], dtype=bool))
    for field, model in fields.items():
        (tmp / f"{field}.terms.json").write_text(json.dumps(model.terms, ensure_ascii=False), encoding="utf-8")
        for array in _ARRAYS:
            np.save(tmp / f"{field}.{array}.npy", getattr(model, array), allow_pickle=False)
    (tmp / "surface.json").write_text(json.dumps(surface, ensure_ascii=False), encoding="utf-8")
    if vectors is not None:
        np.save(tmp / "semantic.npy", vectors, allow_pickle=False)
    checksums = {f.name: sha256_file(f) for f in sorted(tmp.iterdir())}
    params = dict(params, format=FORMAT_VERSION, checksums=checksums,
                  bm25={field: m.params._asdict() for field, m in fields.items()})
    (tmp / "params.json").write_text(json.dumps(params, ensure_ascii=False, indent=1), encoding="utf-8")
    for f in tmp.iterdir():
        with f.open("rb") as fh:
            os.fsync(fh.fileno())
    os.replace(tmp, builds / name)
    write_atomic(index_dir / "CURRENT", name.encode())
    for old in builds.iterdir():
        if old.name != name:
            shutil.rmtree(old, ignore_errors=True)
    return builds / name


def read_params(index_dir: Path) -> dict:
    """params.json of the build in use (no checksum verification: for freshness checks)."""
    try:
        name = (index_dir / "CURRENT").read_text().strip()
        params = json.loads((index_dir / "builds" / name / "params.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexCorrupt(f"no readable index: {exc}") from exc
    if not isinstance(params, dict) or params.get("format") != FORMAT_VERSION:
        raise IndexCorrupt("index of another format version")
    return params


def load_index(index_dir: Path) -> StoredIndex:
    """Load and verify the build in use; raise IndexCorrupt on any mismatch."""
    params = read_params(index_dir)
    folder = index_dir / "builds" / (index_dir / "CURRENT").read_text().strip()
    checksums = params.get("checksums", {})

    def verified(name: str) -> bytes:
        """A file's bytes, read once and checked against params.json before any use."""
        data = (folder / name).read_bytes()
        if name not in checksums or hashlib.sha256(data).hexdigest() != checksums[name]:
            raise IndexCorrupt(f"checksum mismatch in {name}")
        return data

    def array(name: str) -> np.ndarray:
        return _npy_view(verified(name))

    try:
        passages = PassageFile(verified("passages.jsonl"))
        file_of = array("passages.file.npy")
        sections = array("passages.section.npy")
        fields = {}
        for field, p in params["bm25"].items():
            terms = json.loads(verified(f"{field}.terms.json"))
            fields[field] = SparseBM25(BM25Params(**p), terms, **{a: array(f"{field}.{a}.npy") for a in _ARRAYS})
        verified("surface.json")
        vectors = array("semantic.npy") if params.get("semantic") == "on" else None
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


def _npy_view(data: bytes) -> np.ndarray:
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
    return Passage(**row)
