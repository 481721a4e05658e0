"""How well the assistant understands blind practitioner questions, old revision beside new.

    python benchmarks/understanding.py --part tuning [--baseline-rev REV] [--output FILE]
    python benchmarks/understanding.py --part sealed          # aggregates only, never a question
    python benchmarks/understanding.py --set questions3 --part sealed   # another blind set

For every question of `tests/blind/<set>-<part>.jsonl` (set `questions` unless told) it measures

(a) the facts `extract()` reads from the redacted question against the first person
    in need the writers labelled (`people[0]`): precision, recall and F1 per fact;
(b) the answer of a real `Assistant` (lexical retrieval, the shipped catalogue),
    scored like `../shared/eval/score.py`: pass rate;
(c) the time `extract()` takes per question (median over questions of the best of
    a few runs).

The baseline is the same code measured against another revision's `src/` and
`knowledge/` (default `34265a6`), unpacked with `git archive` into a temporary
folder; both are run as subprocesses of this script (`--worker`), side by side in
the same run, each with `PYTHONPATH` pointing at its own source.

Scoring (micro-averaged over the questions that label at least one person):

- a single-valued fact (age, place, setting, offence, gender): a value read that is
  right is a true positive; a wrong one is both a false positive and a false
  negative; nothing read where the label has a value is a false negative.
- age: an exact whole number; for a labelled range ({min, max}) an age read inside
  it, or a range read (`Case.age_range`, where the revision has one) equal to it.
- place: the place chosen is the labelled place (resolved through the gazetteer) or
  lies inside it ("Blackpool custody suite" for "Blackpool"). Labelled places the
  gazetteer does not know are left out and counted.
- roles, issues: each (question, value) pair; negations are the pairs of
  `without_issues` and `not_roles` (`Case.without_roles`, where the revision has one),
  leaving out the asker's work roles below: a Case asking for oneself rules them out
  on purpose, and the labellers write only negations the text states.
  "person roles" leaves out the roles an asker holds (practitioner, organisation,
  researcher, policy maker), which the Case records for the asker, not the person.
  "roles, asker apart" compares every role, but the asker's work roles read are left
  out when the labelled person holds none of them: the Case records the asker's roles
  on purpose (programmes ask "the asker is a practitioner"), and a label about someone
  else says nothing of the asker, so plain "roles" counts a right reading as wrong
  there. Where the labelled person holds one ("I manage a housing team, how do we
  become trauma informed?"), they are compared like any role.
- questions naming nobody in need are scored only for person facts read anyway.
- people counted: the number of people in need read (`Extraction.people`, from the
  revision that has it; one before) against the number labelled.
- asker: the writers' label mapped to a `vrn_core.vocabulary.Asker` value
  (`ASKER_LABELS`: "nurse" is hospital staff, "parent" family); labels with no such
  value ("manager", "charity") and questions without one are left out.

The sealed part prints aggregates and nothing else: no id, no question, no answer;
`--details` is refused for it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BLIND = ROOT / "tests" / "blind"
SCORE_PY = ROOT.parent / "shared" / "eval" / "score.py"
DEFAULT_BASELINE = "34265a6"
PARTS = ("tuning", "sealed")
TIMING_ROUNDS = 3
ASKER_ROLES = frozenset({"practitioner", "organisation", "researcher", "policy_maker"})
RULE_SETTINGS = frozenset({"police_custody", "hospital_emergency_department", "prison"})
PERSON_FACTS = ("age", "setting", "offence", "gender")  # read where nobody is in need

Row = dict[str, Any]


SETS = (
    "questions",
    "questions3",
    "questions4",
    "questions5",
    "questions6",  # the evaluation format only: no labelled facts, so end to end only
    "questions7",
    "questions8",
    "questions9",  # the evaluation format only, as questions6
    "questions10",  # the evaluation format only, as questions6
    "questions11",  # the evaluation format only, as questions6
    "questions12",
)  # tests/blind/README.md says who wrote each, and when


def questions_path(part: str, blind_set: str = "questions") -> Path:
    return BLIND / f"{blind_set}-{part}.jsonl"


def load_questions(part: str, blind_set: str = "questions") -> list[Row]:
    with questions_path(part, blind_set).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


# ---------------------------------------------------------------- worker (one revision)


def run_worker(part: str, blind_set: str, result: Path, e2e: bool, rounds: int) -> int:
    """Read every question with the `vrn_*` packages on sys.path; write one JSON row each."""
    from vrn_assistant.understanding.extraction import extract
    from vrn_assistant.understanding.redaction import redact
    from vrn_core import load_catalogue
    from vrn_core.paths import default_knowledge_dir

    catalogue = load_catalogue(default_knowledge_dir())
    gazetteer = catalogue.gazetteer
    names = {programme.id: programme.names() for programme in catalogue}
    ask = _assistant(Path(tempfile.mkdtemp(prefix="vrn-understanding-"))) if e2e else None
    extract("warm up: the first call may load word lists", gazetteer, names)
    rows: list[Row] = []
    for question in load_questions(part, blind_set):
        row: Row = {"id": question["id"], "error": None}
        try:
            text = redact(question["question"]).text
            best = float("inf")
            for _ in range(rounds):
                started = time.perf_counter()
                extraction = extract(text, gazetteer, names)
                best = min(best, time.perf_counter() - started)
            case = extraction.case
            chosen = extraction.place
            span = getattr(case, "age_range", None)  # a Case field from 4519a31 on
            age_range = None if span is None else (span.min, span.max)
            row.update(
                seconds=best,
                age=case.age,
                age_range=list(age_range) if age_range is not None else None,
                place=chosen.place.id if chosen is not None and chosen.place is not None else None,
                setting=_value(case.setting),
                offence=_value(case.offence),
                gender=_value(case.gender),
                roles=sorted(str(role) for role in case.roles),
                issues=sorted(str(issue) for issue in case.issues),
                without_issues=sorted(str(issue) for issue in case.without_issues),
                without_roles=sorted(str(role) for role in getattr(case, "without_roles", ())),
                asker=_value(getattr(extraction, "asker", None)),  # from 04db739 on
                people=len(getattr(extraction, "people", ())) or 1,
            )
            if ask is not None:
                as_of = date.fromisoformat(question["as_of"]) if question.get("as_of") else None
                row["answer"] = ask(question["question"], as_of)
        except Exception as exc:  # counted; the message is kept for the tuning part only
            row["error"] = type(exc).__name__
            if part == "tuning":
                row["error"] += f": {str(exc)[:300]}"
        rows.append(row)
    result.write_text(json.dumps(rows), encoding="utf-8")
    return 0


def _value(value: object) -> str | None:
    return None if value is None else str(value)


def _assistant(tmp: Path) -> Callable[[str, date | None], Row]:
    from vrn_assistant import Assistant, AssistantSettings
    from vrn_assistant.settings import IndexSettings
    from vrn_core.paths import default_knowledge_dir

    settings = AssistantSettings(
        knowledge_dir=default_knowledge_dir(),
        index=IndexSettings(path=tmp / "index"),
        dense=False,
    )
    assistant = Assistant.from_settings(settings)
    # Retrieval stays lexical, but the danger check runs whole, as shipped: the word lists
    # and, where this revision has it, the check by sense with the encoder.
    if hasattr(assistant, "danger_reader"):
        from vrn_assistant.retrieval.embeddings import MiniLMEmbeddings, locate_model_files
        from vrn_assistant.understanding.semantic import DangerReader

        embeddings = MiniLMEmbeddings(locate_model_files())
        assistant.danger_reader = DangerReader(embeddings, cache_dir=tmp / "danger-cache")
    assistant.ingest()

    def ask(question: str, as_of: date | None) -> Row:
        record: Row = assistant.ask(question, as_of).eval_record()
        return record

    return ask


# ---------------------------------------------------------------- scoring


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def scores(self) -> tuple[float | None, float | None, float | None]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        if precision is None or recall is None or precision + recall == 0:
            return precision, recall, 0.0 if precision == 0 or recall == 0 else None
        return precision, recall, 2 * precision * recall / (precision + recall)


FACTS = (
    "age",
    "place",
    "setting",
    "setting (custody/ED/prison)",
    "roles",
    "roles, asker apart",
    "person roles",
    "issues",
    "offence",
    "negations",
    "negations: without_issues",
    "negations: not_roles",
    "gender",
    "asker",
)
# The writers' asker labels as `vrn_core.vocabulary.Asker` values; a label with no such
# value ("manager", "charity", "health_visitor") is left out of the asker's score.
ASKER_LABELS = {
    "custody_staff": "custody_staff",
    "nurse": "hospital_staff",
    "doctor": "hospital_staff",
    "teacher": "school_staff",
    "social_worker": "social_worker",
    "idva": "idva",
    "probation": "probation",
    "police": "police",
    "youth_worker": "youth_worker",
    "parent": "family",
    "relative": "family",
    "partner": "family",
    "self": "self",
}


@dataclass
class Report:
    facts: dict[str, Tally] = field(default_factory=lambda: {name: Tally() for name in FACTS})
    passed: int = 0
    passed_services: int = 0
    answered: int = 0
    errors: int = 0
    spurious: int = 0  # person facts read on questions naming nobody in need
    counted: int = 0  # questions naming someone in need whose people were counted right
    labelled: int = 0  # questions naming someone in need
    seconds: list[float] = field(default_factory=list)
    misses: dict[str, list[str]] = field(default_factory=dict)  # tuning only


def _single(tally: Tally, read: object, gold: object, right: bool) -> bool:
    if read is None and gold is None:
        return True
    if read is not None and right:
        tally.add(tp=1)
        return True
    tally.add(fp=int(read is not None), fn=int(gold is not None))
    return False


def _pairs(tally: Tally, read: Iterable[str], gold: Iterable[str]) -> bool:
    have, want = set(read), set(gold)
    tally.add(tp=len(have & want), fp=len(have - want), fn=len(want - have))
    return have == want


def _age_right(row: Row, gold: object) -> bool:
    if isinstance(gold, dict):
        low, high = gold.get("min"), gold.get("max")
        age, span = row.get("age"), row.get("age_range")
        if span is not None:
            return list(span) == [low, high]
        return (
            isinstance(age, int) and (low is None or age >= low) and (high is None or age <= high)
        )
    return row.get("age") == gold


class Scorer:
    """Compares a worker's rows with the labels; the gazetteer resolves labelled places."""

    def __init__(self) -> None:
        from vrn_core.places import Gazetteer

        self.gazetteer = Gazetteer.default()
        self.check = _load_check()
        self.unresolved = 0

    def gold_place(self, name: str | None) -> tuple[str | None, bool]:
        """(place id, known): a labelled place name as a gazetteer id."""
        if not name:
            return None, True
        match = self.gazetteer.resolve(name)
        return (match.place.id, True) if match.place is not None else (None, False)

    def place_right(self, read: str | None, gold: str | None) -> bool:
        if read is None or gold is None:
            return False
        return read == gold or (
            read in self.gazetteer and self.gazetteer.within(read, gold) is True
        )

    def score(self, questions: Sequence[Row], rows: Sequence[Row], keep_misses: bool) -> Report:
        report = Report()
        by_id = {row["id"]: row for row in rows}
        for question in questions:
            row = by_id.get(question["id"])
            if row is None or row.get("error"):
                report.errors += 1
                if keep_misses and row is not None:
                    report.misses[question["id"]] = [f"error: {row['error']}"]
                continue
            report.seconds.append(float(row["seconds"]))
            wrong = self._facts(question, row, report)
            if keep_misses and wrong:
                report.misses[question["id"]] = wrong
            answer = row.get("answer")
            if answer is not None:
                report.answered += 1
                problems = self.check(question, answer)
                if keep_misses and problems:
                    report.misses.setdefault(question["id"], []).append(
                        "answer: " + "; ".join(problems)
                    )
                report.passed += not problems
                report.passed_services += not [p for p in problems if "emergency" not in p]
        return report

    def _facts(self, question: Row, row: Row, report: Report) -> list[str]:
        people = question.get("people") or []
        facts = report.facts
        wrong: list[str] = []
        label = question.get("asker")
        if label in ASKER_LABELS:
            want = ASKER_LABELS[label]
            if not _single(facts["asker"], row.get("asker"), want, row.get("asker") == want):
                wrong.append(f"asker: read {row.get('asker')!r}, labelled {label!r}")
        if not people:
            report.spurious += sum(row.get(name) is not None for name in PERSON_FACTS)
            report.spurious += len(set(row["roles"]) - ASKER_ROLES)
            return wrong
        gold = people[0]
        report.labelled += 1
        report.counted += row.get("people", 1) == len(people)
        if row.get("people", 1) != len(people):
            wrong.append(f"people: read {row.get('people', 1)}, labelled {len(people)}")

        def note(name: str, ok: bool, read: object, want: object) -> None:
            if not ok:
                wrong.append(f"{name}: read {read!r}, labelled {want!r}")

        age = gold.get("age")
        read_age = row.get("age_range") or row.get("age")
        note("age", _single(facts["age"], read_age, age, _age_right(row, age)), read_age, age)
        place, known = self.gold_place(gold.get("place"))
        if known:
            ok = _single(facts["place"], row["place"], place, self.place_right(row["place"], place))
            note("place", ok, row["place"], place)
        else:
            self.unresolved += 1
        setting = gold.get("setting")
        ok = _single(facts["setting"], row["setting"], setting, row["setting"] == setting)
        note("setting", ok, row["setting"], setting)
        rule_read = row["setting"] if row["setting"] in RULE_SETTINGS else None
        rule_gold = setting if setting in RULE_SETTINGS else None
        _single(facts["setting (custody/ED/prison)"], rule_read, rule_gold, rule_read == rule_gold)
        ok = _pairs(facts["roles"], row["roles"], gold.get("roles", []))
        note("roles", ok, row["roles"], gold.get("roles", []))
        labelled_roles = set(gold.get("roles", []))
        read_roles = set(row["roles"])
        if not labelled_roles & ASKER_ROLES:
            read_roles -= ASKER_ROLES
        _pairs(facts["roles, asker apart"], read_roles, labelled_roles)
        _pairs(
            facts["person roles"],
            set(row["roles"]) - ASKER_ROLES,
            set(gold.get("roles", [])) - ASKER_ROLES,
        )
        ok = _pairs(facts["issues"], row["issues"], gold.get("issues", []))
        note("issues", ok, row["issues"], gold.get("issues", []))
        offence = gold.get("offence")
        ok = _single(facts["offence"], row["offence"], offence, row["offence"] == offence)
        note("offence", ok, row["offence"], offence)
        read_not = {f"issue:{x}" for x in row["without_issues"]}
        # The asker's work roles ruled out (someone asking for themselves is no
        # practitioner) are the Case's own inference, never written by the labellers.
        read_not |= {f"role:{x}" for x in set(row["without_roles"]) - ASKER_ROLES}
        gold_not = {f"issue:{x}" for x in gold.get("without_issues", [])}
        gold_not |= {f"role:{x}" for x in set(gold.get("not_roles", [])) - ASKER_ROLES}
        ok = _pairs(facts["negations"], read_not, gold_not)
        note("negations", ok, sorted(read_not), sorted(gold_not))
        for kind, name in (
            ("issue", "negations: without_issues"),
            ("role", "negations: not_roles"),
        ):
            _pairs(
                facts[name],
                {x for x in read_not if x.startswith(kind)},
                {x for x in gold_not if x.startswith(kind)},
            )
        gender = gold.get("gender")
        ok = _single(facts["gender"], row["gender"], gender, row["gender"] == gender)
        note("gender", ok, row["gender"], gender)
        return wrong


def _load_check() -> Callable[[Row, Row], list[str]]:
    """score.py's own check where ../shared is here; else the same three rules."""
    if SCORE_PY.exists():
        spec = importlib.util.spec_from_file_location("_vrn_eval_score", SCORE_PY)
        if spec is not None and spec.loader is not None:
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            check: Callable[[Row, Row | None, dict[str, str]], list[str]] = module.check
            return lambda case, answer: check(case, answer, {})

    def fallback(case: Row, answer: Row) -> list[str]:
        recommended = [
            m.get("id")
            for m in answer.get("recommended", [])
            if m.get("verdict") in ("eligible", "likely_eligible")
        ]
        problems = [
            f"expected {s}" for s in case.get("expect_services", []) if s not in recommended[:3]
        ]
        problems += [f"forbidden {s}" for s in case.get("forbid_services", []) if s in recommended]
        if bool(answer.get("emergency")) != bool(case.get("expect_emergency", False)):
            problems.append("emergency")
        return problems

    return fallback


# ---------------------------------------------------------------- running both revisions


def unpack(rev: str, into: Path) -> Path:
    """`src/` and `knowledge/` of `rev`, unpacked into `into`; git state is not touched."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", rev, "src", "knowledge"],
        capture_output=True,
        check=True,
    )
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into / "src"


def start_worker(
    src: Path, part: str, blind_set: str, result: Path, e2e: bool, rounds: int
) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(src)
    env["VRN_KNOWLEDGE_DIR"] = str(src.parent / "knowledge")
    env["HOME"] = tempfile.mkdtemp(prefix="vrn-home-")  # Chroma's caches stay out of $HOME
    env["ANONYMIZED_TELEMETRY"] = "False"
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", "--part", part]
    command += ["--set", blind_set]
    command += ["--result", str(result), "--rounds", str(rounds)]
    if not e2e:
        command.append("--facts-only")
    # Run from the unpacked tree's root so nothing relative reaches the working copy.
    return subprocess.Popen(
        command, env=env, cwd=src.parent, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def render(
    title: str, rev: str, questions: Sequence[Row], old: Report, new: Report, unresolved: int
) -> str:
    counts = [len(q.get("people") or []) for q in questions]
    people = {n: sum(1 for c in counts if (c if c < 2 else 2) == n) for n in (0, 1, 2)}
    lines = [
        f"# Understanding blind questions: {title}",
        "",
        f"{len(questions)} questions; people in need labelled: none {people[0]}, one "
        f"{people[1]}, two or more {people[2]} (facts are compared with the first person). "
        f"Old = `{rev}`, new = the working tree.",
        "",
        "| fact | old P | old R | old F1 | new P | new R | new F1 |",
        "|---|---|---|---|---|---|---|",
    ]
    for name in FACTS:
        cells = [*old.facts[name].scores(), *new.facts[name].scores()]
        lines.append(f"| {name} | " + " | ".join(_cell(c) for c in cells) + " |")
    lines += ["", "| end to end | old | new |", "|---|---|---|"]

    def rate(passed: int, report: Report) -> str:
        share = 100.0 * passed / report.answered if report.answered else 0.0
        return f"{passed}/{report.answered} ({share:.0f}%)"

    lines.append(f"| pass rate (score.py) | {rate(old.passed, old)} | {rate(new.passed, new)} |")
    lines.append(
        f"| services only (no emergency check) | {rate(old.passed_services, old)} "
        f"| {rate(new.passed_services, new)} |"
    )

    def median_ms(report: Report) -> str:
        return f"{1000 * statistics.median(report.seconds):.2f}" if report.seconds else "–"

    lines.append(f"| extract() median ms / question | {median_ms(old)} | {median_ms(new)} |")
    lines.append(f"| person facts read where nobody is in need | {old.spurious} | {new.spurious} |")
    lines.append(
        f"| people in need counted right | {old.counted}/{old.labelled} "
        f"| {new.counted}/{new.labelled} |"
    )
    lines.append(f"| errors | {old.errors} | {new.errors} |")
    lines += [
        "",
        f"Labelled places the gazetteer does not know (left out of `place`): {unresolved}.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=PARTS, default="tuning")
    parser.add_argument("--set", dest="blind_set", choices=SETS, default="questions")
    parser.add_argument("--baseline-rev", default=DEFAULT_BASELINE)
    parser.add_argument("--output", type=Path, help="also write the table here")
    parser.add_argument("--facts-only", action="store_true", help="skip the end-to-end answers")
    parser.add_argument(
        "--rounds", type=int, default=TIMING_ROUNDS, help="timing runs per question"
    )
    parser.add_argument(
        "--details", type=Path, help="tuning only: write each question's wrong facts (new, old)"
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return run_worker(
            args.part, args.blind_set, args.result, not args.facts_only, max(1, args.rounds)
        )
    if args.details is not None and args.part != "tuning":
        parser.error("--details is for the tuning part only: the sealed part is never shown")
    path = questions_path(args.part, args.blind_set)
    if not path.exists():
        parser.error(f"{path} is not here")
    questions = load_questions(args.part, args.blind_set)
    with tempfile.TemporaryDirectory(prefix="vrn-baseline-") as tmp:
        old_src = unpack(args.baseline_rev, Path(tmp))
        results = {"old": Path(tmp) / "old.json", "new": Path(tmp) / "new.json"}
        workers = {
            name: start_worker(
                src, args.part, args.blind_set, results[name], not args.facts_only, args.rounds
            )
            for name, src in (("old", old_src), ("new", ROOT / "src"))
        }
        for name, worker in workers.items():
            _, stderr = worker.communicate()
            if worker.returncode != 0:
                # The traceback may quote a question: shown for the tuning part only.
                shown = stderr.decode(errors="replace")[-3000:] if args.part == "tuning" else ""
                print(
                    f"the {name} worker failed (exit {worker.returncode}) {shown}", file=sys.stderr
                )
                return 1
        rows = {name: json.loads(path.read_text("utf-8")) for name, path in results.items()}
    scorer = Scorer()
    keep = args.details is not None
    new = scorer.score(questions, rows["new"], keep)
    unresolved = scorer.unresolved
    old = scorer.score(questions, rows["old"], keep)
    title = (
        f"{args.part} part"
        if args.blind_set == "questions"
        else f"{args.blind_set}, {args.part} part"
    )
    table = render(title, args.baseline_rev, questions, old, new, unresolved)
    sys.stdout.write(table)
    if args.output is not None:
        args.output.write_text(table, encoding="utf-8")
    if args.details is not None:
        args.details.write_text(_details(questions, new.misses, old.misses), encoding="utf-8")
    return 0


def _details(
    questions: Sequence[Row], new: Mapping[str, list[str]], old: Mapping[str, list[str]]
) -> str:
    out: list[str] = []
    for question in questions:
        qid = question["id"]
        if qid in new or qid in old:
            out.append(f"## {qid}: {question['question']}")
            out += [f"  new {line}" for line in new.get(qid, [])]
            out += [f"  old {line}" for line in old.get(qid, [])]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(main())
