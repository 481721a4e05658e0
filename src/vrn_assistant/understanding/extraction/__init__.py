"""From a practitioner's free text to a `Case`, with rules and no language model.

`extract` reads age, place, setting, roles, issues, offence, gender, sector,
course and wants from a question with keyword tables and regular expressions,
and says in plain English what it read (`notes`) so the answer can show it and
the user can correct it. Places come from the gazetteer; programme names from
the catalogue, passed in; the courses programmes ask for, and the universities
teaching them, from `vrn_core.default_catalogue()` (`course.known_courses`).

The rules read the *subject* of the question where they can: a girl "whose
father is in prison" is a prisoner's child, not a parent or a prisoner; "her
boyfriend" says nothing about the subject's gender; "volunteer with young
people" does not make the asker a young person. Negations are read too: "no
violence" records violence as known absent, "not in custody" sets no setting.
Common misspellings of key words ("custdy", "assualt") are corrected first.

One module per part of the reading: `text` (preparing the text, spelling),
`family` (a prisoner's family), `cues` (negation and whose words these are),
`age`, `setting`, `roles` (and gender), `occupations`, `issues` (and offence),
`course`, `wants`, `places` and `programmes` (programmes named).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from vrn_assistant.understanding.extraction.age import read_age
from vrn_assistant.understanding.extraction.course import read_course
from vrn_assistant.understanding.extraction.issues import read_issues, read_offence
from vrn_assistant.understanding.extraction.occupations import read_occupations
from vrn_assistant.understanding.extraction.places import choose_place, note_places, place_text
from vrn_assistant.understanding.extraction.programmes import asked_about
from vrn_assistant.understanding.extraction.roles import read_gender, read_roles
from vrn_assistant.understanding.extraction.setting import read_setting
from vrn_assistant.understanding.extraction.text import prepare
from vrn_assistant.understanding.extraction.wants import read_wants
from vrn_core.case import Case
from vrn_core.places import Gazetteer, PlaceMatch
from vrn_core.vocabulary import Role, describe

__all__ = ["Extraction", "extract"]


@dataclass(frozen=True)
class Extraction:
    """What was read from a question."""

    case: Case
    place: PlaceMatch | None  # the place the case is about (most specific in Lancashire)
    places: tuple[PlaceMatch, ...]  # every place found, in order
    asked_about: tuple[str, ...]  # programme ids the question names
    notes: tuple[str, ...]  # plain-English notes of what was read, for the user to check


_NO_PROGRAMMES: Mapping[str, Sequence[str]] = MappingProxyType({})


def extract(
    text: str,
    gazetteer: Gazetteer,
    programme_names: Mapping[str, Sequence[str]] = _NO_PROGRAMMES,
) -> Extraction:
    """Read a Case from free text. Never raises on any text; unknown facts stay None/empty."""
    notes: list[str] = []
    prepared = prepare(text, notes)

    age = read_age(prepared, notes)
    family = bool(prepared.family)
    for phrase in prepared.family:
        notes.append(f"'{phrase.strip()}': family of someone in prison")
    occupations = read_occupations(prepared)
    roles = read_roles(prepared, age, family, occupations)

    places = tuple(gazetteer.find_in_text(text))
    place = choose_place(places, gazetteer, family and Role.prisoner not in roles)
    note_places(place, places, notes)
    setting = read_setting(prepared, places, place, roles, notes)
    issues, without = read_issues(prepared, family)
    offence = read_offence(prepared, roles, setting, without, notes)
    for issue in sorted(without):
        notes.append(f"{describe(issue)}: known not to be involved")
    course = read_course(prepared, places, Role.student in roles, notes)
    if course is not None:
        roles.add(Role.student)
    case = Case(
        age=age,
        place=place_text(place),
        setting=setting,
        roles=frozenset(roles),
        issues=frozenset(issues),
        without_issues=frozenset(without),
        offence=offence,
        gender=read_gender(prepared),
        sector=next((sector for _, sector, _ in occupations if sector is not None), None),
        course=course,
        wants=frozenset(read_wants(prepared)),
    )
    named = asked_about(text, programme_names, notes)
    return Extraction(case=case, place=place, places=places, asked_about=named, notes=tuple(notes))
