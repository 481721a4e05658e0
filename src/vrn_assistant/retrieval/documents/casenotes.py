"""Case notes: documents about an individual person, which the index must never hold.

The redactor (`vrn_assistant.understanding.redaction`) says which kinds of
personal detail a passage holds. The rule, passage by passage, is:

- a name with a date of birth, an NHS number or an NI number: case notes;
- a name with both a reference number (custody, crime, case, log...) and an
  address or postcode: case notes.

Phone numbers and emails never count: services publish their own, and
newsletters name their officers beside a switchboard number. A passage with no
digit holds none of these details, so it is not even looked at.
"""

from __future__ import annotations

from collections.abc import Iterable

from vrn_core.wording import join_and

__all__ = ["case_notes_reason", "personal_details"]

_IDENTIFYING = ("date of birth", "NHS number", "NI number")
_ADDRESS = ("address", "postcode")
_SAID = {
    "date of birth": "a date of birth",
    "NHS number": "an NHS number",
    "NI number": "a National Insurance number",
    "address": "an address",
    "reference": "a reference number",
}


def personal_details(passage: str) -> tuple[str, ...]:
    """The kinds of personal detail the redactor finds in a passage (postcode as address)."""
    if not any(ch.isdigit() for ch in passage):
        return ()
    from vrn_assistant.understanding.redaction import redact  # loads the name lists

    kinds = ("address" if kind in _ADDRESS else kind for kind in redact(passage).found)
    return tuple(dict.fromkeys(kinds))


def _about_a_person(kinds: tuple[str, ...]) -> bool:
    if "name" not in kinds:
        return False
    if any(kind in kinds for kind in _IDENTIFYING):
        return True
    return "reference" in kinds and "address" in kinds


def case_notes_reason(passages: Iterable[str]) -> str | None:
    """Why the document looks like case notes about a person; None when it does not."""
    for passage in passages:
        kinds = personal_details(passage)
        if _about_a_person(kinds):
            said = join_and([words for kind, words in _SAID.items() if kind in kinds])
            return f"looks like case notes about a person: {said} next to a name; not indexed"
    return None
