"""Saved web pages: main content only (trafilatura), in sections, quotable as written."""

from __future__ import annotations

import contextlib
import re
import time
from pathlib import Path

import pytest

from vrn_assistant.errors import DocumentError
from vrn_assistant.retrieval.documents import load_chunks
from vrn_assistant.retrieval.documents.html import read_html

LATER = Path(__file__).parents[1] / "fixtures" / "later"
PAGES = sorted(LATER.glob("*.html"))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _text(path: Path) -> str:
    return "\n".join(chunk.text for chunk in load_chunks(path))


@pytest.mark.parametrize(
    ("page", "clutter"),
    [
        (
            "01-pcc-news-operation-provide-2021-11.html",
            ["Skip to content", "Accept all cookies", "Share on Facebook", "Rural crime roadshow"],
        ),
        (
            "05-sceptre-week-navigators-2024.html",
            ["We value your privacy", "Most read", "Podcast:", "Comments are closed"],
        ),
        (
            "09-bfcct-community-cohesion.html",
            ["Cookie settings", "Loading Events", "Walking football", "Match report"],
        ),
        (
            "15-trauma-informed-lancashire-milestone.html",
            ["Skip to content", "Share this post", "Have you signed the pledge?"],
        ),
    ],
)
def test_page_clutter_is_not_indexed(page: str, clutter: list[str]) -> None:
    text = _text(LATER / page)
    for furniture in clutter:
        assert furniture.lower() not in text.lower(), furniture


def test_the_main_content_is_kept_in_sections_by_heading() -> None:
    chunks = load_chunks(LATER / "09-bfcct-community-cohesion.html")
    assert [c.locator for c in chunks] == [
        "Community Cohesion",
        "DIVERT",
        "DIVERT Youth",
        "Tower Above",
        "Online Mentoring",
    ]
    youth = next(c for c in chunks if c.locator == "DIVERT Youth")
    assert "not taking any new referrals for DIVERT Youth" in youth.text


@pytest.mark.parametrize("page", PAGES, ids=lambda path: path.stem)
def test_every_line_of_a_page_is_written_as_is_in_the_saved_file(page: Path) -> None:
    """A quote never spans markup, so it can be found in the file ("A&amp;E", <strong>)."""
    raw = _norm(page.read_text(encoding="utf-8"))
    lines = [line for chunk in load_chunks(page) for line in chunk.text.split("\n")]
    long_lines = [line.rstrip(".") for line in lines if len(line) >= 20]
    assert long_lines
    for line in long_lines:
        assert _norm(line) in raw, line


def test_a_character_written_as_a_reference_keeps_its_word_apart() -> None:
    text = _text(LATER / "05-sceptre-week-navigators-2024.html")
    assert "Young people who end up in\nA&E\nafter being hurt with a knife" in text


def test_a_page_of_unclosed_tags_is_read_quickly(tmp_path: Path) -> None:
    page = tmp_path / "unclosed.html"
    page.write_text("<html><body>" + "<div><p><b>Knife crime talks for schools " * 8000)
    assert page.stat().st_size > 240_000
    started = time.perf_counter()
    with contextlib.suppress(DocumentError):  # refusing it is fine too; hanging is not
        load_chunks(page)
    assert time.perf_counter() - started < 1.5  # about 0.3 s alone; the machine is shared


def test_a_page_with_only_furniture_is_refused() -> None:
    with pytest.raises(DocumentError, match="HTML has no text"):
        read_html("<html><body><nav><a href='/'>Home</a></nav></body></html>", "menu")


def test_title_is_the_pages_heading() -> None:
    (chunk, *_) = load_chunks(LATER / "15-trauma-informed-lancashire-milestone.html")
    assert chunk.title == "Trauma Informed Lancashire passes a milestone"
