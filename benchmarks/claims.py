"""Claims from added documents: precision and recall against the answer key, and cost.

1. Precision and recall by kind (age band, place, status, referral route,
   contact, eligibility) on tests/assistant/fixtures/later, against the tables of its
   answer key (later-answer-key.md, kept beside the folder). A claim is counted at the grain the key gives: (document, programme,
   kind), and for age bands also the band itself. "(all VRN programmes)" rows match a claim of that kind from
   that document about any programme.
2. Ingest with claim extraction (chunks, then claims and the revised catalogue)
   beside plain ingest (chunks only) on 1,000 documents (quick: 32), made by
   copying the 16 fixtures; and claims on a quarter of them, to show the cost
   grows linearly (a ratio near 4 for four times the documents). Times are this
   process's CPU time, so that other work on a shared machine does not skew them.

Run alone with `python benchmarks/claims.py [--quick]`.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LATER = ROOT / "tests" / "assistant" / "fixtures" / "later"
# Beside the folder, not in it: an answer key inside would be ingested as a document.
ANSWER_KEY = ROOT / "tests" / "assistant" / "fixtures" / "later-answer-key.md"
KINDS = {
    "age band": "age band",
    "place/site": "place",
    "place/site / provider": "place",
    "status": "status",
    "referral route": "referral route",
    "contact": "contact",
    "eligibility": "eligibility",
}
ALL = "(all)"
_ROW = re.compile(r"^\|\s*(\d+)\.(\d+)\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|")
_BAND = re.compile(r"(\d{1,2})\s*-\s*(\d{1,2})")
_OVER = re.compile(r"\b(\d{1,2}) and over\b")
_UNDER = re.compile(r"\bunder (\d{1,2})\b")
_NEW_IDS = {"bfcct-online-mentoring": "online-mentoring"}

Unit = tuple[str, str, str, str]  # (document number, programme, kind, value or "")


def answer_key(readme: str) -> set[Unit]:
    """The answer key's claims of the measured kinds, as units."""
    units: set[Unit] = set()
    for line in readme.splitlines():
        match = _ROW.match(line)
        if not match:
            continue
        document, _, programme, kind, value = match.groups()
        kind = KINDS.get(kind.strip())
        if kind is None:
            continue
        for said in _values(kind, value):
            units.add((document.zfill(2), _programme(programme), kind, said))
    return units


def _programme(text: str) -> str:
    if "DIVERT Youth" in text:
        return "divert-youth"
    if text.startswith("("):
        return ALL
    name = text.split("*")[0].strip()
    return _NEW_IDS.get(name, name)


def _values(kind: str, text: str) -> list[str]:
    """The row's values, as claims word them: "10-25"; a row giving open-ended bands
    ("adults 25 and over, and young people under 25") gives each ("25 and over",
    "up to 24")."""
    if kind != "age band":
        return [""]
    plain = text.replace("*", "")
    band = _BAND.search(plain)
    if band:
        return [f"{int(band.group(1))}-{int(band.group(2))}"]
    bands = [f"{int(age)} and over" for age in _OVER.findall(plain)]
    bands += [f"up to {int(age) - 1}" for age in _UNDER.findall(plain)]
    return bands or [text.strip("* ").lower()]


def predicted(folder: Path) -> set[Unit]:
    from vrn_assistant.claims import extract_claims
    from vrn_assistant.retrieval.documents import Root, read_corpus
    from vrn_core import default_catalogue

    chunks, _ = read_corpus([Root(folder)])
    units: set[Unit] = set()
    for claim in extract_claims(chunks, default_catalogue()):
        document = Path(claim.source).name[:2]
        value = claim.value if claim.kind.value == "age band" else ""
        units.add((document, claim.programme, claim.kind.value, value))
    return units


def quality() -> list[str]:
    key = answer_key(ANSWER_KEY.read_text(encoding="utf-8"))
    found = predicted(LATER)
    lines = [
        "| kind | key | found | right | precision | recall |",
        "|---|---|---|---|---|---|",
    ]
    totals = [0, 0, 0]
    for kind in dict.fromkeys(KINDS.values()):
        wanted = {unit for unit in key if unit[2] == kind}
        got = {unit for unit in found if unit[2] == kind}
        right = {unit for unit in got if _matches(unit, wanted)}
        hit = {unit for unit in wanted if _matches(unit, got)}
        precision = len(right) / len(got) if got else 0.0
        recall = len(hit) / len(wanted) if wanted else 0.0
        totals = [totals[0] + len(wanted), totals[1] + len(got), totals[2] + len(right)]
        lines.append(
            f"| {kind} | {len(wanted)} | {len(got)} | {len(right)} | {precision:.2f} | "
            f"{recall:.2f} |"
        )
    return lines


def _matches(unit: Unit, among: set[Unit]) -> bool:
    document, programme, kind, value = unit
    return any(
        other[0] == document
        and other[2] == kind
        and other[3] == value
        and (other[1] == programme or ALL in {programme, other[1]})
        for other in among
    )


def _copies(folder: Path, count: int) -> Path:
    """`count` documents: the fixtures copied round-robin."""
    sources = sorted(p for p in LATER.iterdir() if p.is_file())
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        source = sources[number % len(sources)]
        shutil.copyfile(source, folder / f"{number:04d}-{source.name}")
    return folder


def cost(quick: bool, workdir: Path) -> list[str]:
    from vrn_assistant.claims import ClaimBook
    from vrn_assistant.retrieval.documents import Root, read_corpus
    from vrn_core import default_catalogue

    catalogue = default_catalogue()
    size = 32 if quick else 1000
    rows: list[str] = [
        "| documents | plain ingest (s) | with claims (s) | ratio | claims alone (s) |",
        "|---|---|---|---|---|",
    ]
    read_corpus([Root(_copies(workdir / "warm", 4))])  # load the readers' libraries first
    alone: list[float] = []
    for count in (size // 4, size):
        folder = _copies(workdir / f"docs-{count}", count)
        started = time.process_time()
        chunks, _ = read_corpus([Root(folder)])
        plain = time.process_time() - started
        started = time.process_time()
        book = ClaimBook.build(catalogue, chunks)
        claims = time.process_time() - started
        alone.append(claims)
        rows.append(
            f"| {count} | {plain:.2f} | {plain + claims:.2f} | {(plain + claims) / plain:.2f} | "
            f"{claims:.2f} ({len(book.claims)} claims) |"
        )
    rows += [
        "",
        f"Claims on {size} documents took {alone[1] / alone[0]:.2f} times as long as on "
        f"{size // 4} (4.00 would be exactly linear).",
    ]
    return rows


def section(quick: bool, workdir: Path) -> tuple[str, list[str]]:
    title = "Claims from added documents (precision, recall, cost)"
    lines = [
        "Claim extraction against the answer key of tests/assistant/fixtures/later "
        "(grain: document, programme, kind; age bands also by band):",
        "",
        *quality(),
        "",
        "Ingest with claims beside plain ingest (chunking only, no embedding), same run, in "
        "CPU seconds of this process (the machine is shared: wall time swings with others' load):",
        "",
        *cost(quick, workdir),
    ]
    return title, lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="32 documents instead of 1,000")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="vrn-claims-bench-") as tmp:
        title, lines = section(args.quick, Path(tmp))
    sys.stdout.write(f"## {title}\n\n" + "\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
