"""Markdown: front matter, then one passage group per `#`/`##`/`###` section."""

from __future__ import annotations

from vrn_assistant.retrieval.documents.frontmatter import (
    AS_OF_LINE,
    as_of_line,
    front_matter,
    meta_as_of,
    meta_title,
)
from vrn_assistant.retrieval.documents.splitter import SECTION_CHARS, Parsed, lines, split
from vrn_core.catalogue.sections import headings

__all__ = ["read_markdown"]


def read_markdown(text: str, stem: str) -> Parsed:
    meta, body_start = front_matter(text)
    found = headings(text, body_start)

    first_h1 = next((h for h in found if h.level == 1), None)
    title = meta_title(meta) or (first_h1.text if first_h1 else stem)
    as_of = meta_as_of(meta)
    if as_of is None:
        preamble_end = next((h.start for h in found if h.level > 1), len(text))
        as_of = as_of_line(text[body_start:preamble_end])

    # Sections: the text before the first heading, then each heading's body.
    # The title heading's body is the introduction, located by the title.
    bounds = [(title, body_start)]
    for heading in found:
        bounds.append((title if heading is first_h1 else heading.text, heading.end))
    starts = [heading.start for heading in found] + [len(text)]
    pieces: list[tuple[str, str]] = []
    for (locator, start), end in zip(bounds, starts, strict=True):
        section = text[start:end]
        if any(not line.blank and not AS_OF_LINE.match(line.content) for line in lines(section)):
            pieces.extend((locator, piece) for piece in split(text, start, end, SECTION_CHARS))
    return Parsed(title=title, as_of=as_of, pieces=pieces)
