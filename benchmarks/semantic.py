"""The semantic reader: its held-out calibration, its cost per question and its effect.

    python benchmarks/semantic.py [--quick]

(a) held out (the lexicon's example sentences, by entry, see
    `vrn_assistant.understanding.semantic.calibration`): the thresholds chosen per kind
    and the precision and recall of readings at them;
(b) warm time per question of `extract()` alone and of `extract()` + the semantic
    reader + `fill`, on the tuning blind questions (median over questions of the best
    of a few runs), as a ratio;
(c) on the tuning blind questions: the guesses `fill` would use (confident) or ask
    about, right or wrong against the first labelled person, per kind;
(d) full mode only: the end-to-end pass rate (score.py) of an Assistant (lexical
    retrieval) without and with the semantic reader, in the same run.

Needs the embedding model packages; without them the section says so and measures
nothing. Quick mode reads the first 12 questions and skips (d).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TUNING = ROOT / "tests" / "blind" / "questions-tuning.jsonl"
QUICK_QUESTIONS = 12
ROUNDS = 3
Row = dict[str, Any]


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _threshold(value: float) -> str:
    return "never" if value == float("inf") else f"{value:.2f}"


def _best(run: Callable[[], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def _gold(question: Row) -> dict[str, set[str]]:
    person: Row = question["people"][0] if question.get("people") else {}
    return {
        "setting": {person["setting"]} if person.get("setting") else set(),
        "role": set(person.get("roles", [])),
        "issue": set(person.get("issues", [])),
        "offence": {person["offence"]} if person.get("offence") else set(),
    }


def _understanding() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "_vrn_understanding", ROOT / "benchmarks" / "understanding.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def section(quick: bool, workdir: Path) -> tuple[str, list[str]]:
    title = "Semantic reader (facts the word lists miss)"
    from vrn_assistant.retrieval.embeddings import (
        EmbeddingModelMissing,
        MiniLMEmbeddings,
        locate_model_files,
    )

    try:
        embeddings = MiniLMEmbeddings(locate_model_files())
        embeddings.load()
    except EmbeddingModelMissing as error:
        return title, [f"Not measured: the embedding model is not installed ({error})."]

    from vrn_assistant.understanding.extraction import extract
    from vrn_assistant.understanding.redaction import redact
    from vrn_assistant.understanding.semantic import Kind, SemanticReader, fill
    from vrn_assistant.understanding.semantic.filling import guess_question, reading_note
    from vrn_core import load_catalogue
    from vrn_core.paths import default_knowledge_dir

    catalogue = load_catalogue(default_knowledge_dir())
    gazetteer = catalogue.gazetteer
    names = {programme.id: programme.names() for programme in catalogue}
    reader = SemanticReader(embeddings, gazetteer, cache_dir=workdir / "semantic")
    started = time.perf_counter()
    reader.prepare()
    built = time.perf_counter() - started
    calibration = reader.calibration

    lines = [
        f"{len(reader.index.examples)} labelled examples ({len(reader.index.clauses)} clauses "
        f"of example sentences, read held out); built in {built:.1f} s "
        "(embedding, or the on-disk cache, and six classifier fits).",
        "",
        "| kind | confident threshold | held-out P | held-out R | guess threshold | P | R |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind in Kind:
        confident = calibration.point(kind, calibration.confident[kind])
        guess = calibration.point(kind, calibration.guess[kind])
        shown = calibration.confident[kind]
        lines.append(
            f"| {kind.value} | {_threshold(shown)} "
            f"| {_cell(confident.precision)} | {_cell(confident.recall)} "
            f"| {_threshold(calibration.guess[kind])} "
            f"| {_cell(guess.precision)} | {_cell(guess.recall)} |"
        )

    if not TUNING.exists():
        lines += ["", f"{TUNING.name} is not here: nothing measured on questions."]
        return title, lines
    questions = [json.loads(line) for line in TUNING.read_text("utf-8").splitlines() if line]
    if quick:
        questions = questions[:QUICK_QUESTIONS]
    rounds = 1 if quick else ROUNDS
    extract("warm up", gazetteer, names)
    reader.read("warm up: the first call may set up the encoder")
    alone: list[float] = []
    together: list[float] = []
    tally = {
        kind: {"used right": 0, "used wrong": 0, "asked right": 0, "asked wrong": 0}
        for kind in Kind
    }
    for question in questions:
        text = redact(question["question"]).text
        alone.append(_best(lambda text=text: extract(text, gazetteer, names), rounds))
        together.append(
            _best(
                lambda text=text: fill(extract(text, gazetteer, names), reader.read(text)), rounds
            )
        )
        before = extract(text, gazetteer, names)
        guesses = reader.read(text)
        after = fill(before, guesses)
        gold = _gold(question)
        added = set(after.notes) - set(before.notes)
        for guess in guesses:
            used = reading_note(guess) in added and guess.confident
            asked = guess_question(guess, after.case.gender) in added and not guess.confident
            if not (used or asked):
                continue
            right = guess.value.value in gold[guess.kind.value]
            tally[guess.kind][f"{'used' if used else 'asked'} {'right' if right else 'wrong'}"] += 1
    median_alone = statistics.median(alone) * 1000
    median_together = statistics.median(together) * 1000
    lines += [
        "",
        f"On {len(questions)} tuning questions (warm, median of the best of {rounds}):",
        "",
        "| step | ms / question | ratio |",
        "|---|---|---|",
        f"| extract() alone | {median_alone:.2f} | 1.00 |",
        f"| extract() + semantic reader + fill | {median_together:.2f} "
        f"| {median_together / median_alone:.2f} |",
        f"| marginal cost of the semantic reader | {median_together - median_alone:.2f} | – |",
        "",
        "Guesses on the tuning questions, against the first labelled person "
        "(used: confident, filled a fact; asked: a guess to confirm):",
        "",
        "| kind | used right | used wrong | asked right | asked wrong |",
        "|---|---|---|---|---|",
    ]
    for kind in Kind:
        counts = tally[kind]
        lines.append(
            f"| {kind.value} | {counts['used right']} | {counts['used wrong']} "
            f"| {counts['asked right']} | {counts['asked wrong']} |"
        )
    if not quick:
        lines += ["", *_end_to_end(questions, reader)]
    return title, lines


def _end_to_end(questions: Sequence[Row], reader: object) -> list[str]:
    """score.py pass rate of one Assistant, without and then with the semantic reader."""
    from vrn_assistant import Assistant, AssistantSettings
    from vrn_assistant.settings import IndexSettings
    from vrn_assistant.understanding.semantic import SemanticReader
    from vrn_core.paths import default_knowledge_dir

    assert isinstance(reader, SemanticReader)
    check = _understanding()._load_check()
    with tempfile.TemporaryDirectory(prefix="vrn-semantic-") as tmp:
        settings = AssistantSettings(
            knowledge_dir=default_knowledge_dir(),
            index=IndexSettings(path=Path(tmp) / "index"),
            dense=False,
        )
        assistant = Assistant.from_settings(settings)
        assistant.ingest()
        passed = {}
        for name, semantic in (("word lists only", None), ("with the semantic reader", reader)):
            assistant.semantic = semantic
            count = 0
            for question in questions:
                as_of = date.fromisoformat(question["as_of"]) if question.get("as_of") else None
                record = assistant.ask(question["question"], as_of).eval_record()
                count += not check(question, record)
            passed[name] = count
    total = len(questions)
    base = passed["word lists only"] or 1
    return [
        "| end to end (score.py) | passed | ratio |",
        "|---|---|---|",
        *(
            f"| {name} | {count}/{total} ({count / total:.0%}) | {count / base:.2f} |"
            for name, count in passed.items()
        ),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a few questions, no end to end")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="vrn-semantic-bench-") as tmp:
        title, lines = section(args.quick, Path(tmp))
    sys.stdout.write(f"## {title}\n\n" + "\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
