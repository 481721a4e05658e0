"""The reviewed word lists the name rules use (`knowledge/lexicon/names.yaml`), and how a
word is spelt for them."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pydantic import (
    BaseModel,
    ConfigDict,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from vrn_core.paths import default_knowledge_dir
from vrn_core.yamlfile import read_yaml, validation_error

__all__ = ["NameLexicon", "load_lexicon"]

# --- The word lists ----------------------------------------------------------------------

_LEXICON_PATH = Path("lexicon") / "names.yaml"
_PHRASE_LISTS = frozenset({"introducers", "places", "self_introducers", "public_offices"})
_WORD = re.compile(r"[^\W\d_]+(?:['\-][^\W\d_]+)*'?|\d+")


class NameLexicon(BaseModel):
    """`knowledge/lexicon/names.yaml`: the reviewed word lists the name rules use."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    function_words: frozenset[str]
    ordinary_words: frozenset[str]
    word_first_names: frozenset[str]
    peoples: frozenset[str]
    organisation_words: frozenset[str]
    roles: frozenset[str]
    titles: frozenset[str]
    introducers: frozenset[str]
    contact_verbs: frozenset[str]
    person_verbs: frozenset[str]
    particles: frozenset[str]
    nickname_words: frozenset[str]
    name_endings: frozenset[str]
    first_names: frozenset[str]
    word_surnames: frozenset[str]
    places: frozenset[str]
    street_words: frozenset[str]
    self_introducers: frozenset[str]
    function_word_names: frozenset[str]
    public_offices: frozenset[str]

    @field_validator("*", mode="before")
    @classmethod
    def _a_list_of_lower_case_words(cls, value: object, info: ValidationInfo) -> object:
        name = info.field_name or ""
        if not isinstance(value, list) or not value:
            raise ValueError("must be a non-empty list of words")
        seen: set[str] = set()
        for item in value:
            if not isinstance(item, str) or not item.strip():
                raise ValueError(f"{item!r} is not a word (quote yes/no/numbers)")
            if item != item.lower() or item != item.strip():
                raise ValueError(f"{item!r} must be lower case, without outer spaces")
            if "’" in item:
                raise ValueError(f"{item!r}: write ' for an apostrophe")
            if name not in _PHRASE_LISTS:
                if " " in item:
                    raise ValueError(f"{item!r} must be one word")
                if item.endswith("'"):
                    raise ValueError(f"{item!r}: list words without a possessive")
                if item.endswith("'s") and len(item) > 2:
                    raise ValueError(f"{item!r}: list words without a possessive 's")
            if item in seen:
                raise ValueError(f"{item!r} is listed twice")
            seen.add(item)
        return value

    @model_validator(mode="after")
    def _lists_that_must_not_share_words(self) -> NameLexicon:
        never_names = self.function_words
        for name in (
            "ordinary_words",
            "word_first_names",
            "peoples",
            "roles",
            "first_names",
            "particles",
            "titles",
        ):
            shared = never_names & getattr(self, name)
            if shared:
                raise ValueError(f"function_words and {name} share {sorted(shared)[:5]}")
        given = self.first_names
        for name in ("ordinary_words", "word_first_names", "peoples", "roles", "titles"):
            shared = given & getattr(self, name)
            if shared:
                raise ValueError(f"first_names and {name} share {sorted(shared)[:5]}")
        for name in ("ordinary_words", "word_first_names"):
            shared = self.roles & getattr(self, name)
            if shared:
                raise ValueError(f"roles and {name} share {sorted(shared)[:5]}")
        return self


def load_lexicon(path: Path | None = None) -> NameLexicon:
    """Read and check the name lexicon; any problem is a CatalogueError naming the file."""
    path = path or default_knowledge_dir() / _LEXICON_PATH
    try:
        return NameLexicon.model_validate(read_yaml(path))
    except ValidationError as exc:
        raise validation_error(exc, path=path, record=None) from exc


@cache
def _lexicon() -> NameLexicon:
    return load_lexicon()


def _normal(word: str) -> str:
    """A word as the lists spell it: lower case, ' for any apostrophe."""
    lowered = word.lower()
    if len(lowered) != len(word):  # a few characters grow when lower-cased
        lowered = "".join(ch.lower()[0] for ch in word)
    return lowered.replace("’", "'")


def _base(key: str) -> str:
    """A word without its possessive ending: "miah's" -> "miah", "kids'" -> "kids"."""
    if key.endswith("'s") and len(key) > 2:
        return key[:-2]
    return key.rstrip("'") or key


def _keys(text: str) -> tuple[str, ...]:
    return tuple(_base(m.group()) for m in _WORD.finditer(_normal(text)))
