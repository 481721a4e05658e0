"""A VRN programme as the catalogue records it, with its referral pathway.

Its criteria, windows and pathway are dated facts (vrn_core.dating): `on(day)`
gives the `Edition` in force on a day, the values every verdict uses. Editions
are worked out once, when the record is read, so looking one up is a binary
search over the dates on which something changes (none, for most records).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, cast

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from vrn_core.availability import Window
from vrn_core.criteria import AllOf, AnyOf, Criterion, criteria_in_force, resolve
from vrn_core.dating import Change, Dated
from vrn_core.sources import SourceRef
from vrn_core.vocabulary import Asker, Issue, PlaceRole, ProgrammeKind

__all__ = [
    "AskerAdvice",
    "Contact",
    "ContactRoute",
    "Edition",
    "Pathway",
    "PathwayChange",
    "Programme",
    "Provider",
    "ReferralRoute",
    "RouteKind",
    "SourcedText",
    "UsualRoute",
]

# Loose on purpose (a catalogue, not a mail server), strict enough to catch a pasted
# sentence or a number with letters in it.
_PHONE = r"^(?:101|111|999|(?:\+44 ?|0)\d[\d ]{8,12}\d)$"
_EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
_URL = r"^https?://[^\s]+$"


class ReferralRoute(StrEnum):
    """How a person gets to a programme."""

    triggered = "triggered"  # offered because of an event, e.g. an arrest or a police report
    professional_referral = "professional_referral"
    self_referral = "self_referral"
    open_access = "open_access"  # download, join or sign up, no referral needed
    contact_vrn = "contact_vrn"  # get in touch with the VRN team


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class SourcedText(_Record):
    text: str = Field(min_length=3)
    source: SourceRef


class Provider(_Record):
    name: str
    role: str | None = Field(default=None, description="What they do in the programme.")
    source: SourceRef


class RouteKind(StrEnum):
    """A way to reach a contact."""

    phone = "phone"
    email = "email"
    web = "web"
    post = "post"


_ROUTE_PATTERNS = {RouteKind.phone: _PHONE, RouteKind.email: _EMAIL, RouteKind.web: _URL}


class ContactRoute(_Record):
    """One way to reach a contact, typed: a phone number, an email or web address, a
    postal address; `note` says when or what for ("8pm to 8am", "out of hours")."""

    kind: RouteKind
    value: str = Field(min_length=3)
    note: str | None = None

    @model_validator(mode="after")
    def _looks_like_its_kind(self) -> ContactRoute:
        pattern = _ROUTE_PATTERNS.get(self.kind)
        if pattern is not None and re.fullmatch(pattern, self.value) is None:
            raise ValueError(f"{self.value!r} is not a {self.kind.value} (see docs/catalogue.md)")
        return self


class UsualRoute(StrEnum):
    """What a contact is the usual route for, when no programme fits."""

    domestic_abuse = "domestic_abuse"  # reporting domestic abuse
    child_safeguarding = "child_safeguarding"  # a concern about a child's safety or welfare


class Contact(_Record):
    """Someone to get in touch with, and every way the sources give to reach them."""

    name: str
    address: str | None = Field(default=None, description="Postal address.")
    email: str | None = Field(default=None, pattern=_EMAIL)
    phone: str | None = Field(default=None, pattern=_PHONE)
    url: str | None = Field(default=None, pattern=_URL)
    more: tuple[ContactRoute, ...] = Field(
        default=(), description="Further routes (a second number, out of hours), typed."
    )
    usual_for: tuple[UsualRoute, ...] = Field(
        default=(), description="What it is the usual route for when no programme fits."
    )
    areas: tuple[str, ...] = Field(
        default=(), description="Place ids of the area it serves (a council's districts)."
    )
    source: SourceRef

    def routes(self) -> tuple[ContactRoute, ...]:
        """Every way to reach it: phones first, then email, web and post addresses."""
        found = [
            ContactRoute(kind=kind, value=value)
            for kind, value in (
                (RouteKind.phone, self.phone),
                (RouteKind.email, self.email),
                (RouteKind.web, self.url),
                (RouteKind.post, self.address),
            )
            if value
        ]
        order = list(RouteKind)
        return tuple(sorted((*found, *self.more), key=lambda route: order.index(route.kind)))


class AskerAdvice(_Record):
    """What to do, addressed to the person asking (custody staff, a nurse, a parent)."""

    askers: tuple[Asker, ...] = Field(min_length=1)
    text: str = Field(min_length=3)
    source: SourceRef


class PathwayChange(Change):
    """A later value of the pathway: only the fields that change."""

    summary: str | None = Field(default=None, min_length=3)
    routes: tuple[ReferralRoute, ...] | None = Field(default=None, min_length=1)
    trigger: str | None = None
    who_can_refer: tuple[str, ...] | None = None
    next_steps: tuple[str, ...] | None = Field(default=None, min_length=1)


class Pathway(Dated):
    """How to reach the programme, as data: routes, triggers, who refers, next steps."""

    summary: str = Field(min_length=3)
    routes: tuple[ReferralRoute, ...] = Field(min_length=1)
    trigger: str | None = Field(default=None, description="The event that brings the offer.")
    who_can_refer: tuple[str, ...] = ()
    next_steps: tuple[str, ...] = Field(min_length=1)
    in_person: str | None = Field(
        default=None,
        description="Who to ask in person when the sources give no phone or email "
        "('ask the custody staff on shift').",
    )
    advice: tuple[AskerAdvice, ...] = Field(
        default=(), description="Referral advice addressed to who is asking."
    )
    changes: tuple[PathwayChange, ...] = Field(
        default=(), description="Later values, each in force from its `from` date."
    )

    def advice_for(self, asker: Asker | None) -> AskerAdvice | None:
        """The advice addressed to this asker, if the record has some."""
        return next((a for a in self.advice if asker in a.askers), None)


@dataclass(frozen=True, slots=True)
class Edition:
    """A programme's verdict-relevant facts as in force from `since` (None: from the start)."""

    since: date | None
    criteria: tuple[Criterion, ...]
    availability: tuple[Window, ...]
    pathway: Pathway
    # What `assessment` has judged from these facts alone (the area and state for one
    # place on one date), kept so that ranking does not judge them again per case.
    judged: dict[object, object] = field(default_factory=dict, compare=False, repr=False)
    has_audience: bool = field(init=False, compare=False, repr=False)  # a window for some only

    def __post_init__(self) -> None:
        audience = any(window.audience is not None for window in self.availability)
        object.__setattr__(self, "has_audience", audience)


class Programme(_Record):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    aliases: tuple[str, ...] = ()
    kind: ProgrammeKind
    summary: SourcedText
    topics: tuple[Issue, ...] = Field(
        default=(), description="What the programme is about; ranking only."
    )
    delivered_by: tuple[Provider, ...] = Field(min_length=1)
    criteria: tuple[Criterion, ...] = Field(min_length=1, description="All must hold.")
    availability: tuple[Window, ...] = Field(min_length=1)
    area_uses: tuple[PlaceRole, ...] = Field(
        default=(),
        description="Which of the case's places the area check uses, first known first "
        "(DIVERT: where the person is held); the case's general place when none is known.",
    )
    pathway: Pathway
    contacts: tuple[Contact, ...] = ()
    facts: tuple[SourcedText, ...] = Field(
        default=(), description="Other sourced facts an answer may state."
    )

    _starts: tuple[date, ...] = PrivateAttr(default=())
    _editions: tuple[Edition, ...] = PrivateAttr(default=())

    @model_validator(mode="after")
    def _has_a_need(self) -> Programme:
        if not any(criterion.defining for criterion in _walk(self.criteria)):
            raise ValueError("mark at least one criterion `defining: true` (who it is for)")
        return self

    @model_validator(mode="after")
    def _build_editions(self) -> Programme:
        first = Edition(
            None, criteria_in_force(self.criteria, None), self.availability, self.pathway
        )
        starts = sorted({day for fact in self.dated_facts() for day in fact.change_dates()})
        self._starts = tuple(starts)
        self._editions = (first, *(self._edition(day) for day in starts))
        return self

    def _edition(self, day: date) -> Edition:
        windows = []
        for window in self.availability:
            version = window.on(day)
            if version.audience is not None:
                audience = resolve(version.audience, day)
                if audience is not version.audience:
                    version = version.model_copy(update={"audience": audience})
            windows.append(version)
        return Edition(
            since=day,
            criteria=criteria_in_force(
                tuple(resolve(criterion, day) for criterion in self.criteria), day
            ),
            availability=tuple(windows),
            pathway=self.pathway.on(day),
        )

    def on(self, day: date) -> Edition:
        """The criteria, windows and pathway in force on `day`."""
        # Read the private values directly: pydantic's attribute fallback costs
        # microseconds, and ranking asks every programme on every call.
        private = cast("dict[str, Any]", self.__pydantic_private__)
        editions: tuple[Edition, ...] = private["_editions"]
        starts: tuple[date, ...] = private["_starts"]
        return editions[bisect_right(starts, day)] if starts else editions[0]

    def editions(self) -> tuple[Edition, ...]:
        """Every edition, oldest first: the record as written, then after each change."""
        return self._editions

    def dated_facts(self) -> Iterator[Dated]:
        """Every dated fact as written (criteria leaves, windows and their audiences, the
        pathway); each one's `versions()` gives its later values."""
        for criterion in _walk(self.criteria):
            if not isinstance(criterion, AllOf | AnyOf):
                yield criterion
        for window in self.availability:
            yield window
            for version in window.versions():
                if version.audience is not None:
                    yield from (
                        c for c in _walk((version.audience,)) if not isinstance(c, AllOf | AnyOf)
                    )
        yield self.pathway

    def sources(self) -> tuple[SourceRef, ...]:
        """Every source this record cites, in order, without repeats (changes included)."""
        refs: list[SourceRef] = [self.summary.source, self.pathway.source]
        refs += [provider.source for provider in self.delivered_by]
        refs += [c.source for c in _walk(self.criteria) if not isinstance(c, AllOf | AnyOf)]
        refs += [window.source for window in self.availability]
        refs += [contact.source for contact in self.contacts]
        refs += [advice.source for advice in self.pathway.advice]
        refs += [fact.source for fact in self.facts]
        refs += [version.source for fact in self.dated_facts() for version in fact.versions()]
        return tuple(dict.fromkeys(refs))

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def _walk(criteria: tuple[Criterion, ...]) -> list[Criterion]:
    found: list[Criterion] = []
    for criterion in criteria:
        found.append(criterion)
        if isinstance(criterion, AllOf | AnyOf):
            found += _walk(criterion.criteria)
    return found
