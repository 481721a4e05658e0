"""Extraction: the cases in cases/extraction.yaml, properties, and speed."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ASSISTANT_CASES, shared_path
from vrn_assistant.understanding.extraction import Extraction, extract
from vrn_core.case import Case
from vrn_core.places import Gazetteer

CASES: list[dict[str, Any]] = yaml.safe_load(
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
}

SCALARS = ("age", "setting", "offence", "gender", "sector", "course")
SETS = ("roles", "issues", "without_issues", "wants")
KEYS = {"id", "question", "place", "not_place", "place_status", "asked_about", "note"}
KEYS |= {*SCALARS, *SETS}
KEYS |= {f"not_{name}" for name in SETS if name != "without_issues"}


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def test_the_case_file_is_well_formed() -> None:
    assert len(CASES) >= 60
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    for case in CASES:
        assert set(case) <= KEYS, f"{case['id']}: unknown keys {set(case) - KEYS}"


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_extraction_case(case: dict[str, Any], gazetteer: Gazetteer) -> None:
    result = extract(case["question"], gazetteer, PROGRAMME_NAMES)
    read = result.case
    problems: list[str] = []
    for name in SCALARS:
        if name in case and _value(getattr(read, name)) != case[name]:
            problems.append(f"{name}: read {getattr(read, name)!r}, expected {case[name]!r}")
    for name in SETS:
        have = {str(item) for item in getattr(read, name)}
        missing = set(case.get(name, ())) - have
        if missing:
            problems.append(f"{name}: missing {sorted(missing)} (read {sorted(have)})")
        unwanted = set(case.get(f"not_{name}", ())) & have
        if unwanted:
            problems.append(f"{name}: should not contain {sorted(unwanted)}")
    chosen = result.place.place.id if result.place and result.place.place else None
    if "place" in case and chosen != case["place"]:
        problems.append(f"place: chose {chosen!r}, expected {case['place']!r}")
    if "not_place" in case and chosen == case["not_place"]:
        problems.append(f"place: chose {chosen!r}")
    if "place_status" in case and (
        result.place is None or result.place.status.value != case["place_status"]
    ):
        problems.append(f"place_status: {result.place and result.place.status}")
    if "asked_about" in case and list(result.asked_about) != case["asked_about"]:
        problems.append(f"asked_about: {result.asked_about}, expected {case['asked_about']}")
    if "note" in case and not any(case["note"] in note for note in result.notes):
        problems.append(f"no note contains {case['note']!r}: {result.notes}")
    assert not problems, f"{case['question']!r}\n" + "\n".join(problems)


def _value(value: object) -> object:
    return getattr(value, "value", value)


def test_the_chosen_place_is_one_of_the_places_found(gazetteer: Gazetteer) -> None:
    result = extract("arrested in Preston, lives in Chorley, from Manchester", gazetteer)
    assert result.place in result.places
    assert result.case.place == "Preston"
    assert [match.place.id for match in result.places if match.place] == [
        "town:preston",
        "town:chorley",
        "outside:manchester",
    ]


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


def _shared_questions() -> list[str]:
    return [
        json.loads(line)["question"]
        for name in ("dev.jsonl", "dev-documents.jsonl")
        for line in shared_path("eval", name).read_text("utf-8").splitlines()
        if line.strip()
    ]
