"""Reading Markdown, text, PDF and HTML into chunks, and reporting files that cannot be read."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import ASSISTANT_FIXTURES, SHARED
from vrn_assistant.retrieval.chunks import CATALOGUE, chunk_id
from vrn_assistant.retrieval.documents import (
    MAX_BYTES,
    CorpusFile,
    DocumentError,
    Root,
    display_path,
    iter_corpus,
    iter_documents,
    load_chunks,
    load_file,
    read_corpus,
)

FIXTURES = ASSISTANT_FIXTURES / "documents"
DEV_CORPUS = SHARED / "eval" / "dev-corpus"


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def _reason(path: Path, max_bytes: int = MAX_BYTES) -> str:
    with pytest.raises(DocumentError) as caught:
        load_chunks(path, max_bytes=max_bytes)
    return caught.value.reason


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[list[str]], title: str | None = None) -> bytes:
    """A minimal valid PDF: one Helvetica text object per page, one line per string."""
    first_page = 4  # objects 1-3: catalog, page tree, font; then (page, content) pairs
    page_ids = [first_page + 2 * index for index in range(len(pages))]
    kids = " ".join(f"{page_id} 0 R" for page_id in page_ids)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for page_id, lines in zip(page_ids, pages, strict=True):
        shown = " ".join(f"({_pdf_escape(line)}) Tj T*" for line in lines)
        stream = f"BT /F1 11 Tf 14 TL 72 740 Td {shown} ET".encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {page_id + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    info = ""
    if title is not None:
        objects.append(f"<< /Title ({_pdf_escape(title)}) >>".encode("latin-1"))
        info = f" /Info {len(objects)} 0 R"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R{info} >>".encode()
    out += b"trailer\n%s\nstartxref\n%d\n%%%%EOF\n" % (trailer, xref)
    return bytes(out)


# ---------------------------------------------------------------- Markdown


def test_markdown_front_matter_gives_title_and_date() -> None:
    chunks = load_chunks(FIXTURES / "programme-guide.md")
    assert {chunk.title for chunk in chunks} == {"Navigator programme (fixture)"}
    assert {chunk.as_of for chunk in chunks} == {date(2022, 3, 1)}
    assert [chunk.locator for chunk in chunks] == [
        "Navigator programme (fixture)",
        "Who it is for",
        "Referral routes",
        "How to use the data",
    ]
    assert chunks[0].text.startswith("This fixture describes a made-up programme")
    assert not any("original_source" in chunk.text for chunk in chunks)


def test_markdown_code_block_comment_is_not_a_heading() -> None:
    last = load_chunks(FIXTURES / "programme-guide.md")[-1]
    assert last.locator == "How to use the data"
    assert "# this is a comment in a code block" in last.text
    assert last.text.endswith("Navigators follow up within 48 hours. ##")


def test_markdown_as_of_line_and_heading_title(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "epec.md",
        "# Parenting groups\n\nAs of: 2021-09.\n\n## Where it runs\nBurnley.\n\n"
        "## Who it is for\nParents and carers.\n",
    )
    chunks = load_chunks(path)
    # The introduction holds only the 'As of' line, so it is not a chunk.
    assert [chunk.locator for chunk in chunks] == ["Where it runs", "Who it is for"]
    assert {chunk.title for chunk in chunks} == {"Parenting groups"}
    assert {chunk.as_of for chunk in chunks} == {date(2021, 9, 1)}


def test_markdown_without_headings_is_titled_by_file_stem(tmp_path: Path) -> None:
    path = _write(tmp_path / "short-note.md", "Just one paragraph of text.\n")
    (chunk,) = load_chunks(path)
    assert (chunk.title, chunk.locator, chunk.as_of) == ("short-note", "short-note", None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-09", date(2021, 9, 1)),
        ("2021-09-14", date(2021, 9, 14)),
        ('"2020-01"', date(2020, 1, 1)),
    ],
)
def test_front_matter_as_of_formats(tmp_path: Path, value: str, expected: date) -> None:
    path = _write(tmp_path / "doc.md", f"---\nas_of: {value}\n---\n# Title\n\nBody.\n")
    assert load_chunks(path)[0].as_of == expected


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        ("---\ntitle: Open\n\n# Title\n\nBody.\n", "never closed"),
        ("---\ntitle: [unclosed\n---\n\nBody.\n", "malformed front matter"),
        ("---\n- a\n- list\n---\n\nBody.\n", "expected 'key: value' lines"),
        ("---\nas_of: last spring\n---\n\nBody.\n", "'as_of' 'last spring' is not a date"),
        ("---\nas_of: 2021-13\n---\n\nBody.\n", "is not a date"),
        ("---\ntitle: 42\n---\n\nBody.\n", "'title' must be non-empty text"),
    ],
)
def test_malformed_front_matter_is_named(tmp_path: Path, front_matter: str, expected: str) -> None:
    assert expected in _reason(_write(tmp_path / "doc.md", front_matter))


def test_yaml_error_gives_the_file_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "doc.md", "---\ntitle: ok\nbad: : x\n---\nBody.\n")
    assert _reason(path) == "malformed front matter: mapping values are not allowed here on line 3"


def test_long_section_is_split_at_paragraphs(tmp_path: Path) -> None:
    paragraphs = [f"Paragraph {n}" + " about local youth services." * 12 for n in range(12)]
    path = _write(tmp_path / "long.md", "# Long\n\n## Details\n\n" + "\n\n".join(paragraphs) + "\n")
    chunks = load_chunks(path)
    assert len(chunks) > 2
    assert {chunk.locator for chunk in chunks} == {"Details"}
    assert len({chunk.id for chunk in chunks}) == len(chunks)
    assert all(len(chunk.text) <= 1500 for chunk in chunks)
    assert "\n\n".join(chunk.text for chunk in chunks) == "\n\n".join(paragraphs)


def test_windows_line_endings_are_kept_verbatim(tmp_path: Path) -> None:
    path = _write(tmp_path / "crlf.md", "# Title\r\n\r\n## Part\r\nLine one\r\nline two.\r\n")
    (chunk,) = load_chunks(path)
    assert (chunk.locator, chunk.text) == ("Part", "Line one\r\nline two.")


# ---------------------------------------------------------------- text


def test_text_with_headings_uses_them_as_locators() -> None:
    chunks = load_chunks(FIXTURES / "referral-notes.txt")
    assert {chunk.title for chunk in chunks} == {"Referral notes for practitioners"}
    assert [chunk.locator for chunk in chunks] == ["Who can refer", "What happens next"]
    assert chunks[0].text.endswith("before it is sent.")


def test_text_without_headings_uses_paragraph_numbers(tmp_path: Path) -> None:
    assert [chunk.locator for chunk in load_chunks(FIXTURES / "plain-notes.txt")] == ["paragraph 1"]
    paragraphs = [f"Paragraph {n} says something ordinary. " * 8 for n in range(1, 8)]
    path = _write(tmp_path / "notes.txt", "\n\n".join(paragraphs))
    chunks = load_chunks(path)
    assert chunks[0].title == "notes"
    assert [chunk.locator for chunk in chunks] == ["paragraph 1", "paragraph 4", "paragraph 7"]
    assert chunks[1].text.startswith("Paragraph 4 says")


@pytest.mark.parametrize("name", ["programme-guide.md", "referral-notes.txt", "plain-notes.txt"])
def test_every_chunk_is_verbatim_in_its_file(name: str) -> None:
    path = FIXTURES / name
    content = path.read_bytes().decode("utf-8")
    chunks = load_chunks(path)
    assert chunks
    assert all(chunk.text and chunk.text in content for chunk in chunks)


def test_ids_are_stable_and_derived_from_source_locator_ordinal() -> None:
    path = FIXTURES / "programme-guide.md"
    first = load_chunks(path, source="knowledge/corpus/programme-guide.md")
    second = load_chunks(path, source="knowledge/corpus/programme-guide.md")
    assert [chunk.id for chunk in first] == [chunk.id for chunk in second]
    assert len({chunk.id for chunk in first}) == len(first)
    for ordinal, chunk in enumerate(first):
        assert chunk.source == "knowledge/corpus/programme-guide.md"
        assert chunk.id == chunk_id(chunk.source, chunk.locator, ordinal)
        assert chunk.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert load_chunks(path)[0].source == path.as_posix()


# ---------------------------------------------------------------- PDF


def test_hand_written_pdf_is_readable_by_pypdf(tmp_path: Path) -> None:
    path = _write(tmp_path / "check.pdf", make_pdf([["Hello (world)", "Second line"]], title="T"))
    reader = PdfReader(path)
    assert reader.metadata is not None and reader.metadata.title == "T"
    assert reader.pages[0].extract_text().splitlines() == ["Hello (world)", "Second line"]


def test_pdf_pages_become_chunks(tmp_path: Path) -> None:
    data = make_pdf(
        [["Page one talks about mentoring (weekly)."], ["Page two lists the referral routes."]],
        title="Mentoring guide",
    )
    path = _write(tmp_path / "guide.pdf", data)
    chunks = load_chunks(path)
    assert [chunk.locator for chunk in chunks] == ["page 1", "page 2"]
    assert {chunk.title for chunk in chunks} == {"Mentoring guide"}
    assert chunks[0].text == "Page one talks about mentoring (weekly)."
    assert chunks[1].content_hash == hashlib.sha256(data).hexdigest()


def test_pdf_without_title_uses_stem_and_long_pages_are_split(tmp_path: Path) -> None:
    lines = [f"Sentence {n} describes one part of the youth work offer." for n in range(60)]
    chunks = load_chunks(_write(tmp_path / "offer.pdf", make_pdf([lines, ["Short page."]])))
    assert {chunk.title for chunk in chunks} == {"offer"}
    assert [chunk.locator for chunk in chunks].count("page 1") >= 2
    assert chunks[-1].locator == "page 2"
    assert all(len(chunk.text) <= 1500 for chunk in chunks)


def test_pdf_without_text_is_reported(tmp_path: Path) -> None:
    path = _write(tmp_path / "scan.pdf", make_pdf([[]]))
    assert "no extractable text" in _reason(path)


@pytest.mark.parametrize("damage", ["truncated", "not a pdf"])
def test_broken_pdf_is_reported(tmp_path: Path, damage: str) -> None:
    data = make_pdf([["Some text."]])[:80] if damage == "truncated" else b"hello, not a PDF"
    assert _reason(_write(tmp_path / "broken.pdf", data)).startswith("not a readable PDF")


# ---------------------------------------------------------------- HTML


def test_html_sections_title_and_hidden_text() -> None:
    chunks = load_chunks(FIXTURES / "service-page.html")
    # trafilatura takes the page's own heading for its title (a <title> often carries
    # the site's name too); see tests/assistant/retrieval/test_html.py
    assert {chunk.title for chunk in chunks} == {"Outreach service"}
    assert [chunk.locator for chunk in chunks] == [
        "Outreach service",
        "Where it runs",
        "Contact",
    ]
    assert chunks[0].text == "Detached youth workers meet young people in parks and town centres."
    assert (
        chunks[1].text == "Burnley, Pendle and Rossendale.\n\nFriday evenings\n\nSaturday evenings"
    )
    assert chunks[2].text == "Email the team at outreach@example.org."
    everything = " ".join(chunk.text for chunk in chunks)
    for hidden in ("script text", "also hidden", "Navigation text", "color: red"):
        assert hidden not in everything


def test_html_title_falls_back_to_first_h1(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "page.htm", "<h1>Knife crime talks</h1><p>Schools can book a talk.</p>"
    )
    (chunk,) = load_chunks(path)
    assert (chunk.title, chunk.locator) == ("Knife crime talks", "Knife crime talks")


def test_html_without_text_is_reported(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "empty.html", "<html><head><title>T</title></head><body> </body></html>"
    )
    assert "HTML has no text" in _reason(path)


# ---------------------------------------------------------------- bad files


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("binary.txt", b"text\x00\x01\x02 more", "binary content (NUL bytes)"),
        ("empty.md", b"", "empty file"),
        ("blank.md", b"  \n\n\t\n", "empty file (only whitespace)"),
        (
            "latin1.txt",
            "Café opening hours".encode("latin-1"),
            "not UTF-8 text (byte 0xE9 at offset 3)",
        ),
        ("report.docx", b"PK\x03\x04", "unsupported file type .docx"),
        ("README", b"hello", "unsupported file type (no extension)"),
        ("heading-only.md", b"# Title\n\n## Empty\n", "no text to index"),
    ],
)
def test_bad_files_give_a_clear_reason(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    assert expected in _reason(_write(tmp_path / name, content))


def test_utf8_with_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path / "bom.md", "\ufeff# Café\n\nOpen daily.\n".encode())
    (chunk,) = load_chunks(path)
    assert (chunk.title, chunk.text) == ("Café", "Open daily.")


def test_size_limit(tmp_path: Path) -> None:
    path = _write(tmp_path / "big.txt", "word " * 400)
    assert _reason(path, max_bytes=1000) == "too large: 0.0 MB is over the 0.0 MB limit"
    assert load_chunks(path, max_bytes=2000)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert _reason(tmp_path / "nope.md") == "file not found"
    assert _reason(tmp_path) == "is a directory, not a document"


# ---------------------------------------------------------------- corpus


def test_read_corpus_reports_skipped_files_and_keeps_the_good_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "knowledge" / "corpus"
    _write(corpus / "divert.md", "# Divert\n\nCustody suite coaching.\n")
    _write(corpus / "sub" / "notes.txt", "Notes\n\nA paragraph.\n")
    _write(corpus / "sub" / "old.txt", "Caf\xe9".encode("latin-1"))
    _write(corpus / "minutes.docx", b"PK\x03\x04")
    _write(corpus / ".hidden.md", "# Hidden\n\nNot indexed.\n")
    _write(corpus / ".git" / "config.md", "# Hidden dir\n\nNot indexed.\n")

    chunks, skipped = read_corpus([Path("knowledge/corpus")])
    assert [chunk.source for chunk in chunks] == [
        "knowledge/corpus/divert.md",
        "knowledge/corpus/sub/notes.txt",
    ]
    assert [file.path for file in skipped] == [
        "knowledge/corpus/minutes.docx",
        "knowledge/corpus/sub/old.txt",
    ]
    assert skipped[0].reason.startswith("unsupported file type .docx; supported: .htm, .html")
    assert skipped[1].reason.startswith("not UTF-8 text")


def test_iter_corpus_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "corpus" / "b.md", "# B\n\nBody.\n")
    _write(tmp_path / "corpus" / "a" / "z.md", "# Z\n\nBody.\n")
    outside = _write(tmp_path.parent / f"{tmp_path.name}-outside.md", "# O\n\nBody.\n")
    try:
        found = list(
            iter_corpus(
                [
                    tmp_path / "corpus",  # absolute, under the working directory
                    Path("corpus/b.md"),  # overlaps the directory: not yielded twice
                    outside,  # outside the working directory: stays absolute
                    Path("missing"),
                ]
            )
        )
    finally:
        outside.unlink()
    assert [source for _, source in found] == [
        "corpus/a/z.md",
        "corpus/b.md",
        outside.as_posix(),
        "missing",
    ]
    assert found[0][0] == tmp_path / "corpus" / "a" / "z.md"
    assert display_path(tmp_path / "corpus") == "corpus"
    assert display_path(Path("knowledge/corpus/")) == "knowledge/corpus"


def test_documents_are_named_by_root_whatever_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _write(tmp_path / "kb" / "corpus" / "divert.md", "# Divert\n\nCoaching.\n").parent
    added = _write(tmp_path / "docs" / "sub" / "note.txt", "A note about mentoring.\n").parents[1]
    leaflet = _write(tmp_path / "loose" / "leaflet.md", "# Leaflet\n\nBoxing.\n")
    (tmp_path / "elsewhere").mkdir()
    roots = [Root(corpus, catalogue=True), added, leaflet]

    monkeypatch.chdir(tmp_path)
    here = list(iter_documents([Root(Path("kb/corpus"), catalogue=True), Path("docs"), leaflet]))
    monkeypatch.chdir(tmp_path / "elsewhere")
    there = list(iter_documents(roots))

    resolved = tmp_path.resolve()
    assert there == [
        CorpusFile(corpus / "divert.md", "knowledge/corpus/divert.md", CATALOGUE, "divert.md"),
        CorpusFile(
            added / "sub" / "note.txt",
            f"{added.as_posix()}/sub/note.txt",
            (resolved / "docs").as_posix(),
            "sub/note.txt",
        ),
        CorpusFile(leaflet, leaflet.as_posix(), (resolved / "loose").as_posix(), "leaflet.md"),
    ]
    # Only the shown source of an added folder follows the path it was given by.
    assert [(f.root, f.relative) for f in here] == [(f.root, f.relative) for f in there]
    assert [f.source for f in here] == [
        "knowledge/corpus/divert.md",
        "docs/sub/note.txt",
        "loose/leaflet.md",
    ]
    monkeypatch.chdir(tmp_path)
    ids_here = [chunk.id for file in here for chunk in load_file(file)]
    monkeypatch.chdir(tmp_path / "elsewhere")
    chunks = [chunk for file in there for chunk in load_file(file)]
    assert [chunk.id for chunk in chunks] == ids_here
    assert [(chunk.root, chunk.path, chunk.from_catalogue) for chunk in chunks] == [
        (CATALOGUE, "divert.md", True),
        ((resolved / "docs").as_posix(), "sub/note.txt", False),
        ((resolved / "loose").as_posix(), "leaflet.md", False),
    ]
    alone = load_chunks(leaflet)  # read on its own: no root, ids from the source
    assert (alone[0].root, alone[0].path) == (None, None)


def test_missing_root_is_reported_as_skipped(tmp_path: Path) -> None:
    chunks, skipped = read_corpus([tmp_path / "absent"])
    assert chunks == []
    assert [file.reason for file in skipped] == ["file not found"]


def test_shared_dev_corpus_loads() -> None:
    if not DEV_CORPUS.is_dir():
        pytest.skip(f"shared dev corpus not found at {DEV_CORPUS}")
    chunks, skipped = read_corpus([DEV_CORPUS])
    assert skipped == []
    files = sorted(DEV_CORPUS.glob("*.md"))
    assert {Path(chunk.source).name for chunk in chunks} == {path.name for path in files}
    for chunk in chunks:
        assert chunk.text in (DEV_CORPUS / Path(chunk.source).name).read_text(encoding="utf-8")
    epec = [chunk for chunk in chunks if chunk.source.endswith("/epec-burnley.md")]
    if epec:
        assert {chunk.title for chunk in epec} == {
            "Empowering Parents Empowering Communities in Burnley"
        }
        assert {chunk.as_of for chunk in epec} == {date(2021, 9, 1)}
        assert epec[0].locator == "The programme"
