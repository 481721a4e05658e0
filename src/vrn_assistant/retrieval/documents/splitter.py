"""Cutting text into passages: lines, paragraphs, sentences, and packing them to a size.

Every function works on offsets into the decoded document, so a passage is a
slice of it (modulo whitespace at its edges) and its sentences can be quoted
verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

__all__ = [
    "SECTION_CHARS",
    "TEXT_CHARS",
    "Line",
    "Parsed",
    "cut",
    "lines",
    "pack",
    "paragraphs",
    "sentences",
    "split",
]

# Target chunk sizes in characters: small enough to embed (MiniLM reads ~256
# tokens) and to quote, large enough to keep a section's sense together.
SECTION_CHARS = 1500
TEXT_CHARS = 1000

_SENTENCE_END = re.compile(r"([.!?][\"')\]]*)\s+")
_SPACES = (" ", "\n", "\t", "\r", "\f", "\v")
_NON_SPACE = re.compile(r"\S")


@dataclass(frozen=True)
class Parsed:
    """What a format's converter makes of a document."""

    title: str
    as_of: date | None
    pieces: list[tuple[str, str]]  # (locator, text), in document order


@dataclass(frozen=True)
class Line:
    start: int
    end: int  # end of the content, before the line break
    content: str

    @property
    def blank(self) -> bool:
        return not self.content.strip()


def lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    found: list[Line] = []
    offset = start
    for raw in text[start:end].splitlines(keepends=True):
        content = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        found.append(Line(offset, offset + len(content), content))
        offset += len(raw)
    return found


def paragraphs(found: Sequence[Line]) -> list[tuple[int, int]]:
    """Spans of runs of non-blank lines."""
    spans: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for line in found:
        if line.blank:
            if current is not None:
                spans.append(current)
                current = None
        elif current is None:
            current = (line.start, line.end)
        else:
            current = (current[0], line.end)
    if current is not None:
        spans.append(current)
    return spans


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        spans.append((begin, match.end(1)))
        begin = match.end()
    if begin < end:
        spans.append((begin, end))
    return spans


def pack(text: str, spans: Sequence[tuple[int, int]], limit: int) -> list[tuple[int, str]]:
    """Group consecutive paragraphs into chunks of about `limit` characters.

    Returns (index of the first paragraph, chunk text). A paragraph longer than
    the limit is cut at sentence ends, and a sentence longer than the limit at
    whitespace (hard, when it has none): every chunk is still a slice of the text.
    """
    units: list[tuple[int, int, int]] = []
    for index, (start, end) in enumerate(spans):
        parts = sentences(text, start, end) if end - start > limit else [(start, end)]
        for part_start, part_end in parts:
            units.extend((index, a, b) for a, b in cut(text, part_start, part_end, limit))
    packed: list[tuple[int, str]] = []
    group: tuple[int, int, int] | None = None
    for index, start, end in units:
        if group is not None and end - group[1] <= limit:
            group = (group[0], group[1], end)
            continue
        if group is not None:
            packed.append((group[0], text[group[1] : group[2]].strip()))
        group = (index, start, end)
    if group is not None:
        packed.append((group[0], text[group[1] : group[2]].strip()))
    return [(index, piece) for index, piece in packed if piece]


def cut(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """text[start:end] in spans of at most `limit` characters, ended at the last whitespace
    that fits (a hard cut where there is none); the whitespace between spans is left out."""
    spans: list[tuple[int, int]] = []
    while end - start > limit:
        stop = start + limit
        at = max(text.rfind(space, start + 1, stop + 1) for space in _SPACES)
        if at <= start:
            at = stop
        spans.append((start, at))
        word = _NON_SPACE.search(text, at, end)
        start = word.start() if word is not None else end
    if start < end:
        spans.append((start, end))
    return spans


def split(text: str, start: int, end: int, limit: int) -> list[str]:
    """text[start:end] as pieces of about `limit` characters, cut between paragraphs."""
    return [piece for _, piece in pack(text, paragraphs(lines(text, start, end)), limit)]
