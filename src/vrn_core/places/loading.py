"""Reading `knowledge/places.yaml` and checking its places hang together.

The file is read strictly: unknown fields, malformed ids and empty names are
errors naming the record. The places are then checked as a whole: ids are
unique, Lancashire is there, every parent exists, the parents never go round
in a circle and each kind lies on the right side of the county boundary.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, NamedTuple

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from vrn_core.errors import CatalogueError
from vrn_core.places.model import LANCASHIRE, Country, Place, PlaceKind
from vrn_core.vocabulary import Setting
from vrn_core.yamlfile import read_yaml, validation_error

__all__ = ["PlacesData", "check_places", "read_places"]

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


class PlacesData(NamedTuple):
    """What a places file says, its records checked one by one but not yet as a whole."""

    places: list[Place]
    shared_names: tuple[str, ...]
    capitalised_only: tuple[str, ...]
    source: str


# Kinds that may stand at the top, with no parents.
_TOP_LEVEL_KINDS = frozenset({PlaceKind.county, PlaceKind.outside, PlaceKind.region})
# Kinds that must lie inside Lancashire, and kinds that must not.
_LANCASHIRE_KINDS = frozenset(
    {PlaceKind.unitary, PlaceKind.district, PlaceKind.group, PlaceKind.town, PlaceKind.site}
)
_NOT_LANCASHIRE_KINDS = frozenset({PlaceKind.outside, PlaceKind.region})
_SETTING_KINDS = frozenset({PlaceKind.site, PlaceKind.outside})


def read_places(path: Path) -> PlacesData:
    """Read a places file; a problem with it or any record is one CatalogueError."""
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
    return PlacesData(
        places=places,
        shared_names=document.shared_names,
        capitalised_only=document.capitalised_only,
        source=document.source,
    )


def check_places(
    places: Iterable[Place], path: str | None
) -> tuple[dict[str, Place], dict[str, frozenset[str]]]:
    """The places by id, and every place's ancestors (itself included).

    Raises CatalogueError (naming `path`, the record and the field) for a
    duplicate id, a missing Lancashire, an unknown parent, a cycle or a place
    on the wrong side of the county boundary.
    """
    records: dict[str, Place] = {}
    for place in places:
        if place.id in records:
            raise CatalogueError(
                "this id is used by more than one place", path=path, record=place.id, field="id"
            )
        records[place.id] = place
    if LANCASHIRE not in records:
        raise CatalogueError(f"no place has the id {LANCASHIRE!r}", path=path)
    _check_links(records, path)
    ancestors = _all_ancestors(records, path)
    _check_boundary(records, ancestors, path)
    return records, ancestors


def _check_links(records: dict[str, Place], path: str | None) -> None:
    for place in records.values():
        for parent in place.parents:
            if parent not in records:
                raise CatalogueError(
                    f"unknown parent {parent!r}", path=path, record=place.id, field="parents"
                )
        if not place.parents and place.kind not in _TOP_LEVEL_KINDS:
            raise CatalogueError(
                f"a place of kind {place.kind.value!r} needs at least one parent",
                path=path,
                record=place.id,
                field="parents",
            )
        if place.setting is not None and place.kind not in _SETTING_KINDS:
            raise CatalogueError(
                "only sites (and places outside Lancashire) have a setting",
                path=path,
                record=place.id,
                field="setting",
            )
        if place.kind is PlaceKind.outside and place.country is None:
            raise CatalogueError(
                "a place outside Lancashire needs a country",
                path=path,
                record=place.id,
                field="country",
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


def _check_boundary(
    records: dict[str, Place], ancestors: dict[str, frozenset[str]], path: str | None
) -> None:
    # The kind and the parents must agree, or in_lancashire would lie.
    for place in records.values():
        inside = LANCASHIRE in ancestors[place.id]
        if place.kind in _LANCASHIRE_KINDS and not inside:
            raise CatalogueError(
                f"a {place.kind.value} must lie inside Lancashire; "
                "use kind 'outside' for places beyond it",
                path=path,
                record=place.id,
                field="parents",
            )
        if place.kind in _NOT_LANCASHIRE_KINDS and inside:
            raise CatalogueError(
                f"a place of kind {place.kind.value!r} cannot lie inside Lancashire",
                path=path,
                record=place.id,
                field="kind",
            )
