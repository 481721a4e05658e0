"""HTML: a saved page's main content, read by trafilatura, in sections by its headings.

A saved page holds much that is not its content: menus, cookie banners, "skip
to content" links, share buttons, sidebars of unrelated headlines, footers.
trafilatura finds the main content, so none of that is
indexed or quoted. Its output is parsed as XML: each heading starts a section,
each paragraph, list item or table row is one paragraph of text (whitespace
collapsed). trafilatura's balanced setting can drop a short page's headings and
lists; its recall setting keeps them, and is tried on short pages (under
SHORT_PAGE characters of main text) and used when it adds little text
(at most RECALL_GROWTH times as much, plus RECALL_SLACK characters: more means
it took in page clutter), and chunks are slices of that extracted text, so any sentence of a
chunk is quoted verbatim from what the page shows. Inside a paragraph, a line
break marks where the page's markup cuts the text (an inline tag such as
`<strong>`, or a character written as a reference such as `&amp;`), so every
line of a chunk can also be found, as written, in the saved file.

Bounded: a page is cut at MAX_HTML_CHARS before parsing, and lxml (under
trafilatura) recovers from unclosed tags in linear time.
"""

from __future__ import annotations

import html
import importlib
import re
from collections.abc import Iterator
from typing import Any

from vrn_assistant.errors import DocumentError
from vrn_assistant.retrieval.documents.splitter import SECTION_CHARS, Parsed, split

__all__ = ["MAX_HTML_CHARS", "read_html"]

MAX_HTML_CHARS = 2_000_000  # characters of markup read; a saved page is rarely a tenth of it
RECALL_GROWTH = 1.5
RECALL_SLACK = 200  # characters: a short page's headings are a large share of it
SHORT_PAGE = 3000  # characters of main text below which the recall setting is tried too
_PARAGRAPHS = frozenset({"p", "item", "row", "quote", "code"})
_CLOSING = ".,;:!?)]’”'\""
_REFERENCE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def read_html(text: str, stem: str) -> Parsed:
    """The page's title and its main content, in sections; DocumentError if it has none."""
    import trafilatura  # imported when a page is read: it loads lxml and its models

    markup = text[:MAX_HTML_CHARS]
    balanced = _extract(trafilatura, markup, recall=False)
    short = balanced is None or _length(balanced) < SHORT_PAGE
    fuller = _extract(trafilatura, markup, recall=True) if short else None
    extracted = balanced
    if fuller is not None and (
        balanced is None or _length(fuller) <= RECALL_GROWTH * _length(balanced) + RECALL_SLACK
    ):
        extracted = fuller  # headings and lists the balanced setting dropped, no clutter
    if extracted is None:
        raise DocumentError(
            "HTML has no text in its main content (only menus, scripts or page furniture)"
        )
    title, sections = _sections(extracted, _referenced(markup))
    metadata = trafilatura.extract_metadata(markup)
    page_title = getattr(metadata, "title", None) if metadata is not None else None
    title = _collapse(page_title or title or stem)
    pieces: list[tuple[str, str]] = []
    for heading, paragraphs in sections:
        body = "\n\n".join(paragraphs)
        pieces.extend(
            (heading or title, piece) for piece in split(body, 0, len(body), SECTION_CHARS)
        )
    if not pieces:
        raise DocumentError(
            "HTML has no text in its main content (only menus, scripts or page furniture)"
        )
    return Parsed(title=title, as_of=None, pieces=pieces)


def _extract(trafilatura: Any, markup: str, *, recall: bool) -> Any | None:
    """trafilatura's XML tree of the main content (an lxml element), or None."""
    etree: Any = importlib.import_module("lxml.etree")  # installed with trafilatura; untyped
    found = trafilatura.extract(
        markup,
        output_format="xml",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=True,
        include_formatting=True,
        deduplicate=False,
        favor_recall=recall,
        # Without the fallback extractors the balanced pass is several times faster and
        # finds the same text on saved pages; the recall pass (short pages only) keeps them.
        fast=not recall,
    )
    if not found:
        return None
    try:
        return etree.fromstring(found.encode("utf-8"))
    except etree.XMLSyntaxError:
        return None


def _length(tree: Any) -> int:
    return len(_collapse("".join(tree.itertext())))


def _sections(
    tree: Any, referenced: frozenset[str] = frozenset()
) -> tuple[str | None, list[tuple[str | None, list[str]]]]:
    """(the first heading, [(heading, paragraphs)]) of trafilatura's XML output."""
    first: str | None = None
    sections: list[tuple[str | None, list[str]]] = [(None, [])]
    main = tree.find("main")
    body = main if main is not None else tree
    for element in body.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "head":
            heading = _collapse("".join(element.itertext()))
            if heading:
                first = first or heading
                sections.append((heading, []))
        elif tag in _PARAGRAPHS and not _inside_paragraph(element, body):
            paragraph = "\n".join(_lines(list(_runs(element)), referenced))
            if paragraph:
                sections[-1][1].append(paragraph)
    return first, [(heading, text) for heading, text in sections if text]


def _runs(element: Any) -> Iterator[str]:
    """The paragraph's text as the markup cuts it: each inline element's text apart."""
    yield element.text or ""
    for child in element:
        if isinstance(child.tag, str):
            yield from _runs(child)
        yield child.tail or ""


def _lines(runs: list[str], referenced: frozenset[str]) -> list[str]:
    """A paragraph's lines: one per run of the page's text between markup (an inline
    tag, or a character written as a reference such as `&amp;`), so that each line
    can be found as written in the saved file; punctuation after a tag stays on the
    line before."""
    lines: list[str] = []
    for run in runs:
        for piece in _around_references(_collapse(run), referenced):
            if lines and piece[0] in _CLOSING:
                stuck = len(piece) - len(piece.lstrip(_CLOSING))
                lines[-1] += piece[:stuck]
                piece = piece[stuck:].strip()
            if piece:
                lines.append(piece)
    return lines


def _around_references(text: str, referenced: frozenset[str]) -> list[str]:
    """The text cut before and after each word holding a character the page wrote as a
    character reference ("A&amp;E"): such a word is its own line."""
    if not text or not referenced.intersection(text):
        return [text] if text else []
    pieces: list[str] = []
    current: list[str] = []
    for word in text.split(" "):
        if referenced.intersection(word):
            pieces += [" ".join(current), word]
            current = []
        else:
            current.append(word)
    pieces.append(" ".join(current))
    return [piece for piece in pieces if piece]


def _referenced(markup: str) -> frozenset[str]:
    """The characters the page writes as character references (`&amp;`, `&#8217;`)."""
    found = {html.unescape(match) for match in _REFERENCE.findall(markup[:MAX_HTML_CHARS])}
    return frozenset(char for text in found for char in text if len(text) == 1)


def _inside_paragraph(element: Any, body: Any) -> bool:
    """A paragraph inside another one (a list in a table cell) is read with its parent."""
    parent = element.getparent()
    while parent is not None and parent is not body:
        if parent.tag in _PARAGRAPHS:
            return True
        parent = parent.getparent()
    return False


def _collapse(text: str) -> str:
    return " ".join(text.split())
