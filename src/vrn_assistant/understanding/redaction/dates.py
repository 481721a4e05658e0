"""A date of birth as redaction found it: read into its parts, so that the age it gives
can be worked out on the day a question is asked, after the date itself is gone from
the text. It is held in memory for that one answer, never logged or stored."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from vrn_core.case import MAX_AGE, AgeRange

__all__ = ["BirthDate", "read_birth_date"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
# The shapes redaction's date patterns accept, day first as written in the UK.
_IN_FIGURES = re.compile(r"(?<!\d)(\d{1,2}) ?[/.\- ] ?(\d{1,2}) ?[/.\- ] ?(\d{2}|\d{4})(?!\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DAY_MONTH = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\.?,?\s+(\d{{2}}|\d{{4}})(?!\d)",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(
    rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.IGNORECASE
)
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{4}})(?!\d)", re.IGNORECASE)


@dataclass(frozen=True)
class BirthDate:
    """A date of birth; `day` is None when only the month and year were given, and a
    two-digit year ("03") is read against the day of the question."""

    year: int
    month: int
    day: int | None = None

    def age_on(self, on: date) -> AgeRange | None:
        """The youngest and oldest the person can be on `on` (the same, given the day);
        None for a date that cannot be a birth date then (in the future, impossible)."""
        year = self.year
        if year < 100:  # "03" is 2003 unless that is still to come
            year += 2000 if 2000 + year <= on.year else 1900
        try:
            born = date(year, self.month, self.day or 1)
        except ValueError:
            return None
        if born > on:
            return None
        age = on.year - year
        if self.day is None:
            if on.month == self.month:  # the birthday may still be to come this month
                low, high = max(age - 1, 0), age
            else:
                low = high = age - 1 if on.month < self.month else age
        else:
            low = high = age - ((on.month, on.day) < (self.month, self.day))
        return AgeRange(min=low, max=high) if high <= MAX_AGE else None


def read_birth_date(said: str) -> BirthDate | None:
    """The parts of a date of birth as typed ("12/03/2003", "3rd April 05", "May 2004",
    "2004-02-01"); None when no date can be read from it."""
    if (found := _ISO.search(said)) is not None:
        return BirthDate(int(found[1]), int(found[2]), int(found[3]))
    if (found := _IN_FIGURES.search(said)) is not None:
        return BirthDate(int(found[3]), int(found[2]), int(found[1]))
    if (found := _DAY_MONTH.search(said)) is not None:
        return BirthDate(int(found[3]), _MONTHS[found[2].lower()], int(found[1]))
    if (found := _MONTH_DAY.search(said)) is not None:
        return BirthDate(int(found[3]), _MONTHS[found[1].lower()], int(found[2]))
    if (found := _MONTH_YEAR.search(said)) is not None:
        return BirthDate(int(found[2]), _MONTHS[found[1].lower()])
    return None
