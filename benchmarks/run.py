"""Benchmarks: speed of the rules, quality and speed of retrieval, answer latency.

Run with `make bench` (writes docs/benchmarks.md) or `python benchmarks/run.py --quick`
(small sizes, prints only; the test suite runs that to keep this script working).
Every figure is reported beside a baseline measured in the same run, as a ratio,
because absolute times on a shared 2-core machine drift from run to run.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED_EVAL = ROOT.parent / "shared" / "eval"
AS_OF = date(2020, 11, 15)


@dataclass
class Section:
    title: str
    lines: list[str]


# ---------------------------------------------------------------- core rules


def bench_core(quick: bool) -> Section:
    from vrn_core import Case, default_catalogue, rank

    catalogue = default_catalogue()
    case = Case(
        age=24, place="Blackbun", setting="police_custody", roles={"suspect"},
        issues={"violence"}, offence="violent",
    )
    rounds = 200 if quick else 5_000

    facts = case.model_dump_json()

    def ranked() -> None:
        rank(catalogue, case, AS_OF)

    def from_json() -> None:
        # Baseline: what a partner service does per request, reading the case from JSON.
        rank(catalogue, Case.model_validate_json(facts), AS_OF)

    ours = _per_second(ranked, rounds) * len(catalogue)
    base = _per_second(from_json, rounds) * len(catalogue)
    repeats = 3 if quick else 15
    bare_ms = _import_ms("pass", repeats)
    module_ms = _import_ms("import vrn_core", repeats)
    loaded_ms = _import_ms("import vrn_core; vrn_core.default_catalogue()", repeats)
    pydantic_ms = _import_ms(
        "import pydantic, pydantic.json_schema; from pydantic import BaseModel, TypeAdapter",
        repeats,
    )
    return Section(
        "Core rules (vrn_core)",
        [
            "Checks per second are the best of ten batches of CPU time; import times are "
            "the fastest of fresh interpreters, less the bare interpreter's start-up "
            f"({bare_ms:.0f} ms).",
            "",
            "| measure | result | baseline | ratio |",
            "|---|---|---|---|",
            f"| case-programme checks per second, one core (`rank` on a built `Case`) | "
            f"{ours:,.0f} | {base:,.0f} (the case parsed from JSON for every ranking) | "
            f"{ours / base:.2f}× |",
            f"| `import vrn_core` | {module_ms - bare_ms:.0f} ms | "
            f"{pydantic_ms - bare_ms:.0f} ms (importing the pydantic it builds on) | "
            f"{(module_ms - bare_ms) / (pydantic_ms - bare_ms):.2f}× |",
            f"| import, then load the catalogue and gazetteer | {loaded_ms - bare_ms:.0f} ms | "
            f"{module_ms - bare_ms:.0f} ms (import alone) | "
            f"{(loaded_ms - bare_ms) / (module_ms - bare_ms):.2f}× |",
            "",
            f"Aims: at least 50,000 checks per second; import under 150 ms. "
            f"Catalogue: {len(catalogue)} programmes; {rounds:,} rounds.",
        ],
    )


def _per_second(work: Callable[[], None], rounds: int, repeats: int = 10) -> float:
    """Rounds per second of CPU time, best of `repeats` batches: on a shared 2-core
    machine, slower batches measure the neighbours, not the code."""
    work()  # warm caches
    best = 0.0
    for _ in range(repeats):
        start = time.process_time()
        for _ in range(rounds // repeats):
            work()
        best = max(best, (rounds // repeats) / (time.process_time() - start))
    return best


def _import_ms(code: str, repeats: int) -> float:
    """Fastest of `repeats` fresh interpreters: the slower runs measure the neighbours."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


# ---------------------------------------------------------------- retrieval quality


def labelled_questions() -> list[tuple[str, set[str]]]:
    labelled = yaml.safe_load((ROOT / "benchmarks" / "retrieval_questions.yaml").read_text())
    questions = [(item["question"], set(item["relevant"])) for item in labelled]
    dev = SHARED_EVAL / "dev.jsonl"
    if dev.exists():
        for line in dev.read_text().splitlines():
            case = json.loads(line)
            if case["expect_services"]:
                questions.append((case["question"], {f"{s}.md" for s in case["expect_services"]}))
    return questions


def bench_retrieval(quick: bool, workdir: Path) -> Section:
    from vrn_assistant.retrieval.embeddings import MiniLMEmbeddings
    from vrn_assistant.retrieval.index import CorpusIndex
    from vrn_assistant.settings import IndexSettings

    index = CorpusIndex(IndexSettings(path=workdir / "quality"), MiniLMEmbeddings())
    index.ingest([ROOT / "knowledge" / "corpus"])
    questions = labelled_questions()
    if quick:
        questions = questions[:8]
    lines = [
        f"{len(questions)} labelled questions (benchmarks/retrieval_questions.yaml, plus the dev "
        "set's questions that expect a service); a hit is a passage from a relevant document.",
        "",
        "| mode | recall@5 | MRR | vs lexical (MRR) |",
        "|---|---|---|---|",
    ]
    results = {}
    for mode in ("lexical", "dense", "hybrid"):
        recall, reciprocal = [], []
        for question, relevant in questions:
            hits = index.search(question, 5, mode=mode)  # type: ignore[arg-type]
            found = [Path(hit.chunk.source).name in relevant for hit in hits]
            recall.append(float(any(found)))
            reciprocal.append(1.0 / (found.index(True) + 1) if any(found) else 0.0)
        results[mode] = (statistics.mean(recall), statistics.mean(reciprocal))
    for mode, (recall, mrr) in results.items():
        lines.append(f"| {mode} | {recall:.3f} | {mrr:.3f} | {mrr / results['lexical'][1]:.2f}× |")
    return Section("Retrieval quality: hybrid against lexical-only and dense-only", lines)


# ---------------------------------------------------------------- latency


def bench_latency(quick: bool, workdir: Path) -> Section:
    from vrn_assistant import Assistant, AssistantSettings, IndexSettings

    questions = [question for question, _ in labelled_questions()]
    repeats = 1 if quick else 3
    synthetic_docs = 50 if quick else 1_000
    synthetic = workdir / "synthetic"
    _write_synthetic_corpus(synthetic, synthetic_docs)

    lines = ["| corpus | mode | p50 | p95 | baseline p95 (lexical only) | ratio |", "|---|---|---|---|---|---|"]
    ingest_lines: list[str] = []
    corpora = (
        ("shipped corpus", ()),
        (f"+ {synthetic_docs:,} added documents", (synthetic,)),
    )
    for label, sources in corpora:
        timings = {}
        for dense in (False, True):
            settings = AssistantSettings(
                sources=tuple(sources),
                index=IndexSettings(path=workdir / f"latency-{label[:4]}-{dense}"),
                dense=dense,
            )
            assistant = Assistant.from_settings(settings)
            started = time.perf_counter()
            assistant.ingest()
            full = time.perf_counter() - started
            if dense and sources:
                _touch(synthetic, 10)
                started = time.perf_counter()
                assistant.ingest()
                incremental = time.perf_counter() - started
                started = time.perf_counter()
                assistant.ingest()
                unchanged = time.perf_counter() - started
                ingest_lines += [
                    f"| full ingest, {synthetic_docs:,} synthetic documents + corpus | {full:.1f} s |",
                    f"| incremental re-ingest, 10 documents changed | {incremental:.2f} s "
                    f"({full / incremental:.0f}× faster than full) |",
                    f"| re-ingest, nothing changed | {unchanged:.2f} s |",
                ]
            for question in questions[:3]:  # warm up
                assistant.ask(question, AS_OF)
            samples = []
            for _ in range(repeats):
                for question in questions:
                    started = time.perf_counter()
                    assistant.ask(question, AS_OF)
                    samples.append((time.perf_counter() - started) * 1000)
            timings[dense] = samples
        hybrid, lexical = timings[True], timings[False]
        lines.append(
            f"| {label} | hybrid | {statistics.median(hybrid):.1f} ms | {_p95(hybrid):.1f} ms | "
            f"{_p95(lexical):.1f} ms | {_p95(hybrid) / _p95(lexical):.2f}× |"
        )
    lines += [
        "",
        f"Warm question-to-answer time without a language model, {len(questions)} questions × "
        f"{repeats}. Aim: p95 under 50 ms.",
        "",
        "| ingest | time |",
        "|---|---|",
        *ingest_lines,
    ]
    return Section("Answer latency and ingest time", lines)


def _p95(samples: Sequence[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


_TOPICS = [
    ("youth club", "runs sport and arts evenings for young people"),
    ("food bank", "gives emergency food parcels to families"),
    ("mentoring scheme", "pairs volunteers with care leavers"),
    ("housing advice service", "helps tenants facing eviction"),
    ("debt clinic", "offers free advice on money problems"),
    ("parenting course", "supports parents of teenagers"),
    ("boxing gym", "offers coaching to young people at risk of exclusion"),
    ("bereavement group", "meets families who have lost someone to violence"),
]
_TOWNS = ["Chorley", "Nelson", "Darwen", "Fleetwood", "Morecambe", "Ormskirk", "Leyland", "Colne"]


def _write_synthetic_corpus(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    for number in range(count):
        topic, does = rng.choice(_TOPICS)
        town = rng.choice(_TOWNS)
        (folder / f"doc-{number:04d}.md").write_text(
            f"# {town} {topic} {number}\n\n## What it does\n\nThe {town} {topic} {number} {does}. "
            f"It meets on {rng.choice(['Mondays', 'Wednesdays', 'Saturdays'])}.\n\n"
            f"## How to join\n\nContact the {topic} team in {town} to join.\n"
        )


def _touch(folder: Path, count: int) -> None:
    for path in sorted(folder.glob("*.md"))[:count]:
        path.write_text(path.read_text() + "\nUpdated.\n")


# ---------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, for the smoke test")
    parser.add_argument("--output", type=Path, help="write the Markdown report here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        workdir = Path(scratch)
        sections = [
            bench_core(args.quick),
            bench_retrieval(args.quick, workdir),
            bench_latency(args.quick, workdir),
        ]
    report = [
        "# Benchmarks",
        "",
        f"Measured by `make bench` (benchmarks/run.py) on {date.today():%d %B %Y}, on this "
        "project's 2-core machine. Ratios compare against a baseline measured in the same run.",
        "",
    ]
    for section in sections:
        report += [f"## {section.title}", "", *section.lines, ""]
    text = "\n".join(report)
    print(text)
    if args.output:
        args.output.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
