"""Section headings of a Markdown document: the one parser that the catalogue's
source checks and the assistant's chunker share, so a heading a programme cites
is exactly a section the index holds."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Heading", "headings"]

# ATX headings of levels 1-3; an optional closing run of '#' is not part of the text.
_HEADING = re.compile(r"^ {0,3}(#{1,3})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


@dataclass(frozen=True)
class Heading:
    """One heading: its level (1-3), its text, and where its line starts and ends."""

    level: int
    text: str
    start: int
    end: int  # end of the heading line, before its line break


def headings(text: str, start: int = 0) -> list[Heading]:
    """The headings of `text[start:]` in order, skipping fenced code blocks.

    >>> [(h.level, h.text) for h in headings("# Title\\n\\n## Who it is for ##\\n```\\n# not\\n```\\n")]
    [(1, 'Title'), (2, 'Who it is for')]
    """
    found: list[Heading] = []
    fence: str | None = None
    offset = start
    for raw in text[start:].splitlines(keepends=True):
        content = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        fence_match = _FENCE.match(content)
        if fence_match:
            marker = fence_match.group(1)[0]
            fence = marker if fence is None else (None if marker == fence else fence)
        elif fence is None:
            heading = _HEADING.match(content)
            if heading and heading.group(2):
                found.append(
                    Heading(len(heading.group(1)), heading.group(2), offset, offset + len(content))
                )
        offset += len(raw)
    return found
