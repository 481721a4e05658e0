"""Newer dated claims change verdicts on the dates they apply to; undated ones do not;
programmes known only from documents are assessed by the same rules."""

from __future__ import annotations

from datetime import date

from vrn_assistant.claims import ClaimBook
from vrn_core import Case, Programme, Verdict, default_catalogue, rank
from vrn_core.criteria import AgeCriterion, Criterion, leaves
from vrn_core.vocabulary import Issue, Setting

# hurt by violence: who ED Navigators is for (an assumption of the catalogue)
AT_ED = {"setting": Setting.hospital_emergency_department, "age": 16, "issues": [Issue.violence]}


def _verdict(book: ClaimBook, programme: str, case: Case, on: date) -> Verdict:
    catalogue = book.catalogue
    place = catalogue.gazetteer.resolve(case.place) if case.place else None
    assessments = rank(catalogue, case, on, place=place)
    return next(a.verdict for a in assessments if a.programme_id == programme)


def test_a_newer_page_adds_hospitals_from_its_date(book: ClaimBook) -> None:
    case = Case(place="Royal Blackburn Hospital", **AT_ED)
    assert _verdict(book, "ed-navigators", case, date(2024, 12, 2)) is Verdict.eligible
    assert _verdict(book, "ed-navigators", case, date(2024, 11, 10)) is Verdict.not_eligible


def test_the_dated_older_page_holds_until_then(book: ClaimBook) -> None:
    lancaster = Case(place="Royal Lancaster Infirmary", **AT_ED)
    assert _verdict(book, "ed-navigators", lancaster, date(2021, 4, 12)) is Verdict.eligible
    assert _verdict(book, "ed-navigators", lancaster, date(2020, 11, 20)) is Verdict.not_eligible


def test_an_undated_page_never_overrides_a_dated_fact(book: ClaimBook) -> None:
    """06 (undated) lists Royal Preston; 04 (February 2021) does not."""
    preston = Case(place="Royal Preston Hospital", **AT_ED)
    assert _verdict(book, "ed-navigators", preston, date(2021, 4, 1)) is Verdict.not_eligible


def test_a_dated_age_band_fills_in_where_the_catalogue_gives_none(book: ClaimBook) -> None:
    """04 (February 2021): "open to people aged 10 to 39"; the catalogue gives no band."""
    forty = Case(place="Blackpool Victoria Hospital", **{**AT_ED, "age": 40})
    assert _verdict(book, "ed-navigators", forty, date(2021, 6, 21)) is Verdict.not_eligible
    assert _verdict(book, "ed-navigators", forty, date(2020, 12, 21)) is Verdict.eligible
    thirty = forty.model_copy(update={"age": 30})
    assert _verdict(book, "ed-navigators", thirty, date(2021, 6, 21)) is Verdict.eligible


def test_a_document_band_never_replaces_the_catalogues_own(book: ClaimBook) -> None:
    """DIVERT has 18-25 in the catalogue; a provider's own band is shown beside it only."""

    def ages(programme: Programme) -> list[Criterion]:
        return [leaf for leaf in leaves(programme.criteria) if isinstance(leaf, AgeCriterion)]

    original = ages(default_catalogue().get("divert"))
    assert [(a.min, a.max) for a in original] == [(18, 25)]
    assert ages(book.catalogue.get("divert")) == original


def test_the_catalogue_itself_is_untouched(book: ClaimBook, catalogue: object) -> None:
    from vrn_core import default_catalogue

    original = default_catalogue().get("ed-navigators")
    assert original.availability[0].changes == ()
    assert book.catalogue.get("ed-navigators").availability[0].changes


def test_a_programme_known_only_from_documents_is_recommendable(book: ClaimBook) -> None:
    assert {"champions", "tower-above", "divert-youth", "online-mentoring"} <= set(
        book.overlay.provisional
    )
    case = Case(age=21, place="Fleetwood")
    assessments = rank(book.catalogue, case, date(2025, 2, 12))
    champions = next(a for a in assessments if a.programme_id == "champions")
    assert champions.recommended
    assert "not reviewed" in champions.programme.summary.text
    too_old = rank(book.catalogue, Case(age=26, place="Blackburn"), date(2024, 10, 8))
    assert not next(a for a in too_old if a.programme_id == "champions").recommended


def test_not_taking_referrals_makes_it_not_available_with_the_quote(book: ClaimBook) -> None:
    case = Case(age=15, place="Blackpool")
    assessments = rank(book.catalogue, case, date(2023, 3, 14))
    youth = next(a for a in assessments if a.programme_id == "divert-youth")
    assert youth.verdict is Verdict.not_available
    window = youth.edition.availability[0]
    assert window.note is not None and "not taking any new referrals" in window.note


def test_tower_above_stops_at_twelve(book: ClaimBook) -> None:
    older = rank(book.catalogue, Case(age=13, place="Blackpool"), date(2024, 7, 16))
    assert next(a for a in older if a.programme_id == "tower-above").verdict is Verdict.not_eligible


def test_claims_that_contradict_a_record_leave_it_as_it_is(catalogue: object) -> None:
    """ADDER's window starts in December 2020: "it has ended", dated November 2020, is
    impossible, so the record stays as the catalogue has it and answers still work."""
    from vrn_assistant.claims import Claim, ClaimKind, ClaimStatus, overlay
    from vrn_core import default_catalogue

    ended = Claim(
        programme="operation-adder",
        programme_name="Operation ADDER",
        new=False,
        kind=ClaimKind.status,
        value="ended",
        status=ClaimStatus.ended,
        quote="Operation ADDER has ended in Blackpool.",
        source="notes/adder.txt",
        locator="paragraph 1",
        chunk_id="x" * 24,
        offset=0,
        day=date(2020, 11, 1),
        dated_by="date line",
    )
    revised = overlay(default_catalogue(), [ended])
    assert revised.catalogue.get("operation-adder") == default_catalogue().get("operation-adder")
    assert revised.applied == ()
