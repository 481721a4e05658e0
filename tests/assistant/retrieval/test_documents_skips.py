"""Skipped, never crashed: links out of a folder, converters that fail, files refused later."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.assistant.conftest import MakeIndex
from vrn_assistant.retrieval import documents
from vrn_assistant.retrieval.documents import read_corpus
from vrn_assistant.retrieval.documents.splitter import Parsed

NOTE = "# Note\n\nThe youth club meets on Fridays in Burnley.\n"


def _write(path: Path, content: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


# ---------------------------------------------------------------- links


def test_links_out_of_the_folder_are_skipped_with_a_reason(tmp_path: Path) -> None:
    outside = tmp_path / "private"
    _write(outside / "secret.md", "# Secret\n\nNot for the index.\n")
    added = tmp_path / "added"
    _write(added / "note.md", NOTE)
    (added / "secret.md").symlink_to(outside / "secret.md")
    (added / "private").symlink_to(outside, target_is_directory=True)
    (added / "gone.md").symlink_to(tmp_path / "missing.md")
    (added / "inside.md").symlink_to(added / "note.md")  # the same file: indexed once

    chunks, skipped = read_corpus([added])

    assert [chunk.path for chunk in chunks] == ["inside.md"]  # the first name of note.md
    assert {Path(file.path).name: file.reason for file in skipped} == {
        "gone.md": "a link that leads nowhere (its target is missing or loops)",
        "private": "a link to a folder outside the folder being added; not followed",
        "secret.md": "a link to a file outside the folder being added; not followed",
    }
    assert not any("Not for the index" in chunk.text for chunk in chunks)


# ---------------------------------------------------------------- converters that fail


def test_a_converter_that_fails_unexpectedly_skips_only_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(text: str, stem: str) -> Parsed:
        raise KeyError("/Contents")

    monkeypatch.setattr(documents, "read_text", broken)
    _write(tmp_path / "a.txt", "Plain text that the broken converter cannot read.\n")
    _write(tmp_path / "b.md", NOTE)
    chunks, skipped = read_corpus([tmp_path])
    assert [chunk.path for chunk in chunks] == ["b.md"]
    assert [(Path(s.path).name, s.reason) for s in skipped] == [
        ("a.txt", "a.txt could not be read (KeyError: '/Contents')")
    ]


@pytest.mark.parametrize("error", [MemoryError, KeyboardInterrupt])
def test_running_out_of_memory_or_an_interrupt_is_not_swallowed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: type[BaseException]
) -> None:
    def broken(text: str, stem: str) -> Parsed:
        raise error

    monkeypatch.setattr(documents, "read_markdown", broken)
    _write(tmp_path / "b.md", NOTE)
    with pytest.raises(error):
        read_corpus([tmp_path])


# ---------------------------------------------------------------- the index keeps nothing refused


def test_a_file_that_became_a_link_out_of_the_folder_keeps_no_old_chunks(
    corpus: Path, make_index: MakeIndex, tmp_path: Path
) -> None:
    note = _write(corpus / "note.md", NOTE)
    index = make_index()
    assert index.ingest([corpus]).added == ["corpus/note.md"]
    outside = _write(tmp_path / "elsewhere" / "note.md", NOTE)  # the very same bytes
    note.unlink()
    note.symlink_to(outside.resolve())

    report = index.ingest([corpus])

    assert [(s.path, s.reason) for s in report.skipped] == [
        ("corpus/note.md", "a link to a file outside the folder being added; not followed")
    ]
    assert report.removed == ["corpus/note.md"]
    assert index.chunks() == []


def test_a_file_the_rules_now_refuse_is_dropped_though_its_bytes_are_unchanged(
    corpus: Path, make_index: MakeIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(corpus / "note.md", NOTE)
    _write(
        corpus / "visit.md",
        "# Visit\n\nJordan Blake, date of birth 04/07/2006, was seen at home today.\n",
    )
    index = make_index()
    with monkeypatch.context() as before:  # as an index built before the rule existed
        before.setattr(documents, "case_notes_reason", lambda passages: None)
        assert index.ingest([corpus]).added == ["corpus/note.md", "corpus/visit.md"]

    report = index.ingest([corpus])

    assert [s.path for s in report.skipped] == ["corpus/visit.md"]
    assert report.skipped[0].reason.startswith("looks like case notes about a person")
    assert report.unchanged == ["corpus/note.md"]
    assert {chunk.source for chunk in index.chunks()} == {"corpus/note.md"}


def test_a_file_that_became_a_bomb_keeps_no_old_chunks(corpus: Path, make_index: MakeIndex) -> None:
    note = _write(corpus / "note.md", NOTE)
    index = make_index()
    index.ingest([corpus])
    note.write_text("---\na: &a [x, x]\nb: [*a, *a]\n---\n" + NOTE, encoding="utf-8")
    report = index.ingest([corpus])
    assert [s.reason for s in report.skipped] == [
        "front matter uses a YAML alias at line 3; write the value out instead"
    ]
    assert index.chunks() == []
