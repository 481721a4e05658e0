"""Curation: a later page's claims proposed beside the catalogue's facts, accepted into a
copy of knowledge/ (validated first), rejected for good; through the functions and `vrn
curate`. The real knowledge/ is never written: every test works on a temporary copy."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import shutil
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from vrn_assistant.claims.curation import (
    REJECTED,
    Proposal,
    Review,
    Verb,
    accept,
    gather,
    reject,
)
from vrn_assistant.claims.curation.edits import add_change, set_confirmed
from vrn_assistant.errors import CurationError
from vrn_assistant.interfaces.cli import main
from vrn_assistant.retrieval.documents import load_chunks
from vrn_core import Case, Verdict, load_catalogue, rank
from vrn_core.catalogue.sections import headings
from vrn_core.paths import default_knowledge_dir
from vrn_core.vocabulary import Issue, Role
from vrn_core.yamlfile import load_yaml_text, read_yaml

LATER = Path(__file__).parents[1] / "fixtures" / "later"
PAGE = "01-pcc-news-operation-provide-2021-11.html"  # 11 November 2021: five areas
VICTIM = Case(place="Morecambe", roles={Role.victim}, issues={Issue.domestic_abuse})
DECEMBER = date(2021, 12, 6)


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    copy = tmp_path / "knowledge"
    shutil.copytree(default_knowledge_dir(), copy)
    return copy


@pytest.fixture
def added(tmp_path: Path) -> Path:
    folder = tmp_path / "added"
    folder.mkdir()
    shutil.copy(LATER / PAGE, folder / PAGE)
    return folder


def _provide(review: Review, verb: Verb) -> Proposal:
    return next(
        p for p in review.proposals if p.programme == "operation-provide" and p.verb is verb
    )


def _verdict(knowledge: Path, case: Case, on: date, programme: str) -> Verdict:
    catalogue = load_catalogue(knowledge)
    place = catalogue.gazetteer.resolve(case.place) if case.place else None
    assessments = rank(catalogue, case, on, place=place)
    return next(a.verdict for a in assessments if a.programme_id == programme)


def _fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_the_later_page_is_proposed_beside_the_current_fact(knowledge: Path, added: Path) -> None:
    review = gather(knowledge, [added])
    change = _provide(review, Verb.change)
    assert change.current == "Blackpool (running)"
    assert str(change.current_source) == "operation-provide.md § Where and when"
    assert change.current_stated == date(2020, 10, 1)
    assert change.proposed == "Blackpool, Fylde, Wyre, Lancaster, Morecambe"
    assert change.day == date(2021, 11, 11)
    assert change.claim.source.endswith(PAGE)
    assert "Lancaster and Morecambe" in change.claim.quote
    assert change.id == change.claim.id
    # "The operation is now running": the same as the catalogue says, so a confirmation.
    assert _provide(review, Verb.confirms).update == ()
    assert gather(knowledge, [added]).proposals == review.proposals  # ids are stable


def test_accepting_writes_a_dated_change_and_the_fact_holds_without_sources(
    knowledge: Path, added: Path
) -> None:
    assert _verdict(knowledge, VICTIM, DECEMBER, "operation-provide") is Verdict.not_eligible
    record = knowledge / "programmes" / "operation-provide.yaml"
    before = record.read_text(encoding="utf-8").splitlines()
    review = gather(knowledge, [added])
    done = accept(knowledge, review.catalogue, _provide(review, Verb.change), review.chunks)

    # No added source any more: the catalogue itself now says it.
    assert _verdict(knowledge, VICTIM, DECEMBER, "operation-provide") is Verdict.eligible
    assert _verdict(knowledge, VICTIM, date(2021, 11, 10), "operation-provide") is not (
        Verdict.eligible
    )
    after = record.read_text(encoding="utf-8").splitlines()
    assert [line for line in after if line in before] == before  # only lines added: comments kept
    added_lines = [line.strip() for line in after if line not in before]
    assert added_lines[:2] == ["changes:", "- from: 2021-11-11"]
    assert f"source: {done.source}" in added_lines
    document = done.document.read_text(encoding="utf-8")
    meta = read_yaml_text(document.split("---\n")[1])
    assert meta["original_file"] == PAGE
    assert meta["as_of"] == date(2021, 11, 11) and meta["dated_by"] == "page date"
    assert meta["title"] == done.proposal.claim.locator  # the page's title
    section = done.source.partition("#")[2]
    assert section in {heading.text for heading in headings(document)}
    # The assistant reads the new corpus document into a section that holds the quote.
    cited = [chunk for chunk in load_chunks(done.document) if chunk.locator == section]
    assert any(done.proposal.claim.quote in chunk.text for chunk in cited)
    assert done.proposal.id not in {p.id for p in gather(knowledge, [added]).proposals}


def test_accepting_a_confirmation_sets_its_date_and_makes_the_fact_current(
    knowledge: Path, added: Path
) -> None:
    blackpool = Case(place="Blackpool", roles={Role.victim}, issues={Issue.domestic_abuse})
    assert _verdict(knowledge, blackpool, DECEMBER, "operation-provide") is (
        Verdict.likely_eligible  # last confirmed October 2020: not confirmed since
    )
    review = gather(knowledge, [added])
    accept(knowledge, review.catalogue, _provide(review, Verb.confirms), review.chunks)
    text = (knowledge / "programmes" / "operation-provide.yaml").read_text(encoding="utf-8")
    assert "confirmed: 2021-11-11  # confirmed by 01-pcc-news-operation-provide-2021-11.md#" in text
    assert _verdict(knowledge, blackpool, DECEMBER, "operation-provide") is Verdict.eligible
    # The page's other proposal is still there, and reuses the document the first one added.
    again = gather(knowledge, [added])
    done = accept(knowledge, again.catalogue, _provide(again, Verb.change), again.chunks)
    assert not done.document_added
    assert _verdict(knowledge, VICTIM, DECEMBER, "operation-provide") is Verdict.eligible


def test_a_rejection_is_recorded_and_never_proposed_again(knowledge: Path, added: Path) -> None:
    review = gather(knowledge, [added])
    proposal = _provide(review, Verb.change)
    path = reject(
        knowledge, proposal, "the page's area is the health trust's, not the car's", DECEMBER
    )
    assert path == knowledge / REJECTED
    [entry] = read_yaml(path)
    assert entry["id"] == proposal.id
    assert entry["reason"] == "the page's area is the health trust's, not the car's"
    assert entry["date"] == DECEMBER
    assert proposal.id not in {p.id for p in gather(knowledge, [added]).proposals}
    with pytest.raises(CurationError, match="already rejected"):
        reject(knowledge, proposal, "again", DECEMBER)


def test_a_proposal_that_would_break_the_catalogue_writes_nothing(
    knowledge: Path, added: Path
) -> None:
    review = gather(knowledge, [added])
    broken = dataclasses.replace(
        _provide(review, Verb.change), update=(("places", ("town:atlantis",)),)
    )
    before = _fingerprint(knowledge)
    with pytest.raises(CurationError) as caught:
        accept(knowledge, review.catalogue, broken, review.chunks)
    message = str(caught.value)
    assert "nothing was written" in message and "unknown place id 'town:atlantis'" in message
    assert str(knowledge) in message and "vrn-curate-" not in message  # the real path, named
    assert _fingerprint(knowledge) == before


def test_a_change_goes_in_date_order_among_the_existing_ones() -> None:
    text = (
        "# a record\n"
        "availability:\n"
        "  - label: Blackpool   # the first site\n"
        "    places: [district:blackpool]\n"
        "    source: a.md#Where\n"
        "    changes:\n"
        "      - from: 2023-01-01\n"
        "        places: []\n"
        "        source: b.md#Where\n"
        "area_uses: [lives]\n"
    )
    fields = [("from", date(2022, 1, 1)), ("places", ("district:fylde",)), ("source", "c.md#W")]
    edited = add_change(text, ("availability", 0), fields, before=0)
    window = read_yaml_text(edited)["availability"][0]
    assert [change["from"] for change in window["changes"]] == [date(2022, 1, 1), date(2023, 1, 1)]
    assert "# the first site" in edited and edited.endswith("area_uses: [lives]\n")
    confirmed = set_confirmed(edited, ("availability", 0, "changes", 1), date(2024, 2, 1), "d.md#W")
    assert read_yaml_text(confirmed)["availability"][0]["changes"][1]["confirmed"] == date(
        2024, 2, 1
    )


def read_yaml_text(text: str) -> Any:
    data = load_yaml_text(text)
    assert isinstance(data, dict)
    return data


# ---------------------------------------------------------------- vrn curate


def _vrn(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # nothing piped in
    code = main(argv)
    return code, out.getvalue(), err.getvalue()


def test_vrn_curate_lists_accepts_and_rejects(
    knowledge: Path, added: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    where = ["--source", str(added), "--knowledge", str(knowledge)]
    code, out, _ = _vrn(["curate", *where], monkeypatch)
    assert code == 0
    assert "Operation Provide (operation-provide)" in out
    assert PAGE in out and "2021-11-11" in out
    assert "current:  Blackpool (running)" in out
    proposal = _provide(gather(knowledge, [added]), Verb.change)
    confirmation = _provide(gather(knowledge, [added]), Verb.confirms)
    assert proposal.id in out and confirmation.id in out

    code, out, _ = _vrn(["curate", *where, "--accept", proposal.id], monkeypatch)
    assert code == 0 and f"accepted {proposal.id}" in out

    check = ["check", "--place", "Morecambe", "--role", "victim", "--issue", "domestic_abuse"]
    check += ["--as-of", "2021-12-06", "--knowledge", str(knowledge), "--json"]
    code, out, _ = _vrn(check, monkeypatch)
    report = json.loads(out)
    verdicts = {p["id"]: p["verdict"] for p in report["recommended"] + report["considered"]}
    assert verdicts["operation-provide"] == "eligible"

    code, out, err = _vrn(["curate", *where, "--reject", "123456789abc"], monkeypatch)
    assert code != 0 and err.startswith("vrn: error: no proposal has the id") and err[-1] == "\n"
    assert err.count("\n") == 1
    code, out, _ = _vrn(["curate", *where], monkeypatch)
    assert proposal.id not in out  # accepted: nothing left to propose for it


def test_vrn_curate_without_any_added_documents_says_so(
    knowledge: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VRN_SOURCES", raising=False)
    monkeypatch.delenv("VRN_ALLOW_UPLOADS", raising=False)
    code, out, err = _vrn(["curate", "--knowledge", str(knowledge)], monkeypatch)
    assert code != 0 and out == ""
    assert (
        err == "vrn: error: no added documents to review: give --source DIR, or set VRN_SOURCES\n"
    )


def test_vrn_curate_reject_needs_a_reason_and_remembers_it(
    knowledge: Path, added: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    where = ["--source", str(added), "--knowledge", str(knowledge)]
    proposal = _provide(gather(knowledge, [added]), Verb.change)
    code, _, err = _vrn(["curate", *where, "--reject", proposal.id], monkeypatch)
    assert code != 0 and "give a reason" in err
    assert not (knowledge / REJECTED).exists()
    reason = ["--reason", "another trust's area"]
    code, out, _ = _vrn(["curate", *where, "--reject", proposal.id, *reason], monkeypatch)
    assert code == 0 and f"rejected {proposal.id}" in out
    code, out, _ = _vrn(["curate", *where], monkeypatch)
    assert code == 0 and proposal.id not in out
