"""The `vrn` command: core commands (check, export, schema) plus ask and ingest.

Heavy imports (chromadb, onnxruntime, langchain) happen only inside `ask` and
`ingest`, so `vrn check` stays as quick as `vrn-core check`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from vrn_assistant.errors import AssistantError, UsageError
from vrn_core.cli import as_of_argument, run
from vrn_core.errors import CaseError
from vrn_core.wording import parse_day

if TYPE_CHECKING:
    from vrn_assistant.answer import Answer
    from vrn_assistant.assistant import Assistant

__all__ = ["add_assistant_commands", "main"]


def add_assistant_commands(commands: Any) -> None:
    asker = commands.add_parser(
        "ask",
        help="answer a practitioner's question with cited sources",
        description="Answer a free-text question. Personal details are redacted and never stored.",
    )
    asker.add_argument("question", nargs="?", help="the question, in quotes")
    asker.add_argument("--batch", metavar="CASES.jsonl", help="answer every case of a JSONL file")
    asker.add_argument("--as-of", type=as_of_argument, help="judge availability on this date")
    asker.add_argument(
        "--source",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="a folder or file of extra documents to search and cite (repeatable)",
    )
    asker.add_argument("--json", action="store_true", help="print the full answer as JSON")
    asker.set_defaults(handler=_run_ask)

    ingester = commands.add_parser(
        "ingest",
        help="index the corpus and any extra documents",
        description="Index knowledge/corpus and the given paths. Unchanged files are skipped.",
    )
    ingester.add_argument("paths", nargs="*", type=Path, help="extra folders or files")
    ingester.add_argument("--progress", action="store_true", help="show progress on stderr")
    ingester.set_defaults(handler=_run_ingest)


def _assistant(sources: Sequence[Path]) -> Assistant:
    # Imported here: chromadb and onnxruntime take a second to load.
    # Their errors (IndexUnavailable, LanguageModelError, ...) are VrnErrors: run() reports them.
    from vrn_assistant.answering.phrasing import Phraser, chat_model_from_env
    from vrn_assistant.assistant import Assistant
    from vrn_assistant.settings import AssistantSettings

    for path in sources:
        if not path.exists():
            raise UsageError(f"source {path} does not exist")
    model = chat_model_from_env()
    settings = AssistantSettings.from_env()
    settings = replace(settings, sources=(*settings.sources, *sources))
    assistant = Assistant.from_settings(
        settings, phraser=Phraser(model) if model is not None else None
    )
    if assistant.model_problem:
        print(
            f"vrn: warning: {assistant.model_problem}; searching by keywords only",
            file=sys.stderr,
        )
    return assistant


def _ensure_index(assistant: Assistant, refresh: bool) -> None:
    if refresh or not assistant.index.chunks():
        report = assistant.ingest()
        for skipped in report.skipped:
            print(f"vrn: skipped {skipped.path}: {skipped.reason}", file=sys.stderr)


def _run_ask(args: argparse.Namespace, out: TextIO) -> int:
    if (args.question is None) == (args.batch is None):
        raise CaseError("give a question, or --batch CASES.jsonl (not both)")
    assistant = _assistant(args.source)
    _ensure_index(assistant, refresh=bool(args.source))
    if args.batch is not None:
        for case_id, question, as_of in _batch(Path(args.batch)):
            answer = assistant.ask(question, as_of)
            out.write(json.dumps(answer.eval_record(case_id), ensure_ascii=False) + "\n")
        return 0
    answer = assistant.ask(args.question, args.as_of)
    out.write(answer.model_dump_json(indent=2) + "\n" if args.json else render(answer))
    return 0


def _batch(path: Path) -> Iterator[tuple[str, str, date | None]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise AssistantError(f"cannot read {path}: {exc}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            case = json.loads(line)
            question = case["question"]
            case_id = str(case.get("id", number))
            as_of = parse_day(case["as_of"]) if case.get("as_of") else None
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise CaseError(f"{path}:{number}: not a case ({exc})") from None
        if not isinstance(question, str):
            raise CaseError(f"{path}:{number}: 'question' must be text")
        yield case_id, question, as_of


def _run_ingest(args: argparse.Namespace, out: TextIO) -> int:
    assistant = _assistant(args.paths)

    def progress(done: int, total: int, source: str) -> None:
        print(f"\r[{done}/{total}] {source[:60]:<60}", end="", file=sys.stderr, flush=True)

    report = assistant.ingest(progress if args.progress else None)
    if args.progress:
        print(file=sys.stderr)
    out.write(
        f"indexed {report.chunks} passages: {len(report.added)} added, {len(report.updated)} "
        f"updated, {len(report.unchanged)} unchanged, {len(report.removed)} removed, "
        f"{len(report.skipped)} skipped ({report.seconds:.1f} s"
        f"{'' if report.dense else ', keywords only'})\n"
    )
    for skipped in report.skipped:
        out.write(f"skipped {skipped.path}: {skipped.reason}\n")
    return 0


def render(answer: Answer) -> str:
    """The answer for a terminal: the text, then the numbered sources."""
    lines = [answer.text, ""]
    if answer.citations:
        lines.append("Sources")
        for c in answer.citations:
            dated = f", {c.as_of:%B %Y}" if c.as_of else ""
            stale = " (older than 12 months)" if c.stale else ""
            lines.append(f"[{c.number}] {c.title}, {c.locator} ({c.source}{dated}){stale}")
            lines.append(f"    “{c.quote}”")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    return run(sys.argv[1:] if argv is None else argv, sys.stdout, add_assistant_commands)
