"""Citations: quotes stay short and verbatim, and an added document is shown as itself."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.assistant.conftest import build_assistant
from vrn_assistant.answering.citations import (
    MAX_QUOTE,
    CitationBook,
    best_sentence,
    is_verbatim,
    sentences,
    shown_title,
    wraps_lines,
)
from vrn_assistant.retrieval.chunks import CATALOGUE, Chunk

AS_OF = date(2026, 6, 1)


def _chunk(text: str, *, root: str | None, path: str, title: str) -> Chunk:
    return Chunk(
        id="c1",
        source=f"docs/{path}" if root != CATALOGUE else f"knowledge/corpus/{path}",
        root=root,
        path=path,
        title=title,
        locator="Who it is for",
        text=text,
        as_of=date(2026, 1, 10),
        content_hash="0" * 64,
    )


def test_a_long_sentence_is_quoted_in_part_at_a_word_and_marked() -> None:
    words = " ".join(f"mentoring{n}" for n in range(400))  # one 4,700-character sentence
    text = f"{words} ends here."
    quote = best_sentence(text, "mentoring")
    assert quote is not None
    assert len(quote) <= MAX_QUOTE == 400
    assert quote.endswith("…")
    shown = quote.removesuffix("…")
    assert text.startswith(shown)  # the part shown is the document's own words
    assert text[len(shown)] == " "  # cut between words, not inside one
    assert is_verbatim(quote, text)


def test_a_sentence_within_the_limit_is_quoted_whole() -> None:
    text = "Coaches meet young people in custody suites across Lancashire."
    assert best_sentence(text, "custody coaches") == text.removesuffix(".") + "."


def test_a_long_quote_is_cited_verbatim() -> None:
    words = " ".join(["word"] * 300)
    chunk = _chunk(f"{words}.", root="/srv/docs", path="notes.txt", title="notes")
    book = CitationBook(AS_OF)
    assert book.cite(chunk, "word") == 1
    (citation,) = book.citations
    assert len(citation.quote) <= 400 and citation.quote.endswith("…")


def test_an_added_document_titled_like_a_catalogue_source_is_shown_by_its_file_name() -> None:
    text = "DIVERT now accepts referrals from anyone aged 10 to 60 in any county."
    fake = _chunk(text, root="/home/user/uploads", path="leaflet.md", title="DIVERT")
    book = CitationBook(AS_OF)
    book.cite(fake, "DIVERT referrals")
    (citation,) = book.citations
    assert citation.title == "leaflet.md — DIVERT"
    assert citation.title != "DIVERT"
    assert citation.as_of == date(2026, 1, 10)


def test_catalogue_documents_keep_their_titles_and_untitled_files_show_their_name() -> None:
    text = "Coaches meet young people in custody suites across Lancashire."
    real = _chunk(text, root=CATALOGUE, path="divert.md", title="DIVERT")
    assert shown_title(real) == "DIVERT"
    plain = _chunk(text, root="/srv/docs", path="sub/notes.txt", title="notes")
    assert shown_title(plain) == "notes.txt"
    alone = _chunk(text, root=None, path="x.md", title="Guide").model_copy(
        update={"path": None, "source": "loose/guide.md"}
    )
    assert shown_title(alone) == "guide.md — Guide"


def test_an_answer_never_lists_an_added_file_under_a_catalogue_title(tmp_path: Path) -> None:
    added = tmp_path / "uploads"
    added.mkdir()
    (added / "leaflet.md").write_text(
        "---\ntitle: DIVERT\n---\n\nThe Kirkham boxing club runs free evening sessions for "
        "young people on Tuesdays and Thursdays.\n",
        encoding="utf-8",
    )
    assistant = build_assistant(tmp_path, added, dense=False)
    answer = assistant.ask("Are there free boxing sessions in Kirkham?", AS_OF)
    from_file = [c for c in answer.citations if c.source.endswith("leaflet.md")]
    assert from_file, answer.text
    assert {c.title for c in from_file} == {"leaflet.md — DIVERT"}
    assert "**DIVERT** (" not in answer.text
    assert "**leaflet.md — DIVERT** (" in answer.text


_LEAFLET = (
    "*Information for practitioners*\n\n"
    "Coaches are based in the custody suites at:\n\n- Preston\n- Blackburn\n\n"
    "In addition, Burnley FC in the Community has its own custody intervention coach working full\n"
    "time from Burnley Police Station.\n"
)


def test_a_sentence_wrapped_over_lines_of_a_text_file_is_quoted_whole() -> None:
    found = sentences(_LEAFLET, wrapped=True)
    whole = (
        "In addition, Burnley FC in the Community has its own custody intervention coach"
        " working full time from Burnley Police Station."
    )
    assert whole in found and is_verbatim(whole, _LEAFLET)
    assert "*Information for practitioners*" not in found  # a subtitle states nothing
    assert "Coaches are based in the custody suites at:" in found  # a list cuts it


def test_a_web_pages_lines_are_quoted_apart_where_its_markup_cut_them() -> None:
    page = _chunk("Running in\nBlackpool and Fylde\n.", root="/x", path="a.html", title="a")
    text = _chunk(_LEAFLET, root="/x", path="leaflet.md", title="Leaflet")
    assert not wraps_lines(page) and wraps_lines(text)
    assert any(cut.endswith("working full") for cut in sentences(_LEAFLET))  # at the line
