"""Which programme a document's words name: a word any programme may use ("pilot")
names none of them, even when only one catalogue name holds it."""

from __future__ import annotations

from vrn_assistant.claims.naming import Names

NAMES = Names(
    catalogue={
        "trauma-informed-training": ("Trauma informed practice 'How To' sessions", "How To pilot"),
        "operation-adder": ("Operation ADDER", "Project ADDER"),
    }
)


def test_a_misspelt_name_is_found() -> None:
    assert NAMES.known("Projekt ADDER") == "operation-adder"


def test_a_pilot_is_no_programme_of_its_own() -> None:
    assert [m.programme for m in NAMES.find("The pilot ran in Blackpool from 2021")] == []
