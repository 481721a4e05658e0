"""What a practitioner knows about a person or organisation: the Case.

Every fact may be absent. Absent means unknown, never "no": the rules answer
`unknown` for it and name it as a missing fact. Where a practitioner knows a
thing is *not* so (an arrest for shoplifting with no violence), the negative is
stated explicitly (`without_issues`, or a non-violent `offence`).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from vrn_core.vocabulary import Gender, Issue, OffenceCategory, ProgrammeKind, Role, Sector, Setting

# The enums live in vrn_core.vocabulary; they are named here too while callers move over.
__all__ = [
    "Case",
    "Gender",
    "Issue",
    "OffenceCategory",
    "Role",
    "Sector",
    "Setting",
    "Want",
]


Want = ProgrammeKind  # the old name, until every caller says ProgrammeKind

Age = Annotated[int, Field(ge=0, le=120)]


class Case(BaseModel):
    """The facts known about one person or organisation. All optional."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    age: Age | None = Field(default=None, description="Age in whole years.")
    place: str | None = Field(
        default=None,
        description="Where the person is or lives, as free text; the gazetteer resolves it.",
    )
    setting: Setting | None = Field(default=None, description="Where the person is now.")
    roles: frozenset[Role] = Field(default_factory=frozenset, description="Roles known to hold.")
    issues: frozenset[Issue] = Field(
        default_factory=frozenset, description="Issues known to be involved."
    )
    without_issues: frozenset[Issue] = Field(
        default_factory=frozenset, description="Issues known NOT to be involved."
    )
    offence: OffenceCategory | None = Field(
        default=None, description="Offence category, where an arrest or conviction is involved."
    )
    gender: Gender | None = None
    sector: Sector | None = Field(
        default=None, description="Sector of a practitioner or organisation."
    )
    course: str | None = Field(
        default=None, description="Course of study, for students (free text)."
    )
    wants: frozenset[ProgrammeKind] = Field(
        default_factory=frozenset,
        description="Kinds of programme the asker is looking for; ranking only, never eligibility.",
    )

    @field_validator("age", mode="before")
    @classmethod
    def _age_is_a_number(cls, value: object) -> object:
        if isinstance(value, bool):  # JSON true would otherwise be read as age 1
            raise ValueError("age must be a whole number of years, not true or false")
        return value

    @field_validator("place", "course")
    @classmethod
    def _blank_is_absent(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = " ".join(value.split())
        return value or None

    def has_issue(self, issue: Issue) -> bool | None:
        """True if known present, False if known absent, None if unknown."""
        if issue in self.issues:
            return True
        if issue in self.without_issues:
            return False
        if issue is Issue.violence and self.offence is OffenceCategory.violent:
            return True
        return None
