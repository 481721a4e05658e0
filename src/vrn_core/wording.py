"""How the rules say things: sentences, dates, lists and names, in one place.

Everything that turns a value into words for a reason, an answer, a report or
the app comes from here, so a date or a list is always written the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from enum import StrEnum
from functools import cache

from vrn_core.vocabulary import describe

__all__ = [
    "describe_any",
    "format_day",
    "format_month",
    "join_or",
    "possessive",
    "sentence",
    "when_ends",
    "when_starts",
]


def sentence(text: str) -> str:
    """'it runs' -> 'It runs.': a capital first letter and a closing full stop."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def join_or(names: Iterable[str]) -> str:
    """['a', 'b', 'c'] -> 'a, b or c'."""
    items = list(names)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


def describe_any(values: Iterable[StrEnum]) -> str:
    """[Setting.prison, Setting.school] -> 'prison or a school'."""
    return join_or(describe(value) for value in values)


def possessive(name: str) -> str:
    """"DIVERT" -> "DIVERT's"; "Support for prisoners' families" stays readable."""
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
