"""The gazetteer: typed places become the right place, and containment is honest."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.conftest import found_ids
from vrn_core.errors import CatalogueError
from vrn_core.places import Gazetteer, MatchStatus, PlaceKind, PlaceMatch, normalise
from vrn_core.vocabulary import Setting

# --- resolve: what a practitioner types ------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "place_id"),
    [
        ("Blackbun", "town:blackburn"),
        ("Morcambe", "town:morecambe"),
        ("Prestn", "town:preston"),
        ("Blakpool", "town:blackpool"),
        ("Acrington", "town:accrington"),
        ("Skelmersdal", "town:skelmersdale"),
        ("Lytham St Annes", "town:lytham-st-annes"),
        ("Lancaster Farms", "site:hmp-lancaster-farms"),
        ("Blackpool Vic", "site:blackpool-victoria-hospital"),
        ("Greenbank", "site:blackburn-custody-suite"),
    ],
)
def test_common_typos_and_short_names_resolve(gaz: Gazetteer, typed: str, place_id: str) -> None:
    match = gaz.resolve(typed)
    assert match.status is MatchStatus.matched
    assert match.place is not None and match.place.id == place_id
    assert match.score >= 85


@pytest.mark.parametrize(
    "typed",
    [
        "St Anne's",
        "St Annes",
        "st. annes",
        "ST ANNE’S",
        "Lytham St. Anne's",
        "Saint Annes",
        "Lytham",
    ],
)
def test_punctuation_and_apostrophes_do_not_matter(gaz: Gazetteer, typed: str) -> None:
    match = gaz.resolve(typed)
    assert match.place is not None and match.place.id == "town:lytham-st-annes"
    assert match.score == 100


def test_normalise_folds_case_punctuation_and_ampersands() -> None:
    assert normalise("  Blackburn & Darwen ") == "blackburn and darwen"
    assert normalise("Ashton-on-Ribble") == normalise("ashton on ribble")
    assert normalise("St. Anne's") == "st annes"


@pytest.mark.parametrize("name", ["Preston", "Blackpool", "Burnley", "Chorley", "Lancaster"])
def test_a_town_sharing_its_districts_name_wins_without_ambiguity(
    gaz: Gazetteer, name: str
) -> None:
    match = gaz.resolve(name)
    assert match.status is MatchStatus.matched
    assert match.place is not None and match.place.id == f"town:{name.lower()}"
    assert gaz.within(match.place.id, f"district:{name.lower()}") is True


@pytest.mark.parametrize(
    ("town", "district"),
    [
        ("Morecambe", "district:lancaster"),
        ("Accrington", "district:hyndburn"),
        ("Leyland", "district:south-ribble"),
        ("Penwortham", "district:south-ribble"),
        ("Darwen", "district:blackburn-with-darwen"),
        ("Fleetwood", "district:wyre"),
        ("Clitheroe", "district:ribble-valley"),
        ("Bacup", "district:rossendale"),
        ("Colne", "district:pendle"),
        ("Ormskirk", "district:west-lancashire"),
        ("Padiham", "district:burnley"),
        ("Fulwood", "district:preston"),
        ("HMP Wymott", "district:chorley"),
        ("Royal Preston Hospital", "district:preston"),
        # Villages added from the public parish lists (see places.yaml's source)
        ("Church", "district:hyndburn"),
        ("Mawdesley", "district:chorley"),
        ("Hoghton", "district:chorley"),
        ("St Michael's on Wyre", "district:wyre"),
        ("Inskip-with-Sowerby", "district:wyre"),
        ("Newchurch in Pendle", "district:pendle"),
        ("Roughlee Booth", "district:pendle"),
        ("Chipping", "district:ribble-valley"),
        ("Samlesbury", "district:south-ribble"),
        ("Woodplumpton", "district:preston"),
        ("Bickerstaffe", "district:west-lancashire"),
        ("Yate and Pickup Bank", "district:blackburn-with-darwen"),
        ("Cockerham", "district:lancaster"),
        ("Thistleton", "district:fylde"),
    ],
)
def test_towns_and_sites_know_their_district(gaz: Gazetteer, town: str, district: str) -> None:
    match = gaz.resolve(town)
    assert match.place is not None
    found = gaz.district_of(match.place.id)
    assert found is not None and found.id == district
    assert gaz.in_lancashire(match.place.id)


def test_broad_areas_have_no_district(gaz: Gazetteer) -> None:
    assert gaz.district_of("lancashire") is None
    assert gaz.district_of("group:fylde-coast") is None
    assert gaz.district_of("outside:manchester") is None
    district = gaz.district_of("district:blackpool")
    assert district is not None and district.kind is PlaceKind.unitary


@pytest.mark.parametrize("typed", ["Ashton", "Warton", "Claughton"])
def test_a_name_two_unrelated_places_share_is_ambiguous(gaz: Gazetteer, typed: str) -> None:
    match = gaz.resolve(typed)
    assert match.status is MatchStatus.ambiguous
    assert match.place is None
    assert len(match.alternatives) >= 2
    description = match.describe()
    assert description.startswith(f"'{typed}' is ambiguous: ")
    for place in match.alternatives:
        assert place.display in description


def test_ashton_lists_the_preston_suburb_and_the_manchester_towns(gaz: Gazetteer) -> None:
    match = gaz.resolve("Ashton")
    assert {p.id for p in match.alternatives} == {
        "town:ashton-on-ribble",
        "outside:ashton-under-lyne",
        "outside:ashton-in-makerfield",
    }
    assert "Ashton-on-Ribble (Preston)" in match.describe()
    assert "Ashton-under-Lyne (outside Lancashire)" in match.describe()


@pytest.mark.parametrize(
    ("typed", "place_id"),
    [
        ("Ashton, Preston", "town:ashton-on-ribble"),
        ("Warton, Lancaster", "town:warton-lancaster"),
        ("Fulwood, Preston", "town:fulwood"),
        ("Morecambe, Lancs", "town:morecambe"),
    ],
)
def test_a_place_with_its_wider_area_resolves_to_the_place(
    gaz: Gazetteer, typed: str, place_id: str
) -> None:
    match = gaz.resolve(typed)
    assert match.place is not None and match.place.id == place_id


def test_two_unrelated_places_in_one_answer_are_not_guessed(gaz: Gazetteer) -> None:
    match = gaz.resolve("Preston or Blackburn")
    assert match.status is MatchStatus.ambiguous
    assert {p.id for p in match.alternatives} == {"town:preston", "town:blackburn"}


@pytest.mark.parametrize(
    ("typed", "place_id", "country"),
    [
        ("Manchester", "outside:manchester", "england"),
        ("Cardiff", "outside:cardiff", "wales"),
        ("HMP Haverigg", "outside:hmp-haverigg", "england"),
        ("Glasgow", "outside:glasgow", "scotland"),
        ("Belfast", "outside:belfast", "northern_ireland"),
        ("Manchster", "outside:manchester", "england"),
    ],
)
def test_places_outside_lancashire_say_so(
    gaz: Gazetteer, typed: str, place_id: str, country: str
) -> None:
    match = gaz.resolve(typed)
    assert match.status is MatchStatus.outside
    assert match.place is not None and match.place.id == place_id
    assert match.place.country == country
    assert not match.place.in_lancashire
    assert not gaz.in_lancashire(place_id)
    assert "outside Lancashire" in match.describe()


def test_haverigg_is_a_prison_but_not_a_lancashire_one(gaz: Gazetteer) -> None:
    haverigg = gaz.get("outside:hmp-haverigg")
    assert haverigg.setting is Setting.prison
    assert gaz.within(haverigg.id, "outside:cumbria") is True
    assert gaz.within(haverigg.id, "lancashire") is False


@pytest.mark.parametrize(
    "typed",
    [
        "custody",
        "the",
        "yesterday",
        "arrested",
        "hospital",
        "prison",
        "police",
        "custody suite",
        "university",
        "Xyz",
        "Prs",
        "",
        "   ",
        "?!",
    ],
)
def test_words_that_are_not_places_are_unknown(gaz: Gazetteer, typed: str) -> None:
    match = gaz.resolve(typed)
    assert match.status is MatchStatus.unknown
    assert match.place is None
    assert match.describe() == f"'{typed}' is not a place we know"


def test_describe_reads_as_plain_english(gaz: Gazetteer) -> None:
    assert gaz.resolve("Blackburn").describe() == "Blackburn (Blackburn with Darwen)"
    assert gaz.resolve("Manchester").describe() == "Manchester (outside Lancashire)"
    assert gaz.resolve("Blackbun").describe() == (
        "'Blackbun' matched Blackburn (Blackburn with Darwen), score 94"
    )
    assert gaz.resolve("Xyz").describe() == "'Xyz' is not a place we know"
    assert gaz.resolve("Pennine Lancashire").describe() == "Pennine Lancashire (partner area)"


def test_a_higher_threshold_refuses_a_loose_match(gaz: Gazetteer) -> None:
    assert gaz.resolve("Prestn").status is MatchStatus.matched
    assert gaz.resolve("Prestn", threshold=95).status is MatchStatus.unknown


# --- containment ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("place_id", "area_id", "expected"),
    [
        ("town:burnley", "group:pennine-lancashire", True),
        ("town:blackpool", "group:fylde-coast", True),
        ("town:preston", "group:pennine-lancashire", False),
        ("town:morecambe", "lancashire", True),
        ("site:hmp-lancaster-farms", "district:lancaster", True),
        ("site:blackpool-victoria-hospital", "district:blackpool", True),
        ("district:preston", "district:preston", True),
        ("lancashire", "region:england", True),
        # Broader than the area: we cannot say whether the person is inside it.
        ("lancashire", "town:blackpool", None),
        ("group:pennine-lancashire", "district:burnley", None),
        ("region:england", "lancashire", None),
        ("region:united-kingdom", "site:hmp-preston", None),
        # Disjoint.
        ("outside:manchester", "lancashire", False),
        ("town:blackpool", "district:preston", False),
        ("outside:hmp-haverigg", "site:hmp-lancaster-farms", False),
    ],
)
def test_within_is_three_valued(
    gaz: Gazetteer, place_id: str, area_id: str, expected: bool | None
) -> None:
    assert gaz.within(place_id, area_id) is expected


def test_east_lancashire_is_pennine_lancashire(gaz: Gazetteer) -> None:
    match = gaz.resolve("East Lancashire")
    assert match.place is not None and match.place.id == "group:pennine-lancashire"


def test_groupings_hold_the_districts_partners_expect(gaz: Gazetteer) -> None:
    def members(group: str) -> set[str]:
        return {
            p.id
            for p in gaz
            if p.kind in (PlaceKind.district, PlaceKind.unitary) and gaz.within(p.id, group)
        }

    assert members("group:pennine-lancashire") == {
        "district:blackburn-with-darwen",
        "district:burnley",
        "district:hyndburn",
        "district:pendle",
        "district:rossendale",
        "district:ribble-valley",
    }
    assert members("group:fylde-coast") == {"district:blackpool", "district:fylde", "district:wyre"}
    assert members("group:central-lancashire") == {
        "district:preston",
        "district:chorley",
        "district:south-ribble",
    }
    assert members("lancashire") >= members("group:pennine-lancashire")
    assert len(members("lancashire")) == 14


def test_ancestors_include_the_place_itself(gaz: Gazetteer) -> None:
    above = gaz.ancestors("town:morecambe")
    assert {"town:morecambe", "district:lancaster", "group:north-lancashire", "lancashire"} <= above
    assert "district:preston" not in above


def test_every_district_has_towns_and_every_site_a_town(gaz: Gazetteer) -> None:
    for district in gaz:
        if district.kind in (PlaceKind.district, PlaceKind.unitary):
            towns = [p for p in gaz if p.kind is PlaceKind.town and gaz.within(p.id, district.id)]
            assert len(towns) >= 5, district.id
            assert "lancashire" in district.parents
    for site in gaz:
        if site.kind is PlaceKind.site:
            assert all(gaz.get(parent).kind is PlaceKind.town for parent in site.parents)


@pytest.mark.parametrize(
    ("place_id", "setting"),
    [
        ("site:blackpool-custody-suite", Setting.police_custody),
        ("site:blackburn-custody-suite", Setting.police_custody),
        ("site:skelmersdale-custody-suite", Setting.police_custody),
        ("site:blackpool-victoria-hospital", Setting.hospital_emergency_department),
        ("site:royal-preston-hospital", Setting.hospital_emergency_department),
        ("site:hmp-lancaster-farms", Setting.prison),
        ("site:hmp-kirkham", Setting.prison),
        ("site:uclan", Setting.university),
        ("site:police-headquarters-hutton", None),
        ("site:burnley-general-hospital", None),  # no emergency department
    ],
)
def test_sites_carry_their_setting(gaz: Gazetteer, place_id: str, setting: Setting | None) -> None:
    assert gaz.get(place_id).setting is setting


def test_hutton_is_the_village_and_the_headquarters_sits_in_it(gaz: Gazetteer) -> None:
    hutton = gaz.resolve("Hutton")
    assert hutton.place is not None and hutton.place.id == "town:hutton"
    assert gaz.within("site:police-headquarters-hutton", "district:south-ribble") is True


def test_unknown_ids_raise_a_clear_key_error(gaz: Gazetteer) -> None:
    with pytest.raises(KeyError, match="no place with id 'town:atlantis'"):
        gaz.get("town:atlantis")
    with pytest.raises(KeyError):
        gaz.within("town:atlantis", "lancashire")


def test_the_default_gazetteer_is_loaded_once(gaz: Gazetteer) -> None:
    assert Gazetteer.default() is Gazetteer.default()
    assert len(Gazetteer.default()) == len(gaz) == len(gaz.places)
    assert "town:preston" in gaz


# --- find_in_text: places in a question ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("24yo arrested in Blackbun for GBH, coach available?", ["town:blackburn"]),
        ("Dad serving a sentence at HMP Lancaster Farms", ["site:hmp-lancaster-farms"]),
        ("in police custody in Preston after a fight in town", ["town:preston"]),
        ("a public health researcher in Cardiff", ["outside:cardiff"]),
        ("Pennine Lancashire", ["group:pennine-lancashire"]),
        ("Mum of a prisoner at HMP Haverigg", ["outside:hmp-haverigg"]),
        ("Blackpool Victoria Hospital", ["site:blackpool-victoria-hospital"]),
        ("I work in custody at Burnley", ["town:burnley"]),
        (
            "moved from Morecambe to Lytham St Anne's last year",
            ["town:morecambe", "town:lytham-st-annes"],
        ),
        ("my nephew lives in Ashton", ["ambiguous"]),
        ("Preston, then Preston again", ["town:preston"]),
        ("student at UCLan in Preston", ["site:uclan", "town:preston"]),
    ],
)
def test_find_in_text_picks_out_the_places(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert found_ids(gaz.find_in_text(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He was arrested yesterday and is in custody, can a coach see him?",
        "Is there training on trauma for teachers near me this term?",
        "my son needs a backup plan and a mentor nearby, the arches by the river",
        "A youth worker wants to refer a 15 year old who carries a knife",
        "where can families of prisoners get support and advice",
    ],
)
def test_ordinary_words_are_not_places(gaz: Gazetteer, text: str) -> None:
    assert gaz.find_in_text(text) == []


def test_everyday_words_that_are_place_names_need_a_capital(gaz: Gazetteer) -> None:
    assert gaz.find_in_text("they want to bury the hatchet") == []
    assert found_ids(gaz.find_in_text("he lives in Bury now")) == ["outside:bury"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Church, in Hyndburn", ["town:church", "district:hyndburn"]),
        ("my brother lives in Church and wants a mentor", ["town:church"]),
        ("we went to church on Sunday and then to the fence by the barley field", []),
        ("a youth worker chipping in, the dog is brindle", []),
        ("she moved from Fence to Barley", ["town:fence", "town:barley"]),
        ("Read the leaflet first. Church groups can refer too", []),  # sentence starts
        ("she lives in Read, near Whalley", ["town:read", "town:whalley"]),
    ],
)
def test_villages_named_like_everyday_words_are_found_only_as_names(
    gaz: Gazetteer, text: str, expected: list[str]
) -> None:
    assert found_ids(gaz.find_in_text(text)) == expected


def test_a_found_place_points_back_at_the_words(gaz: Gazetteer) -> None:
    text = "arrested in Blackbun yesterday"
    (match,) = gaz.find_in_text(text)
    assert match.query == "Blackbun"
    assert match.span is not None and text[match.span[0] : match.span[1]] == "Blackbun"
    assert match.matched_text == "Blackburn"


def test_find_in_text_is_fast(gaz: Gazetteer) -> None:
    question = (
        "My son is 15 and was stabbed last night in Blackbun, we are at the hospital now, "
        "is there someone who can talk to him about getting out of the gang he is in"
    )
    assert len(question.split()) >= 30
    runs = 200
    started = time.perf_counter()
    for _ in range(runs):
        gaz.find_in_text(question)
    assert (time.perf_counter() - started) / runs < 0.002


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=80))
def test_resolve_and_find_never_raise(text: str) -> None:
    gaz = Gazetteer.default()
    match = gaz.resolve(text)
    assert isinstance(match, PlaceMatch)
    assert 0 <= match.score <= 100
    assert isinstance(match.describe(), str)
    for found in gaz.find_in_text(text):
        assert found.span is not None
        assert text[found.span[0] : found.span[1]] == found.query


# --- a malformed places file --------------------------------------------------------------

_GOOD = """\
source: test geography
places:
  - {id: lancashire, name: Lancashire, kind: county, parents: []}
  - {id: district:preston, name: Preston, kind: district, parents: [lancashire]}
  - {id: town:fulwood, name: Fulwood, kind: town, parents: [district:preston]}
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "places.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_small_well_formed_file_loads(tmp_path: Path) -> None:
    small = Gazetteer.load(_write(tmp_path, _GOOD))
    assert len(small) == 3
    assert small.get("town:fulwood").in_lancashire


_INGOL = "id: town:ingol, name: Ingol, kind: town"
_LEEDS = "id: outside:leeds, name: Leeds, kind: outside"


@pytest.mark.parametrize(
    ("record_text", "record", "field"),
    [
        (f"{_INGOL}, colour: red, parents: [district:preston]", "town:ingol", "colour"),
        ("id: town:ingol, kind: town, parents: [district:preston]", "town:ingol", "name"),
        (f"{_INGOL}, parents: [district:leeds]", "town:ingol", "parents"),
        (
            f"{_INGOL}, parents: [district:preston], in_lancashire: true",
            "town:ingol",
            "in_lancashire",
        ),
        ("id: town:ingol, name: Ingol, kind: hamlet, parents: [lancashire]", "town:ingol", "kind"),
        (
            "id: town:fulwood, name: Fulwood Two, kind: town, parents: [lancashire]",
            "town:fulwood",
            "id",
        ),
        (f"{_INGOL}, parents: []", "town:ingol", "parents"),
        (f"{_INGOL}, setting: prison, parents: [district:preston]", "town:ingol", "setting"),
        (_LEEDS, "outside:leeds", "country"),
        (f"{_LEEDS}, country: england, parents: [lancashire]", "outside:leeds", "kind"),
        # Two unrelated places called Fulwood, and nobody said that was deliberate.
        (
            "id: outside:fulwood, name: Fulwood, kind: outside, country: england",
            "outside:fulwood",
            "name",
        ),
    ],
)
def test_a_malformed_record_names_the_file_record_and_field(
    tmp_path: Path, record_text: str, record: str, field: str
) -> None:
    path = _write(tmp_path, f"{_GOOD}  - {{{record_text}}}\n")
    with pytest.raises(CatalogueError) as caught:
        Gazetteer.load(path)
    error = caught.value
    assert (error.path, error.record, error.field) == (str(path), record, field)
    assert str(path) in str(error) and repr(record) in str(error) and repr(field) in str(error)


def test_a_deliberately_shared_name_is_allowed_and_ambiguous(tmp_path: Path) -> None:
    extra = "  - {id: outside:fulwood, name: Fulwood, kind: outside, country: england}\n"
    shared = _GOOD.replace("places:\n", "shared_names: [Fulwood]\nplaces:\n")
    small = Gazetteer.load(_write(tmp_path, shared + extra))
    assert small.resolve("Fulwood").status is MatchStatus.ambiguous


def test_a_cycle_of_parents_is_refused(tmp_path: Path) -> None:
    text = _GOOD.replace("parents: []", "parents: [town:fulwood]")
    with pytest.raises(CatalogueError, match="circle") as caught:
        Gazetteer.load(_write(tmp_path, text))
    assert caught.value.field == "parents"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("places: [", "not valid YAML"),
        ("- just a list\n", "expected a mapping"),
        ("places: []\n", "Field required"),
        (_GOOD.replace("lancashire, name: Lancashire", "lancs, name: Lancashire"), "lancashire"),
    ],
)
def test_a_broken_file_is_one_catalogue_error(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(CatalogueError, match=message) as caught:
        Gazetteer.load(path)
    assert caught.value.path == str(path)


def test_a_missing_file_is_a_catalogue_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="cannot read"):
        Gazetteer.load(tmp_path / "nowhere.yaml")


# --- the package: its public names, and a cheap import ------------------------------


def test_the_package_exports_its_public_names() -> None:
    import vrn_core.places

    pinned = ["LANCASHIRE", "Country", "Gazetteer", "MatchStatus", "Place", "PlaceKind"]
    assert vrn_core.places.__all__ == [*pinned, "PlaceMatch", "normalise"]
    for name in vrn_core.places.__all__:
        assert hasattr(vrn_core.places, name), name


def test_importing_the_package_loads_no_matcher_or_parser() -> None:
    # rapidfuzz waits for the first fuzzy match, PyYAML for the first file read.
    code = "import sys, vrn_core.places; print(sorted(m.split('.')[0] for m in sys.modules))"
    loaded = subprocess.check_output([sys.executable, "-c", code], text=True)
    assert "'rapidfuzz'" not in loaded
    assert "'yaml'" not in loaded
