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
from collections.abc import Iterable, Iterator
from pathlib import Path

from vrn_core.errors import CatalogueError
from vrn_core.paths import default_knowledge_dir
from vrn_core.places import scanning
from vrn_core.places.loading import check_places, read_places
from vrn_core.places.model import (
    LANCASHIRE,
    MatchStatus,
    Place,
    PlaceKind,
    PlaceMatch,
    place_context,
)
from vrn_core.places.text import normalise

__all__ = ["Gazetteer"]

_MIN_FUZZY_CHARS = 4  # shorter queries match exactly or not at all
_RESOLVE_CACHE = 4096  # resolved texts kept; resolve() is pure, and ranking calls it per case
_AMBIGUITY_MARGIN = 3.0  # two unrelated candidates this close in score: ask, don't guess
_DISTRICT_KINDS = frozenset({PlaceKind.district, PlaceKind.unitary})


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
        records, self._ancestors = check_places(places, path)

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
                update={
                    "in_lancashire": inside,
                    "context": place_context(place, district_name, inside),
                }
            )
        self._build_index(shared_names, capitalised_only)

    # --- loading ----------------------------------------------------------------

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        """Read and check a places file; any problem is one CatalogueError."""
        data = read_places(path)
        return cls(
            data.places,
            shared_names=data.shared_names,
            capitalised_only=data.capitalised_only,
            source=data.source,
            path=str(path),
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
        return scanning.find_in_text(self, text)

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


def _default_places_path() -> Path:
    """places.yaml in the knowledge folder ($VRN_KNOWLEDGE_DIR or the checkout's)."""
    return default_knowledge_dir() / "places.yaml"


@functools.cache
def _load_default() -> Gazetteer:
    return Gazetteer.load(_default_places_path())
