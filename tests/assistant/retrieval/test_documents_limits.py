"""Hostile documents: each limit refuses its file quickly, with its reason, and only that file."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from tests.assistant.retrieval.test_documents import _reason, _write
from vrn_assistant.retrieval.documents import (
    MAX_TITLE_CHARS,
    load_chunks,
    pdf,
    read_corpus,
)
from vrn_assistant.retrieval.documents.splitter import SECTION_CHARS


def _timed_reason(path: Path, seconds: float) -> str:
    started = time.perf_counter()
    reason = _reason(path)
    assert time.perf_counter() - started < seconds, reason
    return reason


# ---------------------------------------------------------------- front matter


def test_a_yaml_anchor_bomb_in_front_matter_is_refused_before_it_expands(tmp_path: Path) -> None:
    levels = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    text = "---\n" + "\n".join(levels) + "\ntitle: Laughs\n---\n\n# Laughs\n\nBody text here.\n"
    reason = _timed_reason(_write(tmp_path / "bomb.md", text), 1.0)
    assert reason == "front matter uses a YAML alias at line 3; write the value out instead"


def test_front_matter_over_64_kilobytes_is_refused(tmp_path: Path) -> None:
    filler = "\n".join(f"key{n}: {'x' * 60}" for n in range(1100))
    reason = _reason(_write(tmp_path / "long.md", f"---\n{filler}\n---\n\nBody text.\n"))
    assert reason.startswith("front matter too long: ")
    assert reason.endswith("over the 65,536 limit")


def test_front_matter_nested_over_32_levels_is_refused(tmp_path: Path) -> None:
    deep, within = "[" * 33 + "]" * 33, "[" * 31 + "]" * 31
    path = _write(tmp_path / "deep.md", f"---\nnest: {deep}\n---\n\nBody text.\n")
    assert _reason(path) == "front matter nested over 32 levels deep on line 2"
    ok = _write(tmp_path / "ok.md", f"---\nnest: {within}\n---\n\nBody text.\n")
    assert load_chunks(ok)[0].text == "Body text."


def test_an_impossible_date_skips_only_that_file(tmp_path: Path) -> None:
    _write(tmp_path / "bad.md", "---\nas_of: 2021-02-30\n---\n\nBody text.\n")
    _write(tmp_path / "good.md", "# Good\n\nA readable note.\n")
    chunks, skipped = read_corpus([tmp_path])
    assert [chunk.text for chunk in chunks] == ["A readable note."]
    (bad,) = skipped
    assert bad.path.endswith("bad.md")
    assert bad.reason.startswith("front matter has a value that cannot be read (")


# ---------------------------------------------------------------- PDF


def _pdf(contents: list[bytes], pages: int | None = None) -> bytes:
    """A PDF written by pypdf: one page per content stream (compressed), or blank pages."""
    writer = PdfWriter()
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    font_ref = writer._add_object(font)
    for content in contents:
        page = writer.add_blank_page(612, 792)
        fonts = DictionaryObject({NameObject("/F1"): font_ref})
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
        stream = DecodedStreamObject()
        stream.set_data(content)
        page.replace_contents(stream)
        page.compress_content_streams()
    for _ in range(pages or 0):
        writer.add_blank_page(612, 792)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _shows(text: bytes, times: int) -> bytes:
    return b"BT /F1 11 Tf 72 740 Td " + (b"(" + text + b") Tj ") * times + b"ET"


def test_a_small_pdf_with_a_huge_content_stream_is_refused_quickly(tmp_path: Path) -> None:
    data = _pdf([_shows(b"Ordinary words.", 1), _shows(b"ab", 400_000)])
    assert len(data) < 20_000  # small on disk: the stream is compressed
    reason = _timed_reason(_write(tmp_path / "crafted.pdf", data), 2.0)
    assert reason == "PDF page 2 has over 10,000 text operations; at most 10,000 a page are read"


def test_text_operations_are_counted_as_whole_operators() -> None:
    content = b"BT (Tj inside) Tj [(a) -20 (b)] TJ (c) ' 1 2 (d) \" /Tjx 3 Tf ET"
    assert pdf.text_operations(content) == 4  # Tj, TJ, ' and ": not /Tjx, nor '(Tj'
    assert pdf.text_operations(b"(ab) Tj " * 50, up_to=10) == 11


def test_pdf_limits_on_pages_and_characters(tmp_path: Path) -> None:
    many = _write(tmp_path / "many.pdf", _pdf([], pages=2001))
    assert _reason(many) == "PDF has 2,001 pages; at most 2,000 are read"
    wide = _write(tmp_path / "wide.pdf", _pdf([_shows(b"x" * 40, 3000)]))
    assert _reason(wide).startswith("PDF page 1 holds 1")
    assert _reason(wide).endswith("characters; at most 100,000 a page are read")


def test_pdf_total_characters_and_time_are_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path / "book.pdf", _pdf([_shows(b"Some words here.", 20)] * 3))
    assert len(load_chunks(path)) == 3
    monkeypatch.setattr(pdf, "MAX_PDF_CHARS", 500)
    assert _reason(path) == "PDF holds over 500 characters of text (at page 2)"
    monkeypatch.setattr(pdf, "MAX_PDF_CHARS", 3_000_000)
    monkeypatch.setattr(pdf, "MAX_PDF_SECONDS", -1.0)
    assert _reason(path) == "PDF took over -1 seconds to read (stopped at page 1)"


# ---------------------------------------------------------------- overlong passages


def test_a_4_megabyte_single_line_markdown_file_becomes_many_verbatim_passages(
    tmp_path: Path,
) -> None:
    line = ("Volunteers run the youth club on Friday evenings " * 90_000)[: 4 * 1024 * 1024]
    path = _write(tmp_path / "one-line.md", f"# Club\n\n{line}\n")
    started = time.perf_counter()
    chunks = load_chunks(path)
    assert time.perf_counter() - started < 20
    assert len(chunks) > 2000
    assert all(len(chunk.text) <= SECTION_CHARS for chunk in chunks)
    assert all(chunk.text in line for chunk in chunks)
    assert " ".join(chunk.text for chunk in chunks) == line.strip()


def test_text_with_no_whitespace_is_cut_hard_and_kept_whole(tmp_path: Path) -> None:
    blob = "".join(chr(ord("a") + n % 26) for n in range(5000))
    chunks = load_chunks(_write(tmp_path / "blob.txt", blob))
    assert [len(chunk.text) for chunk in chunks] == [1000] * 5
    assert "".join(chunk.text for chunk in chunks) == blob


def test_a_long_title_is_cut_at_a_word(tmp_path: Path) -> None:
    heading = " ".join(["Youth"] * 400)
    (chunk,) = load_chunks(_write(tmp_path / "title.md", f"# {heading}\n\nBody text.\n"))
    assert len(chunk.title) <= MAX_TITLE_CHARS == 300
    assert chunk.title.endswith("Youth…")


# ---------------------------------------------------------------- encodings

TEXT = "Café opening hours\n\nThe café opens at nine on weekdays.\n"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8-bom", "\ufeff".encode() + TEXT.encode()),
        ("utf16-le-bom", TEXT.encode("utf-16")),  # Python writes the little-endian mark
        ("utf16-be-bom", b"\xfe\xff" + TEXT.encode("utf-16-be")),
        ("utf16-le", TEXT.encode("utf-16-le")),
        ("utf16-be", TEXT.encode("utf-16-be")),
        ("utf32-bom", TEXT.encode("utf-32")),
    ],
)
def test_unicode_text_files_are_read_in_their_encoding(
    tmp_path: Path, name: str, data: bytes
) -> None:
    chunks = load_chunks(_write(tmp_path / f"{name}.txt", data))
    assert [(c.title, c.text) for c in chunks] == [("Café opening hours", TEXT.strip())]


def test_utf16_without_a_mark_may_hold_characters_with_a_nul_byte(tmp_path: Path) -> None:
    text = "Opening hours\n\nThe \u0100rts centre opens at nine\u2000on weekdays.\n" * 3
    chunks = load_chunks(_write(tmp_path / "arts.txt", text.encode("utf-16-le")))
    assert chunks[0].text.startswith("Opening hours")
    assert "\u0100rts centre" in chunks[0].text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"PK\x03\x04\x14\x00\x00\x00", "this looks like a ZIP archive (a .docx"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "this looks like a PNG image"),
        (b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 40, "this looks like a program"),
        (bytes(range(256)) * 4, "binary content (NUL bytes) in a text file"),
    ],
)
def test_binary_files_are_refused_with_what_they_look_like(
    tmp_path: Path, data: bytes, expected: str
) -> None:
    assert expected in _reason(_write(tmp_path / "renamed.txt", data))


def test_damaged_utf16_is_refused_with_its_encoding(tmp_path: Path) -> None:
    data = b"\xff\xfe" + "Opening hours".encode("utf-16-le") + b"\x00\xd8"  # lone surrogate
    assert _reason(_write(tmp_path / "damaged.txt", data)).startswith(
        "not readable as UTF-16-LE text (at byte"
    )
