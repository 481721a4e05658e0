"""The shapes of the ORUK responses, as our OpenAPI document describes them.

They document; they do not build the responses (`listing` does, from
`vrn_core.export`). The official schemas are stricter about formats, and the tests
validate every response against them.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "ApiInfo",
    "Organization",
    "ServiceAtLocationPage",
    "ServiceListItem",
    "ServicePage",
    "Taxonomy",
    "TaxonomyPage",
    "TaxonomyTerm",
    "TaxonomyTermPage",
]


class _Shape(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ApiInfo(_Shape):
    version: str = Field(description="The HSDS version this API follows: 3.0.")
    profile: str = Field(description="Where the profile (Open Referral UK 3.0) is described.")
    openapi_url: str = Field(description="This API's OpenAPI document.")


class Organization(_Shape):
    id: str
    name: str
    description: str


class ServiceListItem(_Shape):
    """The one-to-one fields of a service (ORUK compiled/service_list.json)."""

    id: str
    organization_id: str
    name: str
    description: str
    status: str = Field(description="active, inactive, defunct or temporarily closed.")
    alert: str | None = Field(default=None, description="Why the status is not simply active.")
    minimum_age: int | None = None
    maximum_age: int | None = None
    organization: Organization


class _Page(_Shape):
    total_items: int
    total_pages: int
    page_number: int
    size: int
    first_page: bool
    last_page: bool
    empty: bool


class ServicePage(_Page):
    contents: list[ServiceListItem]


class TaxonomyTerm(_Shape):
    id: str
    name: str
    description: str
    taxonomy: str
    taxonomy_id: str
    term: str = Field(description="The term's code in its vocabulary.")


class TaxonomyTermPage(_Page):
    contents: list[TaxonomyTerm]


class Taxonomy(_Shape):
    id: str
    name: str
    description: str


class TaxonomyPage(_Page):
    contents: list[Taxonomy]


class ServiceAtLocationPage(_Page):
    contents: list[dict[str, Any]] = Field(
        description="Always empty: the catalogue's programmes are delivered across areas, "
        "not at locations."
    )
