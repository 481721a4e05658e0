"""A VRN programme as the catalogue records it, with its referral pathway."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from vrn_core.availability import Window
from vrn_core.criteria import AllOf, AnyOf, Criterion
from vrn_core.sources import SourceRef
from vrn_core.vocabulary import Issue, PlaceRole, ProgrammeKind

__all__ = [
    "Contact",
    "Pathway",
    "Programme",
    "Provider",
    "ReferralRoute",
    "SourcedText",
]


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


class Contact(_Record):
    name: str
    address: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    source: SourceRef


class Pathway(_Record):
    """How to reach the programme, as data: routes, triggers, who refers, next steps."""

    summary: str = Field(min_length=3)
    routes: tuple[ReferralRoute, ...] = Field(min_length=1)
    trigger: str | None = Field(default=None, description="The event that brings the offer.")
    who_can_refer: tuple[str, ...] = ()
    next_steps: tuple[str, ...] = Field(min_length=1)
    source: SourceRef


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

    @model_validator(mode="after")
    def _has_a_need(self) -> Programme:
        if not any(criterion.defining for criterion in _walk(self.criteria)):
            raise ValueError("mark at least one criterion `defining: true` (who it is for)")
        return self

    def sources(self) -> tuple[SourceRef, ...]:
        """Every source this record cites, in order, without repeats."""
        refs: list[SourceRef] = [self.summary.source, self.pathway.source]
        refs += [provider.source for provider in self.delivered_by]
        refs += [c.source for c in _walk(self.criteria) if not isinstance(c, AllOf | AnyOf)]
        refs += [window.source for window in self.availability]
        refs += [contact.source for contact in self.contacts]
        refs += [fact.source for fact in self.facts]
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
