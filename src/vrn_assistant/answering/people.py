"""One answer for a question about several people: each person's composed answer in turn.

The composer answers one person; for several, each is composed on its own and the
answers are joined here. Each part keeps its own citations, renumbered to follow the
ones before it, so every "[n]" still points at the quote it cites. `recommended`
lists each person's programmes in turn, the first-named person's first, each
programme once; `considered` the rest, once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from vrn_assistant.answer import Answer, Clarification, PersonAnswer, ProgrammeAnswer
from vrn_assistant.answering.clarify import clarify, subject_of
from vrn_assistant.understanding.extraction import Extraction, PersonReading
from vrn_core import Assessment
from vrn_core.vocabulary import Asker

__all__ = ["answer_people", "several"]

Compose = Callable[[Extraction, Sequence[Assessment]], Answer]  # one person's answer
RankPerson = Callable[[PersonReading], Sequence[Assessment]]

_MARK = re.compile(r"\[(\d+)\]")
_NUMBER_KEYS = frozenset({"citations", "citation", "number"})  # fields holding citation numbers
_VERBATIM = frozenset({"question", "quote"})  # text as given, never a citation mark


def answer_people(
    extraction: Extraction,
    assessments: Sequence[Assessment],
    answer: Answer,
    compose: Compose,
    rank_person: RankPerson,
) -> Answer:
    """The answer for every person in need, and the one question that would settle it.

    `answer` is the first-named person's (from `extraction.case` and `assessments`);
    each other person is ranked and composed in turn (`rank_person`, `compose`). A
    question about one person gets `answer` back with only `clarify` set."""
    others = extraction.people[1:]
    if not others:
        asking_for_themselves = extraction.asker is Asker.self
        subject = subject_of(extraction.case, asking_for_themselves=asking_for_themselves)
        return answer.model_copy(update={"clarify": clarify(assessments, extraction.case, subject)})
    first = extraction.people[0]
    parts: list[tuple[str, str | None, Answer]] = [(first.label, None, answer)]
    asked: list[Clarification | None] = [
        clarify(assessments, extraction.case, subject_of(extraction.case, label=first.label))
    ]
    for person in others:
        own = Extraction(
            case=person.case,
            place=person.place,
            places=extraction.places,
            asked_about=person.asked_about,
            notes=(),
            asker=extraction.asker,
        )
        ranked = rank_person(person)
        parts.append((person.label, person.relation, compose(own, ranked)))
        asked.append(clarify(ranked, person.case, subject_of(person.case, label=person.label)))
    joined = several(parts)
    return joined.model_copy(update={"clarify": next((c for c in asked if c), None)})


def several(parts: Sequence[tuple[str, str | None, Answer]]) -> Answer:
    """Join (label, relation, answer) of each person, the first-named first, into one."""
    first = parts[0][2]
    shifted: list[tuple[str, str | None, Answer]] = []
    offset = 0
    for label, relation, answer in parts:
        moved = _renumbered(answer, offset) if offset else answer
        shifted.append((label, relation, moved))
        offset += len(answer.citations)
    people = tuple(
        PersonAnswer(
            label=label,
            relation=relation,
            case=answer.case,
            facts=answer.facts,
            text=answer.text,
            recommended=answer.recommended,
            considered=answer.considered,
        )
        for label, relation, answer in shifted
    )
    recommended = _once(p for person in people for p in person.recommended)
    chosen = {p.id for p in recommended}
    considered = _once(p for person in people for p in person.considered if p.id not in chosen)
    text = "\n\n".join(f"**For {person.label}**\n\n{person.text}" for person in people)
    return first.model_copy(
        update={
            "text": text,
            "recommended": recommended,
            "considered": considered,
            "documents": tuple(d for _, _, a in shifted for d in a.documents),
            "citations": tuple(c for _, _, a in shifted for c in a.citations),
            "people": people,
        }
    )


def _once(programmes: Iterable[ProgrammeAnswer]) -> tuple[ProgrammeAnswer, ...]:
    seen: dict[str, ProgrammeAnswer] = {}
    for programme in programmes:
        seen.setdefault(programme.id, programme)
    return tuple(seen.values())


def _renumbered(answer: Answer, offset: int) -> Answer:
    """The answer with every citation number (in its text, its programmes' lines and
    routes, and its citations) moved up by `offset`."""
    return Answer.model_validate(_shift(answer.model_dump(), offset, None))


def _shift(value: Any, offset: int, key: str | None) -> Any:
    if isinstance(value, dict):
        return {k: _shift(v, offset, k) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_shift(item, offset, key) for item in value]
    if isinstance(value, str) and key not in _VERBATIM:
        return _MARK.sub(lambda m: f"[{int(m.group(1)) + offset}]", value)
    if isinstance(value, int) and not isinstance(value, bool) and key in _NUMBER_KEYS:
        return value + offset
    return value
