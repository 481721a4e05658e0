"""The facts read from a question, said back to the user to check and correct."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from vrn_assistant.answer import ReadFact
from vrn_assistant.understanding.extraction import Extraction
from vrn_core import Case
from vrn_core.vocabulary import Issue, Role, Setting, describe
from vrn_core.wording import describe_all, describe_any, format_day

__all__ = ["about_a_person", "facts_line", "read_facts"]


def read_facts(extraction: Extraction) -> tuple[ReadFact, ...]:
    """The facts read from the question, for the user to check and correct."""
    case = extraction.case
    facts: list[ReadFact] = []
    if case.age is not None:
        facts.append(ReadFact(field="age", value=str(case.age)))
    elif case.age_range is not None:
        facts.append(
            ReadFact(field="age", value=f"between {case.age_range.min} and {case.age_range.max}")
        )
    if extraction.place is not None:
        match = extraction.place
        facts.append(ReadFact(field="place", value=match.describe(), note=match.matched_text))
    elif case.place:
        facts.append(ReadFact(field="place", value=case.place))
    if case.setting is not None:
        facts.append(ReadFact(field="setting", value=describe(case.setting)))
    if case.without_settings:
        facts.append(_known_absent("without_settings", case.without_settings))
    if case.roles:
        facts.append(ReadFact(field="roles", value=describe_all(sorted(case.roles))))
    if case.without_roles:
        facts.append(_known_absent("without_roles", case.without_roles))
    if case.issues:
        facts.append(ReadFact(field="issues", value=describe_all(sorted(case.issues))))
    if case.without_issues:
        facts.append(_known_absent("without_issues", case.without_issues))
    if case.offence is not None:
        facts.append(ReadFact(field="offence", value=describe(case.offence)))
    if case.gender is not None:
        facts.append(ReadFact(field="gender", value=describe(case.gender)))
    if case.sector is not None:
        facts.append(ReadFact(field="sector", value=describe(case.sector)))
    if case.course is not None:
        facts.append(ReadFact(field="course", value=case.course))
    return tuple(facts)


def _known_absent(
    field: str, values: frozenset[Setting] | frozenset[Role] | frozenset[Issue]
) -> ReadFact:
    """What the question rules out: "not police custody", "not a parent"."""
    return ReadFact(field=field, value="not " + describe_any(sorted(values)))


def about_a_person(case: Case) -> bool:
    """Does the question describe someone, rather than ask what runs in a place?"""
    return bool(
        case.age is not None
        or case.age_range is not None
        or case.setting is not None
        or case.roles
        or case.issues
        or case.offence is not None
        or case.course is not None
    )


def facts_line(facts: Sequence[ReadFact], as_of: date) -> str:
    if not facts:
        return (
            f"I could not read any facts about the person from the question (as of "
            f"{format_day(as_of)}). Age, place, setting and what is involved help me check. "
            "Nothing typed is stored, and personal details I recognise are redacted first."
        )
    parts = []
    for fact in facts:
        label = fact.field.replace("_", " ")
        parts.append(f"{label}: {fact.value}")
    return (
        f"What I read (as of {format_day(as_of)}): "
        + "; ".join(parts)
        + ". Correct me if any is wrong."
    )
