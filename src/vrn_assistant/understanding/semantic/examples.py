"""The labelled example sentences the semantic reader compares clauses with.

They come from the lexicon: every example of the settings, roles, issues and offences
entries, and the extra phrasings of `knowledge/lexicon/semantic.yaml`. Each example is
labelled with every fact it says, not only its entry's: the entry's own value, and what
the word lists read from it ("24yo arrested for GBH", a role example, also says police
custody, violence and a violent offence). An example that says nothing of a kind counts
against guessing that kind. Negative entries ("hasn't got any kids", "unarmed") give no
label of their own.

Each entry's phrases are examples too, said in plain words (`spoken`: "in the nick"):
short texts the classifier learns from (`sentence` False), never used to measure it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from vrn_assistant.understanding.extraction import extract
from vrn_assistant.understanding.extraction.lexicon import (
    Lexicon,
    lexicon,
    lexicon_dir,
    load_lexicon,
)
from vrn_assistant.understanding.semantic.spoken import spoken
from vrn_core.case import Case
from vrn_core.errors import CatalogueError
from vrn_core.places import Gazetteer
from vrn_core.vocabulary import Issue, OffenceCategory, Role, Setting
from vrn_core.yamlfile import read_yaml, validation_error

__all__ = [
    "COVERED",
    "LEXICON_FILES",
    "SEMANTIC_FILE",
    "Example",
    "Kind",
    "case_facts",
    "content_hash",
    "labelled_examples",
]

SEMANTIC_FILE = "semantic.yaml"


class Kind(StrEnum):
    """A kind of fact the semantic reader may guess."""

    setting = "setting"
    role = "role"
    issue = "issue"
    offence = "offence"


# The values guessed, by kind. Roles an age or the asker's own words decide (child,
# young person, practitioner...) and issues that are topics of a question rather than
# facts about a person (trauma, public health approaches) are left to the word lists.
COVERED: Mapping[Kind, tuple[StrEnum, ...]] = {
    Kind.setting: tuple(Setting),
    Kind.role: (Role.victim, Role.suspect, Role.prisoner, Role.prisoner_family, Role.parent),
    Kind.issue: (
        Issue.violence,
        Issue.domestic_abuse,
        Issue.drugs,
        Issue.knives,
        Issue.family_imprisonment,
    ),
    Kind.offence: tuple(OffenceCategory),
}
# The lexicon files of the kinds guessed: the kind, and the field an entry names it in.
LEXICON_FILES: Mapping[str, tuple[Kind, str]] = {
    "settings": (Kind.setting, "setting"),
    "roles": (Kind.role, "role"),
    "issues": (Kind.issue, "issue"),
    "offences": (Kind.offence, "offence"),
}

Facts = Mapping[Kind, frozenset[str]]


@dataclass(frozen=True)
class Example:
    """One labelled sentence: its entry (`file.yaml#id`) and every fact it says."""

    text: str
    entry: str
    facts: Facts
    sentence: bool = True  # an example sentence; False: an entry's phrase in plain words

    def says(self, kind: Kind) -> frozenset[str]:
        return self.facts.get(kind, frozenset())


# --- semantic.yaml --------------------------------------------------------------------

_Sentence = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3)]
_Examples = Annotated[tuple[_Sentence, ...], Field(min_length=2)]
_Name = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Nothing(_Strict):
    id: _Name
    examples: _Examples
    note: str | None = None


class _SettingEntry(_Nothing):
    setting: Setting


class _RoleEntry(_Nothing):
    role: Role


class _IssueEntry(_Nothing):
    issue: Issue


class _OffenceEntry(_Nothing):
    offence: OffenceCategory


class _SemanticFile(_Strict):
    settings: tuple[_SettingEntry, ...] = ()
    roles: tuple[_RoleEntry, ...] = ()
    issues: tuple[_IssueEntry, ...] = ()
    offences: tuple[_OffenceEntry, ...] = ()
    nothing: tuple[_Nothing, ...] = ()


def _read_extra(path: Path) -> _SemanticFile:
    """semantic.yaml, validated strictly; a folder without one has no extra phrasings."""
    if not path.exists():
        return _SemanticFile()
    raw = read_yaml(path)
    try:
        data = _SemanticFile.model_validate(raw)
    except ValidationError as exc:
        loc = tuple(exc.errors()[0]["loc"])
        record = _record(raw, loc)
        raise validation_error(exc, path=path, record=record) from None
    seen: set[str] = set()
    for group in ("settings", "roles", "issues", "offences", "nothing"):
        for item in getattr(data, group):
            if item.id in seen:
                message = "an entry of this id is already in the file"
                raise CatalogueError(message, path=str(path), record=item.id)
            seen.add(item.id)
    return data


def _record(raw: Any, loc: tuple[int | str, ...]) -> str | None:
    if len(loc) >= 2 and isinstance(raw, dict) and isinstance(loc[1], int):
        items = raw.get(loc[0])
        if isinstance(items, list) and loc[1] < len(items) and isinstance(items[loc[1]], dict):
            return str(items[loc[1]].get("id", f"{loc[0]}[{loc[1]}]"))
    return None


# --- labelling ------------------------------------------------------------------------


def case_facts(case: Case) -> dict[Kind, frozenset[str]]:
    """The covered facts a Case holds, by kind (values as strings)."""
    facts = {
        Kind.setting: frozenset({case.setting.value} if case.setting is not None else ()),
        Kind.role: frozenset(role.value for role in case.roles),
        Kind.issue: frozenset(issue.value for issue in case.issues),
        Kind.offence: frozenset({case.offence.value} if case.offence is not None else ()),
    }
    covered = {kind: {value.value for value in values} for kind, values in COVERED.items()}
    return {kind: values & covered[kind] for kind, values in facts.items()}


def _own(kind: Kind, value: StrEnum, says: str) -> frozenset[str]:
    covered = {item.value for item in COVERED[kind]}
    return frozenset({value.value} & covered) if says == "present" else frozenset()


_Source = tuple[str, str, Facts, bool]  # text, entry, the entry's own facts, sentence


def _sources(words: Lexicon, extra: _SemanticFile) -> Iterable[_Source]:
    """Every example: each entry's sentences, then its phrases said in plain words, of
    every lexicon file (the files of other facts, and the word lists' examples, say what
    the rules read of them: mostly none of these facts); then semantic.yaml's."""
    for entry_id, (file_name, entry) in words.entries.items():
        own: Facts = {}
        if file_name in LEXICON_FILES:
            kind, field_name = LEXICON_FILES[file_name]
            own = {kind: _own(kind, getattr(entry, field_name), getattr(entry, "says", "present"))}
        where = f"{file_name}.yaml#{entry_id}"
        for text in entry.examples:
            yield text, where, own, True
        for phrase in entry.phrases:
            said = spoken(phrase.lower(), words.word_lists)
            if said is not None:
                yield said, where, own, False
    for name, word_list in words.word_lists.items():
        for text in word_list.examples:
            yield text, f"words#{name}", {}, True
    groups: tuple[tuple[str, Kind | None, str], ...] = (
        ("settings", Kind.setting, "setting"),
        ("roles", Kind.role, "role"),
        ("issues", Kind.issue, "issue"),
        ("offences", Kind.offence, "offence"),
        ("nothing", None, ""),
    )
    for group, group_kind, field_name in groups:
        for item in getattr(extra, group):
            facts = (
                {}
                if group_kind is None
                else {group_kind: _own(group_kind, getattr(item, field_name), "present")}
            )
            for text in item.examples:
                yield text, f"{SEMANTIC_FILE}#{item.id}", facts, True


def labelled_examples(gazetteer: Gazetteer, folder: Path | None = None) -> tuple[Example, ...]:
    """Every example sentence with its facts: its entry's, and what the word lists read
    from it (`extract`, with the shipped lexicon). The same sentence in two entries is
    one example with the facts of both. `folder`: a lexicon folder other than the
    shipped one, for its entries and semantic.yaml."""
    words = lexicon() if folder is None else load_lexicon(folder)
    extra = _read_extra((folder or lexicon_dir()) / SEMANTIC_FILE)
    merged: dict[str, tuple[str, dict[Kind, frozenset[str]], bool]] = {}
    for text, entry, own, sentence in _sources(words, extra):
        key = text.lower()
        if key not in merged:
            merged[key] = (entry, case_facts(extract(text, gazetteer).case), sentence)
        facts = merged[key][1]
        for kind, values in own.items():
            facts[kind] = facts.get(kind, frozenset()) | values
    return tuple(
        Example(text=text, entry=entry, facts=dict(facts), sentence=sentence)
        for text, (entry, facts, sentence) in merged.items()
    )


def content_hash(texts: Iterable[str]) -> str:
    """A hash of texts, in order: what their vectors depend on."""
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8") + b"\0")
    return digest.hexdigest()[:16]
