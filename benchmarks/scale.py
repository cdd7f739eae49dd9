"""How the product scales with the course: build, load, memory and latency from 1k to 100k passages.

Issue 6 asks that a whole degree's notes (tens of thousands of passages) answer as fast as one
lecture. This script generates corpora of lecture files from ARCD's 465 Wikipedia paragraphs,
varied so the vocabulary grows as a real course's does, and measures in one run, per size:

* ``build``  — a fresh ``chatbot index`` (CLI subprocess, empty cache), wall time and peak RSS;
* ``load``   — :func:`chatbot.index.store.load_index` (checksums included), in a child process;
* ``ask``    — :meth:`Engine.ask` per question in one process: median, p90, p99 (every question
  counted, the first one with its lazy set-up included);
* ``batch``  — ``chatbot ask --json --batch`` with all questions on stdin, minus the same command
  with no questions (start-up and index load), divided by the number of questions; its peak RSS
  is the product's resident memory;
* ``rank-bm25`` — plain ``BM25Okapi`` over whitespace tokens of the same passages,
  ``get_scores`` per question (a sample at large sizes: it is slow);
* ``re-index`` — on the 1,000-file corpus, one file edited, ``chatbot index`` again: seconds,
  files processed against reused.

Questions are ARCD's own (a fixed shuffle): they were written on the paragraphs the corpus is
made of. Writes ``benchmarks/results/scale.md`` and ``scale.png``; raw figures go to
``benchmarks/out/scale.json``. Each measurement runs in its own process, so one size's memory
never inflates the next.

    uv run python benchmarks/scale.py                 # 1k, 10k, 20k in 155 files, 100k
    uv run python benchmarks/scale.py --quick         # a small run (seconds)
    uv run python benchmarks/scale.py --sizes 1000,20000@155
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import os
import time
from pathlib import Path
from typing import NamedTuple

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_ARCD = PROJECT.parent / "shared" / "data" / "arcd" / "arcd.json"
OUT = PROJECT / "benchmarks" / "out"
RESULTS = PROJECT / "benchmarks" / "results"
PYTHON = sys.executable
# The code measured: HEAD's chatbot package, copied aside so that colleagues editing the working
# tree mid-run cannot change the pipeline version (which would make a probe rebuild the index).
CODE = OUT / "code"
GNU_TIME = "/usr/bin/time"

# A course file holds about a lecture's worth of passages (the 20,000 in 155 files is 129).
PASSAGES_PER_FILE = 100
# ARCD's median paragraph is 84 words; the product cuts passages at 220, so stay under it.
MAX_WORDS = 200
# rank-bm25 walks every passage per query term: time a sample of questions at large sizes.
RANK_BM25_SAMPLE = {20_000: 200, 100_000: 60}
# Issue 6 targets.
TARGETS = {"ratio_20k": 0.5, "build_20k_s": 60, "median_100k_ms": 20, "p99_100k_ms": 100,
           "build_100k_s": 180, "load_100k_s": 2, "rss_100k_mb": 1536, "reindex_s": 10}

_SENTENCE_END = re.compile(r"(?<=[.!؟?؛])\s+")
_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


class Case(NamedTuple):
    passages: int
    files: int

    @property
    def name(self) -> str:
        return f"{self.passages}x{self.files}"


def parse_sizes(text: str) -> list[Case]:
    """``1000,20000@155``: passages, optionally @files (default: PASSAGES_PER_FILE a file)."""
    cases = []
    for part in text.split(","):
        n, _, files = part.strip().partition("@")
        passages = int(n)
        cases.append(Case(passages, int(files) if files else max(1, passages // PASSAGES_PER_FILE)))
    return cases


# --------------------------------------------------------------------------- corpus generation


class Arcd(NamedTuple):
    articles: list[list[str]]  # paragraphs of each article
    questions: list[str]


def load_arcd(path: Path) -> Arcd:
    data = json.loads(path.read_text(encoding="utf-8"))["data"]
    articles = [[p["context"].strip() for p in a["paragraphs"]] for a in data]
    questions = [qa["question"].strip() for a in data for p in a["paragraphs"] for qa in p["qas"]]
    return Arcd(articles, questions)


def _pseudo_word(rank: int) -> str:
    """A made-up Arabic-letter word per rank: the long tail of names and terms a course adds."""
    letters = []
    n = rank + len(_LETTERS) ** 2  # at least three letters
    while n:
        n, r = divmod(n, len(_LETTERS))
        letters.append(_LETTERS[r])
    return "".join(letters)


class Varier:
    """Makes the k-th passage of a corpus from ARCD's paragraphs.

    The first copy of every paragraph is verbatim (each ARCD question keeps its gold passage);
    later copies shuffle its sentences, mix in a sentence of another paragraph of the same
    article, swap about a tenth of the words for words of other paragraphs, replace a few with
    made-up words drawn from a Zipf law (new ones keep appearing as the corpus grows, as names
    and terms do in a real course) and end with a numbered reference. The vocabulary therefore
    grows sub-linearly with the corpus, as Heaps' law has it for real text.
    """

    def __init__(self, arcd: Arcd, seed: int = 6):
        self.rng = random.Random(seed)
        self.paragraphs = [(a, p) for a, paras in enumerate(arcd.articles) for p in paras]
        self.articles = arcd.articles
        self.pool = [w for _, p in self.paragraphs for w in p.split()]

    def passage(self, k: int) -> str:
        article, text = self.paragraphs[k % len(self.paragraphs)]
        if k < len(self.paragraphs):
            return self._clip(text.split())
        rng = self.rng
        sentences = [s for s in _SENTENCE_END.split(text) if s]
        rng.shuffle(sentences)
        siblings = self.articles[article]
        if len(siblings) > 1 and rng.random() < 0.5:
            other = [s for s in _SENTENCE_END.split(rng.choice(siblings)) if s]
            sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(other))
        words = " ".join(sentences).split()
        for i in range(len(words)):
            r = rng.random()
            if r < 0.10:
                words[i] = rng.choice(self.pool)
            elif r < 0.13:
                words[i] = _pseudo_word(min(int(rng.paretovariate(0.7)), 10**7))
        return self._clip(words + ["مرجع", f"{k}."])

    @staticmethod
    def _clip(words: list[str]) -> str:
        text = " ".join(words[:MAX_WORDS])
        return text if text.endswith((".", "؟", "!")) else text + "."


def write_corpus(case: Case, arcd: Arcd, folder: Path) -> None:
    """``case.passages`` paragraphs in ``case.files`` .txt lectures, blank lines between."""
    marker = folder / ".generated"
    if marker.is_file() and marker.read_text() == case.name:
        return
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    varier = Varier(arcd)
    per_file, extra = divmod(case.passages, case.files)
    k = 0
    for f in range(case.files):
        count = per_file + (f < extra)
        text = "\n\n".join(varier.passage(k + i) for i in range(count))
        (folder / f"lecture_{f:04d}.txt").write_text(text + "\n", encoding="utf-8")
        k += count
    marker.write_text(case.name)


# --------------------------------------------------------------------------- child processes
# Each measurement runs in a fresh interpreter: ``scale.py --child KIND ARGS...`` prints one
# JSON object on its last stdout line.


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_probe(corpus: Path, index: Path, questions_file: Path) -> dict:
    """Index load time, then Engine.ask per question (the library path the CLI uses)."""
    import gc

    t = time.perf_counter()
    from chatbot.index import store

    import_s = time.perf_counter() - t
    t = time.perf_counter()
    loaded = store.load_index(index)
    load_s = time.perf_counter() - t
    terms = {field: len(m.terms) for field, m in loaded.fields.items()}
    postings = {field: int(m.indptr[-1]) for field, m in loaded.fields.items()}
    del loaded
    gc.collect()
    from chatbot.qa.engine import open_engine
    from chatbot.index.build import is_fresh

    if not is_fresh(corpus, index):  # opening would rebuild: the figures would be of a build
        raise SystemExit(f"index {index} is stale for the code measured")
    t = time.perf_counter()
    engine = open_engine(corpus, index)
    open_s = time.perf_counter() - t
    questions = questions_file.read_text(encoding="utf-8").splitlines()
    times, cpu, kinds = [], [], {}
    for q in questions:
        t, c = time.perf_counter(), time.process_time()
        reply = engine.ask(q)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        kinds[reply.kind] = kinds.get(reply.kind, 0) + 1
    return {"import_s": import_s, "load_s": load_s, "open_s": open_s, "times": times, "cpu": cpu, "kinds": kinds,
            "terms": terms, "postings": postings, "rss_mb": _peak_rss_mb()}


def child_rank_bm25(index: Path, questions_file: Path, limit: int) -> dict:
    """Plain rank-bm25 over whitespace tokens of the very passages the index holds."""
    import rank_bm25

    build = index / "builds" / (index / "CURRENT").read_text().strip()
    with (build / "passages.jsonl").open(encoding="utf-8") as fh:
        corpus = [json.loads(line)["text"].split() for line in fh]
    t = time.perf_counter()
    model = rank_bm25.BM25Okapi(corpus)
    build_s = time.perf_counter() - t
    questions = questions_file.read_text(encoding="utf-8").splitlines()[:limit]
    times, cpu = [], []
    for q in questions:
        tokens = q.split()
        t, c = time.perf_counter(), time.process_time()
        model.get_scores(tokens)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return {"build_s": build_s, "times": times, "cpu": cpu, "rss_mb": _peak_rss_mb()}


def _child_main(argv: list[str]) -> None:
    kind, *args = argv
    if kind == "probe":
        out = child_probe(Path(args[0]), Path(args[1]), Path(args[2]))
    elif kind == "rank-bm25":
        out = child_rank_bm25(Path(args[0]), Path(args[1]), int(args[2]))
    else:
        raise SystemExit(f"unknown child {kind}")
    print(json.dumps(out))


def snapshot_code() -> str:
    """Copy HEAD's ``chatbot`` package to CODE; children import it first. Returns the commit."""
    shutil.rmtree(CODE, ignore_errors=True)
    CODE.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", "HEAD", "chatbot"], cwd=PROJECT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(CODE)], input=archive.stdout, check=True)
    return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT, capture_output=True,
                          text=True, check=True).stdout.strip()


def _env() -> dict[str, str]:
    """Children run in CODE with it on their path: ``python -m`` puts the working directory
    first on sys.path, so run from the project it would import the working tree instead."""
    return dict(os.environ, PYTHONPATH=str(CODE))


def _run_child(*args: str) -> dict:
    done = subprocess.run([PYTHON, str(Path(__file__).resolve()), "--child", *args], capture_output=True, text=True, cwd=CODE,
                          env=_env())
    if done.returncode:
        raise RuntimeError(f"child {args[0]} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


class Timed(NamedTuple):
    wall_s: float
    cpu_s: float  # user + system: what the command costs when the cores are shared
    rss_mb: float
    stdout: str
    stamps: list[float]  # when each stdout line arrived, seconds after the start


def _timed(cmd: list[str], stdin: str = "") -> Timed:
    """Wall and CPU seconds, peak RSS (from GNU time), stdout and its line arrival times.

    The batch CLI flushes each answer, so the gaps between lines are its per-question times,
    start-up and index load excluded, without subtracting two noisy runs."""
    t = time.perf_counter()
    proc = subprocess.Popen([GNU_TIME, "-v", *cmd], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8", cwd=CODE, env=_env())
    proc.stdin.write(stdin)  # a few kB: fits the pipe, no deadlock
    proc.stdin.close()
    lines, stamps = [], []
    for line in proc.stdout:
        stamps.append(time.perf_counter() - t)
        lines.append(line)
    stderr = proc.stderr.read()
    wall = (proc.wait(), time.perf_counter() - t)[1]
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{stderr[-3000:]}")

    def field(label: str) -> float:
        m = re.search(rf"{label}: ([\d.]+)", stderr)
        return float(m.group(1)) if m else math.nan

    cpu = field(r"User time \(seconds\)") + field(r"System time \(seconds\)")
    return Timed(wall, cpu, field(r"Maximum resident set size \(kbytes\)") / 1024, "".join(lines), stamps)


def build(corpus: Path, index: Path) -> dict:
    """``chatbot index`` as a student runs it; processed/reused as it reports them."""
    run = _timed([PYTHON, "-m", "chatbot.cli", "index", "--corpus", str(corpus), "--index", str(index)])
    out = run.stdout
    processed = re.search(r"processed: (\d+)", out)
    reused = re.search(r"reused: (\d+)", out)
    passages = re.search(r"passages: (\d+)", out)
    return {"s": run.wall_s, "cpu_s": run.cpu_s, "rss_mb": run.rss_mb, "processed": int(processed.group(1)) if processed else -1,
            "reused": int(reused.group(1)) if reused else -1, "passages": int(passages.group(1)) if passages else -1}


def batch(corpus: Path, index: Path, questions: list[str]) -> dict:
    """``chatbot ask --json --batch``: per-question time net of start-up and index load (gaps
    between answers; CPU time: the run with questions less the run without)."""
    cmd = [PYTHON, "-m", "chatbot.cli", "ask", "--json", "--batch", "--corpus", str(corpus), "--index", str(index)]
    empty = _timed(cmd, "")
    full = _timed(cmd, "\n".join(questions) + "\n")
    replies = [json.loads(line) for line in full.stdout.splitlines() if line.strip()]
    if len(replies) != len(questions):
        raise RuntimeError(f"batch answered {len(replies)} of {len(questions)} questions")
    gaps = [1000 * (b - a) for a, b in zip(full.stamps, full.stamps[1:])]
    return {"startup_s": empty.wall_s, "total_s": full.wall_s, "rss_mb": full.rss_mb,
            "first_answer_s": full.stamps[0], "per_q_ms": statistics.mean(gaps),
            "median_ms": statistics.median(gaps), "p99_ms": percentile(gaps, 99),
            "per_q_cpu_ms": 1000 * (full.cpu_s - empty.cpu_s) / len(questions)}


def reindex(corpus: Path, index: Path) -> dict:
    """Edit one lecture of the corpus (append a sentence), index again."""
    victim = sorted(corpus.glob("*.txt"))[len(list(corpus.glob("*.txt"))) // 2]
    original = victim.read_text(encoding="utf-8")
    victim.write_text(original + "\nفقرة أضيفت لقياس إعادة الفهرسة بعد تعديل ملف واحد.\n", encoding="utf-8")
    try:
        return build(corpus, index)
    finally:
        victim.write_text(original, encoding="utf-8")


# --------------------------------------------------------------------------- measuring and reporting


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (no interpolation: p99 of 300 questions is a real question)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))]


def rank_bm25_sample(passages: int) -> int:
    """Questions given to rank-bm25 at this size (all of them below the first threshold)."""
    caps = [cap for size, cap in RANK_BM25_SAMPLE.items() if passages >= size]
    return min(caps) if caps else sys.maxsize


def measure(case: Case, arcd: Arcd, questions: list[str], reindex_files: int) -> dict:
    folder = OUT / f"corpus-{case.name}"
    index = OUT / f"index-{case.name}"
    t = time.perf_counter()
    write_corpus(case, arcd, folder)
    gen_s = time.perf_counter() - t
    shutil.rmtree(index, ignore_errors=True)
    print(f"[{case.name}] corpus ready ({gen_s:.1f} s); building…", flush=True)
    built = build(folder, index)
    print(f"[{case.name}] built {built['passages']} passages in {built['s']:.1f} s", flush=True)
    qfile = OUT / "questions.txt"
    qfile.write_text("\n".join(questions) + "\n", encoding="utf-8")
    probe = _run_child("probe", str(folder), str(index), str(qfile))
    ms = [1000 * s for s in probe["times"]]
    cpu_ms = [1000 * s for s in probe["cpu"]]
    print(f"[{case.name}] ask median {statistics.median(ms):.2f} ms; batch…", flush=True)
    product = batch(folder, index, questions)
    sample = min(len(questions), rank_bm25_sample(case.passages))
    print(f"[{case.name}] rank-bm25 over {sample} questions…", flush=True)
    ref = _run_child("rank-bm25", str(index), str(qfile), str(sample))
    ref_ms = [1000 * s for s in ref["times"]]
    ref_cpu_ms = [1000 * s for s in ref["cpu"]]
    result = {
        "case": case._asdict(), "passages": built["passages"], "build": built, "probe": probe,
        "ask_ms": {"median": statistics.median(ms), "p90": percentile(ms, 90), "p99": percentile(ms, 99),
                   "max": max(ms), "first": ms[0], "cpu_median": statistics.median(cpu_ms),
                   "cpu_p99": percentile(cpu_ms, 99),
                   "median_on_rank_bm25_sample": statistics.median(ms[: len(ref_ms)])},
        "batch": product,
        "rank_bm25": {"median_ms": statistics.median(ref_ms), "cpu_median_ms": statistics.median(ref_cpu_ms),
                      "p99_ms": percentile(ref_ms, 99),
                      "questions": len(ref_ms), "build_s": ref["build_s"], "rss_mb": ref["rss_mb"]},
    }
    if case.files == reindex_files:
        print(f"[{case.name}] re-index after one edited file…", flush=True)
        result["reindex"] = reindex(folder, index)
    return result


def _fmt(x: float, digits: int = 1) -> str:
    return f"{x:.{digits}f}" if x == x else "–"


def table(results: list[dict]) -> str:
    """The committed markdown table (also printed). Wall times, CPU times in brackets: the
    machine's two cores are shared, and CPU time is what a question costs on an idle one."""
    names = "/".join(results[0]["probe"]["terms"])
    head = (f"| passages | files | terms {names} | build s [cpu] | build RSS MB | load s | RSS MB | ask median ms [cpu] "
            "| p90 ms | p99 ms | batch ms/q [cpu] | rank-bm25 ms/q [cpu] | batch ÷ rank-bm25 [cpu] |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in results:
        a, b, ref, terms, bd = r["ask_ms"], r["batch"], r["rank_bm25"], r["probe"]["terms"], r["build"]
        lines.append(
            f"| {r['passages']:,} | {r['case']['files']} | {'/'.join(f'{v:,}' for v in terms.values())} "
            f"| {_fmt(bd['s'])} [{_fmt(bd['cpu_s'])}] | {_fmt(bd['rss_mb'], 0)} | {_fmt(r['probe']['load_s'], 2)} | {_fmt(b['rss_mb'], 0)} "
            f"| {_fmt(a['median'], 2)} [{_fmt(a['cpu_median'], 2)}] | {_fmt(a['p90'], 2)} | {_fmt(a['p99'], 2)} "
            f"| {_fmt(b['per_q_ms'], 2)} [{_fmt(b['per_q_cpu_ms'], 2)}] "
            f"| {_fmt(ref['median_ms'], 2)} [{_fmt(ref['cpu_median_ms'], 2)}] (n={ref['questions']}) "
            f"| {_fmt(b['per_q_ms'] / ref['median_ms'], 2)} [{_fmt(b['per_q_cpu_ms'] / ref['cpu_median_ms'], 2)}] |"
        )
    for r in results:
        if "reindex" in r:
            ri = r["reindex"]
            lines.append("")
            lines.append(
                f"Re-index after editing one file of {r['case']['files']:,} ({r['passages']:,} passages): "
                f"{_fmt(ri['s'])} s [{_fmt(ri['cpu_s'])} cpu], {ri['processed']} file processed, "
                f"{ri['reused']} reused, peak RSS {_fmt(ri['rss_mb'], 0)} MB (full build {_fmt(r['build']['s'])} s)."
            )
    return "\n".join(lines)


def verdicts(results: list[dict]) -> list[str]:
    """Issue 6's targets, each met or missed, for the sizes measured."""
    out = []
    for r in results:
        n, a, b = r["passages"], r["ask_ms"], r["batch"]
        if r["case"]["passages"] == 20_000:
            ratio = b["per_q_ms"] / r["rank_bm25"]["median_ms"]
            out.append(f"20k: batch ÷ rank-bm25 = {ratio:.2f} (target ≤ {TARGETS['ratio_20k']}) "
                       f"{'met' if ratio <= TARGETS['ratio_20k'] else 'MISSED'}")
            out.append(f"20k: build {r['build']['s']:.1f} s (target ≤ {TARGETS['build_20k_s']} s) "
                       f"{'met' if r['build']['s'] <= TARGETS['build_20k_s'] else 'MISSED'}")
        if r["case"]["passages"] == 100_000:
            checks = [("median", a["median"], TARGETS["median_100k_ms"], "ms"),
                      ("p99", a["p99"], TARGETS["p99_100k_ms"], "ms"),
                      ("build", r["build"]["s"], TARGETS["build_100k_s"], "s"),
                      ("load", r["probe"]["load_s"], TARGETS["load_100k_s"], "s"),
                      ("RSS", b["rss_mb"], TARGETS["rss_100k_mb"], "MB")]
            for name, value, target, unit in checks:
                out.append(f"{n:,}: {name} {value:.2f} {unit} (target < {target} {unit}) "
                           f"{'met' if value < target else 'MISSED'}")
        if "reindex" in r:
            ri = r["reindex"]
            ok = ri["processed"] == 1 and ri["s"] < TARGETS["reindex_s"]  # "seconds, not a full rebuild"
            out.append(f"re-index, 1 of {r['case']['files']} files edited: {ri['s']:.1f} s (target < "
                       f"{TARGETS['reindex_s']} s), processed {ri['processed']}, reused {ri['reused']} "
                       f"{'met' if ok else 'MISSED'}")
    return out


def plot(results: list[dict], path: Path) -> None:
    """Latency against corpus size, log-log: the product beside plain rank-bm25."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    n = [r["passages"] for r in results]
    fig, ax = plt.subplots(figsize=(6, 4), dpi=90)
    ax.loglog(n, [r["rank_bm25"]["median_ms"] for r in results], "s--", color="tab:red",
              label="rank-bm25 BM25Okapi.get_scores (median)")
    ax.loglog(n, [r["ask_ms"]["p99"] for r in results], "^:", color="tab:blue", label="chatbot ask, p99")
    ax.loglog(n, [r["ask_ms"]["median"] for r in results], "o-", color="tab:blue", label="chatbot ask, median")
    ax.loglog(n, [r["batch"]["per_q_ms"] for r in results], "x-", color="tab:green",
              label="chatbot ask --batch, per question")
    ax.set_xlabel("passages in the course")
    ax.set_ylabel("ms per question")
    ax.set_title("Question latency against corpus size (2 cores)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def write_results(results: list[dict], args: argparse.Namespace, commit: str, load_before: float,
                  n_questions: int) -> tuple[str, str]:
    """scale.json, scale.md and scale.png for the sizes measured so far."""
    (OUT / "scale.json").write_text(json.dumps(
        {"commit": commit, "load_before": load_before, "questions": n_questions, "results": results}, indent=1))
    load = f"load average {load_before:.1f} at start, {os.getloadavg()[0]:.1f} now"
    args.results.mkdir(parents=True, exist_ok=True)
    text = table(results)
    notes = "\n".join(f"- {v}" for v in verdicts(results))
    (args.results / "scale.md").write_text(
        f"# Scale benchmark (issue 6)\n\n`uv run python benchmarks/scale.py"
        f"{' --quick' if args.quick else ''}` at commit {commit} — {n_questions} ARCD questions per "
        f"size, {sys.platform}, {os.cpu_count()} cores shared with other work ({load}). ask = `Engine.ask` "
        f"in one process; batch = `chatbot ask --json --batch`, mean gap between answers; rank-bm25 = "
        f"`BM25Okapi(whitespace tokens).get_scores`.\n\n{text}\n\n{notes}\n",
        encoding="utf-8",
    )
    plot(results, args.results / "scale.png")
    return text, notes


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        _child_main(argv[1:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--arcd", type=Path, default=DEFAULT_ARCD, help="ARCD's arcd.json (no download)")
    parser.add_argument("--sizes", default="1000,10000,20000@155,100000",
                        help="passages[@files], comma-separated (default: %(default)s)")
    parser.add_argument("--questions", type=int, default=300, help="ARCD questions asked per size")
    parser.add_argument("--reindex-files", type=int, default=1000,
                        help="the corpus with this many files is re-indexed after one edit")
    parser.add_argument("--quick", action="store_true", help="1k and 5k in 50 files, 60 questions")
    parser.add_argument("--results", type=Path, default=RESULTS, help="where scale.md and scale.png go")
    parser.add_argument("--from-json", action="store_true",
                        help="only rewrite scale.md and scale.png from the last run's benchmarks/out/scale.json")
    args = parser.parse_args(argv)
    if args.from_json:
        saved = json.loads((OUT / "scale.json").read_text())
        text, notes = write_results(saved["results"], args, saved["commit"], saved["load_before"],
                                    saved["questions"])
        print(f"{text}\n\n{notes}")
        return 0
    if not args.arcd.is_file():
        print(f"ARCD not found at {args.arcd}: nothing to measure (no download is attempted).")
        return 0
    if args.quick:
        args.sizes, args.questions, args.reindex_files = "1000,5000@50", 60, 50
    arcd = load_arcd(args.arcd)
    questions = arcd.questions[:]
    random.Random(6).shuffle(questions)
    questions = questions[: args.questions]
    OUT.mkdir(parents=True, exist_ok=True)
    commit = snapshot_code()
    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    results: list[dict] = []
    for case in parse_sizes(args.sizes):  # results are written after every size: a long run
        results.append(measure(case, arcd, questions, args.reindex_files))  # keeps what it has
        text, notes = write_results(results, args, commit, load_before, len(questions))
    print()
    print(text)
    print()
    print(notes)
    print(f"\n(total {time.perf_counter() - started:.0f} s; wrote {args.results / 'scale.md'} and scale.png)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
