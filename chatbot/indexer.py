"""From the corpus folder to a fresh index: what to (re)build, and building it safely.

The index follows the corpus: every lecture file is fingerprinted (size, mtime, SHA-256); when
any file appears, changes or disappears, or the analysis pipeline changes version, the index is
rebuilt. Rebuilds are incremental: each file's passages and analysed words are cached by
content hash, so only changed files are read and analysed again. One build at a time (a lock);
the write is atomic (see :mod:`chatbot.store`).
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import json
import logging
import os
import shutil
import sys
import time
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

import numpy as np

from chatbot import semantic, store
from chatbot.analysis import FIELDS, FILE_PREFIX, HEADING_REPEAT, PIPELINE_VERSION, char_terms, corpus_stems, passage_words
from chatbot.bm25 import SparseBM25
from chatbot.passages import Passage, split_passages
from chatbot.readers import UnreadableFile, is_lecture_file, read_document

__all__ = ["BuildReport", "IndexBusy", "build_index", "corpus_files", "is_fresh", "open_index"]

Progress = Callable[[int, int, str], None]
log = logging.getLogger(__name__)


class IndexBusy(Exception):
    """Another process is building this index."""


class SemanticState(StrEnum):
    """Whether a build holds passage vectors (:mod:`chatbot.semantic`), and if not why."""

    ON = "on"
    OFF = "off"  # turned off by hand (--no-semantic)
    TOO_LARGE = "too-large"  # over semantic.MAX_PASSAGES
    UNAVAILABLE = "unavailable"  # the model cannot load here


class BuildReport(NamedTuple):
    files: int
    passages: int
    sections: int
    reused: list[str]  # files taken from the cache
    processed: list[str]  # files read and analysed again
    skipped: dict[str, str]  # file → reason it was left out
    seconds: float


def corpus_files(corpus: Path) -> list[Path]:
    """Lecture files of the corpus, sorted, sub-folders included."""
    return sorted(p for p in corpus.rglob("*") if is_lecture_file(p) and not _hidden(p, corpus))


def _hidden(path: Path, corpus: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(corpus).parts[:-1])


def _stat_key(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns]


def is_fresh(corpus: Path, index_dir: Path, semantic_wanted: bool = True) -> bool:
    """True when the index in use was built by this pipeline from the corpus as it is now (and,
    when vectors are wanted, was not built with them turned off by hand)."""
    try:
        params = store.read_params(index_dir)
    except store.IndexCorrupt:
        return False
    if params.get("pipeline") != PIPELINE_VERSION:
        return False
    if semantic_wanted and params.get("semantic") == SemanticState.OFF:
        return False
    seen = params.get("stat", {})
    files = corpus_files(corpus)
    return len(files) == len(seen) and all(
        seen.get(f.relative_to(corpus).as_posix()) == _stat_key(f) for f in files
    )


@contextmanager
def build_lock(index_dir: Path, wait: bool) -> Iterator[None]:
    index_dir.mkdir(parents=True, exist_ok=True)
    with (index_dir / ".lock").open("w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError as exc:
            raise IndexBusy(
                "فهرس المحاضرات يُبنى الآن في عملية أخرى، حاول بعد قليل / "
                f"another process is building the index in {index_dir}; try again when it finishes"
            ) from exc
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _analyse_file(path: Path, source: str) -> dict:
    """Read, split and analyse one lecture file into its cache entry."""
    doc = read_document(path)
    passages = split_passages(doc.text, source)
    words = [passage_words(p) for p in passages]
    return {
        "pipeline": PIPELINE_VERSION,
        "encoding": doc.encoding,
        "warnings": list(doc.warnings),
        "passages": [p._asdict() for p in passages],
        "words": words,
        "indexed_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }


def _load_cache(cache_dir: Path, digest: str) -> dict | None:
    try:
        entry = json.loads((cache_dir / f"{digest}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    usable = (
        isinstance(entry, dict) and entry.get("pipeline") == PIPELINE_VERSION
        and isinstance(entry.get("passages"), list) and isinstance(entry.get("words"), list)
    )
    return entry if usable else None


def build_index(
    corpus: Path, index_dir: Path, progress: Progress | None = None, wait: bool = False, semantic_wanted: bool = True
) -> BuildReport:
    """Build the index of ``corpus`` into ``index_dir``, reusing cached files that did not change."""
    start = time.perf_counter()
    with build_lock(index_dir, wait):
        cache_dir = index_dir / "cache"
        cache_dir.mkdir(parents=True, exist_ok=True)
        _clean_leftovers(index_dir)
        files = corpus_files(corpus)
        passages: list[Passage] = []
        words: list[list[list[str]]] = []
        manifest: dict[str, dict] = {}
        stat: dict[str, list[int]] = {}
        reused, processed, skipped = [], [], {}
        for n, path in enumerate(files):
            source = path.relative_to(corpus).as_posix()
            if progress:
                progress(n, len(files), source)
            stat[source] = _stat_key(path)
            data = path.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            entry = _load_cache(cache_dir, digest)
            if entry is None:
                processed.append(source)
                try:
                    entry = _analyse_file(path, source)
                except UnreadableFile as exc:
                    skipped[source] = str(exc)
                    continue
                store.write_atomic(cache_dir / f"{digest}.json", json.dumps(entry, ensure_ascii=False).encode())
            else:
                reused.append(source)
            offset = len(passages)
            file_passages = [_relocate(row, source, offset) for row in entry["passages"]]
            if not file_passages:
                skipped[source] = "لا يحوي نصا يمكن فهرسته / no indexable text"
                continue
            passages.extend(file_passages)
            words.extend(entry["words"])
            manifest[source] = {
                "sha256": digest,
                "encoding": entry["encoding"],
                "warnings": entry["warnings"],
                "passages": len(file_passages),
                "sections": sum(p.level == "section" for p in file_passages),
                "indexed_at": entry.get("indexed_at") or time.strftime("%Y-%m-%dT%H:%M:%S"),
            }
        if progress:
            progress(len(files), len(files), "")
        fields, surface = _build_fields(passages, words, list(manifest))
        state, vectors = _vectors(cache_dir, manifest, passages, semantic_wanted, progress)
        params = {"pipeline": PIPELINE_VERSION, "corpus": manifest, "skipped": skipped, "stat": stat,
                  "files": list(manifest), "semantic": state, "semantic_model": semantic.MODEL}
        store.save_index(index_dir, params, passages, fields, surface, vectors)
        _prune_cache(cache_dir, {m["sha256"] for m in manifest.values()})
    return BuildReport(
        len(manifest), len(passages), sum(p.level == "section" for p in passages),
        reused, processed, skipped, time.perf_counter() - start,
    )


def _vectors(
    cache_dir: Path, manifest: dict[str, dict], passages: list[Passage], wanted: bool, progress: Progress | None
) -> tuple[SemanticState, np.ndarray | None]:
    """The passages' vectors, each file's taken from its cache entry when its content (and the
    model) did not change, the others embedded in batches with the progress bar."""
    if not wanted:
        return SemanticState.OFF, None
    if len(passages) > semantic.MAX_PASSAGES:
        return SemanticState.TOO_LARGE, None
    parts: list[np.ndarray] = []
    start = 0
    try:
        for source, meta in manifest.items():
            mine = passages[start : start + meta["passages"]]
            start += meta["passages"]
            cached = cache_dir / f"{meta['sha256']}.{semantic.MODEL}.npy"
            try:
                part = np.load(cached, allow_pickle=False)
                if part.shape != (len(mine), semantic.DIM):
                    raise ValueError("stale vectors")
            except (OSError, ValueError):
                texts = [semantic.passage_text(p.section, p.text) for p in mine]
                part = semantic.embed_passages(
                    texts, (lambda done, total, s=source: progress(done, total, s)) if progress else None)
                buf = io.BytesIO()
                np.save(buf, part, allow_pickle=False)
                store.write_atomic(cached, buf.getvalue())
            parts.append(part)
    except semantic.SemanticUnavailable as exc:
        log.warning("البحث الدلالي غير متاح، البحث بالكلمات وحده / semantic search unavailable (%s): words only", exc)
        return SemanticState.UNAVAILABLE, None
    return SemanticState.ON, (np.concatenate(parts) if parts else np.empty((0, semantic.DIM), dtype=np.float16))


def _build_fields(
    passages: list[Passage], words: list[list[list[str]]], files: list[str]
) -> tuple[dict[str, SparseBM25], dict[str, str]]:
    """The passage fields, the same fields over whole files, and the corpus's distinct words
    with their stems.

    Sparse matrices do the counting in C: passages × words (a title word counts
    HEADING_REPEAT times) times words × field terms gives passages × terms, and files ×
    passages times that gives files × terms. Each distinct word is analysed once.
    """
    from scipy.sparse import csr_matrix

    flat: list[str] = []  # every passage's title words then body words, one after another
    lengths: list[int] = []
    for title, body in words:
        flat.extend(title)
        flat.extend(body)
        lengths.extend((len(title), len(body)))
    vocab = {w: i for i, w in enumerate(dict.fromkeys(flat))}
    cols = np.fromiter(map(vocab.__getitem__, flat), dtype=np.int64, count=len(flat))
    rows = np.repeat(np.arange(2 * len(words)) // 2, lengths)
    counts = np.repeat(np.tile([float(HEADING_REPEAT), 1.0], len(words)), lengths)
    by_passage = csr_matrix((counts, (rows, cols)), shape=(len(words), len(vocab)))
    position = {source: i for i, source in enumerate(files)}
    by_file = csr_matrix(
        (np.ones(len(passages)), ([position[p.source] for p in passages], np.arange(len(passages)))),
        shape=(len(files), len(passages)),
    )
    stems = corpus_stems(dict(zip(vocab, np.bincount(cols, minlength=len(vocab)).tolist())))
    terms_of = {"word": lambda w: (stems[w],), "char": char_terms}
    fields: dict[str, SparseBM25] = {}
    for field, params in FIELDS.items():
        term_id: dict[str, int] = {}
        t_rows: list[int] = []
        t_cols: list[int] = []
        for i, word in enumerate(vocab):
            terms = terms_of[field](word)
            t_cols.extend(term_id.setdefault(t, len(term_id)) for t in terms)
            t_rows.extend([i] * len(terms))
        to_terms = csr_matrix((np.ones(len(t_cols)), (t_rows, t_cols)), shape=(len(vocab), len(term_id)))
        passage_terms = (by_passage @ to_terms).tocsr()
        fields[field] = SparseBM25.from_counts(passage_terms, list(term_id), params)
        fields[FILE_PREFIX + field] = SparseBM25.from_counts(by_file @ passage_terms, list(term_id), params)
    return fields, stems


def _relocate(row: dict, source: str, offset: int) -> Passage:
    """A cached passage placed in this build: its source name and its parent's position."""
    row = dict(row, source=source, section=tuple(row["section"]))
    if row["parent"] >= 0:
        row["parent"] += offset
    return Passage(**row)


def _clean_leftovers(index_dir: Path) -> None:
    """Remove what a killed build left behind: its half-written build folder and temporary
    files. Called under the lock, so none of them belongs to a build still running."""
    for partial in (index_dir / "builds").glob(".*.partial"):
        shutil.rmtree(partial, ignore_errors=True)
    for tmp in [*index_dir.glob(".*.tmp"), *(index_dir / "cache").glob(".*.tmp")]:
        tmp.unlink(missing_ok=True)


def _prune_cache(cache_dir: Path, keep: set[str]) -> None:
    """Remove the cache entries (analysis and vectors) of file contents no longer in the corpus."""
    for entry in [*cache_dir.glob("*.json"), *cache_dir.glob("*.npy")]:
        if entry.name.split(".")[0] not in keep:
            entry.unlink(missing_ok=True)


def open_index(
    corpus: Path, index_dir: Path, progress: Progress | None = None, semantic_wanted: bool = True
) -> store.StoredIndex:
    """The index of ``corpus``, (re)built first when it is stale, missing or corrupt."""
    if not is_fresh(corpus, index_dir, semantic_wanted):
        build_index(corpus, index_dir, progress, wait=True, semantic_wanted=semantic_wanted)
    try:
        return store.load_index(index_dir)
    except store.IndexCorrupt as exc:
        # Another process may have switched builds while this one read: that is no corruption.
        with build_lock(index_dir, wait=True):
            try:
                return store.load_index(index_dir)
            except store.IndexCorrupt:
                pass
            print(f"تنبيه: الفهرس تالف وسيعاد بناؤه / warning: index is corrupt ({exc}); rebuilding", file=sys.stderr)
            _discard(index_dir)
        build_index(corpus, index_dir, progress, wait=True, semantic_wanted=semantic_wanted)
        return store.load_index(index_dir)


def _discard(index_dir: Path) -> None:
    """Forget the current build and the per-file cache (which may be tampered with too)."""
    for path in [index_dir / "CURRENT", *(index_dir / "cache").glob("*.json")]:
        try:
            os.unlink(path)
        except OSError:
            pass
