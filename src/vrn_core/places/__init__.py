"""The gazetteer of Lancashire: which place a practitioner means, and where it lies.

Places come from `knowledge/places.yaml`: Lancashire, its partner groupings,
its twelve districts and two unitary authorities, their towns, the sites
programmes care about (custody suites, hospitals, prisons, universities) and
well-known places outside the county. Every place names its parents, so
containment is a walk up the parent links:

    town:morecambe -> district:lancaster -> group:north-lancashire -> lancashire

`Gazetteer.resolve` turns what someone typed into one place, or says honestly
that it is ambiguous, outside Lancashire or unknown; `Gazetteer.find_in_text`
picks the places out of a free-text question. Both are pure and fast: the
lookup tables are built once, when the file is loaded.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from vrn_core.case import Setting
from vrn_core.errors import CatalogueError
from vrn_core.paths import default_knowledge_dir
from vrn_core.yamlfile import read_yaml, validation_error

__all__ = [
    "LANCASHIRE",
    "Country",
    "Gazetteer",
    "MatchStatus",
    "Place",
    "PlaceKind",
    "PlaceMatch",
    "normalise",
]

LANCASHIRE = "lancashire"
"""Id of the place that is Lancashire as a whole; `in_lancashire` is measured against it."""


class PlaceKind(StrEnum):
    """What sort of place a record is."""

    county = "county"  # Lancashire itself
    unitary = "unitary"  # a unitary authority: Blackburn with Darwen, Blackpool
    district = "district"  # a district of Lancashire County Council
    group = "group"  # a partner grouping of districts, e.g. Pennine Lancashire
    town = "town"  # a town, village or part of a town
    site = "site"  # a custody suite, hospital, prison, university...
    outside = "outside"  # anywhere that is not in Lancashire and does not contain it
    region = "region"  # a broader area that contains Lancashire (England, the UK)


class Country(StrEnum):
    """The UK nation a place outside Lancashire is in."""

    england = "england"
    wales = "wales"
    scotland = "scotland"
    northern_ireland = "northern_ireland"


class MatchStatus(StrEnum):
    """How a piece of text resolved."""

    matched = "matched"  # one place in Lancashire (or a region containing it)
    ambiguous = "ambiguous"  # several unrelated places fit equally well
    outside = "outside"  # one place, outside Lancashire
    unknown = "unknown"  # nothing fits


class Place(BaseModel):
    """One place in the gazetteer.

    `in_lancashire` and `context` are worked out by the gazetteer when it loads
    the file; they are never written in the data.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: str
    name: str
    kind: PlaceKind
    aliases: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()
    setting: Setting | None = None
    country: Country | None = None
    in_lancashire: bool = False
    context: str | None = None  # a few words telling it apart: its district, "outside Lancashire"

    @property
    def display(self) -> str:
        """The name with its context: 'Blackburn (Blackburn with Darwen)'."""
        return f"{self.name} ({self.context})" if self.context else self.name

    def __str__(self) -> str:
        return self.display


class PlaceMatch(BaseModel):
    """What a piece of text resolved to, and how sure we are."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    query: str  # the text as given (for find_in_text, the words found in the question)
    status: MatchStatus
    place: Place | None = None  # None when ambiguous or unknown
    score: float = 0.0  # 0-100; 100 is an exact match of a name or alias
    alternatives: tuple[Place, ...] = ()  # the candidates, when ambiguous
    matched_text: str = ""  # the name or alias that matched, as the gazetteer spells it
    span: tuple[int, int] | None = None  # character offsets in the text, for find_in_text

    def describe(self) -> str:
        """One plain-English line saying what the text was taken to mean."""
        if self.status is MatchStatus.ambiguous and self.alternatives:
            options = [place.display for place in self.alternatives]
            listed = (
                f"{', '.join(options[:-1])} or {options[-1]}" if len(options) > 1 else options[0]
            )
            return f"'{self.query}' is ambiguous: {listed}"
        if self.place is None or self.status is MatchStatus.unknown:
            return f"'{self.query}' is not a place we know"
        if self.score >= 100.0:
            return self.place.display
        return f"'{self.query}' matched {self.place.display}, score {self.score:.0f}"


# --- Normalising text ---------------------------------------------------------

# A token is a run of letters/digits, possibly joined by apostrophes ("Anne's"),
# or an ampersand. Hyphens, dots and other punctuation separate tokens, so
# "Ashton-on-Ribble", "St. Annes" and "Ashton on Ribble" all normalise alike.
_TOKEN = re.compile(r"[^\W_]+(?:['’‘`][^\W_]+)*|&")
_APOSTROPHES = str.maketrans("", "", "'’‘`")
_TOKEN_SYNONYMS = {"&": "and", "saint": "st"}


def _normalise_token(token: str) -> str:
    token = token.casefold().translate(_APOSTROPHES)
    if not token.isascii():
        # Strip accents: "Poultön" (a slip of the keyboard) still finds Poulton.
        decomposed = unicodedata.normalize("NFKD", token)
        token = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _TOKEN_SYNONYMS.get(token, token)


def normalise(text: str) -> str:
    """The form names and queries are compared in: 'St. Anne's' -> 'st annes'."""
    tokens = (_normalise_token(match.group()) for match in _TOKEN.finditer(text))
    return " ".join(token for token in tokens if token)


# --- Reading the file ---------------------------------------------------------

_Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
_Id = Annotated[str, StringConstraints(pattern=r"^[a-z]+(:[a-z0-9]+(-[a-z0-9]+)*)?$")]


class _PlaceRecord(BaseModel):
    """One place as written in the YAML file."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: _Id
    name: _Text
    kind: PlaceKind
    aliases: tuple[_Text, ...] = ()
    parents: tuple[_Id, ...] = ()
    setting: Setting | None = None
    country: Country | None = None


class _PlacesFile(BaseModel):
    """The YAML file as a whole; records are checked one by one so errors can name them."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    source: _Text
    shared_names: tuple[_Text, ...] = ()
    capitalised_only: tuple[_Text, ...] = ()
    places: tuple[Any, ...]


# Kinds that may stand at the top, with no parents.
_TOP_LEVEL_KINDS = frozenset({PlaceKind.county, PlaceKind.outside, PlaceKind.region})
# Kinds that must lie inside Lancashire, and kinds that must not.
_LANCASHIRE_KINDS = frozenset(
    {PlaceKind.unitary, PlaceKind.district, PlaceKind.group, PlaceKind.town, PlaceKind.site}
)
_NOT_LANCASHIRE_KINDS = frozenset({PlaceKind.outside, PlaceKind.region})
_SETTING_KINDS = frozenset({PlaceKind.site, PlaceKind.outside})
_DISTRICT_KINDS = frozenset({PlaceKind.district, PlaceKind.unitary})

# Scanning free text: fuzzy matches need a stricter score than resolve(), and
# never start or end on a small word ("in Preston" is found as "Preston").
_FIND_THRESHOLD = 88.0
_FIND_LOWERCASE_THRESHOLD = 92.0  # "backup" is a word, not a misspelt Bacup (90.9)
_MAX_NGRAM = 5
_MIN_FUZZY_CHARS = 4  # shorter queries match exactly or not at all
_RESOLVE_CACHE = 4096  # resolved texts kept; resolve() is pure, and ranking calls it per case
_MIN_FIND_FUZZY_CHARS = 5  # in running text "Cone" is a word, not a misspelt Colne
_AMBIGUITY_MARGIN = 3.0  # two unrelated candidates this close in score: ask, don't guess
_STOPWORD_TEXT = """
    a about after an and any are as at be been before but by can could do does for from had
    has have he her him his how i if in into is it its me my near no not of on or our out
    over she so some than that the their them then there they this to up us was we were what
    when where which who will with would yes you your
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


class Gazetteer:
    """The places we know, with lookup tables built once at load."""

    def __init__(
        self,
        places: Iterable[Place],
        *,
        shared_names: Iterable[str] = (),
        capitalised_only: Iterable[str] = (),
        source: str = "",
        path: str | None = None,
    ) -> None:
        """Check the places hang together and build the indexes.

        Raises CatalogueError (naming `path`, the record and the field) for a
        duplicate id, an unknown parent, a cycle, a place on the wrong side of
        the county boundary, or a name two unrelated places share by accident.
        """
        self.source = source
        self.path = path
        records: dict[str, Place] = {}
        for place in places:
            if place.id in records:
                raise CatalogueError(
                    "this id is used by more than one place", path=path, record=place.id, field="id"
                )
            records[place.id] = place
        if LANCASHIRE not in records:
            raise CatalogueError(f"no place has the id {LANCASHIRE!r}", path=path)
        self._check_links(records)
        self._ancestors = _all_ancestors(records, path)
        self._check_boundary(records)

        self._district: dict[str, str | None] = {
            place_id: _nearest_district(records, place_id) for place_id in records
        }
        self._order = {place_id: number for number, place_id in enumerate(records)}
        self._resolved: dict[tuple[str, float], PlaceMatch] = {}
        self._places: dict[str, Place] = {}
        for place in records.values():
            district = self._district[place.id]
            district_name = None if district is None else records[district].name
            inside = LANCASHIRE in self._ancestors[place.id]
            self._places[place.id] = place.model_copy(
                update={"in_lancashire": inside, "context": _context(place, district_name, inside)}
            )
        self._build_index(shared_names, capitalised_only)

    # --- loading ----------------------------------------------------------------

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        """Read and check a places file; any problem is one CatalogueError."""
        where = str(path)
        raw = read_yaml(Path(path))
        if not isinstance(raw, dict):
            raise CatalogueError("expected a mapping with 'source' and 'places'", path=where)
        try:
            document = _PlacesFile.model_validate(raw)
        except ValidationError as exc:
            raise validation_error(exc, path=where, record=None) from None

        places: list[Place] = []
        for number, item in enumerate(document.places, start=1):
            label = item.get("id") if isinstance(item, dict) else None
            record_name = label if isinstance(label, str) and label else f"#{number}"
            try:
                record = _PlaceRecord.model_validate(item)
            except ValidationError as exc:
                raise validation_error(exc, path=where, record=record_name) from None
            places.append(Place(**record.model_dump()))
        return cls(
            places,
            shared_names=document.shared_names,
            capitalised_only=document.capitalised_only,
            source=document.source,
            path=where,
        )

    @classmethod
    def default(cls) -> Gazetteer:
        """The gazetteer in the knowledge folder's places.yaml, loaded once per process."""
        return _load_default()

    # --- looking places up --------------------------------------------------------

    def get(self, place_id: str) -> Place:
        """The place with this id; KeyError if there is none."""
        try:
            return self._places[place_id]
        except KeyError:
            raise KeyError(
                f"no place with id {place_id!r} in the gazetteer (ids look like 'town:preston')"
            ) from None

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places.values())

    def __len__(self) -> int:
        return len(self._places)

    def __contains__(self, place_id: object) -> bool:
        return place_id in self._places

    @property
    def places(self) -> tuple[Place, ...]:
        """Every place, in file order."""
        return tuple(self._places.values())

    def ancestors(self, place_id: str) -> frozenset[str]:
        """The ids of every place containing this one, the place itself included."""
        self.get(place_id)
        return self._ancestors[place_id]

    def in_lancashire(self, place_id: str) -> bool:
        """True for Lancashire and everything inside it."""
        return self.get(place_id).in_lancashire

    def district_of(self, place_id: str) -> Place | None:
        """The district or unitary authority the place is in (itself, for a district)."""
        self.get(place_id)
        district = self._district[place_id]
        return None if district is None else self._places[district]

    def within(self, place_id: str, area_id: str) -> bool | None:
        """Is the place inside the area?

        True when it is the area or lies inside it; None when the place is
        broader and contains the area (someone "in Lancashire" may or may not
        be in Blackpool); False when they do not overlap.
        """
        if area_id in self.ancestors(place_id):
            return True
        if place_id in self.ancestors(area_id):
            return None
        return False

    # --- matching text ------------------------------------------------------------

    def resolve(self, text: str, *, threshold: float = 85.0) -> PlaceMatch:
        """The place `text` names: exact name or alias first, then a close spelling.

        Failing both, the places mentioned in it are used when they agree:
        "Fulwood, Preston" is Fulwood, "Ashton, Preston" is Ashton-on-Ribble.
        Never guesses between unrelated places: equally good candidates give
        `ambiguous` with the alternatives listed.
        """
        cache_key = (text, threshold)
        cached = self._resolved.get(cache_key)
        if cached is None:
            cached = self._resolve(text, threshold)
            if len(self._resolved) >= _RESOLVE_CACHE:
                self._resolved.clear()  # bounded: free text from users is unbounded
            self._resolved[cache_key] = cached
        return cached

    def _resolve(self, text: str, threshold: float) -> PlaceMatch:
        key = normalise(text)
        if not key:
            return PlaceMatch(query=text, status=MatchStatus.unknown)
        if key not in self._index and key.startswith("the "):
            key = key[4:]  # "the Fylde Coast"
        if key in self._index:
            return self._exact_match(text, key)
        if len(key.replace(" ", "")) < _MIN_FUZZY_CHARS:
            return PlaceMatch(query=text, status=MatchStatus.unknown)
        found = self._fuzzy_match(text, key, threshold) or self._from_mentions(text, threshold)
        return found or PlaceMatch(query=text, status=MatchStatus.unknown)

    def find_in_text(self, text: str) -> list[PlaceMatch]:
        """The places mentioned in a free-text question, in order of appearance.

        Exact names and aliases are taken first, longest first ("HMP Lancaster
        Farms" rather than "Lancaster"); then close spellings of words of five
        letters or more, at a stricter threshold than `resolve` (stricter still
        for words without a capital). A place mentioned twice is reported once.
        """
        tokens = list(_TOKEN.finditer(text))
        words = [_normalise_token(token.group()) for token in tokens]
        count = len(words)
        covered = [False] * count
        spans: list[tuple[int, int, PlaceMatch]] = []

        def take(start: int, end: int, match: PlaceMatch) -> None:
            for position in range(start, end):
                covered[position] = True
            spans.append((start, end, match))

        def capitalised(position: int) -> bool:
            return tokens[position].group()[:1].isupper()

        def proper_noun(position: int) -> bool:
            # A capital that starts a sentence says nothing ("Backup is...").
            if not capitalised(position):
                return False
            if position == 0:
                return False
            gap = text[tokens[position - 1].end() : tokens[position].start()]
            return not any(mark in gap for mark in ".!?\n")

        def phrase(start: int, end: int) -> tuple[str, tuple[int, int]]:
            first, last = tokens[start].start(), tokens[end - 1].end()
            return text[first:last], (first, last)

        # Exact names and aliases; the longest phrase wins where two overlap.
        exact: list[tuple[int, int, str]] = []
        for start in range(count):
            for end in range(min(count, start + _MAX_NGRAM), start, -1):
                key = " ".join(words[start:end])
                if key in self._index:
                    if key in self._capitalised_only and not capitalised(start):
                        continue
                    exact.append((start, end, key))
                    break
        for start, end, key in sorted(exact, key=lambda hit: (hit[0] - hit[1], hit[0])):
            if not any(covered[start:end]):
                query, span = phrase(start, end)
                take(start, end, self._exact_match(query, key, span))

        # Close spellings, best score first, among the words left over.
        fuzzy: list[tuple[float, int, int, PlaceMatch]] = []
        for start in range(count):
            if covered[start] or not _fuzzy_word(words[start]):
                continue
            for end in range(start + 1, min(count, start + _MAX_NGRAM) + 1):
                if covered[end - 1]:
                    break
                if not _fuzzy_word(words[end - 1]):
                    continue
                key = " ".join(words[start:end])
                if len(key) - (end - start - 1) < _MIN_FIND_FUZZY_CHARS:
                    continue
                # Typos seldom touch the first letter; requiring it keeps "nearby"
                # from becoming Earby, and only that letter's names are compared.
                choices = self._keys_by_initial.get(key[0])
                if not choices:
                    continue
                threshold = _FIND_THRESHOLD if proper_noun(start) else _FIND_LOWERCASE_THRESHOLD
                query, span = phrase(start, end)
                match = self._fuzzy_match(query, key, threshold, span, choices)
                if match is None:
                    continue
                if normalise(match.matched_text) in self._capitalised_only and not capitalised(
                    start
                ):
                    continue
                fuzzy.append((match.score, start, end, match))
        for _score, start, end, match in sorted(fuzzy, key=lambda hit: (-hit[0], hit[1] - hit[2])):
            if not any(covered[start:end]):
                take(start, end, match)

        results: list[PlaceMatch] = []
        seen: set[tuple[str, ...]] = set()
        for _start, _end, match in sorted(spans, key=lambda item: item[0]):
            identity = _identity(match)
            if identity not in seen:
                seen.add(identity)
                results.append(match)
        return results

    # --- internals ----------------------------------------------------------------

    def _from_mentions(self, text: str, threshold: float) -> PlaceMatch | None:
        """One place from several mentions that nest ("Fulwood, Preston"), if they do."""
        mentions = [match for match in self.find_in_text(text) if match.score >= threshold]
        if not mentions:
            return None
        # Every place each mention could mean, same-name relatives included:
        # "Lancaster" may be the town or the district ("Warton, Lancaster").
        options = [self._candidates(match) for match in mentions]
        option_sets = [frozenset(ids) for ids in options]
        inner = [
            (place_id, match)
            for index, (match, ids) in enumerate(zip(mentions, options, strict=True))
            for place_id in ids
            if all(
                self._ancestors[place_id] & other
                for position, other in enumerate(option_sets)
                if position != index
            )
        ]
        # Nothing lies inside everything named ("Preston or Blackburn"): list them all.
        picked = inner or [
            (place_id, match)
            for match, ids in zip(mentions, options, strict=True)
            for place_id in ids
        ]
        ids = self._most_specific(place_id for place_id, _ in picked)
        named = {place_id: match for place_id, match in reversed(picked)}
        written = {
            place_id: self._written.get(
                (normalise(named[place_id].matched_text), place_id), self._places[place_id].name
            )
            for place_id in ids
        }
        return self._outcome(text, ids, written, min(match.score for match in mentions), None)

    def _candidates(self, match: PlaceMatch) -> tuple[str, ...]:
        ids = [place.id for place in match.alternatives]
        if match.place is not None:
            ids.append(match.place.id)
        ids.extend(self._owners.get(normalise(match.matched_text), ()))
        return tuple(sorted(set(ids), key=self._order.__getitem__))  # file order: stable output

    def _check_links(self, records: dict[str, Place]) -> None:
        for place in records.values():
            for parent in place.parents:
                if parent not in records:
                    raise CatalogueError(
                        f"unknown parent {parent!r}",
                        path=self.path,
                        record=place.id,
                        field="parents",
                    )
            if not place.parents and place.kind not in _TOP_LEVEL_KINDS:
                raise CatalogueError(
                    f"a place of kind {place.kind.value!r} needs at least one parent",
                    path=self.path,
                    record=place.id,
                    field="parents",
                )
            if place.setting is not None and place.kind not in _SETTING_KINDS:
                raise CatalogueError(
                    "only sites (and places outside Lancashire) have a setting",
                    path=self.path,
                    record=place.id,
                    field="setting",
                )
            if place.kind is PlaceKind.outside and place.country is None:
                raise CatalogueError(
                    "a place outside Lancashire needs a country",
                    path=self.path,
                    record=place.id,
                    field="country",
                )

    def _check_boundary(self, records: dict[str, Place]) -> None:
        # The kind and the parents must agree, or in_lancashire would lie.
        for place in records.values():
            inside = LANCASHIRE in self._ancestors[place.id]
            if place.kind in _LANCASHIRE_KINDS and not inside:
                raise CatalogueError(
                    f"a {place.kind.value} must lie inside Lancashire; "
                    "use kind 'outside' for places beyond it",
                    path=self.path,
                    record=place.id,
                    field="parents",
                )
            if place.kind in _NOT_LANCASHIRE_KINDS and inside:
                raise CatalogueError(
                    f"a place of kind {place.kind.value!r} cannot lie inside Lancashire",
                    path=self.path,
                    record=place.id,
                    field="kind",
                )

    def _build_index(self, shared_names: Iterable[str], capitalised_only: Iterable[str]) -> None:
        # normalised name -> {place id: the name or alias as written}
        index: dict[str, dict[str, str]] = {}
        for place in self._places.values():
            for field, names in (("name", (place.name,)), ("aliases", place.aliases)):
                for name in names:
                    key = normalise(name)
                    if not key:
                        raise CatalogueError(
                            f"{name!r} has no letters or digits to match on",
                            path=self.path,
                            record=place.id,
                            field=field,
                        )
                    index.setdefault(key, {}).setdefault(place.id, name)

        shared = {normalise(name): name for name in shared_names}
        self._index: dict[str, tuple[str, ...]] = {}
        self._written: dict[tuple[str, str], str] = {}
        self._owners: dict[str, tuple[str, ...]] = {}
        for key, owners in index.items():
            ids = self._most_specific(owners)
            if len(ids) > 1 and key not in shared:
                second = ids[1]
                raise CatalogueError(
                    f"{owners[second]!r} also names {ids[0]!r}, an unrelated place; "
                    "rename one or list the name under shared_names",
                    path=self.path,
                    record=second,
                    field="name" if owners[second] == self._places[second].name else "aliases",
                )
            self._index[key] = ids
            for place_id, name in owners.items():
                self._written[key, place_id] = name
            self._owners[key] = tuple(owners)
        for key, name in shared.items():
            if len(self._index.get(key, ())) < 2:
                raise CatalogueError(
                    f"{name!r} is listed as shared but does not name two unrelated places",
                    path=self.path,
                    field="shared_names",
                )
        self._capitalised_only = frozenset(normalise(name) for name in capitalised_only)
        for name in capitalised_only:
            if normalise(name) not in self._index:
                raise CatalogueError(
                    f"{name!r} is not the name or alias of any place",
                    path=self.path,
                    field="capitalised_only",
                )
        self._keys = list(self._index)
        self._keys_by_initial: dict[str, list[str]] = {}
        for key in self._keys:
            self._keys_by_initial.setdefault(key[0], []).append(key)

    def _most_specific(self, ids: Iterable[str]) -> tuple[str, ...]:
        # Among related places (Preston the town inside Preston the district)
        # keep the innermost; unrelated places all stay, in file order.
        candidates = list(dict.fromkeys(ids))
        return tuple(
            place_id
            for place_id in candidates
            if not any(
                other != place_id and place_id in self._ancestors[other] for other in candidates
            )
        )

    def _exact_match(self, query: str, key: str, span: tuple[int, int] | None = None) -> PlaceMatch:
        ids = self._index[key]
        written = {place_id: self._written[key, place_id] for place_id in ids}
        return self._outcome(query, ids, written, 100.0, span)

    def _fuzzy_match(
        self,
        query: str,
        key: str,
        threshold: float,
        span: tuple[int, int] | None = None,
        choices: list[str] | None = None,
    ) -> PlaceMatch | None:
        # Imported on first use: most lookups are exact, and import time matters to embedders.
        from rapidfuzz import fuzz, process

        # Whole-string ratio, not WRatio: partial matching would let "custody"
        # match "Preston custody suite".
        hits = process.extract(
            key,
            self._keys if choices is None else choices,
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=threshold,
            limit=8,
        )
        if not hits:
            return None
        best: dict[str, tuple[float, str]] = {}
        for choice, score, _ in hits:
            for place_id in self._index[choice]:
                if place_id not in best or score > best[place_id][0]:
                    best[place_id] = (score, choice)
        top = max(score for score, _ in best.values())
        close = [
            place_id for place_id, (score, _) in best.items() if score >= top - _AMBIGUITY_MARGIN
        ]
        ids = tuple(sorted(self._most_specific(close), key=lambda place_id: -best[place_id][0]))
        written = {place_id: self._written[best[place_id][1], place_id] for place_id in ids}
        return self._outcome(query, ids, written, best[ids[0]][0], span)

    def _outcome(
        self,
        query: str,
        ids: tuple[str, ...],
        written: dict[str, str],
        score: float,
        span: tuple[int, int] | None,
    ) -> PlaceMatch:
        if len(ids) > 1:
            return PlaceMatch(
                query=query,
                status=MatchStatus.ambiguous,
                score=score,
                alternatives=tuple(self._places[place_id] for place_id in ids),
                matched_text=written[ids[0]],
                span=span,
            )
        place = self._places[ids[0]]
        return PlaceMatch(
            query=query,
            status=MatchStatus.outside if place.kind is PlaceKind.outside else MatchStatus.matched,
            place=place,
            score=score,
            matched_text=written[place.id],
            span=span,
        )


def _all_ancestors(records: dict[str, Place], path: str | None) -> dict[str, frozenset[str]]:
    """Every place's ancestors, itself included; CatalogueError on a cycle."""
    done: dict[str, frozenset[str]] = {}

    def visit(place_id: str, trail: tuple[str, ...]) -> frozenset[str]:
        if place_id in done:
            return done[place_id]
        if place_id in trail:
            loop = " -> ".join((*trail[trail.index(place_id) :], place_id))
            raise CatalogueError(
                f"parents go round in a circle: {loop}", path=path, record=place_id, field="parents"
            )
        found = {place_id}
        for parent in records[place_id].parents:
            found |= visit(parent, (*trail, place_id))
        done[place_id] = frozenset(found)
        return done[place_id]

    for place_id in records:
        visit(place_id, ())
    return done


def _nearest_district(records: dict[str, Place], place_id: str) -> str | None:
    """The closest district or unitary authority at or above the place."""
    # Breadth first, so a suburb finds its own district before any other.
    frontier = [place_id]
    seen = {place_id}
    while frontier:
        for current in frontier:
            if records[current].kind in _DISTRICT_KINDS:
                return current
        following: list[str] = []
        for current in frontier:
            for parent in records[current].parents:
                if parent not in seen:
                    seen.add(parent)
                    following.append(parent)
        frontier = following
    return None


def _context(place: Place, district_name: str | None, inside: bool) -> str | None:
    """The few words shown after a place's name to tell it apart."""
    if place.kind is PlaceKind.outside:
        return "outside Lancashire"
    if place.kind is PlaceKind.district:
        return "district"
    if place.kind is PlaceKind.unitary:
        return "unitary authority"
    if place.kind is PlaceKind.group:
        return "partner area"
    if place.kind in (PlaceKind.town, PlaceKind.site):
        if district_name is not None and district_name != place.name:
            return district_name
        return "Lancashire" if inside else None
    return None


def _fuzzy_word(word: str) -> bool:
    # Small words and anything with a digit ("24yo", "2024") never start or
    # end a fuzzy phrase.
    return word not in _STOPWORDS and not any(ch.isdigit() for ch in word)


def _identity(match: PlaceMatch) -> tuple[str, ...]:
    if match.place is not None:
        return (match.place.id,)
    return tuple(sorted(place.id for place in match.alternatives))


def _default_places_path() -> Path:
    """places.yaml in the knowledge folder ($VRN_KNOWLEDGE_DIR or the checkout's)."""
    return default_knowledge_dir() / "places.yaml"


@functools.cache
def _load_default() -> Gazetteer:
    return Gazetteer.load(_default_places_path())
