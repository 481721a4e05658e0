"""The age a date of birth gives. Redaction takes the date itself out of the question
before extraction reads it; the age it gives on the day asked is put back here, for the
person the question is about when no age was said for them."""

from __future__ import annotations

from dataclasses import replace

from vrn_assistant.understanding.extraction import Extraction
from vrn_assistant.understanding.extraction.roles import roles_at_age
from vrn_core.case import AgeRange, Case

__all__ = ["with_age_from_birth"]


def with_age_from_birth(extraction: Extraction, born: AgeRange) -> Extraction:
    """`extraction` with the age `born` for its first person, unless an age was read for
    them; the note says where the age came from, never the date."""
    case = extraction.case
    if case.age is not None or case.age_range is not None:
        return extraction
    aged = _aged(case, born)
    people = extraction.people
    if people and people[0].case == case:
        people = (replace(people[0], case=aged), *people[1:])
    note = f"age {born} from the date of birth given (the date itself is not kept)"
    return replace(extraction, case=aged, people=people, notes=(*extraction.notes, note))


def _aged(case: Case, born: AgeRange) -> Case:
    exact = born.min == born.max
    roles = roles_at_age(set(case.roles), born.min, born.max)
    return Case.model_validate(
        {
            **case.model_dump(),
            "age": born.min if exact else None,
            "age_range": None if exact else born,
            "roles": roles,
        }
    )
