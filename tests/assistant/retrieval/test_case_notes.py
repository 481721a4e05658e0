"""Case notes about a person are never indexed; published pages and leaflets are."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import KNOWLEDGE
from vrn_assistant.retrieval.documents import DocumentError, Root, load_chunks, read_corpus
from vrn_assistant.retrieval.documents.casenotes import case_notes_reason

CASE_NOTES = """# Referral notes

Seen in custody on Tuesday. Daniel Okafor, date of birth 14/03/2007, lives at
27 Hawthorn Road, Accrington BB5 1QT with his aunt. Custody ref CU/20411/23.
He asked about boxing and said his phone is 07700 900123.
"""

NEWSLETTER = """# Spring newsletter

Our chief officer, Margaret Hale, opened the new youth hub at 12 Market Street,
Preston PR1 2AB this month. Councillor Peter Lowe joined her to meet the staff.

For anything about the hub, call the switchboard on 01772 533000 or email
hub@example.org. The hub is open 9am to 5pm on weekdays.
"""

LEAFLET = """Feeling unsafe?

Talk to someone today. Our helpline, 0800 123 4567, is free and open every day
from 8am to 10pm. Text 85258 at any time. In an emergency, call 999.
"""


def _write(path: Path, content: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def test_case_notes_are_refused_with_what_they_hold(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as caught:
        load_chunks(_write(tmp_path / "referral.md", CASE_NOTES))
    assert caught.value.reason == (
        "looks like case notes about a person: a date of birth, an address and a reference "
        "number next to a name; not indexed"
    )


@pytest.mark.parametrize(
    ("passage", "held"),
    [
        ("Ms Aisha Patel, NHS number 943 476 5919, was discharged on Friday.", "an NHS number"),
        ("Tom Reilly (NI number AB 12 34 56 C) starts work next week.", "National Insurance"),
        (
            "Kyle Dawson gave 8 Ash Grove, Blackburn as his address. Crime ref 06/123456/21.",
            "an address and a reference number",
        ),
    ],
)
def test_identifying_numbers_next_to_a_name_are_case_notes(passage: str, held: str) -> None:
    reason = case_notes_reason([passage])
    assert reason is not None and held in reason


def test_a_newsletter_naming_its_officers_beside_a_switchboard_is_indexed(tmp_path: Path) -> None:
    chunks = load_chunks(_write(tmp_path / "newsletter.md", NEWSLETTER))
    assert any("Margaret Hale" in chunk.text for chunk in chunks)
    assert any("01772 533000" in chunk.text for chunk in chunks)


def test_a_leaflet_with_a_helpline_is_indexed(tmp_path: Path) -> None:
    (chunk,) = load_chunks(_write(tmp_path / "leaflet.txt", LEAFLET))
    assert "0800 123 4567" in chunk.text


def test_only_the_case_notes_are_skipped_from_a_folder(tmp_path: Path) -> None:
    _write(tmp_path / "referral.md", CASE_NOTES)
    _write(tmp_path / "newsletter.md", NEWSLETTER)
    _write(tmp_path / "leaflet.txt", LEAFLET)
    chunks, skipped = read_corpus([tmp_path])
    assert {Path(chunk.source).name for chunk in chunks} == {"newsletter.md", "leaflet.txt"}
    assert [Path(file.path).name for file in skipped] == ["referral.md"]


def test_the_catalogue_corpus_holds_no_case_notes() -> None:
    chunks, skipped = read_corpus([Root(KNOWLEDGE / "corpus", catalogue=True)])
    assert chunks
    assert [file.reason for file in skipped if "case notes" in file.reason] == []
