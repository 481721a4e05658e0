"""Reliability under hostile input: tries, failures, worst time and peak memory per probe.

    python benchmarks/reliability.py [--quick]

Each probe feeds one hostile input to the public function a user's input reaches:

- redaction and danger spotting on 100 kB strings (10 kB in a quick run) built to
  make regular expressions backtrack (`redact`, `assess_danger`);
- documents read by `load_chunks`: a YAML anchor bomb in front matter, a small
  PDF with a huge content stream, a 4 MB one-line Markdown file, 240 kB of
  unclosed HTML tags, UTF-16 text (a tenth of those sizes in a quick run);
- a case JSON nested 100,000 deep (`vrn_core.jsontext.load_json`);
- a Chroma "server" that accepts connections and never answers (full run only:
  importing chromadb alone takes longer than a quick run may).

A failure is any exception other than the project's own (`VrnError`), which is
how a refusal is meant to look. Times are taken without tracing; peak memory on one
more run under tracemalloc. Every figure is a ratio to a baseline measured in the
same run: an ordinary question for the text probes, an ordinary Markdown document
for the document probes.
"""

from __future__ import annotations

import argparse
import io
import socket
import statistics
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from vrn_core.errors import VrnError  # noqa: E402

QUESTION = "My client is 19, was arrested in Preston last night, is there a mentor for him?"
DOCUMENT = "# Youth club\n\nAs of: 2024-05.\n\n## When\n\nThe club meets on Fridays.\n"


@dataclass
class Outcome:
    tries: int = 0
    failures: int = 0
    worst: float = 0.0
    peak: int = 0
    said: str = ""
    times: list[float] = field(default_factory=list)

    @property
    def typical(self) -> float:
        """The median time: what a baseline is, without one slow try from a busy machine."""
        return statistics.median(self.times)


def _attempt(run: Callable[[], str]) -> tuple[str, bool]:
    """What one run says, and whether it failed (an exception not of the project's own)."""
    try:
        return run(), False
    except VrnError as error:  # a refusal, as designed
        return f"refused: {' '.join(str(error).split())[:70]}", False
    except Exception as error:  # exactly what the benchmark counts
        return f"FAILED: {type(error).__name__}", True


def _measure(run: Callable[[], str], tries: int) -> Outcome:
    """`tries` timed runs, then one more under tracemalloc for the peak memory (tracing
    slows Python down several times, so it is kept out of the timings)."""
    outcome = Outcome()
    for _ in range(tries):
        started = time.perf_counter()
        outcome.said, failed = _attempt(run)
        elapsed = time.perf_counter() - started
        outcome.tries += 1
        outcome.failures += failed
        outcome.worst = max(outcome.worst, elapsed)
        outcome.times.append(elapsed)
    tracemalloc.start()
    _attempt(run)
    outcome.peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return outcome


def _text_probes(size: int) -> dict[str, Callable[[], str]]:
    from vrn_assistant.understanding.redaction import redact
    from vrn_assistant.understanding.safety import assess_danger

    hostile = {
        "digits": "1 " * (size // 2),
        "at signs": "a@" * (size // 2),
        "titles": "Mr " * (size // 3),
        "dates": "born on 12/" * (size // 11),
        "capitals": "Zanele " * (size // 7),
    }

    def redacting(text: str) -> Callable[[], str]:
        return lambda: f"{len(redact(text).found)} kinds found"

    def spotting(text: str) -> Callable[[], str]:
        return lambda: "danger" if assess_danger(text) is not None else "no danger"

    probes = {f"redact: {size // 1000} kB of {what}": redacting(t) for what, t in hostile.items()}
    probes[f"danger: {size // 1000} kB 'knife ' repeated"] = spotting("knife " * (size // 6))
    return probes


def _pdf_bytes(operations: int) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import ContentStream

    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    stream = ContentStream(None, writer)
    stream.set_data(b"BT /F1 11 Tf 72 740 Td " + b"(ab) Tj " * operations + b"ET")
    page.replace_contents(stream)
    page.compress_content_streams()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _document_probes(workdir: Path, quick: bool) -> dict[str, Callable[[], str]]:
    from vrn_assistant.retrieval.documents import load_chunks

    scale = 10 if quick else 1
    bomb = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    bomb += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    megabytes = 4 * 1024 * 1024 // scale
    files: dict[str, tuple[str, bytes]] = {
        "YAML anchor bomb in front matter": (
            "bomb.md",
            ("---\n" + "\n".join(bomb) + "\n---\n\n# Bomb\n\nBody.\n").encode(),
        ),
        f"PDF, {400_000 // scale:,} text operations on one page": (
            "crafted.pdf",
            _pdf_bytes(400_000 // scale),
        ),
        f"{megabytes / 1024 / 1024:.1f} MB one-line Markdown": (
            "one-line.md",
            ("# One line\n\n" + ("word " * megabytes)[:megabytes] + "\n").encode(),
        ),
        f"{240 // scale} kB of unclosed HTML tags": (
            "tags.html",
            ("<html><body>" + "<div><b><i>text " * (240_000 // 16 // scale)).encode(),
        ),
        "UTF-16 text (no byte order mark)": (
            "unicode.txt",
            ("Notes\n\n" + "The café opens at nine. " * 2000).encode("utf-16-le"),
        ),
    }

    def reading(path: Path) -> Callable[[], str]:
        return lambda: f"read: {len(load_chunks(path)):,} passages"

    probes: dict[str, Callable[[], str]] = {}
    for label, (name, data) in files.items():
        path = workdir / name
        path.write_bytes(data)
        probes[label] = reading(path)
    return probes


def _json_probe() -> Callable[[], str]:
    from vrn_core.jsontext import load_json

    return lambda: f"read: {type(load_json('[' * 100_000 + ']' * 100_000)).__name__}"


def _hung_chroma_probe(workdir: Path) -> tuple[Callable[[], str], Callable[[], None]]:
    """An IndexUnavailable is expected within the timeout; the listener never replies."""
    import chromadb  # noqa: F401 - imported before the probe, so its time is not counted

    from vrn_assistant.retrieval.vectors import Vectors
    from vrn_assistant.settings import IndexSettings

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])  # accepted, never answered
            except TimeoutError:
                continue
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    port = listener.getsockname()[1]
    settings = IndexSettings(
        path=workdir / "index", chroma_url=f"http://127.0.0.1:{port}", timeout=1.0
    )

    def probe() -> str:
        Vectors(settings).client()
        return "connected (unexpected)"

    def close() -> None:
        stop.set()
        for connection in held:
            connection.close()
        listener.close()

    return probe, close


def _rows(
    probes: dict[str, Callable[[], str]], baseline: Outcome, tries: int
) -> tuple[list[str], int]:
    lines: list[str] = []
    failures = 0
    for label, run in probes.items():
        outcome = _measure(run, tries)
        failures += outcome.failures
        lines.append(
            f"| {label} | {outcome.tries} | {outcome.failures} | "
            f"{outcome.worst / baseline.typical:,.0f}x | "
            f"{outcome.peak / max(baseline.peak, 1):,.0f}x | {outcome.said} |"
        )
    return lines, failures


def section(quick: bool, workdir: Path) -> tuple[str, list[str]]:
    """The reliability table: per probe, tries, failures, worst time and peak memory."""
    from vrn_assistant.retrieval.documents import load_chunks
    from vrn_assistant.understanding.redaction import redact
    from vrn_assistant.understanding.safety import assess_danger

    tries = 1 if quick else 3
    redact(QUESTION)  # load the name lists and the danger words before anything is timed
    assess_danger(QUESTION)
    ordinary = workdir / "ordinary.md"
    ordinary.write_text(DOCUMENT, encoding="utf-8")
    load_chunks(ordinary)
    page = workdir / "ordinary.html"  # the HTML reader's first use loads its libraries
    page.write_text(f"<html><body><h1>Club</h1><p>{'The club meets on Fridays. ' * 9}</p>")
    load_chunks(page)
    question = _measure(lambda: redact(QUESTION).text, 5)
    document = _measure(lambda: f"{len(load_chunks(ordinary))} passages", 5)

    header = [
        "| probe | tries | failures | worst time | peak memory | outcome |",
        "|---|---|---|---|---|---|",
    ]
    lines = [
        "Worst time and peak memory are ratios: text probes to redacting an ordinary "
        f"question ({question.typical * 1000:.2f} ms, {question.peak / 1024:.0f} kB), document "
        f"probes to reading an ordinary Markdown file ({document.typical * 1000:.2f} ms, "
        f"{document.peak / 1024:.0f} kB; median of 5 tries), measured in this run (peak "
        "memory by tracemalloc, on one more run than the timed ones). "
        "A failure is an exception other than the project's own errors.",
        "",
        *header,
    ]
    text_rows, text_failures = _rows(_text_probes(10_000 if quick else 100_000), question, tries)
    document_probes = _document_probes(workdir, quick)
    document_probes["case JSON nested 100,000 deep"] = _json_probe()
    closers: list[Callable[[], None]] = []
    if not quick:
        probe, close = _hung_chroma_probe(workdir)
        document_probes["Chroma server that never answers (1 s timeout)"] = probe
        closers.append(close)
    try:
        document_rows, document_failures = _rows(document_probes, document, tries)
    finally:
        for close in closers:
            close()
    lines += [*text_rows, *document_rows, ""]
    total = text_failures + document_failures
    lines.append(f"Failures: {total}." + (" The Chroma probe runs in full mode only." * quick))
    return "Reliability under hostile input", lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller inputs, one try each")
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        title, lines = section(arguments.quick, Path(folder))
    print(f"## {title}\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
