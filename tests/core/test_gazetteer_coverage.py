"""The gazetteer knows the small parishes of Lancaster, Ribble Valley, Burnley, Fylde and
West Lancashire, and the areas inside the main towns (Intack, Gannow, Digmoor): a
practitioner naming one gets its town and district, and a name it shares with another
place is asked about, not guessed."""

from __future__ import annotations

import pytest

from tests.core.conftest import found_ids
from vrn_core.places import Gazetteer, MatchStatus, PlaceKind


@pytest.mark.parametrize(
    ("typed", "district"),
    [
        ("Dunnockshaw", "district:burnley"),
        ("Clowbridge", "district:burnley"),
        ("Habergham Eaves", "district:burnley"),
        ("Singleton", "district:fylde"),
        ("Westby-with-Plumptons", "district:fylde"),
        ("Great Plumpton", "district:fylde"),
        ("Treales, Roseacre and Wharles", "district:fylde"),
        ("Ribby-with-Wrea", "district:fylde"),
        ("Wray", "district:lancaster"),
        ("Hornby-with-Farleton", "district:lancaster"),
        ("Nether Kellet", "district:lancaster"),
        ("Yealand Conyers", "district:lancaster"),
        ("Ellel", "district:lancaster"),
        ("Grindleton", "district:ribble-valley"),
        ("Bolton-by-Bowland", "district:ribble-valley"),
        ("Dunsop Bridge", "district:ribble-valley"),
        ("Great Mitton", "district:ribble-valley"),
        ("Read", "district:ribble-valley"),
        ("Simonswood", "district:west-lancashire"),
        ("Haskayne", "district:west-lancashire"),
        ("Great Altcar", "district:west-lancashire"),
        ("Hesketh-with-Becconsall", "district:west-lancashire"),
        ("Bispham Green", "district:west-lancashire"),
    ],
)
def test_a_small_parish_resolves_to_its_district(gaz: Gazetteer, typed: str, district: str) -> None:
    match = gaz.resolve(typed)
    assert match.status is MatchStatus.matched, match.describe()
    assert match.place is not None and match.place.kind is PlaceKind.town
    found = gaz.district_of(match.place.id)
    assert found is not None and found.id == district
    assert gaz.in_lancashire(match.place.id)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my nephew lives in Bolton-by-Bowland and needs a mentor", ["town:bolton-by-bowland"]),
        ("she moved from Grindleton to Wray last year", ["town:grindleton", "town:wray"]),
        ("a 16 year old in Dunnockshaw, is there a youth worker?", ["town:dunnockshaw"]),
        ("the family live in Singleton near Poulton", ["town:singleton", "town:poulton-le-fylde"]),
        ("lives in Read, near Whalley", ["town:read", "town:whalley"]),
        ("grandparents in Simonswood", ["town:simonswood"]),
        # Bolton alone is still the Greater Manchester town.
        ("he was arrested in Bolton", ["outside:bolton"]),
        # English towns further off, typed in lower case
        ("family live in hull, the lad is in hull royal", ["outside:hull"]),
        ("34 yo bloke in grimsby hospital", ["outside:grimsby"]),
        ("moved from Warrington to Huddersfield", ["outside:warrington", "outside:huddersfield"]),
        # Bispham alone is still the Blackpool suburb.
        ("fighting near the cliffs at Bispham", ["town:bispham"]),
    ],
)
def test_scanning_a_question_finds_the_parish(
    gaz: Gazetteer, text: str, expected: list[str]
) -> None:
    assert found_ids(gaz.find_in_text(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "please read the leaflet before the referral",
        "a singleton pregnancy with no support at home",
        "there is staining on the ceiling of the flat",
    ],
)
def test_parishes_named_like_everyday_words_need_a_capital(gaz: Gazetteer, text: str) -> None:
    assert gaz.find_in_text(text) == []


@pytest.mark.parametrize(
    ("typed", "inside", "outside"),
    [
        ("Newton", "town:newton-in-bowland", "town:newton-with-clifton"),
        ("Barrow", "town:barrow", "outside:barrow-in-furness"),
        ("Middleton", "town:middleton-lancaster", "outside:middleton"),
        ("Halton", "town:halton-lancaster", "outside:halton"),
        ("Dalton", "town:dalton", "outside:dalton-in-furness"),
        ("Pendleton", "town:pendleton", "outside:pendleton"),
        ("Easington", "town:easington-ribble-valley", "outside:easington"),
    ],
)
def test_a_parish_name_shared_with_another_place_is_ambiguous(
    gaz: Gazetteer, typed: str, inside: str, outside: str
) -> None:
    match = gaz.resolve(typed)
    assert match.status is MatchStatus.ambiguous
    assert {inside, outside} <= {p.id for p in match.alternatives}


# Towns and villages per district, measured on 2 December 2026 once the parishes were in.
_FLOORS = {
    "district:burnley": 11,
    "district:fylde": 16,
    "district:lancaster": 46,
    "district:ribble-valley": 51,
    "district:west-lancashire": 24,
}


@pytest.mark.parametrize(("district", "floor"), sorted(_FLOORS.items()))
def test_each_district_keeps_at_least_its_measured_places(
    gaz: Gazetteer, district: str, floor: int
) -> None:
    towns = [p for p in gaz if p.kind is PlaceKind.town and gaz.within(p.id, district)]
    assert len(towns) >= floor


@pytest.mark.parametrize(
    ("typed", "town", "district"),
    [
        ("Intack", "town:blackburn", "district:blackburn-with-darwen"),
        ("Queen's Park", "town:blackburn", "district:blackburn-with-darwen"),
        ("Sunnyhurst", "town:darwen", "district:blackburn-with-darwen"),
        ("Gannow", "town:burnley", "district:burnley"),
        ("Stoneyholme", "town:burnley", "district:burnley"),
        ("Frenchwood", "town:preston", "district:preston"),
        ("Sharoe Green", "town:preston", "district:preston"),
        ("Norbreck", "town:blackpool", "district:blackpool"),
        ("Great Marton", "town:blackpool", "district:blackpool"),
        ("Moorlands", "town:lancaster", "district:lancaster"),
        ("Bare", "town:morecambe", "district:lancaster"),
        ("Springhill", "town:accrington", "district:hyndburn"),
        ("Milnshaw", "town:accrington", "district:hyndburn"),
        ("Digmoor", "town:skelmersdale", "district:west-lancashire"),
        ("Old Skem", "town:skelmersdale", "district:west-lancashire"),
        ("Seven Stars", "town:leyland", "district:south-ribble"),
        ("Kingsfold", "town:penwortham", "district:south-ribble"),
        ("Rossall", "town:fleetwood", "district:wyre"),
        ("Stanah", "town:thornton-cleveleys", "district:wyre"),
        ("Walverden", "town:nelson", "district:pendle"),
        ("Vivary Bridge", "town:colne", "district:pendle"),
    ],
)
def test_an_area_of_a_town_resolves_to_its_town_and_district(
    gaz: Gazetteer, typed: str, town: str, district: str
) -> None:
    match = gaz.resolve(typed)
    assert match.status is MatchStatus.matched, match.describe()
    assert match.place is not None and match.place.kind is PlaceKind.town
    assert gaz.within(match.place.id, town)
    found = gaz.district_of(match.place.id)
    assert found is not None and found.id == district


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lives in Intack, held at Blackburn", ["town:intack", "town:blackburn"]),
        ("he moved from Bare to Westgate last month", ["town:bare", "town:westgate"]),
        ("a lad from Digmoor in Skem", ["town:digmoor", "town:skelmersdale"]),
        ("lives in Seven Stars, Leyland", ["town:seven-stars", "town:leyland"]),
        # Everyday words are places only with a capital.
        ("the flat has bare floorboards", []),
        ("they met at the seven stars", []),
    ],
)
def test_scanning_a_question_finds_the_area_of_a_town(
    gaz: Gazetteer, text: str, expected: list[str]
) -> None:
    assert found_ids(gaz.find_in_text(text)) == expected


@pytest.mark.parametrize(
    ("typed", "inside", "outside"),
    [
        ("Moss Side", "town:moss-side-leyland", "outside:moss-side"),
        ("Waterloo", "town:waterloo-blackpool", "outside:waterloo"),
        ("Whitefield", "town:whitefield-nelson", "outside:whitefield"),
    ],
)
def test_an_area_named_like_a_place_elsewhere_is_ambiguous(
    gaz: Gazetteer, typed: str, inside: str, outside: str
) -> None:
    match = gaz.resolve(typed)
    assert match.status is MatchStatus.ambiguous
    assert {inside, outside} <= {p.id for p in match.alternatives}


# Areas that are also first names or common surnames are left out, so redaction still
# takes "Stanley" or "Livesey" for a person (knowledge/places.yaml, `source`).
@pytest.mark.parametrize("typed", ["Stanley", "Lea", "Livesey", "Roe Lee", "Marsh"])
def test_an_area_named_like_a_person_is_not_a_place(gaz: Gazetteer, typed: str) -> None:
    assert gaz.resolve(typed).status is not MatchStatus.matched


# Areas inside each main town, measured on 2 December 2026 once they were in.
_TOWN_FLOORS = {
    "town:accrington": 6,
    "town:blackburn": 18,
    "town:blackpool": 17,
    "town:burnley": 10,
    "town:lancaster": 5,
    "town:morecambe": 4,
    "town:nelson": 4,
    "town:preston": 21,
    "town:skelmersdale": 7,
}


@pytest.mark.parametrize(("town", "floor"), sorted(_TOWN_FLOORS.items()))
def test_each_main_town_keeps_at_least_its_measured_areas(
    gaz: Gazetteer, town: str, floor: int
) -> None:
    areas = [p for p in gaz if p.id != town and gaz.within(p.id, town)]
    assert len([p for p in areas if p.kind is PlaceKind.town]) >= floor
