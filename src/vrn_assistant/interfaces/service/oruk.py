"""The Open Referral UK 3.0 read API: `/`, services, service at locations, taxonomies.

Paths and parameters follow the ORUK 3.0 OpenAPI document. Filters it names that the
catalogue cannot answer (opening times, postcodes) are refused with 422 rather than
silently ignored, and so is any parameter it does not name. Our extensions to
`/services` are `age`, `district` and `date`.

Every handler is `async`: each takes well under a millisecond once the day's view is
built, less than the hop to a worker thread that FastAPI makes for a plain `def`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from vrn_assistant.interfaces.service.errors import ApiError, Problem
from vrn_assistant.interfaces.service.listing import (
    MAX_PER_PAGE,
    PER_PAGE,
    Filters,
    OrukView,
    find_district,
    page,
)
from vrn_assistant.interfaces.service.models import (
    ApiInfo,
    ServiceAtLocationPage,
    ServicePage,
    Taxonomy,
    TaxonomyPage,
    TaxonomyTerm,
    TaxonomyTermPage,
)
from vrn_assistant.interfaces.service.state import ServiceState, state_of
from vrn_core.places import PlaceKind
from vrn_core.wording import parse_day

__all__ = ["PROFILE_URL", "router"]

PROFILE_URL = "https://github.com/OpenReferralUK/uk-profile"

router = APIRouter(tags=["Open Referral UK 3.0"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": Problem, "description": "A parameter that cannot be used; `field` names it."}
}
_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No record has that id."},
    **_ERRORS,
}
# ORUK parameters the catalogue cannot answer: its programmes have no opening times or
# locations. Refused, so that a partner never reads an unfiltered list as filtered.
_UNANSWERABLE = {
    "start_time": "the catalogue holds no opening times",
    "end_time": "the catalogue holds no opening times",
    "day": "the catalogue holds no opening days",
    "postcode": "the catalogue holds no locations, only named areas (use 'district')",
    "proximity": "the catalogue holds no locations, only named areas (use 'district')",
}

PerPage = Annotated[
    int, Query(ge=1, le=MAX_PER_PAGE, description=f"Items per page, 1 to {MAX_PER_PAGE}.")
]


def _only(*names: str) -> Callable[[Request], Awaitable[None]]:
    """A dependency refusing query parameters other than `names`, naming the first."""
    allowed = frozenset(names)

    async def check(request: Request) -> None:  # async: no thread hop per request
        for name in request.query_params:
            if name in allowed:
                continue
            if name in _UNANSWERABLE:
                raise ApiError(422, f"{name}: not supported: {_UNANSWERABLE[name]}", name)
            raise ApiError(422, f"{name}: unknown parameter", name)

    return check


def _day(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return parse_day(text)
    except ValueError as exc:
        raise ApiError(422, f"date: {exc}", "date") from None


def _json(content: Any) -> JSONResponse:
    return JSONResponse(content)


@router.get(
    "/",
    response_model=ApiInfo,
    summary="This API: its HSDS version and profile",
    dependencies=[Depends(_only())],
    responses=_ERRORS,
)
async def api_info(request: Request) -> JSONResponse:
    return _json(
        {
            "version": "3.0",
            "profile": PROFILE_URL,
            "openapi_url": str(request.url_for("openapi")),
        }
    )


_SERVICE_PARAMETERS = (
    "search",
    "page",
    "per_page",
    "taxonomy_term_id",
    "taxonomy_id",
    "minimum_age",
    "maximum_age",
    "age",
    "district",
    "date",
)


@router.get(
    "/services",
    response_model=ServicePage,
    summary="Services, paged (one-to-one fields)",
    dependencies=[Depends(_only(*_SERVICE_PARAMETERS))],
    responses=_ERRORS,
)
async def list_services(
    state: Annotated[ServiceState, Depends(state_of)],
    search: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Words that must all appear in the name, description or terms.",
        ),
    ] = None,
    page_number: Annotated[int, Query(alias="page", ge=1, description="Page, from 1.")] = 1,
    per_page: PerPage = PER_PAGE,
    taxonomy_term_id: Annotated[
        str | None, Query(description="Only services carrying this taxonomy term.")
    ] = None,
    taxonomy_id: Annotated[
        str | None, Query(description="Only services carrying a term of this taxonomy.")
    ] = None,
    minimum_age: Annotated[
        float | None,
        Query(ge=0, le=200, allow_inf_nan=False, description="Minimum age at least this."),
    ] = None,
    maximum_age: Annotated[
        float | None,
        Query(ge=0, le=200, allow_inf_nan=False, description="Maximum age at most this."),
    ] = None,
    age: Annotated[
        int | None,
        Query(
            ge=0,
            le=120,
            description="Extension: only services whose age limits admit this age (other "
            "criteria are not judged: use POST /eligibility for that).",
        ),
    ] = None,
    district: Annotated[
        str | None,
        Query(
            max_length=100,
            description="Extension: only services with an area reaching this district or "
            "unitary authority (id such as 'preston', or name).",
        ),
    ] = None,
    day: Annotated[
        str | None,
        Query(
            alias="date",
            max_length=20,
            description="Extension: judge each service's status on this date (YYYY-MM-DD or "
            "DD/MM/YYYY; default today).",
        ),
    ] = None,
) -> JSONResponse:
    view = state.view(_day(day))
    place = None
    if district is not None:
        place = find_district(state.catalogue, district)
        if place is None:
            known = ", ".join(
                p.id.removeprefix("district:")
                for p in state.catalogue.gazetteer
                if p.kind in (PlaceKind.district, PlaceKind.unitary)
            )
            raise ApiError(
                422, f"district: not a district of Lancashire; use one of: {known}", "district"
            )
    filters = Filters(
        search=search,
        taxonomy_term_id=taxonomy_term_id,
        taxonomy_id=taxonomy_id,
        minimum_age=minimum_age,
        maximum_age=maximum_age,
        age=age,
        district=place,
    )
    return _json(page(view.services(filters), page_number, per_page))


def _record(found: dict[str, Any] | None, what: str) -> JSONResponse:
    if found is None:
        raise ApiError(404, f"No {what} has that id.")
    return _json(found)


@router.get(
    "/services/{id}",
    summary="One fully nested service, as `vrn export --format oruk` gives it",
    response_model=dict[str, Any],
    dependencies=[Depends(_only("date"))],
    responses=_NOT_FOUND,
)
async def get_service(
    state: Annotated[ServiceState, Depends(state_of)],
    id: str,
    day: Annotated[
        str | None, Query(alias="date", max_length=20, description="Extension: as /services.")
    ] = None,
) -> JSONResponse:
    return _record(state.view(_day(day)).service(id), "service")


_LOCATION_PARAMETERS = _SERVICE_PARAMETERS[:7]


@router.get(
    "/service_at_locations",
    response_model=ServiceAtLocationPage,
    summary="Services at locations, paged: always empty (the catalogue has no locations)",
    dependencies=[Depends(_only(*_LOCATION_PARAMETERS))],
    responses=_ERRORS,
)
async def list_service_at_locations(
    search: Annotated[str | None, Query(max_length=200)] = None,
    page_number: Annotated[int, Query(alias="page", ge=1)] = 1,
    per_page: PerPage = PER_PAGE,
    taxonomy_term_id: str | None = None,
    taxonomy_id: str | None = None,
    minimum_age: Annotated[float | None, Query(ge=0, le=200, allow_inf_nan=False)] = None,
    maximum_age: Annotated[float | None, Query(ge=0, le=200, allow_inf_nan=False)] = None,
) -> JSONResponse:
    return _json(page([], page_number, per_page))


@router.get(
    "/service_at_locations/{id}",
    summary="One service at a location: never found (the catalogue has no locations)",
    response_model=dict[str, Any],
    dependencies=[Depends(_only())],
    responses=_NOT_FOUND,
)
async def get_service_at_location(id: str) -> JSONResponse:
    raise ApiError(404, "No service at location has that id: the catalogue has no locations.")


def _add_listing(
    singular: str,
    plural: str,
    items: Callable[[OrukView], list[dict[str, Any]]],
    page_model: type[BaseModel],
    item_model: type[BaseModel],
) -> None:
    """`GET /<plural>` (the day's items, paged) and `GET /<plural>/{id}` (one of them)."""
    path = "/" + plural.replace(" ", "_")

    async def list_items(
        state: Annotated[ServiceState, Depends(state_of)],
        page_number: Annotated[int, Query(alias="page", ge=1)] = 1,
        per_page: PerPage = PER_PAGE,
    ) -> JSONResponse:
        return _json(page(items(state.view(date.today())), page_number, per_page))

    async def get_item(
        state: Annotated[ServiceState, Depends(state_of)],
        id: str,
    ) -> JSONResponse:
        found = {item["id"]: item for item in items(state.view(date.today()))}
        return _record(found.get(id), singular)

    router.add_api_route(
        path,
        list_items,
        methods=["GET"],
        name="list_" + plural.replace(" ", "_"),
        response_model=page_model,
        summary=f"{plural.capitalize()}, paged",
        dependencies=[Depends(_only("page", "per_page"))],
        responses=_ERRORS,
    )
    router.add_api_route(
        path + "/{id}",
        get_item,
        methods=["GET"],
        name="get_" + singular.replace(" ", "_"),
        response_model=item_model,
        summary=f"One {singular}",
        dependencies=[Depends(_only())],
        responses=_NOT_FOUND,
    )


_add_listing("taxonomy", "taxonomies", OrukView.taxonomies, TaxonomyPage, Taxonomy)
_add_listing(
    "taxonomy term", "taxonomy terms", OrukView.taxonomy_terms, TaxonomyTermPage, TaxonomyTerm
)
