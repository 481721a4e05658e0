"""The `vrn` command: core commands (check, export, schema) plus ask and ingest.

Heavy imports (chromadb, onnxruntime, langchain) happen only inside `ask` and
`ingest`, so `vrn check` stays as quick as `vrn-core check`.
"""

from __future__ import annotations

import argparse
import hashlib
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
from vrn_core.jsontext import load_json
from vrn_core.wording import parse_day

if TYPE_CHECKING:
    from vrn_assistant.answer import Answer, Citation
    from vrn_assistant.assistant import Assistant
    from vrn_assistant.settings import IndexSettings

__all__ = ["add_assistant_commands", "main", "overlay_index"]


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
        help=(
            "a folder or file of extra documents to search and cite (repeatable); indexed "
            "on their own under the index's overlays/, leaving the shared index as it is"
        ),
    )
    shown = asker.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true", help="print the full answer as JSON")
    shown.add_argument(
        "--summary",
        action="store_true",
        help="print a plain referral summary (facts read, programmes, how to refer, sources)",
    )
    asker.set_defaults(handler=_run_ask)

    ingester = commands.add_parser(
        "ingest",
        help="index the corpus and any extra documents",
        description="Index knowledge/corpus and the given paths. Unchanged files are skipped.",
    )
    ingester.add_argument("paths", nargs="*", type=Path, help="extra folders or files")
    ingester.add_argument("--progress", action="store_true", help="show progress on stderr")
    ingester.set_defaults(handler=_run_ingest)

    app = commands.add_parser(
        "app",
        help="start the Streamlit app (after `vrn ingest`)",
        description="Start the app with its settings (no usage statistics, 5 MB uploads), "
        "wherever it is run from.",
    )
    app.add_argument("--address", default="127.0.0.1", help="address to listen on")
    app.add_argument("--port", type=int, default=8501, help="port to listen on")
    app.set_defaults(handler=_run_app)

    server = commands.add_parser(
        "serve",
        help="start the partners' HTTP API (Open Referral UK 3.0, eligibility, questions)",
        description="Serve the HTTP API on uvicorn (docs/api.md); OpenAPI at /openapi.json, "
        "interactive docs at /docs. Settings come from the same environment as the CLI.",
    )
    server.add_argument("--host", default="127.0.0.1", help="address to listen on")
    server.add_argument("--port", type=int, default=8000, help="port to listen on")
    server.set_defaults(handler=_run_serve)

    curator = commands.add_parser(
        "curate",
        help="review what added documents would change in the catalogue",
        description="List the proposals the added documents' dated claims make, each beside "
        "the catalogue's fact, and a new record for each programme known only from them; "
        "--accept writes one into the catalogue (validated first), --reject records one so "
        "it is not proposed again.",
    )
    curator.add_argument(
        "--source",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="a folder or file of added documents (repeatable; default: the configured ones)",
    )
    decided = curator.add_mutually_exclusive_group()
    decided.add_argument("--accept", metavar="ID", help="write this proposal into the catalogue")
    decided.add_argument("--reject", metavar="ID", help="record this proposal as rejected")
    curator.add_argument("--reason", metavar="TEXT", help="why it is rejected (with --reject)")
    curator.add_argument("--knowledge", type=Path, help="catalogue folder (default: configured)")
    curator.set_defaults(handler=_run_curate)


def _run_curate(args: argparse.Namespace, out: TextIO) -> int:
    from vrn_assistant.claims.curation import (
        NewRecord,
        accept,
        accept_new,
        by_programme,
        describe,
        describe_new,
        gather,
        reject,
    )
    from vrn_assistant.settings import AssistantSettings

    if args.reason is not None and args.reject is None:
        raise UsageError("--reason goes with --reject ID")
    settings = AssistantSettings.from_env()
    knowledge = args.knowledge or settings.knowledge_dir
    sources = args.source or settings.sources
    if not sources:
        raise UsageError("no added documents to review: give --source DIR, or set VRN_SOURCES")
    review = gather(knowledge, sources)
    chosen = review.get(args.accept) if args.accept is not None else None
    if isinstance(chosen, NewRecord):
        new = accept_new(knowledge, review.catalogue, chosen, review.chunks, date.today())
        added = "".join(f"; added {path}" for path in new.added)
        out.write(f"accepted {chosen.id}: wrote {new.record}{added}\n")
    elif chosen is not None:
        done = accept(knowledge, review.catalogue, chosen, review.chunks)
        added = f"; added {done.document}" if done.document_added else ""
        out.write(f"accepted {done.proposal.id}: wrote {done.record}{added}\n")
    elif args.reject is not None:
        proposal = review.get(args.reject)
        path = reject(knowledge, proposal, args.reason or "", date.today())
        out.write(f"rejected {proposal.id}: recorded in {path}\n")
    elif not review.proposals:
        out.write(
            "no proposals: the added documents change nothing the catalogue holds and name "
            "no programme it lacks\n"
        )
    else:
        for programme, proposals in by_programme(review.proposals).items():
            out.write(f"\n{proposals[0].programme_name} ({programme})\n")
            for proposal in proposals:
                shown = (
                    describe_new(proposal)
                    if isinstance(proposal, NewRecord)
                    else describe(proposal)
                )
                out.write("\n".join(shown) + "\n")
    return 0


def _run_app(args: argparse.Namespace, out: TextIO) -> int:
    from vrn_assistant.interfaces.launch import launch

    return launch(args.address, args.port)


def _run_serve(args: argparse.Namespace, out: TextIO) -> int:
    from vrn_assistant.interfaces.service import create_app, serve

    return serve(create_app(), args.host, args.port)  # a bad setting or catalogue: one line


def _assistant(sources: Sequence[Path], *, overlay: bool = False) -> Assistant:
    """The assistant over the configured sources plus `sources`. With `overlay`, it uses an
    index of its own for them (see `overlay_index`) and leaves the shared one as it is."""
    # Imported here: chromadb and onnxruntime take a second to load.
    # Their errors (IndexUnavailable, LanguageModelError, ...) are VrnErrors: run() reports them.
    from vrn_assistant.answering.phrasing import Phraser, chat_model_from_env
    from vrn_assistant.assistant import Assistant
    from vrn_assistant.settings import AssistantSettings

    for path in sources:
        if not path.exists():
            raise UsageError(f"source {path} does not exist")
    settings = AssistantSettings.from_env()
    model = chat_model_from_env()
    settings = replace(settings, sources=(*settings.sources, *sources))
    if overlay and sources:
        settings = replace(settings, index=overlay_index(settings.index, settings.sources))
    assistant = Assistant.from_settings(
        settings, phraser=Phraser(model) if model is not None else None
    )
    if assistant.model_problem:
        print(
            f"vrn: warning: {assistant.model_problem}; searching by keywords only",
            file=sys.stderr,
        )
    return assistant


def overlay_index(shared: IndexSettings, sources: Sequence[Path]) -> IndexSettings:
    """The index `vrn ask --source` uses: a folder of its own under the shared index's,
    `overlays/<digest of the resolved sources>`, so asking about extra folders never changes
    what plain questions and the app search, and the next ask with the same folders reuses
    it (re-indexing only what changed)."""
    resolved = sorted({str(path.resolve()) for path in sources})
    key = "\n".join(resolved).encode("utf-8", "surrogateescape")
    return replace(shared, path=shared.path / "overlays" / hashlib.sha256(key).hexdigest()[:16])


def _ensure_index(assistant: Assistant, refresh: bool) -> None:
    if refresh or not assistant.index.chunks():
        report = assistant.ingest()
        for skipped in report.skipped:
            print(f"vrn: skipped {skipped.path}: {skipped.reason}", file=sys.stderr)


def _run_ask(args: argparse.Namespace, out: TextIO) -> int:
    if (args.question is None) == (args.batch is None):
        raise CaseError("give a question, or --batch CASES.jsonl (not both)")
    from vrn_assistant.assistant import MAX_QUESTION_CHARS
    from vrn_assistant.errors import QuestionTooLong

    if args.question is not None and len(args.question) > MAX_QUESTION_CHARS:
        raise QuestionTooLong(len(args.question), MAX_QUESTION_CHARS)  # before loading anything
    assistant = _assistant(args.source, overlay=True)
    _ensure_index(assistant, refresh=bool(args.source))
    if args.batch is not None:
        for case_id, question, as_of in _batch(Path(args.batch)):
            answer = assistant.ask(question, as_of)
            out.write(json.dumps(answer.eval_record(case_id), ensure_ascii=False) + "\n")
        return 0
    answer = assistant.ask(args.question, args.as_of)
    if args.json:
        out.write(answer.model_dump_json(indent=2) + "\n")
    elif args.summary:
        from vrn_assistant.answering.summary import referral_summary

        out.write(referral_summary(answer).text)
    else:
        out.write(render(answer, terminal=out.isatty()))
    return 0


def _batch(path: Path) -> Iterator[tuple[str, str, date | None]]:
    """(id, question, as_of) of each case of a JSONL file; CaseError naming the file and
    line for a line that is not a case."""
    from vrn_assistant.assistant import MAX_QUESTION_CHARS, encodable
    from vrn_assistant.errors import QuestionTooLong

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AssistantError(f"cannot read {path}: {exc}") from None
    # Lines end at "\n" only: a JSON string may hold U+2028 or U+0085, where splitlines() cuts.
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        case = load_json(line, what=where)
        if not isinstance(case, dict) or "question" not in case:
            raise CaseError(f'{where}: not a case (give a JSON object with a "question")')
        question = case["question"]
        if not isinstance(question, str):
            raise CaseError(f"{where}: 'question' must be text")
        if len(question) > MAX_QUESTION_CHARS:
            raise CaseError(f"{where}: {QuestionTooLong(len(question), MAX_QUESTION_CHARS)}")
        as_of = case.get("as_of")
        if as_of is not None and not isinstance(as_of, str):
            raise CaseError(f"{where}: 'as_of' must be a date as text, e.g. \"2020-11-15\"")
        try:
            day = parse_day(as_of) if as_of else None
        except ValueError as exc:
            raise CaseError(f"{where}: 'as_of' {exc}") from None
        # The id is printed back: a lone surrogate ("\udcff" in the JSON) could not be.
        yield encodable(str(case.get("id", number))), question, day


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


def render(answer: Answer, *, terminal: bool = False) -> str:
    """The answer for a terminal: the text, the programmes' cards, the numbered sources.

    On a terminal (`terminal`), its Markdown is drawn with rich: bold, lists, links.
    Piped or redirected, it is plain text with the Markdown marks taken out."""
    if terminal:
        return _drawn(answer)
    lines = [answer.full_text().replace("**", ""), ""]
    if answer.clarify is not None:
        lines += [f"To settle it: {answer.clarify.question} {answer.clarify.changes}", ""]
    if answer.citations:
        lines.append("Sources")
        for c in answer.citations:
            lines.append(f"[{c.number}] {_cited_as(c)}")
            lines.append(f"    “{c.quote}”")
    return "\n".join(lines) + "\n"


def _cited_as(citation: Citation) -> str:
    dated = f", {citation.as_of:%B %Y}" if citation.as_of else ""
    stale = " (older than 12 months)" if citation.stale else ""
    return f"{citation.title}, {citation.locator} ({citation.source}{dated}){stale}"


def _drawn(answer: Answer) -> str:
    """The answer's Markdown drawn for a terminal by rich, each line of it a line."""
    import io
    import shutil

    from rich.console import Console
    from rich.markdown import Markdown

    text = answer.full_text().split("\n")
    # A line followed by another is a hard break ("  "), as the app shows it.
    lines = [
        f"{line}  " if line and nxt else line
        for line, nxt in zip(text, [*text[1:], ""], strict=True)
    ]
    if answer.citations:
        lines += ["", "**Sources**", ""]
        lines += [f"- [{c.number}] {_cited_as(c)}: “{c.quote}”" for c in answer.citations]
    drawn = io.StringIO()
    width = min(shutil.get_terminal_size((100, 24)).columns, 100)
    Console(file=drawn, force_terminal=True, width=width).print(Markdown("\n".join(lines)))
    return drawn.getvalue()


def main(argv: Sequence[str] | None = None) -> int:
    return run(sys.argv[1:] if argv is None else argv, sys.stdout, add_assistant_commands)
