"""Hostile and huge lecture files: reading and splitting grow linearly, zip bombs are refused at once.

Issue 13 found splitting quadratic in lines (40,000 blank lines took 83 s, a 9.7 KB .docx of a
million empty paragraphs over 10 minutes) and a 1 MB .docx whose ``document.xml`` unpacks to
1 GiB refused only after 20 s and 2.2 GB. This script builds such files in a temporary folder
and prints, per shape and size, the time and peak Python memory of
:func:`chatbot.index.readers.read_document` + :func:`chatbot.index.passages.split_passages`, each as a
ratio to the smallest size: linear work shows a time ratio close to the size ratio (a quadratic
splitter showed 4× per doubling). Then the refusal time and memory of the bombs.

    uv run python benchmarks/hostile_scale.py             # 10k, 20k, 40k, 80k lines / paragraphs
    uv run python benchmarks/hostile_scale.py --sizes 10000,20000 --no-bomb

Shapes (each accepted by the limits, so the whole pipeline runs):

* ``blank`` — a heading, a line, then N blank lines (issue 13's file);
* ``lecture`` — a real lecture's structure repeated: ordinal headings, a short line over a
  lettered list with explanations, numbered items, star headings with colons, paragraphs;
* ``prose`` — N lines of text with no heading, a blank line every fifth line;
* ``docx`` — a Word file of N paragraphs: a Heading 1 every 20 paragraphs, bullets, body text,
  written straight into ``document.xml`` (python-docx would take minutes to add them one by one).

Time is the best of ``--repeat`` runs in CPU seconds of this process (wall time on a shared
machine carries the other jobs' load); memory is the ``tracemalloc`` peak of one more run.
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path
from typing import Callable

from chatbot.index.passages import split_passages
from chatbot.index.readers import UnreadableFile, read_document

ARABIC_LINE = "تعتمد الحكومة الالكترونية على شبكة الانترنت في تقديم الخدمات للمواطنين"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def blank_text(n: int) -> str:
    return "اولا مقدمة\n" + ARABIC_LINE + "\n" * n


def lecture_text(n: int) -> str:
    """A lecture's structure, repeated to n lines (12 lines a round)."""
    ordinals = ("اولا", "ثانيا", "ثالثا", "رابعا", "خامسا")
    block = []
    for r in range(n // 12 + 1):
        block += [
            f"{ordinals[r % 5]}: الموضوع رقم {r}",
            ARABIC_LINE + f" في الجزء {r}.",
            "مراحل التطبيق",
            "أ/ مرحلة الاعلان",
            "يتم فيها نشر المعلومات على الموقع الالكتروني للجهة الحكومية.",
            "ب/ مرحلة التبادل",
            "* انواع الخدمات :",
            "- خدمات معلوماتية",
            "- خدمات تفاعلية",
            "1/ تسهيل الخدمات",
            "2/ خفض التكاليف",
            "",
        ]
    return "\n".join(block[:n]) + "\n"


def prose_text(n: int) -> str:
    return "".join(f"{ARABIC_LINE} {i}\n" + ("\n" if i % 5 == 4 else "") for i in range(n * 5 // 6))


def _template_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("عنوان", 1)
    document.add_paragraph("بند", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _with_document(template: bytes, body: bytes) -> bytes:
    """The template package with its document.xml's body replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            if info.filename == "word/document.xml":
                package.writestr(info.filename, b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="'
                                 + _W.encode() + b'"><w:body>' + body + b"</w:body></w:document>")
            else:
                package.writestr(info, source.read(info))
    return out.getvalue()


def docx_bytes(n: int, template: bytes) -> bytes:
    def p(text: str, style: str = "") -> str:
        props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        return f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>"

    parts = []
    for i in range(n):
        if i % 20 == 0:
            parts.append(p(f"القسم {i // 20}", "Heading1"))
        elif i % 20 in (1, 2, 3):
            parts.append(p(f"بند رقم {i}", "ListBullet"))
        else:
            parts.append(p(f"{ARABIC_LINE} {i}"))
    return _with_document(template, "".join(parts).encode())


def _read_and_split(path: Path) -> int:
    return len(split_passages(read_document(path).text, path.name))


def measure(path: Path, repeat: int) -> tuple[float, float, int]:
    """(best CPU seconds, peak MiB, passages) of reading and splitting ``path``."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        count = _read_and_split(path)
        best = min(best, time.process_time() - start)
    tracemalloc.start()
    _read_and_split(path)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return best, peak, count


def scale_table(name: str, make: Callable[[int], bytes], suffix: str, sizes: list[int], folder: Path, repeat: int) -> None:
    print(f"\n{name}")
    print("| size | file KB | passages | CPU s | MiB peak | size ratio | time ratio | memory ratio |")
    print("|---|---|---|---|---|---|---|---|")
    base = None
    for n in sizes:
        path = folder / f"{name}-{n}{suffix}"
        path.write_bytes(make(n))
        seconds, peak, count = measure(path, repeat)
        base = base or (n, seconds, peak)
        print(f"| {n:,} | {path.stat().st_size / 1024:,.0f} | {count:,} | {seconds:.3f} | {peak:.1f} "
              f"| {n / base[0]:.1f} | {seconds / base[1]:.2f} | {peak / base[2]:.2f} |")


def _streamed_bomb(template: bytes, part: str, chunks: int, chunk: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            if info.filename == part:
                with package.open(part, "w", force_zip64=True) as f:
                    for _ in range(chunks):
                        f.write(chunk)
            else:
                package.writestr(info, source.read(info))
    return out.getvalue()


def refusal(path: Path) -> None:
    tracemalloc.start()
    start = time.perf_counter()
    try:
        read_document(path)
        outcome = "accepted (!)"
    except UnreadableFile as exc:
        outcome = str(exc).split(" / ", 1)[-1]
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    print(f"| {path.name} | {path.stat().st_size / 1024:,.0f} | {seconds * 1000:.1f} | {peak:.1f} | {outcome} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,20000,40000,80000", help="lines / paragraphs (comma-separated)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per file (the best is kept)")
    parser.add_argument("--no-bomb", action="store_true", help="skip the 1 GiB zip bomb (its building takes ~6 s)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    template = _template_docx()
    with tempfile.TemporaryDirectory(prefix="chatbot-hostile-") as tmp:
        folder = Path(tmp)
        for name, make in (("blank", blank_text), ("lecture", lecture_text), ("prose", prose_text)):
            scale_table(name, lambda n, make=make: make(n).encode("utf-8"), ".txt", sizes, folder, args.repeat)
        scale_table("docx", lambda n: docx_bytes(n, template), ".docx", sizes, folder, args.repeat)

        print("\nrefused before parsing")
        print("| file | KB | ms | MiB peak | reason |")
        print("|---|---|---|---|---|")
        million = folder / "million-empty-paragraphs.docx"
        million.write_bytes(_with_document(template, b"<w:p/>" * 1_000_000))
        refusal(million)
        if not args.no_bomb:
            bomb = folder / "bomb-1GiB.docx"
            bomb.write_bytes(_streamed_bomb(template, "word/document.xml", 64, b" " * 2**24))
            refusal(bomb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
