"""Claims read from the later documents, checked against their README (the answer key)."""

from __future__ import annotations

from datetime import date

import pytest

from vrn_assistant.claims import Claim, ClaimKind, ClaimStatus
from vrn_assistant.retrieval.chunks import Chunk


def _from(claims: list[Claim], document: str, programme: str, kind: ClaimKind) -> list[Claim]:
    return [
        c
        for c in claims
        if c.source.endswith(document) and c.programme == programme and c.kind is kind
    ]


def test_a_complete_list_of_sites_is_read_through_the_gazetteer(claims: list[Claim]) -> None:
    (sites,) = [
        c
        for c in _from(
            claims, "05-sceptre-week-navigators-2024.html", "ed-navigators", ClaimKind.place
        )
        if c.complete
    ]
    assert set(sites.places) == {
        "town:burnley",
        "town:blackburn",
        "town:accrington",
        "town:preston",
        "town:blackpool",
        "town:lancaster",
    }
    assert (sites.day, sites.dated_by, sites.stated) == (date(2024, 11, 11), "page date", True)
    (older,) = _from(claims, "04-ed-navigators-page-2021.html", "ed-navigators", ClaimKind.place)
    assert set(older.places) == {
        "site:blackpool-victoria-hospital",
        "site:royal-lancaster-infirmary",
    }
    assert older.complete


def test_a_wish_to_extend_is_not_a_place(claims: list[Claim]) -> None:
    """04: "We would like to extend it to other hospitals across Lancashire in future"."""
    places = _from(claims, "04-ed-navigators-page-2021.html", "ed-navigators", ClaimKind.place)
    assert all("lancashire" not in c.places for c in places)


def test_organisation_names_are_not_places(claims: list[Claim]) -> None:
    """01: "employed by Blackpool Teaching Hospitals", "lancashire.police.uk" are not areas."""
    places = _from(
        claims, "01-pcc-news-operation-provide-2021-11.html", "operation-provide", ClaimKind.place
    )
    assert [c.places for c in places if c.complete] == [
        ("town:blackpool", "district:fylde", "district:wyre", "town:lancaster", "town:morecambe")
    ]
    assert all("lancashire" not in c.places for c in places)


def test_a_strand_is_kept_apart_from_its_programme(claims: list[Claim]) -> None:
    youth = [c for c in claims if c.programme == "divert-youth" and c.kind is ClaimKind.age_band]
    assert {(c.min_age, c.max_age) for c in youth} == {(10, 17)}
    assert {c.programme_name for c in youth} == {"DIVERT Youth"}
    adult = [c for c in claims if c.programme == "divert" and c.kind is ClaimKind.age_band]
    assert adult and all(c.max_age in {24, 25} for c in adult)


@pytest.mark.parametrize(
    ("document", "programme", "status"),
    [
        ("09-bfcct-community-cohesion.html", "divert-youth", ClaimStatus.not_taking_referrals),
        ("09-bfcct-community-cohesion.html", "online-mentoring", ClaimStatus.ended),
        ("10-vrn-annual-report-extract.txt", "champions", ClaimStatus.launched),
        ("07-divert-fylde-update.txt", "divert-youth", ClaimStatus.running),
    ],
)
def test_status_claims(
    claims: list[Claim], document: str, programme: str, status: ClaimStatus
) -> None:
    found = _from(claims, document, programme, ClaimKind.status)
    assert status in {c.status for c in found}


def test_funding_that_runs_out_on_a_date(claims: list[Claim]) -> None:
    (until,) = [
        c
        for c in _from(
            claims, "10-vrn-annual-report-extract.txt", "ed-navigators", ClaimKind.status
        )
        if c.status is ClaimStatus.funded_until
    ]
    assert until.until == date(2025, 3, 31)
    assert not until.stated  # the report extract states no date of its own


def test_new_programmes_with_age_bands_referral_and_contact(claims: list[Claim]) -> None:
    def values(programme: str, kind: ClaimKind) -> set[str]:
        return {c.value for c in claims if c.programme == programme and c.kind is kind}

    assert values("champions", ClaimKind.age_band) == {"10-25"}
    assert "teamchampions.co.uk" in values("champions", ClaimKind.contact)
    assert values("tower-above", ClaimKind.age_band) == {"8-12"}
    assert any("Families in Need" in v for v in values("tower-above", ClaimKind.referral))
    assert values("online-mentoring", ClaimKind.age_band) == {"10-16"}


def test_public_contact_routes(claims: list[Claim]) -> None:
    routes = {c.value for c in claims if c.kind is ClaimKind.contact}
    assert {"101", "999", "lancashire.police.uk/reportcrime"} <= routes
    assert "trauma-informed-awareness.eventbrite.co.uk" in routes


@pytest.mark.parametrize(
    "document",
    ["12-humber-hospital-navigators.html", "13-blackpool-shared-prosperity-fund.txt"],
)
def test_distractors_make_no_claims(claims: list[Claim], document: str) -> None:
    """12 is a navigator scheme in the Humber, 13 a council funding item: neither is VRN."""
    assert not [c for c in claims if c.source.endswith(document)]


def test_sceptre_week_is_not_the_knife_crime_campaign(claims: list[Claim]) -> None:
    assert not [
        c
        for c in claims
        if c.source.endswith("05-sceptre-week-navigators-2024.html")
        and c.programme == "knife-crime-campaign"
    ]


def test_every_quote_is_cut_from_its_chunk(claims: list[Claim], later_chunks: list[Chunk]) -> None:
    chunks = {chunk.id: chunk for chunk in later_chunks}
    for claim in claims:
        text = chunks[claim.chunk_id].text
        assert text[claim.offset : claim.offset + len(claim.quote)] == claim.quote


def test_claims_have_stable_ids(claims: list[Claim]) -> None:
    assert len({claim.id for claim in claims}) == len(claims)
