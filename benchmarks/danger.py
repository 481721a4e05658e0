"""The danger check by sense: what it adds to the word lists, and what it costs.

    python benchmarks/danger.py [--quick]

(a) the build: labelled messages, time to build (embedding, or the on-disk cache, and
    six ridge fits), the threshold measured held out;
(b) on each sealed part of the blind safety sets (tests/blind), as the assistant runs
    the check (redaction first): recall of emergencies and false alarms of the word
    lists alone (the baseline) and of the whole check, in the same run. The tuning parts
    are among the labelled messages, so they would measure nothing; only aggregates of
    the sealed parts are printed, never a case;
(c) warm time per message of the word lists alone and of the whole check (its vector
    embedded afresh: in the assistant it is the retrieval query's, already computed),
    the best of a few runs each, mean and p95 over messages, the means as a ratio.

Needs the embedding model packages; without them the section says so. Quick mode reads
the first 20 messages of each set.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLIND = ROOT / "tests" / "blind"
SETS = ("safety", "safety2", "safety3", "safety4", "safety5", "safety6")
QUICK_MESSAGES = 20
ROUNDS = 3


def _rates(cases: Sequence[tuple[str, bool]], alarm: Callable[[str], bool]) -> tuple[float, float]:
    raised = [(alarm(text), now) for text, now in cases]
    emergencies = [hit for hit, now in raised if now]
    ordinary = [hit for hit, now in raised if not now]
    recall = sum(emergencies) / len(emergencies) if emergencies else 0.0
    return recall, (sum(ordinary) / len(ordinary) if ordinary else 0.0)


def _best(run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(ROUNDS):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def _p95(samples: Sequence[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def section(quick: bool, workdir: Path) -> tuple[str, list[str]]:
    title = "Danger check by sense (what the word lists miss)"
    from vrn_assistant.retrieval.embeddings import (
        EmbeddingModelMissing,
        MiniLMEmbeddings,
        locate_model_files,
    )
    from vrn_assistant.understanding.redaction import protected_names, redact
    from vrn_assistant.understanding.safety import assess_danger, told_as_not_now
    from vrn_assistant.understanding.semantic import DangerReader, danger
    from vrn_assistant.understanding.semantic.danger import FALSE_ALARMS, labelled_messages
    from vrn_core import default_catalogue

    try:
        embeddings = MiniLMEmbeddings(locate_model_files())
        embeddings.load()
    except EmbeddingModelMissing as error:
        return title, [f"Not measured: the embedding model is not installed ({error})."]
    reader = DangerReader(embeddings, cache_dir=workdir / "danger-cache")
    # Built cold: an assistant of an earlier section may have built it in this process.
    danger._MEASURED.clear()
    started = time.perf_counter()
    sense = reader.prepare()
    built = time.perf_counter() - started
    protected = protected_names(default_catalogue())

    def word_lists(text: str) -> bool:
        return assess_danger(text) is not None

    def whole(text: str) -> bool:
        return word_lists(text) or reader.assess(text) is not None

    lines = [
        f"{len(labelled_messages())} labelled messages (knowledge/lexicon/danger_messages.yaml "
        f"and danger.yaml's examples); built in {built:.1f} s; threshold {sense.threshold:.2f}, "
        f"the score {FALSE_ALARMS:.0%} of held-out ordinary messages exceed. A message the word "
        "lists found told as not now (past, film, general question) is left to them.",
        "",
        "| sealed part | messages | word lists: recall | false alarms "
        "| whole check: recall | false alarms |",
        "|---|---|---|---|---|---|",
    ]
    timed: list[str] = []
    for name in SETS:
        path = BLIND / f"{name}-sealed.jsonl"
        if not path.exists():
            lines.append(f"| {name} | not here | – | – | – | – |")
            continue
        rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
        rows = rows[:QUICK_MESSAGES] if quick else rows
        cases = [(redact(row["text"], protected=protected).text, row["emergency"]) for row in rows]
        timed += [text for text, _ in cases[:QUICK_MESSAGES]]
        alone, alone_false = _rates(cases, word_lists)
        both, both_false = _rates(cases, whole)
        lines.append(
            f"| {name} | {len(cases)} | {alone:.1%} | {alone_false:.1%} "
            f"| {both:.1%} | {both_false:.1%} |"
        )
    if timed:
        alone = [_best(lambda t=t: word_lists(t)) * 1000 for t in timed]
        both = [_best(lambda t=t: whole(t)) * 1000 for t in timed]
        reaching = sum(not word_lists(t) and not told_as_not_now(t) for t in timed)
        lines += [
            "",
            f"Warm, on {len(timed)} sealed messages (the best of {ROUNDS} runs each); "
            f"{reaching} of them reach the encoder (the others the word lists decide):",
            "",
            "| step | mean ms / message | p95 | mean against the word lists |",
            "|---|---|---|---|",
            f"| word lists alone | {statistics.mean(alone):.2f} | {_p95(alone):.2f} | 1.00 |",
            f"| word lists, then by sense (vector embedded afresh) | {statistics.mean(both):.2f} "
            f"| {_p95(both):.2f} | {statistics.mean(both) / statistics.mean(alone):.2f} |",
        ]
    return title, lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        title, lines = section(args.quick, Path(tmp))
    sys.stdout.write(f"## {title}\n\n" + "\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
