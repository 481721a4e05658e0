"""Markdown front matter (YAML between '---' lines) and the dates a document speaks for."""

from __future__ import annotations

import re
from datetime import date, datetime

import yaml

from vrn_assistant.errors import DocumentError
from vrn_assistant.retrieval.documents.splitter import lines

__all__ = ["AS_OF_LINE", "as_of_line", "front_matter", "meta_as_of", "meta_title", "parse_date"]

AS_OF_LINE = re.compile(r"^\s*As of:?\s*(\d{4}-\d{2}(?:-\d{2})?)\.?\s*$", re.IGNORECASE)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


def front_matter(text: str) -> tuple[dict[str, object], int]:
    """The YAML front matter as a mapping, and where the body starts."""
    found = lines(text)
    if not found or found[0].content.rstrip() != "---":
        return {}, 0
    closing = next((line for line in found[1:] if line.content.rstrip() in {"---", "..."}), None)
    if closing is None:
        raise DocumentError("front matter opened with '---' on line 1 is never closed")
    try:
        meta = yaml.safe_load(text[found[0].end : closing.start])
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or str(error)
        mark = getattr(error, "problem_mark", None)
        # The YAML text starts at the end of the opening '---' line: its line 0 is line 1.
        where = f" on line {mark.line + 1}" if mark is not None else ""
        raise DocumentError(f"malformed front matter: {problem}{where}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise DocumentError("malformed front matter: expected 'key: value' lines")
    body_start = closing.end
    while body_start < len(text) and text[body_start] in "\r\n":
        body_start += 1
    return {str(key): value for key, value in meta.items()}, body_start


def meta_title(meta: dict[str, object]) -> str | None:
    title = meta.get("title")
    if title is None:
        return None
    if not isinstance(title, str) or not title.strip():
        raise DocumentError("front matter 'title' must be non-empty text")
    return title.strip()


def meta_as_of(meta: dict[str, object]) -> date | None:
    value = meta.get("as_of")
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    parsed = parse_date(str(value))
    if parsed is None:
        raise DocumentError(
            f"front matter 'as_of' {value!r} is not a date; use YYYY-MM-DD or YYYY-MM"
        )
    return parsed


def as_of_line(text: str) -> date | None:
    """The date of the first 'As of: 2021-09.' line in text, if any."""
    for line in lines(text):
        match = AS_OF_LINE.match(line.content)
        if match:
            parsed = parse_date(match.group(1))
            if parsed is None:
                raise DocumentError(f"'As of' date {match.group(1)} is not a real date")
            return parsed
    return None


def parse_date(value: str) -> date | None:
    """YYYY-MM-DD or YYYY-MM (the first of the month); None if it is not a real date."""
    match = _ISO_DATE.match(value.strip())
    if not match:
        return None
    year, month, day = match.group(1), match.group(2), match.group(3) or "1"
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
