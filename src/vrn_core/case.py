"""What a practitioner knows about a person or organisation: the Case.

Every fact may be absent. Absent means unknown, never "no": the rules answer
`unknown` for it and name it as a missing fact. Where a practitioner knows a
thing is *not* so (an arrest for shoplifting with no violence), the negative is
stated explicitly (`without_issues`, or a non-violent `offence`).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from vrn_core.vocabulary import (
    Gender,
    Issue,
    OffenceCategory,
    PlaceRole,
    ProgrammeKind,
    Role,
    Sector,
    Setting,
)

__all__ = ["MAX_AGE", "AgeRange", "Case"]


MAX_AGE = 120
Age = Annotated[int, Field(ge=0, le=MAX_AGE)]


class AgeRange(BaseModel):
    """An age known only roughly: "in her early twenties" is 20 to 23. Both ends count."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    min: Age
    max: Age

    @model_validator(mode="after")
    def _ordered(self) -> AgeRange:
        if self.min > self.max:
            raise ValueError(f"min {self.min} is above max {self.max}")
        return self

    def __str__(self) -> str:
        if self.min == self.max:
            return str(self.min)
        if self.min == 0:
            return f"under {self.max + 1}"
        if self.max == MAX_AGE:
            return f"over {self.min - 1}"
        return f"{self.min}–{self.max}"

    def described(self) -> str:
        """Said in a reason: "an age of 20–23", "an age under 18", "an age over 25"."""
        said = str(self)
        return f"an age {said}" if said.startswith(("under", "over")) else f"an age of {said}"


class Case(BaseModel):
    """The facts known about one person or organisation. All optional."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    age: Age | None = Field(default=None, description="Age in whole years.")
    age_range: AgeRange | None = Field(
        default=None,
        description="Where only a range is known ('late teens'); judged three-valued against "
        "an age band: wholly inside, wholly outside, or unknown. Not with `age`.",
    )
    place: str | None = Field(
        default=None,
        description="Where the person is or lives, as free text; the gazetteer resolves it.",
    )
    places: dict[PlaceRole, str] = Field(
        default_factory=dict,
        description="Places by what they are for the case (held, treated, lives, happened), as "
        "free text; a programme's area check uses the one its record names, else `place`.",
    )
    setting: Setting | None = Field(default=None, description="Where the person is now.")
    without_settings: frozenset[Setting] = Field(
        default_factory=frozenset,
        description="Settings the person is known NOT to be in ('he's not in custody').",
    )
    roles: frozenset[Role] = Field(default_factory=frozenset, description="Roles known to hold.")
    without_roles: frozenset[Role] = Field(
        default_factory=frozenset,
        description="Roles known NOT to hold ('he hasn't got any kids': not a parent).",
    )
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

    @model_validator(mode="after")
    def _consistent(self) -> Case:
        if self.age is not None and self.age_range is not None:
            raise ValueError("give age or age_range, not both")
        if self.setting is not None and self.setting in self.without_settings:
            raise ValueError(f"{self.setting} both as setting and in without_settings")
        for field, present, absent in (
            ("roles", self.roles, self.without_roles),
            ("issues", self.issues, self.without_issues),
        ):
            if both := present & absent:
                raise ValueError(f"{', '.join(sorted(both))} both in {field} and without_{field}")
        return self

    def has_role(self, role: Role) -> bool | None:
        """True if known to hold, False if known not to, None if unknown."""
        if role in self.roles:
            return True
        if role in self.without_roles:
            return False
        return None

    def has_issue(self, issue: Issue) -> bool | None:
        """True if known present, False if known absent, None if unknown."""
        if issue in self.issues:
            return True
        if issue in self.without_issues:
            return False
        if issue is Issue.violence and self.offence is OffenceCategory.violent:
            return True
        return None
