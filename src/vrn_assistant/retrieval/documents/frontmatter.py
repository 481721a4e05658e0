"""Markdown front matter (YAML between '---' lines) and the dates a document speaks for."""

from __future__ import annotations

import re
from datetime import date, datetime

import yaml

from vrn_assistant.errors import DocumentError
from vrn_assistant.retrieval.documents.splitter import lines
from vrn_core.yamlfile import YamlRefused, load_yaml_text

__all__ = [
    "AS_OF_LINE",
    "MAX_FRONT_MATTER_CHARS",
    "MAX_FRONT_MATTER_DEPTH",
    "as_of_line",
    "front_matter",
    "meta_as_of",
    "meta_title",
    "parse_date",
]

MAX_FRONT_MATTER_CHARS = 64 * 1024
MAX_FRONT_MATTER_DEPTH = 32

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
    meta = _load(text[found[0].end : closing.start])
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise DocumentError("malformed front matter: expected 'key: value' lines")
    body_start = closing.end
    while body_start < len(text) and text[body_start] in "\r\n":
        body_start += 1
    return {str(key): value for key, value in meta.items()}, body_start


def _load(source: str) -> object:
    """The front matter's YAML, within its limits; DocumentError naming what is wrong."""
    if len(source) > MAX_FRONT_MATTER_CHARS:
        raise DocumentError(
            f"front matter too long: {len(source):,} characters, "
            f"over the {MAX_FRONT_MATTER_CHARS:,} limit"
        )
    _check_depth(source)
    try:
        return load_yaml_text(source)
    except YamlRefused as error:
        raise DocumentError(f"front matter {error}") from None


def _check_depth(source: str) -> None:
    """Refuse syntax errors (with the file's line) and nesting deeper than the limit,
    reading parser events only, so nothing is built yet."""
    depth = 0
    try:  # the pure-Python parser: its messages are the clearer ones
        for event in yaml.parse(source, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_FRONT_MATTER_DEPTH:
                    line = event.start_mark.line + 1 if event.start_mark else 0
                    raise DocumentError(
                        f"front matter nested over {MAX_FRONT_MATTER_DEPTH} levels deep "
                        f"on line {line}"
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or str(error)
        mark = getattr(error, "problem_mark", None)
        # The YAML text starts at the end of the opening '---' line: its line 0 is line 1.
        where = f" on line {mark.line + 1}" if mark is not None else ""
        raise DocumentError(f"malformed front matter: {problem}{where}") from None


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
