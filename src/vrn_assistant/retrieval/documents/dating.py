"""When an added document speaks for, and how we know: `DocumentDate(day, how)`.

In order of trust:

1. `front matter`: the converter found a date (Markdown front matter or an
   "As of" line);
2. `page date`: a saved web page's own published or updated date, read by
   htmldate from its markup (meta tags, `<time>`, a dated byline), not guessed
   from the text;
3. `date line`: a line near the top that is a date, or "Published …", "Updated
   …", "Posted …" followed by one ("Friday, 13th May 2022", "Updated:
   03/02/2021", read day first as UK pages write them), parsed by dateparser;
4. `date in text`: the first full date (day, month and year) near the start
   of the text (its first IN_TEXT_CHARS characters), e.g. "put together on 27
   April 2022"; later dates are what the text is about, not when it was written;
5. `file date`: the file's own modification date;
6. `undated`.

Only the first four are *stated* dates: a file's date says when it was saved,
not when its facts were true, so claims from such a document never override a
dated fact (see vrn_assistant.claims). A day without a year ("Wednesday 25th
November") is no date at all.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from functools import cache
from typing import Any

__all__ = ["DateHow", "DocumentDate", "date_document", "full_dates"]

SCAN_CHARS = 20_000  # dates are looked for in the first this many characters of the text
IN_TEXT_CHARS = 600  # a date in the text dates the document only near its start
DATE_LINES = 15  # how many of the first non-blank lines may be a date line
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH = "|".join(_MONTHS)
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_FULL = re.compile(
    rf"\b{_WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH}),?\s+(\d{{4}})\b", re.IGNORECASE
)
_LABEL = re.compile(
    r"^\s*(?:published|updated|last updated|posted|date|first published)\b[:\s]*(.+)$",
    re.IGNORECASE,
)
_META_KEYS = ("as_of", "date", "published", "updated", "last_updated", "modified")
_NUMERIC = re.compile(r"^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\s*$")


class DateHow(StrEnum):
    """Where a document's date came from."""

    front_matter = "front matter"
    page = "page date"
    date_line = "date line"
    in_text = "date in text"
    file = "file date"
    undated = "undated"

    @property
    def stated(self) -> bool:
        """Whether the document itself states the date (a file's date does not)."""
        return self not in {DateHow.file, DateHow.undated}


@dataclass(frozen=True, slots=True)
class DocumentDate:
    """The day a document speaks for (None: undated) and how it was found."""

    day: date | None
    how: DateHow

    @property
    def stated(self) -> bool:
        return self.day is not None and self.how.stated


def date_document(
    converted: date | None,
    text: str,
    *,
    html: str | None = None,
    meta: Mapping[str, object] | None = None,
    modified: float | None = None,
) -> DocumentDate:
    """The document's date: `converted` (what its converter read) or a date in its front
    matter (`meta`: as_of, date, published, updated), else from the page's
    markup (`html`), a date line or a full date in `text`, else the file's modification
    time (`modified`, a POSIX timestamp), else undated."""
    if converted is None and meta:
        converted = next(
            (found for key in _META_KEYS if (found := _meta_date(meta.get(key))) is not None),
            None,
        )
    if converted is not None:
        return DocumentDate(converted, DateHow.front_matter)
    if html is not None:
        found = _page_date(html)
        if found is not None:
            return DocumentDate(found, DateHow.page)
    head = text[:SCAN_CHARS]
    found = _date_line(head)
    if found is not None:
        return DocumentDate(found, DateHow.date_line)
    dates = full_dates(text[:IN_TEXT_CHARS])
    if dates:
        return DocumentDate(dates[0], DateHow.in_text)
    if modified is not None:
        return DocumentDate(datetime.fromtimestamp(modified, UTC).date(), DateHow.file)
    return DocumentDate(None, DateHow.undated)


def _meta_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        return _parse(value)
    return None


def full_dates(text: str) -> list[date]:
    """Every full date written out in `text` ("11th November 2021", "Monday 11 November
    2024"), in order; impossible days are left out."""
    found: list[date] = []
    for match in _FULL.finditer(text):
        day, month, year = match.groups()
        try:
            found.append(date(int(year), _MONTHS.index(month.lower()) + 1, int(day)))
        except ValueError:
            continue
    return found


def _date_line(text: str) -> date | None:
    seen = 0
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        seen += 1
        if seen > DATE_LINES:
            return None
        if len(line) > 60:
            continue
        label = _LABEL.match(line)
        value = label.group(1) if label else line
        if label or _FULL.fullmatch(value) or _NUMERIC.match(value):
            parsed = _parse(value)
            if parsed is not None:
                return parsed
    return None


def _parse(value: str) -> date | None:
    """A full date in a short string, day first (UK), via dateparser; None without one."""
    parsed: datetime | None = _dateparser().parse(
        value.strip(" .,:;·"),
        languages=["en"],
        settings={
            "DATE_ORDER": "DMY",
            "REQUIRE_PARTS": ["day", "month", "year"],
            "STRICT_PARSING": True,
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    return parsed.date() if parsed is not None else None


def _page_date(html: str) -> date | None:
    from htmldate import find_date  # imported when a page is read: it loads lxml

    try:
        found = find_date(html, extensive_search=False, original_date=True, verbose=False)
    except (ValueError, TypeError):
        return None
    if not isinstance(found, str):
        return None
    try:
        return date.fromisoformat(found)
    except ValueError:
        return None


@cache
def _dateparser() -> Any:
    # About 0.1 s to import: only when a document needs it (it ships no type hints).
    return importlib.import_module("dateparser")
