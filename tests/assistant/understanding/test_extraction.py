"""Extraction: the cases in cases/extraction.yaml, properties, and the catalogue's courses."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict, ValidationError

from tests.conftest import ASSISTANT_CASES
from vrn_assistant.understanding.extraction import Extraction, extract
from vrn_assistant.understanding.extraction.course import known_courses
from vrn_assistant.understanding.redaction import redact
from vrn_core import Catalogue, default_catalogue
from vrn_core.case import AgeRange, Case
from vrn_core.places import Gazetteer, MatchStatus
from vrn_core.vocabulary import (
    Gender,
    Issue,
    OffenceCategory,
    ProgrammeKind,
    Role,
    Sector,
    Setting,
)

RAW_CASES: list[dict[str, Any]] = yaml.safe_load(
    (ASSISTANT_CASES / "extraction.yaml").read_text("utf-8")
)

# Names as the catalogue writes them; fixed here so the test does not depend on
# catalogue edits elsewhere.
PROGRAMME_NAMES: Mapping[str, Sequence[str]] = {
    "divert": ["DIVERT", "DIVERT coaches", "custody intervention coaches", "custody coaches"],
    "ed-navigators": ["ED Navigators", "Emergency Department Navigators", "A&E navigators"],
    "operation-adder": ["Operation ADDER", "ADDER"],
    "operation-provide": ["Operation Provide", "domestic abuse car", "DA car", "IDVA car"],
    "strength-inside-and-out": ["Strength Inside and Out", "Strength Inside"],
    "prisoners-families-support": [
        "Support for prisoners' families",
        "Mia's Story",
        "leaflets for children of prisoners",
    ],
    "trauma-informed-training": [
        "Trauma informed practice 'How To' sessions",
        "Trauma Informed Lancashire",
        "How To sessions",
    ],
    "knife-crime-campaign": ["Anti-knife crime campaign", "#knifefree"],
    "uclan-student-volunteering": [
        "UCLan policing students volunteering",
        "UCLan policing students",
        "UCLan policing volunteers",
    ],
}


class ExtractionCase(BaseModel):
    """One case of cases/extraction.yaml. Only the fields a case gives are checked; a key
    or value the model does not know (a misspelling) is an error, never ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    question: str
    # exact values (null: nothing read)
    age: int | None = None
    age_range: AgeRange | None = None
    setting: Setting | None = None
    offence: OffenceCategory | None = None
    gender: Gender | None = None
    sector: Sector | None = None
    course: str | None = None
    # must include
    roles: frozenset[Role] = frozenset()
    issues: frozenset[Issue] = frozenset()
    without_issues: frozenset[Issue] = frozenset()
    without_roles: frozenset[Role] = frozenset()
    wants: frozenset[ProgrammeKind] = frozenset()
    # must not include
    not_roles: frozenset[Role] = frozenset()
    not_issues: frozenset[Issue] = frozenset()
    not_wants: frozenset[ProgrammeKind] = frozenset()
    # the chosen place
    place: str | None = None
    not_place: str | None = None
    place_status: MatchStatus | None = None
    asked_about: tuple[str, ...] = ()
    note: str | None = None

    def given(self, name: str) -> bool:
        return name in self.model_fields_set


SCALARS = ("age", "age_range", "setting", "offence", "gender", "sector", "course")
SETS = ("roles", "issues", "without_issues", "without_roles", "wants")
# not_roles are also checked to be read as known absent where a case says so: see below


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def test_the_case_file_is_well_formed() -> None:
    assert len(RAW_CASES) >= 60
    cases = [ExtractionCase.model_validate(raw) for raw in RAW_CASES]
    ids = [case.id for case in cases]
    assert len(ids) == len(set(ids)), "case ids must be unique"


@pytest.mark.parametrize(
    "raw",
    [
        {"id": "typo", "question": "lad 17 in custody", "rols": ["suspect"]},
        {"id": "typo", "question": "lad 17 in custody", "Age": 17},
        {"id": "typo", "question": "lad 17 in custody", "not_role": ["victim"]},
        {"id": "typo", "question": "lad 17 in custody", "roles": ["sudent"]},
        {"id": "typo", "question": "lad 17 in custody", "setting": "custody"},
        {"question": "lad 17 in custody"},
    ],
)
def test_a_misspelt_case_is_rejected(raw: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        ExtractionCase.model_validate(raw)


@pytest.mark.parametrize("raw", RAW_CASES, ids=[str(raw.get("id")) for raw in RAW_CASES])
def test_extraction_case(raw: dict[str, Any], gazetteer: Gazetteer) -> None:
    case = ExtractionCase.model_validate(raw)
    result = extract(case.question, gazetteer, PROGRAMME_NAMES)
    read = result.case
    problems: list[str] = []
    for name in SCALARS:
        expected = getattr(case, name)
        if case.given(name) and getattr(read, name) != expected:
            problems.append(f"{name}: read {getattr(read, name)!r}, expected {expected!r}")
    for name in SETS:
        have = getattr(read, name)
        missing = getattr(case, name) - have
        if missing:
            problems.append(f"{name}: missing {sorted(missing)} (read {sorted(have)})")
        unwanted = getattr(case, f"not_{name}", frozenset()) & have
        if unwanted:
            problems.append(f"{name}: should not contain {sorted(unwanted)}")
    chosen = result.place.place.id if result.place and result.place.place else None
    if case.given("place") and chosen != case.place:
        problems.append(f"place: chose {chosen!r}, expected {case.place!r}")
    if case.given("not_place") and chosen == case.not_place:
        problems.append(f"place: chose {chosen!r}")
    if case.given("place_status") and (
        result.place is None or result.place.status is not case.place_status
    ):
        problems.append(f"place_status: {result.place and result.place.status}")
    if case.given("asked_about") and result.asked_about != case.asked_about:
        problems.append(f"asked_about: {result.asked_about}, expected {case.asked_about}")
    if case.note is not None and not any(case.note in note for note in result.notes):
        problems.append(f"no note contains {case.note!r}: {result.notes}")
    assert not problems, f"{case.question!r}\n" + "\n".join(problems)


def test_the_chosen_place_is_one_of_the_places_found(gazetteer: Gazetteer) -> None:
    result = extract("arrested in Preston, lives in Chorley, from Manchester", gazetteer)
    assert result.place in result.places
    assert result.case.place == "Preston"
    assert [match.place.id for match in result.places if match.place] == [
        "town:preston",
        "town:chorley",
        "outside:manchester",
    ]


@pytest.mark.parametrize(
    "question",
    [
        "custody, preston: 24yo lives in chorley, in for a fight outside a club",
        "custody sgt preston - lad 19 lives in chorley, assault last night",
        "Custody nurse Preston, 22yo in for wounding, lives in Chorley",
    ],
)
def test_the_town_right_after_the_custody_word_is_the_suite_not_the_home(
    question: str, gazetteer: Gazetteer
) -> None:
    result = extract(redact(question).text, gazetteer)
    assert result.case.place == "Preston", result.places


def test_the_case_place_resolves_back_to_the_chosen_place(gazetteer: Gazetteer) -> None:
    result = extract("24yo arrested in Blackbun for GBH", gazetteer)
    assert result.case.place is not None and result.place is not None
    assert gazetteer.resolve(result.case.place).place == result.place.place


def test_no_programme_names_means_nothing_asked_about(gazetteer: Gazetteer) -> None:
    assert extract("Can DIVERT help?", gazetteer).asked_about == ()


_PIECES = st.sampled_from(
    [
        "24yo ",
        "aged 17 ",
        "twenty-three year old ",
        "(19) ",
        "19M ",
        "arrested ",
        "in custody ",
        "not ",
        "no violence ",
        "whose dad is in prison ",
        "Mum of a prisoner ",
        "HMP Preston ",
        "Blackbun ",
        "Preston ",
        "Ashton ",
        "Cardiff ",
        "DIVERT ",
        "Divrt ",
        "knife ",
        "she ",
        "he ",
        "I'm a nurse ",
        "our charity ",
        "BSc Professional Policing ",
        "policing degree ",
        "UCLan ",
        ", ",
        ". ",
        "- ",
        "(",
        ")",
        "'",
        "’",
        "\n",
        "ß",
        "İ",
        "0",
        "999 ",
        "120 ",
        "121 year old ",
    ]
)
_TEXT = st.one_of(st.text(max_size=300), st.lists(_PIECES, max_size=30).map("".join))


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_extract_never_raises_and_returns_a_valid_case(text: str) -> None:
    result = extract(text, Gazetteer.default(), PROGRAMME_NAMES)
    assert isinstance(result, Extraction)
    assert Case.model_validate(result.case.model_dump()) == result.case
    assert result.place is None or result.place in result.places
    assert set(result.asked_about) <= set(PROGRAMME_NAMES)
    assert not result.case.issues & result.case.without_issues
    assert all(isinstance(note, str) and note for note in result.notes)


# --- Courses the catalogue's programmes ask for ------------------------------------


def test_the_catalogue_says_which_course_a_policing_student_at_uclan_is_on() -> None:
    # uclan-student-volunteering asks for "professional policing" and names the degree in
    # an alias; UCLan is among its providers.
    courses = known_courses(default_catalogue())
    assert [(c.name, c.subject, c.other_words, c.site, c.site_label) for c in courses] == [
        ("BSc Professional Policing", "policing", ("professional",), "site:uclan", "UCLan")
    ]


def test_a_programme_naming_no_degree_gives_no_course() -> None:
    catalogue = default_catalogue()
    programmes = tuple(
        p.model_copy(update={"aliases": ()}) if p.id == "uclan-student-volunteering" else p
        for p in catalogue
    )
    assert known_courses(Catalogue(programmes, catalogue.gazetteer, catalogue.corpus_dir)) == ()


def test_a_course_is_read_as_the_catalogue_names_it_only_where_it_is_taught(
    gazetteer: Gazetteer,
) -> None:
    at_uclan = extract("I'm on the policing degree at UCLan", gazetteer)
    assert at_uclan.case.course == "BSc Professional Policing"
    assert "course 'policing' at UCLan read as BSc Professional Policing" in at_uclan.notes
    elsewhere = extract("I'm on the policing degree at Lancaster University", gazetteer)
    assert elsewhere.case.course == "policing"
    other = extract("I'm on the criminology degree at UCLan", gazetteer)
    assert other.case.course == "criminology"


@pytest.mark.parametrize(
    ("question", "course"),
    [
        ("2nd yr uclan policing student, how do i apply", "BSc Professional Policing"),
        ("first year uclan policing student here, can i volunteer?", "BSc Professional Policing"),
        ("3rd year criminology student at uclan, can i join?", "criminology"),
        # the course someone is not on is no course of theirs
        ("student at UCLan? no, Lancaster college. not a policing student lol", None),
    ],
)
def test_a_student_named_by_year_and_subject_is_on_that_course(
    question: str, course: str | None, gazetteer: Gazetteer
) -> None:
    assert extract(question, gazetteer).case.course == course
