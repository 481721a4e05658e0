"""The ORUK read API's data, as pure functions of the catalogue and a date.

Everything here is computed from `vrn_core.export`: a service on `/services/{id}`
is exactly `service_record(programme, catalogue, "oruk", as_of=day)`, a list item
is its one-to-one part, and the taxonomies and terms are those the services'
attributes carry. Filtering and paging work on these records, never on strings
parsed again.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from vrn_core.catalogue import Catalogue
from vrn_core.export import NAMESPACE, ExportFormat, service_record
from vrn_core.places import Place, PlaceKind
from vrn_core.programme import Programme

__all__ = [
    "LIST_FIELDS",
    "MAX_PER_PAGE",
    "PER_PAGE",
    "Filters",
    "OrukView",
    "find_district",
    "page",
    "taxonomy_id",
]

PER_PAGE = 50
MAX_PER_PAGE = 100

# The fields of compiled/service_list.json: what a list item of /services carries.
LIST_FIELDS = (
    "id",
    "organization_id",
    "name",
    "description",
    "url",
    "email",
    "status",
    "fees",
    "accreditations",
    "minimum_age",
    "maximum_age",
    "assured_date",
    "assurer_email",
    "alert",
    "last_modified",
    "organization",
)


def taxonomy_id(name: str) -> str:
    """The stable id of a taxonomy, from the name the export gives its terms."""
    return str(uuid.uuid5(NAMESPACE, f"taxonomy:{name}"))


@dataclass(frozen=True)
class Filters:
    """What /services may be narrowed by. None: not filtered on it."""

    search: str | None = None
    taxonomy_term_id: str | None = None
    taxonomy_id: str | None = None
    minimum_age: float | None = None
    maximum_age: float | None = None
    age: int | None = None  # extension: services whose age limits admit this age
    district: Place | None = None  # extension: services whose areas reach this district


@dataclass(frozen=True)
class _Entry:
    programme: Programme
    service: dict[str, Any]
    text: str  # casefolded words to search: name, description, terms


class OrukView:
    """The catalogue as the ORUK read API shows it on one day."""

    def __init__(self, catalogue: Catalogue, day: date) -> None:
        self.catalogue = catalogue
        self.day = day
        self._entries = tuple(_entry(p, catalogue, day) for p in catalogue)
        self._by_id = {entry.service["id"]: entry for entry in self._entries}

    def service(self, service_id: str) -> dict[str, Any] | None:
        """The fully nested service, or None when no service has that id."""
        entry = self._by_id.get(service_id)
        return entry.service if entry is not None else None

    def services(self, filters: Filters) -> list[dict[str, Any]]:
        """The list items (one-to-one fields) of the services that pass every filter."""
        return [
            {key: entry.service[key] for key in LIST_FIELDS if key in entry.service}
            for entry in self._entries
            if _passes(entry, filters, self.catalogue, self.day)
        ]

    def taxonomy_terms(self) -> list[dict[str, Any]]:
        """Every term a service carries, once, with the id of its taxonomy."""
        terms: dict[str, dict[str, Any]] = {}
        for entry in self._entries:
            for attribute in entry.service["attributes"]:
                term = attribute["taxonomy_term"]
                terms.setdefault(term["id"], {**term, "taxonomy_id": taxonomy_id(term["taxonomy"])})
        return list(terms.values())

    def taxonomies(self) -> list[dict[str, Any]]:
        """The vocabularies the terms come from."""
        names = dict.fromkeys(term["taxonomy"] for term in self.taxonomy_terms())
        return [
            {
                "id": taxonomy_id(name),
                "name": name,
                "description": f"Terms of the {name}, used to classify VRN programmes.",
            }
            for name in names
        ]


def _entry(programme: Programme, catalogue: Catalogue, day: date) -> _Entry:
    service = service_record(programme, catalogue, ExportFormat.oruk, as_of=day)
    words = [service["name"], service["description"], *programme.aliases]
    words += [a["taxonomy_term"]["name"] for a in service["attributes"]]
    return _Entry(programme, service, " ".join(words).casefold())


def _passes(entry: _Entry, filters: Filters, catalogue: Catalogue, day: date) -> bool:
    service = entry.service
    if filters.search is not None and not all(
        word in entry.text for word in filters.search.casefold().split()
    ):
        return False
    attributes = service["attributes"]
    if filters.taxonomy_term_id is not None and not any(
        a["taxonomy_term_id"] == filters.taxonomy_term_id for a in attributes
    ):
        return False
    if filters.taxonomy_id is not None and not any(
        taxonomy_id(a["taxonomy_term"]["taxonomy"]) == filters.taxonomy_id for a in attributes
    ):
        return False
    low, high = service.get("minimum_age"), service.get("maximum_age")
    if filters.minimum_age is not None and (low is None or low < filters.minimum_age):
        return False
    if filters.maximum_age is not None and (high is None or high > filters.maximum_age):
        return False
    if filters.age is not None and not (
        (low is None or low <= filters.age) and (high is None or filters.age <= high)
    ):
        return False
    return filters.district is None or _reaches(entry.programme, filters.district, catalogue, day)


def _reaches(programme: Programme, district: Place, catalogue: Catalogue, day: date) -> bool:
    """Some window in force on `day` serves everywhere, or a place inside or containing
    the district."""
    gazetteer = catalogue.gazetteer
    for window in programme.on(day).availability:
        if not window.places:
            return True
        # within() is True for a place inside the district, None for one containing it.
        if any(gazetteer.within(place, district.id) is not False for place in window.places):
            return True
    return False


def find_district(catalogue: Catalogue, text: str) -> Place | None:
    """The district or unitary authority `text` names: its id (with or without the
    'district:' prefix), name or an alias, in any case. None when none does."""
    wanted = " ".join(text.split()).casefold()
    for place in catalogue.gazetteer:
        if place.kind not in (PlaceKind.district, PlaceKind.unitary):
            continue
        names = (place.id, place.id.removeprefix("district:"), place.name, *place.aliases)
        if wanted in (name.casefold() for name in names):
            return place
    return None


def page(items: Sequence[dict[str, Any]], number: int, per_page: int) -> dict[str, Any]:
    """One page of an HSDA paginated list (its `Page` fields and `contents`)."""
    total = len(items)
    pages = math.ceil(total / per_page)
    contents = list(items[(number - 1) * per_page : number * per_page])
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": number,
        "size": len(contents),
        "first_page": number == 1,
        "last_page": number >= pages,
        "empty": not contents,
        "contents": contents,
    }
