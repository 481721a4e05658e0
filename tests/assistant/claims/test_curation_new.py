"""Curation of a programme known only from added documents: proposed as a new record with
each fact's quote, accepted into a copy of knowledge/ (validated first) so that it is in
the catalogue with no added source at all, or rejected for good. The real knowledge/ is
never written: every test works on a temporary copy."""

from __future__ import annotations

import hashlib
import io
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

from vrn_assistant.claims import NOT_REVIEWED
from vrn_assistant.claims.curation import (
    REJECTED,
    NewRecord,
    Review,
    Verb,
    accept_new,
    gather,
    reject,
)
from vrn_assistant.claims.extraction import extract_claims
from vrn_assistant.claims.overlay import overlay
from vrn_assistant.errors import CurationError
from vrn_assistant.interfaces.cli import main
from vrn_core import Case, Verdict, load_catalogue, rank
from vrn_core.paths import default_knowledge_dir
from vrn_core.yamlfile import load_yaml_text, read_yaml

LATER = Path(__file__).parents[1] / "fixtures" / "later"
LEAFLET = "11-champions-mentoring-leaflet.md"  # undated: Champions, 10 to 25, Lancashire
NEWSLETTER = "03-vrn-newsletter-2021-09.md"  # 1 September 2021: DIVERT Youth, 10 to 17
TEENAGER = Case(place="Skelmersdale", age=15)  # where the leaflet places it
ACCEPTED = date(2026, 3, 2)


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    copy = tmp_path / "knowledge"
    shutil.copytree(default_knowledge_dir(), copy)
    return copy


def _added(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "added"
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(LATER / name, folder / name)
    return folder


def _new(review: Review, programme: str) -> NewRecord:
    return next(
        p for p in review.proposals if isinstance(p, NewRecord) and p.programme == programme
    )


def _fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_a_programme_only_a_leaflet_names_is_proposed_with_each_fact_and_its_quote(
    knowledge: Path, tmp_path: Path
) -> None:
    review = gather(knowledge, [_added(tmp_path, LEAFLET)])
    champions = _new(review, "champions")
    assert champions.verb is Verb.new_record and champions.programme_name == "Champions"
    assert [(Path(source).name, day) for source, day, _ in champions.documents] == [(LEAFLET, None)]
    facts = {fact.label: fact for fact in champions.facts}
    assert facts["age band"].value == "aged 10 to 25"
    assert facts["age band"].claim is not None and "aged 10 to 25" in facts["age band"].claim.quote
    assert facts["places"].value == "Skelmersdale"
    assert facts["referral route"].value.endswith("people can refer themselves")
    assert facts["contact"].value == "https://teamchampions.co.uk"
    assert {"name", "status"} <= set(facts)
    assert gather(knowledge, [_added(tmp_path, LEAFLET)]).proposals == review.proposals


def test_accepting_it_writes_a_record_the_catalogue_ranks_without_any_added_source(
    knowledge: Path, tmp_path: Path
) -> None:
    added = _added(tmp_path, LEAFLET)
    review = gather(knowledge, [added])
    done = accept_new(
        knowledge, review.catalogue, _new(review, "champions"), review.chunks, ACCEPTED
    )

    assert done.record == knowledge / "programmes" / "champions.yaml"
    assert done.added == (knowledge / "corpus" / "11-champions-mentoring-leaflet.md",)
    text = done.record.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../docs/schemas/programme.schema.json"
    assert lines[1].startswith("# Champions: added by vrn curate on 2026-03-02 from")
    assert "11-champions-mentoring-leaflet.md" in lines[1]
    record = load_yaml_text(text)
    assert isinstance(record, dict)
    section = (
        "11-champions-mentoring-leaflet.md#Champions: mentoring for young people in Lancashire"
    )
    assert record["criteria"][0]["source"] == section
    assert record["criteria"][0]["confirmed"] == ACCEPTED  # its document is undated
    assert record["contacts"][0]["url"] == "https://teamchampions.co.uk"
    assert NOT_REVIEWED not in text

    catalogue = load_catalogue(knowledge)  # no --source: the catalogue itself holds it
    champions = catalogue.get("champions")
    assert champions.name == "Champions"
    place = catalogue.gazetteer.resolve("Skelmersdale")
    ranked = rank(catalogue, TEENAGER, ACCEPTED, place=place)
    verdict = next(a for a in ranked if a.programme_id == "champions")
    assert verdict.verdict is Verdict.eligible
    # The same leaflet added again: Champions is known now, so no new record, and answers
    # no longer give it a provisional record labelled "not reviewed".
    again = gather(knowledge, [added])
    assert not [p for p in again.proposals if isinstance(p, NewRecord)]
    assert (
        "champions" not in overlay(catalogue, extract_claims(again.chunks, catalogue)).provisional
    )


def test_a_dated_document_dates_the_record_and_undated_stops_pause_it(
    knowledge: Path, tmp_path: Path
) -> None:
    review = gather(knowledge, [_added(tmp_path, NEWSLETTER)])
    youth = _new(review, "divert-youth")
    assert [day for _, day, _ in youth.documents] == [date(2021, 9, 1)]
    accept_new(knowledge, review.catalogue, youth, review.chunks, ACCEPTED)
    text = (knowledge / "programmes" / "divert-youth.yaml").read_text(encoding="utf-8")
    assert "confirmed:" not in text  # the newsletter's own date is the facts' date
    programme = load_catalogue(knowledge).get("divert-youth")
    assert programme.criteria[0].stated == date(2021, 9, 1)


def test_a_record_that_would_not_load_writes_nothing(knowledge: Path, tmp_path: Path) -> None:
    review = gather(knowledge, [_added(tmp_path, LEAFLET)])
    champions = _new(review, "champions")
    (knowledge / "programmes" / "other.yaml").write_text(
        (knowledge / "programmes" / "divert.yaml")
        .read_text(encoding="utf-8")
        .replace("id: divert", "id: champions"),
        encoding="utf-8",
    )
    before = _fingerprint(knowledge)
    with pytest.raises(CurationError) as caught:
        accept_new(knowledge, review.catalogue, champions, review.chunks, ACCEPTED)
    assert "nothing was written" in str(caught.value) and "duplicate id" in str(caught.value)
    assert _fingerprint(knowledge) == before


def test_a_rejected_new_record_is_never_proposed_again(knowledge: Path, tmp_path: Path) -> None:
    added = _added(tmp_path, LEAFLET)
    champions = _new(gather(knowledge, [added]), "champions")
    reject(knowledge, champions, "a football trust's leaflet; we list it elsewhere", ACCEPTED)
    [entry] = read_yaml(knowledge / REJECTED)
    assert entry["id"] == champions.id and entry["programme"] == "champions"
    assert entry["document"] == LEAFLET
    assert not [p for p in gather(knowledge, [added]).proposals if isinstance(p, NewRecord)]


def _vrn(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code = main(argv)
    return code, out.getvalue(), err.getvalue()


def test_vrn_curate_lists_and_accepts_a_new_record(
    knowledge: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    where = ["--source", str(_added(tmp_path, LEAFLET)), "--knowledge", str(knowledge)]
    code, out, _ = _vrn(["curate", *where], monkeypatch)
    assert code == 0
    assert "Champions (champions)" in out and "would add a new programme: Champions" in out
    assert f"{LEAFLET} (undated)" in out
    assert "age band:       aged 10 to 25" in out and "“Young people **aged 10 to 25**" in out
    champions = _new(gather(knowledge, [Path(where[1])]), "champions")
    code, out, _ = _vrn(["curate", *where, "--accept", champions.id], monkeypatch)
    assert code == 0 and f"accepted {champions.id}: wrote " in out and "champions.yaml" in out
    check = ["check", "--place", "Skelmersdale", "--age", "15", "--knowledge", str(knowledge)]
    code, out, _ = _vrn(check, monkeypatch)
    assert "Champions: eligible" in out
    code, out, _ = _vrn(["curate", *where], monkeypatch)
    assert "would add a new programme" not in out
