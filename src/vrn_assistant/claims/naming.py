"""Which programme a statement is about: catalogue names and aliases (exactly, by a
word only that programme's names hold, or fuzzily with rapidfuzz), a strand of one
("DIVERT Youth"), or a programme only the documents name ("Tower Above").

Pure functions over text; `Names` is built once per set of documents.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

__all__ = ["Mention", "Names", "new_programme_names", "slug"]

FUZZY = 88.0  # rapidfuzz ratio for a run of words to count as a catalogue name
_WORD = re.compile(r"[A-Za-z][A-Za-z'’&-]*")
# Words too common in programme names to stand for one programme on their own.
_COMMON = frozenset(
    """operation provide domestic abuse campaign social media knife crime training agencies
    supporting children prisoners prison sentence schools thematic support families leaflets
    story public health approaches policing webinars webinar series february strength inside
    trauma informed care evidence resource office paper practice sessions lancashire student
    students volunteering volunteers professional emergency department addiction diversion
    disruption enforcement recovery coaches custody intervention programme service network
    violence reduction mentoring young people pilot session""".split()
)
_PROPER = r"[A-Z][A-Za-z'’]+(?: [A-Z][A-Za-z'’]+){0,3}"
_INTRODUCED = re.compile(
    rf"(?:^|(?<=[.!?:]\s)|(?<=\n))(?:\*\*)?({_PROPER})(?:\*\*)? "
    r"(?:offers|is a|is an|was for|is for|provides|works with)\b"
)
_CALLED = re.compile(rf"\bthe ({_PROPER})(?: mentoring)? programme\b")
_TITLED = re.compile(rf"^({_PROPER}): ")
_NOT_NAMES = frozenset(
    {"the", "our", "this", "each", "it", "we", "they", "he", "she", "there", "navigators"}
)


def slug(name: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", name.lower())) or "programme"


@dataclass(frozen=True, slots=True)
class Mention:
    programme: str  # id
    name: str  # the programme's name
    new: bool  # not in the catalogue
    start: int
    end: int


@dataclass
class Names:
    """Every name a programme goes by: the catalogue's, and those only documents use."""

    catalogue: dict[str, tuple[str, ...]]  # id -> name and aliases
    new: dict[str, str] = field(default_factory=dict)  # id -> name, for new programmes
    strands: dict[str, str] = field(default_factory=dict)  # strand id -> name
    _exact: list[tuple[re.Pattern[str], str]] = field(default_factory=list, repr=False)
    _words: list[tuple[re.Pattern[str], str]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        owners: dict[str, set[str]] = {}
        for programme, names in self.catalogue.items():
            for name in names:
                self._exact.append((_exact_pattern(name), programme))
                for word in _WORD.findall(name):
                    owners.setdefault(word.lower().rstrip("s"), set()).add(programme)
        for programme, names in self.catalogue.items():
            for name in names:
                for word in _WORD.findall(name):
                    key = word.lower().rstrip("s")
                    common = key in _COMMON or word.lower() in _COMMON
                    if len(key) >= 5 and not common and owners[key] == {programme}:
                        flags = 0 if word.isupper() else re.IGNORECASE
                        pattern = re.compile(rf"\b{re.escape(word.rstrip('s'))}s?\b", flags)
                        self._words.append((pattern, programme))

    def add_new(self, names: Iterable[str]) -> None:
        for name in names:
            if self.known(name) is None:
                self.new.setdefault(slug(name), name)

    def known(self, name: str) -> str | None:
        """The catalogue programme a name stands for, if any."""
        for pattern, programme in (*self._exact, *self._words):
            if pattern.search(name):
                return programme
        return self._fuzzy(name)

    def name_of(self, programme: str) -> str:
        if programme in self.catalogue:
            return self.catalogue[programme][0]
        return self.strands.get(programme) or self.new[programme]

    def find(self, text: str) -> list[Mention]:
        """Every programme named in `text`, in order; a longer name hides one inside it."""
        found: list[Mention] = []
        for pattern, programme in self._exact:
            found += self._mentions(pattern, programme, text)
        for programme, name in self.new.items():
            words = r"\s+".join(re.escape(word) for word in name.split())
            pattern = re.compile(rf"\b{words}\b(?! [A-Z])")
            found += [
                Mention(programme, name, True, m.start(), m.end()) for m in pattern.finditer(text)
            ]
        if not found:
            for pattern, programme in self._words:
                found += self._mentions(pattern, programme, text)
        if not found:
            fuzzy = self._fuzzy(text)
            if fuzzy is not None:
                found.append(Mention(fuzzy, self.name_of(fuzzy), False, 0, 0))
        return _outermost(found)

    def _mentions(self, pattern: re.Pattern[str], programme: str, text: str) -> list[Mention]:
        mentions: list[Mention] = []
        for match in pattern.finditer(text):
            after = text[match.end() : match.end() + 16]
            strand = re.match(r"\*{0,2} Youth\b", after) or (
                "youth strand" in text.lower() and "Youth" not in text[match.start() : match.end()]
            )
            if strand:
                name = f"{self.catalogue[programme][0]} Youth"
                strand_id = f"{programme}-youth"
                self.strands[strand_id] = name
                end = match.end() + (len(strand.group(0)) if isinstance(strand, re.Match) else 0)
                mentions.append(Mention(strand_id, name, True, match.start(), end))
            else:
                mentions.append(
                    Mention(programme, self.name_of(programme), False, match.start(), match.end())
                )
        return mentions

    def _fuzzy(self, text: str) -> str | None:
        words = _WORD.findall(text)
        present = {word.lower() for word in words}
        best: tuple[float, str] | None = None
        for programme, names in self.catalogue.items():
            for name in names:
                size = len(name.split())
                # A name can only be near a run of words that shares most of its words.
                if size < 2 or len(present & set(name.lower().split())) < size - 1:
                    continue
                for start in range(max(0, len(words) - size + 1)):
                    window = " ".join(words[start : start + size])
                    score = fuzz.ratio(window.lower(), name.lower())
                    if score >= FUZZY and (best is None or score > best[0]):
                        best = (score, programme)
        return best[1] if best else None


def new_programme_names(titles: Sequence[str], sections: Sequence[tuple[str, str]]) -> list[str]:
    """Names of programmes a document introduces: "X offers ...", "X is a ...", "the X
    programme", a title "X: ...", or a section headed X whose text introduces X."""
    found: dict[str, None] = {}
    for title in titles:
        match = _TITLED.match(title)
        if match:
            found[match.group(1)] = None
    for heading, text in sections:
        for match in (*_INTRODUCED.finditer(text), *_CALLED.finditer(text)):
            name = match.group(1)
            if name.split()[0].lower() not in _NOT_NAMES and (
                match.re is _CALLED or name == heading or text.count(name) > 1
            ):
                found[name] = None
    return list(found)


def _exact_pattern(name: str) -> re.Pattern[str]:
    flags = 0 if name.isupper() else re.IGNORECASE
    words = r"\s+".join(re.escape(word) for word in name.split())
    return re.compile(rf"(?<![\w-]){words}(?![\w-])", flags)


def _outermost(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if any(k.start <= mention.start and mention.end <= k.end and k.end > k.start for k in kept):
            continue
        kept.append(mention)
    return kept
