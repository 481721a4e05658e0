"""How the rules say things: sentences, dates, lists and names, in one place.

Everything that turns a value into words for a reason, an answer, a report or
the app comes from here, so a date or a list is always written the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from enum import StrEnum
from functools import cache

from vrn_core.vocabulary import describe

__all__ = [
    "describe_all",
    "describe_any",
    "format_day",
    "format_month",
    "full_stop",
    "join_and",
    "join_or",
    "parse_day",
    "possessive",
    "sentence",
    "when_ends",
    "when_starts",
]


def full_stop(text: str) -> str:
    """'it runs' -> 'it runs.': a closing full stop unless it ends a sentence already."""
    text = text.strip()
    return text if not text or text.endswith((".", "!", "?")) else text + "."


def sentence(text: str) -> str:
    """'it runs' -> 'It runs.': a capital first letter and a closing full stop."""
    text = full_stop(text)
    return text[:1].upper() + text[1:]


def join_or(names: Iterable[str]) -> str:
    """['a', 'b', 'c'] -> 'a, b or c'."""
    items = list(names)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


def join_and(names: Iterable[str]) -> str:
    """['a', 'b', 'c'] -> 'a, b and c'."""
    items = list(names)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def describe_all(values: Iterable[StrEnum]) -> str:
    """Facts that all hold: [Role.suspect, Role.young_person] -> '... and a young person'."""
    return join_and(describe(value) for value in values)


def describe_any(values: Iterable[StrEnum]) -> str:
    """[Setting.prison, Setting.school] -> 'prison or a school'."""
    return join_or(describe(value) for value in values)


def possessive(name: str) -> str:
    """ "DIVERT" -> "DIVERT's"; "Support for prisoners' families" stays readable."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


@cache
def format_month(day: date) -> str:
    """date(2020, 12, 1) -> 'December 2020'."""
    return day.strftime("%B %Y")


@cache
def format_day(day: date) -> str:
    """date(2020, 10, 18) -> '18 October 2020'."""
    return f"{day.day} {format_month(day)}"


def when_starts(day: date) -> tuple[str, str]:
    """A start as (preposition, when): a whole month from its first day, else the day.

    >>> when_starts(date(2020, 12, 1)), when_starts(date(2020, 10, 18))
    (('in', 'December 2020'), ('on', '18 October 2020'))
    """
    return ("in", format_month(day)) if day.day == 1 else ("on", format_day(day))


def when_ends(day: date) -> tuple[str, str]:
    """An end as (preposition, when): a whole month when it is the month's last day."""
    whole_month = (day + timedelta(days=1)).day == 1
    return ("in", format_month(day)) if whole_month else ("on", format_day(day))


_UK_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def parse_day(text: str) -> date:
    """A date as people type it: ISO (2020-11-15) or the UK's day first (15/11/2020).

    >>> parse_day("2020-11-15") == parse_day("15/11/2020") == date(2020, 11, 15)
    True
    """
    text = text.strip()
    uk = _UK_DAY.fullmatch(text)
    try:
        if uk:
            return date(int(uk.group(3)), int(uk.group(2)), int(uk.group(1)))
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a date (use YYYY-MM-DD or DD/MM/YYYY)") from None
