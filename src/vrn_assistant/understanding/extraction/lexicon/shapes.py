"""The lexicon files' shapes, validated strictly: word lists, entries and what each says."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from vrn_core.vocabulary import (
    Asker,
    Gender,
    Issue,
    OffenceCategory,
    ProgrammeKind,
    Role,
    Sector,
    Setting,
)

__all__ = ["Context", "Entry", "Words"]

# --- The files' shapes ----------------------------------------------------------------

Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Name = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
Examples = Annotated[tuple[str, ...], Field(min_length=2)]
# What the words around a match may say that cancels it (cues.CONTEXTS reads each).
Context = Literal[
    "someone_else",
    "audience",
    "worker",
    "released",
    "beside_an_arrest",
    "police_custody_said",
    "practitioner_asking",
    "the_askers",
    "the_one_who_did_it",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Words(_Strict):
    """A named word list, used in phrases as `<id>`."""

    id: Name
    phrases: Annotated[tuple[Phrase, ...], Field(min_length=1)]
    not_after: tuple[Phrase, ...] = ()
    examples: Examples
    note: str | None = None


class Entry(_Strict):
    """Phrases that signal one value of a fact."""

    id: Name
    phrases: Annotated[tuple[Phrase, ...], Field(min_length=1)]
    not_before: tuple[Phrase, ...] = ()
    not_after: tuple[Phrase, ...] = ()
    unless: tuple[Context, ...] = ()
    case_sensitive: bool = False
    examples: Examples
    not_examples: tuple[str, ...] = ()
    note: str | None = None


class SettingEntry(Entry):
    setting: Setting
    # strong: said outright ("in custody"); weak: a hint ("arrested"), taken only when no
    # strong one is said; home: at home or on the scene, when nothing at all says otherwise
    strength: Literal["strong", "weak", "home"]


class RoleEntry(Entry):
    role: Role
    says: Literal["present", "absent"] = "present"  # "hasn't got any kids": not a parent
    # absent: a negation before it says the role does not hold ("not been arrested")
    when_negated: Literal["ignore", "absent"] = "ignore"


class OccupationEntry(Entry):
    role: Role
    sector: Sector | None = None
    # asker: counts only when the asker says it of themselves ("I'm a nurse");
    # anyone: wherever it is said ("researchers", "I work")
    speaker: Literal["asker", "anyone"] = "asker"


class AskerEntry(Entry):
    """Who is asking: "I'm a custody sergeant", "A&E nurse here", "my son"."""

    asker: Asker
    # asker: counts only when the asker says it of themselves ("I'm a teacher", "IDVA
    # here" opening a sentence); anyone: wherever it is said ("my son", "hit me");
    # opening: only in a short first clause that heads the question ("Bpool custody, 22,
    # in for assault": written from the custody suite)
    speaker: Literal["asker", "anyone", "opening"] = "asker"
    # work: the asker's job, which wins over anything else said; self: the asker is the
    # person in need ("he hit me"), which wins over family ("my partner")
    precedence: Literal["work", "self", "family"] = "work"


class IssueEntry(Entry):
    issue: Issue
    says: Literal["present", "absent"] = "present"  # "unarmed": knives known absent


class OffenceEntry(Entry):
    offence: OffenceCategory


class GenderEntry(Entry):
    gender: Gender


class WantEntry(Entry):
    want: ProgrammeKind


class _File(_Strict):
    words: tuple[Words, ...] = ()


class _SettingsFile(_File):
    settings: tuple[SettingEntry, ...]


class _RolesFile(_File):
    roles: tuple[RoleEntry, ...]


class _OccupationsFile(_File):
    occupations: tuple[OccupationEntry, ...]


class _AskersFile(_File):
    askers: tuple[AskerEntry, ...]


class _IssuesFile(_File):
    issues: tuple[IssueEntry, ...]


class _OffencesFile(_File):
    offences: tuple[OffenceEntry, ...]


class _PeopleFile(_File):
    genders: tuple[GenderEntry, ...]


class _WantsFile(_File):
    wants: tuple[WantEntry, ...]


class _Correction(_Strict):
    typo: str
    reads_as: str


class _SpellingFile(_Strict):
    key_words: Annotated[tuple[Phrase, ...], Field(min_length=1)]
    real_words: tuple[Phrase, ...] = ()
    examples: Annotated[tuple[_Correction, ...], Field(min_length=2)]


_FILES: Mapping[str, type[_Strict]] = {
    "settings": _SettingsFile,
    "roles": _RolesFile,
    "occupations": _OccupationsFile,
    "askers": _AskersFile,
    "issues": _IssuesFile,
    "offences": _OffencesFile,
    "people": _PeopleFile,
    "relationships": _File,
    "negation": _File,
    "time": _File,
    "wants": _WantsFile,
    "spelling": _SpellingFile,
}
# Word lists the machinery itself uses, and the file each must be in.
_REQUIRED_WORDS = (
    ("negation", ("negator", "negating_ending", "attached_negator", "not_negating")),
    ("time", ("now", "released", "duration", "let_out")),
    ("relationships", ("relative", "partner", "offspring", "family_of", "prisoners")),
    ("relationships", ("prisoners_family", "better_parent")),
    ("settings", ("in_prison", "inside")),
    ("people", ("person", "person_is", "age_said", "companion", "several", "for_each")),
    ("occupations", ("team",)),
    ("offences", ("offence_context",)),
)
