"""`vrn check`, `vrn export` and `vrn schema`: the core commands.

The `vrn` executable (vrn_assistant.interfaces.cli) adds `ask` and `ingest` on top of
these; `vrn-core` and `python -m vrn_core` offer these alone, without the
assistant's dependencies. Errors are one line on stderr and a non-zero exit,
never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from pydantic import TypeAdapter, ValidationError

from vrn_core.case import Case
from vrn_core.catalogue import load_catalogue
from vrn_core.catalogue.schema import contacts_file_schema, programme_file_schema
from vrn_core.dating import FRESHNESS_MONTHS
from vrn_core.errors import CaseError, VrnError
from vrn_core.export import ExportFormat, export_catalogue, not_carried
from vrn_core.jsontext import load_json
from vrn_core.report import CheckReport, ProgrammeReport, check, verdict_words
from vrn_core.vocabulary import (
    TRUTH_MARKS,
    VERDICT_WORDS,
    Gender,
    Issue,
    OffenceCategory,
    ProgrammeKind,
    Role,
    Sector,
    Setting,
    Verdict,
)
from vrn_core.wording import parse_day

__all__ = ["EXIT_ERROR", "EXIT_USAGE", "add_core_commands", "build_parser", "main", "run"]

EXIT_ERROR = 1  # the command could not do its job (bad catalogue, unreadable file)
EXIT_USAGE = 2  # the input was wrong (bad option, bad case JSON)

Handler = Callable[[argparse.Namespace, TextIO], int]


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors raise instead of exiting, so main() reports them once."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise CaseError(message)


def as_of_argument(text: str) -> date:
    """An --as-of value; argparse shows the reason when it is not a date."""
    try:
        return parse_day(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _months(text: str) -> int:
    try:
        months = int(text)
    except ValueError:
        months = -1
    if months < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of months (0 or more)")
    return months


def _choices(enum: type[Any]) -> list[str]:
    return [member.value for member in enum]


def add_core_commands(commands: Any) -> None:
    """Register check, export and schema on an argparse subparsers object."""
    checker = commands.add_parser(
        "check",
        help="rank every programme for a case",
        description=(
            "Rank every VRN programme for the facts you know. Give facts as options, as a "
            "JSON object with --case FILE, or pipe the JSON object in; options override it."
        ),
    )
    checker.add_argument(
        "--case", metavar="FILE", help="case facts as JSON ('-' = stdin; piped JSON is read too)"
    )
    checker.add_argument("--age", type=int)
    checker.add_argument("--place", help="free text, e.g. 'Blackbun' or 'Morecambe'")
    checker.add_argument("--setting", choices=_choices(Setting))
    checker.add_argument(
        "--without-setting",
        action="append",
        choices=_choices(Setting),
        default=[],
        help="a setting the person is known NOT to be in",
    )
    checker.add_argument("--role", action="append", choices=_choices(Role), default=[])
    checker.add_argument("--issue", action="append", choices=_choices(Issue), default=[])
    checker.add_argument(
        "--without-issue",
        action="append",
        choices=_choices(Issue),
        default=[],
        help="an issue known NOT to be involved",
    )
    checker.add_argument("--offence", choices=_choices(OffenceCategory))
    checker.add_argument("--gender", choices=_choices(Gender))
    checker.add_argument("--sector", choices=_choices(Sector))
    checker.add_argument("--course")
    checker.add_argument("--want", action="append", choices=_choices(ProgrammeKind), default=[])
    checker.add_argument("--as-of", type=as_of_argument, help="date to judge on (default: today)")
    checker.add_argument(
        "--freshness-months",
        type=_months,
        default=FRESHNESS_MONTHS,
        metavar="N",
        help="evidence last confirmed more than N months before the date is not taken as "
        f"current (default: {FRESHNESS_MONTHS})",
    )
    checker.add_argument("--knowledge", type=Path, help="catalogue folder (default: knowledge/)")
    checker.add_argument("--json", action="store_true", help="print the report as JSON")
    checker.set_defaults(handler=_run_check)

    exporter = commands.add_parser(
        "export", help="export the catalogue as Open Referral (HSDS 3.0 or UK profile 3.0) JSON"
    )
    exporter.add_argument("--format", choices=_choices(ExportFormat), default="hsds")
    exporter.add_argument("--as-of", type=as_of_argument)
    exporter.add_argument("--knowledge", type=Path)
    exporter.set_defaults(handler=_run_export)

    schema = commands.add_parser(
        "schema", help="print a JSON Schema: case, report, programme or contacts files"
    )
    schema.add_argument("which", choices=list(SCHEMAS))
    schema.set_defaults(handler=_run_schema)


def build_parser(prog: str = "vrn") -> tuple[argparse.ArgumentParser, Any]:
    parser = _Parser(prog=prog, description="Which Lancashire VRN programme fits, and why.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    return parser, commands


def _read_case(args: argparse.Namespace, stdin: TextIO) -> Case:
    facts: dict[str, Any] = {}
    raw = None
    if args.case is not None:
        raw = stdin.read() if args.case == "-" else _read_text(Path(args.case))
    elif not stdin.isatty():
        raw = stdin.read().strip() or None  # facts piped in: `echo '{"age": 24}' | vrn check`
    if raw is not None:
        loaded = load_json(raw)
        if not isinstance(loaded, dict):
            raise CaseError('case JSON must be an object, e.g. {"age": 24}')
        facts.update(loaded)
    options = {
        "age": args.age,
        "place": args.place,
        "setting": args.setting,
        "offence": args.offence,
        "gender": args.gender,
        "sector": args.sector,
        "course": args.course,
    }
    facts.update({key: value for key, value in options.items() if value is not None})
    for key, values in (
        ("roles", args.role),
        ("issues", args.issue),
        ("without_issues", args.without_issue),
        ("without_settings", args.without_setting),
        ("wants", args.want),
    ):
        if values:
            facts[key] = [*facts.get(key, []), *values]
    return parse_case(facts)


def parse_case(facts: dict[str, Any]) -> Case:
    """Validate case facts, turning pydantic's errors into one readable CaseError."""
    try:
        return Case.model_validate(facts)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "case"
        raise CaseError(f"case field {field!r}: {first['msg']}") from None


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CaseError(f"cannot read {path}: {exc}") from None


def _run_check(args: argparse.Namespace, out: TextIO) -> int:
    case = _read_case(args, sys.stdin)
    report = check(
        load_catalogue(args.knowledge),
        case,
        args.as_of,
        freshness_months=args.freshness_months,
    )
    if args.json:
        out.write(report.model_dump_json(indent=2) + "\n")
    else:
        out.write(render_report(report))
    return 0


def _run_export(args: argparse.Namespace, out: TextIO) -> int:
    fmt = ExportFormat(args.format)
    exported = export_catalogue(load_catalogue(args.knowledge), fmt, as_of=args.as_of)
    out.write(json.dumps(exported, indent=2, ensure_ascii=False) + "\n")
    for limit in not_carried(fmt):
        print(f"note: {fmt.value} cannot carry {limit}", file=sys.stderr)
    return 0


def _run_schema(args: argparse.Namespace, out: TextIO) -> int:
    out.write(json.dumps(json_schema(args.which), indent=2) + "\n")
    return 0


SCHEMAS: dict[str, Callable[[], dict[str, Any]]] = {
    "case": lambda: TypeAdapter(Case).json_schema(),
    "report": lambda: TypeAdapter(CheckReport).json_schema(),
    "programme": programme_file_schema,
    "contacts": contacts_file_schema,
}


def json_schema(which: str) -> dict[str, Any]:
    """A published JSON Schema: the check input or output, or a file of the catalogue."""
    return SCHEMAS[which]()


def render_report(report: CheckReport) -> str:
    """A plain-text report for a terminal: recommended first, then the rest."""
    lines = [f"As of {report.as_of.isoformat()}"]
    if report.place:
        lines[0] += f" · place: {report.place}"
    lines.append("")
    if report.recommended:
        lines.append("Recommended")
        for number, programme in enumerate(report.recommended, 1):
            lines += _render_programme(programme, f"{number}.")
    else:
        lines.append("No programme is recommended for these facts.")
    relevant = [p for p in report.considered if p.relevant]
    if relevant:
        lines += ["", "Also considered"]
        for programme in relevant:
            lines += _render_programme(programme, "-")
    others = [p for p in report.considered if not p.relevant]
    if others:
        lines += ["", "Not relevant to these facts (use --json for every reason)"]
        lines += [f"  - {p.name}: {_not_relevant_words(p)}" for p in others]
    return "\n".join(lines) + "\n"


def _not_relevant_words(programme: ProgrammeReport) -> str:
    """A programme nothing known says is for this person: "likely eligible" beside "no
    programme is recommended" would contradict it, so say what the verdict means."""
    if programme.verdict in (Verdict.eligible, Verdict.likely_eligible):
        return "not ruled out, but nothing known says it is for this person"
    return VERDICT_WORDS[programme.verdict]


def _render_programme(programme: ProgrammeReport, bullet: str) -> list[str]:
    verdict = verdict_words(programme)
    lines = [f"  {bullet} {programme.name}: {verdict}"]
    if programme.near_miss:
        lines.append(f"     near miss: {programme.near_miss}")
    for criterion in programme.criteria:
        lines.append(f"     {TRUTH_MARKS[criterion.result]} {criterion.reason}")
    lines.append(f"     availability: {programme.availability.reason}")
    lines += [f"     {assumption}" for assumption in programme.availability.assumptions]
    return lines


def run(argv: Sequence[str], out: TextIO, extend: Callable[[Any], None] | None = None) -> int:
    """Parse and run one command; `extend` may register more commands."""
    parser, commands = build_parser()
    add_core_commands(commands)
    if extend is not None:
        extend(commands)
    try:
        args = parser.parse_args(list(argv))
        handler: Handler = args.handler
        return handler(args, out)
    except CaseError as exc:
        print(f"vrn: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except VrnError as exc:
        print(f"vrn: error: {exc}", file=sys.stderr)
        return EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    return run(sys.argv[1:] if argv is None else argv, sys.stdout)
