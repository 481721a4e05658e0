"""Semantic guesses added to what the word lists read: only where they left a fact unknown.

A confident guess becomes a fact of the case, said in the notes ("read from the sense
of your words: in police custody"). Any other guess changes nothing the rules see: it
is a question in the notes for the user to confirm ("Is she in police custody? (a
guess)"). A fact the word lists read, or read as NOT so, is never touched. An offence
is guessed only for someone arrested, suspected or in prison.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from vrn_assistant.understanding.extraction import Extraction
from vrn_assistant.understanding.semantic.examples import Kind
from vrn_assistant.understanding.semantic.reader import Guess
from vrn_core.case import Case
from vrn_core.vocabulary import Gender, Issue, OffenceCategory, Role, Setting, describe

__all__ = ["fill", "guess_question", "reading_note"]

_PLACE_WORDS = {
    Setting.police_custody: "in police custody",
    Setting.hospital_emergency_department: "in a hospital emergency department",
    Setting.prison: "in prison",
    Setting.school: "at a school",
    Setting.university: "at a university",
    Setting.community: "in the community",
    Setting.home: "at home",
    Setting.online: "online",
}
_OFFENDING = frozenset({Role.suspect, Role.prisoner})
_SINGLE = frozenset({Kind.setting, Kind.offence})  # one value each: one guess asked
MAX_ASKED = 2  # guesses put to the user at most, the best first: more would be noise


def _said(guess: Guess) -> str:
    if isinstance(guess.value, Setting):
        return _PLACE_WORDS[guess.value]
    return describe(guess.value)


def reading_note(guess: Guess) -> str:
    return f"read from the sense of your words: {_said(guess)}"


def guess_question(guess: Guess, gender: Gender | None) -> str:
    """The question a guess to confirm is put as."""
    pronoun, verb = {Gender.female: ("she", "Is"), Gender.male: ("he", "Is")}.get(
        gender or Gender.other, ("they", "Are")
    )
    if isinstance(guess.value, (Setting, Role)):
        return f"{verb} {pronoun} {_said(guess)}? (a guess)"
    if isinstance(guess.value, OffenceCategory):
        return f"Is it {_said(guess)}? (a guess)"
    return f"Does it involve {_said(guess)}? (a guess)"


def _open(case: Case, guess: Guess) -> bool:
    """Whether the fact a guess is about is still unknown."""
    value = guess.value
    if isinstance(value, Setting):
        return case.setting is None and value not in case.without_settings
    if isinstance(value, Role):
        return value not in case.roles and value not in case.without_roles
    if isinstance(value, Issue):
        return value not in case.issues and value not in case.without_issues
    offence_known = case.offence is not None or Issue.violence in case.without_issues
    return not offence_known and bool(case.roles & _OFFENDING)


def _with(case: Case, guess: Guess) -> Case:
    value = guess.value
    if isinstance(value, Setting):
        return case.model_copy(update={"setting": value})
    if isinstance(value, Role):
        return case.model_copy(update={"roles": case.roles | {value}})
    if isinstance(value, Issue):
        return case.model_copy(update={"issues": case.issues | {value}})
    return case.model_copy(update={"offence": value})


def fill(extraction: Extraction, guesses: Sequence[Guess]) -> Extraction:
    """`extraction` with the guesses added where its facts are unknown (see above)."""
    case = extraction.case
    notes = list(extraction.notes)
    # Confident guesses first, so an offence can follow a role read the same way.
    ordered = sorted(guesses, key=lambda guess: (not guess.confident, guess.kind != Kind.role))
    asked: list[Guess] = []
    for guess in ordered:
        if not _open(case, guess):
            continue
        if guess.confident:
            case = _with(case, guess)
            notes.append(reading_note(guess))
        elif len(asked) < MAX_ASKED and not any(
            other.kind == guess.kind and other.kind in _SINGLE for other in asked
        ):
            asked.append(guess)
            notes.append(guess_question(guess, case.gender))
    if case is extraction.case and len(notes) == len(extraction.notes):
        return extraction
    return dataclasses.replace(extraction, case=case, notes=tuple(notes))
