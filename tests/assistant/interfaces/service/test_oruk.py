"""The ORUK 3.0 read API: every response strictly valid against the official schemas.

"Strictly": the schemas of ../shared/standards/hsds/oruk-3.0 with
`additionalProperties: false` on every object and every format checked (as
tests/core/test_export.py does), read offline.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.conftest import shared_path
from tests.core.test_export import _format_checker, strict
from vrn_core.catalogue import Catalogue
from vrn_core.export import ExportFormat, export_catalogue, service_record

AS_OF = "2020-10-15"


def _schema_dir() -> Path:
    return shared_path("standards", "hsds", "oruk-3.0", "schema")


def _load(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def _validator(schema: dict[str, Any], registry: Registry | None = None) -> Draft202012Validator:
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(
        strict(schema), format_checker=_format_checker(), registry=registry or Registry()
    )


@pytest.fixture(scope="module")
def validators() -> dict[str, Draft202012Validator]:
    folder = _schema_dir()
    openapi = _load(folder / "openapi.json")
    root = copy.deepcopy(
        openapi["paths"]["/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    )
    root["required"] = sorted(root["properties"])
    page = copy.deepcopy(openapi["components"]["schemas"]["Page"])
    page["properties"]["contents"] = {"type": "array"}
    page["required"] = sorted(page["properties"])
    # taxonomy.json refers to "taxonomy_term.json" by its bare name.
    registry = Registry().with_resources(
        [
            (name, Resource(strict(_load(folder / name)), DRAFT202012))
            for name in ("taxonomy_term.json",)
        ]
    )
    return {
        "root": _validator(root),
        "page": _validator(page),
        "service": _validator(_load(folder / "compiled" / "service_with_definitions.json")),
        "service_list": _validator(_load(folder / "compiled" / "service_list.json")),
        "service_at_location_list": _validator(
            _load(folder / "compiled" / "service_at_location_list.json")
        ),
        "taxonomy": _validator(_load(folder / "taxonomy.json"), registry),
        "taxonomy_term": _validator(_load(folder / "taxonomy_term.json")),
    }


def _errors(validator: Draft202012Validator, instance: Any) -> list[str]:
    return [
        f"{'/'.join(str(p) for p in error.absolute_path)}: {error.message}"
        for error in validator.iter_errors(instance)
    ]


def _page(
    client: TestClient,
    path: str,
    items: str,
    validators: dict[str, Draft202012Validator],
    **params: Any,
) -> dict[str, Any]:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    body: dict[str, Any] = response.json()
    assert _errors(validators["page"], body) == []
    for item in body["contents"]:
        assert _errors(validators[items], item) == [], item.get("id")
    return body


# --- every endpoint validates -------------------------------------------------------


def test_root_names_the_version_profile_and_openapi(
    client: TestClient, validators: dict[str, Draft202012Validator]
) -> None:
    body = client.get("/").json()
    assert _errors(validators["root"], body) == []
    assert body["version"] == "3.0"
    assert body["openapi_url"].endswith("/openapi.json")
    assert client.get(body["openapi_url"]).json()["paths"]["/services"]


def test_the_validation_is_strict(validators: dict[str, Draft202012Validator]) -> None:
    assert _errors(validators["root"], {"version": "3.0", "profile": "x y", "openapi_url": "/o"})
    assert _errors(validators["taxonomy_term"], {"id": "t", "name": "n", "description": "d"})
    assert _errors(validators["page"], {"total_items": 1})


@pytest.mark.parametrize("as_of", [AS_OF, "2021-12-01", None])
def test_every_service_is_valid_and_exactly_the_export(
    as_of: str | None,
    client: TestClient,
    catalogue: Catalogue,
    validators: dict[str, Draft202012Validator],
) -> None:
    day = date.fromisoformat(as_of) if as_of else date.today()
    params = {"date": as_of} if as_of else {}
    listed = _page(client, "/services", "service_list", validators, per_page=100, **params)
    exported = export_catalogue(catalogue, ExportFormat.oruk, as_of=day)["contents"]
    assert [item["id"] for item in listed["contents"]] == [s["id"] for s in exported]
    for item, programme in zip(listed["contents"], catalogue, strict=True):
        full = client.get(f"/services/{item['id']}", params=params)
        assert full.status_code == 200
        service = full.json()
        assert _errors(validators["service"], service) == []
        assert service == service_record(programme, catalogue, ExportFormat.oruk, as_of=day)
        # The list item is the one-to-one part of the full record.
        assert item == {key: value for key, value in service.items() if key in item}
        assert "schedules" not in item and "attributes" not in item


def test_service_at_locations_is_a_valid_empty_page(
    client: TestClient, validators: dict[str, Draft202012Validator]
) -> None:
    body = _page(client, "/service_at_locations", "service_at_location_list", validators)
    assert body["contents"] == [] and body["empty"] is True and body["total_items"] == 0
    assert client.get("/service_at_locations/anything").status_code == 404


def test_taxonomies_and_terms_are_valid_and_found_by_id(
    client: TestClient, catalogue: Catalogue, validators: dict[str, Draft202012Validator]
) -> None:
    taxonomies = _page(client, "/taxonomies", "taxonomy", validators)["contents"]
    terms = _page(client, "/taxonomy_terms", "taxonomy_term", validators)["contents"]
    assert len(taxonomies) == 2
    assert {t["taxonomy_id"] for t in terms} == {t["id"] for t in taxonomies}
    carried = {
        a["taxonomy_term_id"]
        for s in export_catalogue(catalogue, ExportFormat.oruk)["contents"]
        for a in s["attributes"]
    }
    assert {t["id"] for t in terms} == carried
    for taxonomy in taxonomies:
        found = client.get(f"/taxonomies/{taxonomy['id']}").json()
        assert found == taxonomy and _errors(validators["taxonomy"], found) == []
    term = terms[0]
    found = client.get(f"/taxonomy_terms/{term['id']}").json()
    assert found == term and _errors(validators["taxonomy_term"], found) == []


# --- filters ------------------------------------------------------------------------


def _names(client: TestClient, **params: Any) -> list[str]:
    response = client.get("/services", params={"per_page": 100, "date": AS_OF, **params})
    assert response.status_code == 200, response.text
    return [item["name"] for item in response.json()["contents"]]


def test_search_needs_every_word(client: TestClient) -> None:
    everything = _names(client)
    assert "DIVERT" in _names(client, search="divert")
    assert "DIVERT" in _names(client, search="DIVERT custody")
    assert _names(client, search="divert zzzunheardof") == []
    assert 0 < len(_names(client, search="custody")) < len(everything)


def test_taxonomy_filters(client: TestClient) -> None:
    terms = client.get("/taxonomy_terms").json()["contents"]
    service = next(t for t in terms if t["term"] == "service")
    kinds = service["taxonomy_id"]
    with_term = _names(client, taxonomy_term_id=service["id"])
    assert with_term and len(with_term) < len(_names(client))
    assert sorted(_names(client, taxonomy_id=kinds)) == sorted(_names(client))
    assert _names(client, taxonomy_term_id="no-such-term") == []


def test_age_filters(client: TestClient) -> None:
    services = client.get("/services", params={"per_page": 100}).json()["contents"]
    for item in services:
        low, high = item.get("minimum_age"), item.get("maximum_age")
        admits_15 = (low is None or low <= 15) and (high is None or high >= 15)
        assert (item["name"] in _names(client, age=15)) is admits_15, item["name"]
    assert all(
        s.get("minimum_age", -1) >= 18
        for s in client.get("/services", params={"minimum_age": 18}).json()["contents"]
    )
    assert _names(client, minimum_age=18) and _names(client, maximum_age=25)


def test_district_filter_reads_the_gazetteer(client: TestClient) -> None:
    everywhere = _names(client)
    blackpool = _names(client, district="blackpool")
    assert blackpool == _names(client, district="Blackpool")
    assert blackpool == _names(client, district="district:blackpool")
    # Operation ADDER runs in Blackpool only; the hospital's ED Navigators are in Blackpool;
    # Strength Inside and Out is at a prison in Lancaster; the knife campaign is county-wide.
    assert {"Operation ADDER", "ED Navigators", "Knife crime social media campaign"} <= set(
        blackpool
    )
    assert "Strength Inside and Out" not in blackpool
    lancaster = _names(client, district="Lancaster")
    assert "Strength Inside and Out" in lancaster and "Operation ADDER" not in lancaster
    assert len(blackpool) < len(everywhere)


def test_date_changes_status(client: TestClient) -> None:
    def statuses(day: str) -> dict[str, str]:
        items = client.get("/services", params={"per_page": 100, "date": day}).json()
        return {item["name"]: item["status"] for item in items["contents"]}

    assert statuses("2020-10-15") != statuses("2030-01-01")
    assert statuses("15/10/2020") == statuses("2020-10-15")


# --- paging -------------------------------------------------------------------------


def test_pages_cover_the_list_once(client: TestClient) -> None:
    everything = _names(client)
    pages = []
    number = 1
    while True:
        body = client.get("/services", params={"per_page": 5, "page": number, "date": AS_OF}).json()
        assert body["page_number"] == number and body["first_page"] is (number == 1)
        pages += [item["name"] for item in body["contents"]]
        if body["last_page"]:
            break
        number += 1
    assert pages == everything
    assert body["total_pages"] == number == -(-len(everything) // 5)
    beyond = client.get("/services", params={"page": number + 1, "per_page": 5}).json()
    assert beyond["contents"] == [] and beyond["empty"] is True and beyond["last_page"] is True


# --- errors -------------------------------------------------------------------------


def _problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    assert set(body) <= {"status", "title", "detail", "field"}
    return body


@pytest.mark.parametrize(
    "path", ["/services/nope", "/taxonomies/nope", "/taxonomy_terms/nope", "/no/such/path"]
)
def test_unknown_ids_are_404(client: TestClient, path: str) -> None:
    _problem(client.get(path), 404)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"page": 0}, "page"),
        ({"page": "two"}, "page"),
        ({"per_page": 1000}, "per_page"),
        ({"age": -1}, "age"),
        ({"minimum_age": "nan"}, "minimum_age"),
        ({"district": "Narnia"}, "district"),
        ({"date": "31/02/2020"}, "date"),
        ({"day": "monday"}, "day"),
        ({"postcode": "PR1 2HE"}, "postcode"),
        ({"serach": "divert"}, "serach"),
    ],
)
def test_a_bad_parameter_is_422_naming_it(
    client: TestClient, params: dict[str, Any], field: str
) -> None:
    body = _problem(client.get("/services", params=params), 422)
    assert body["field"] == field
    assert body["detail"].startswith(f"{field}: ")


def test_the_openapi_document_describes_the_extensions(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    names = {p["name"] for p in document["paths"]["/services"]["get"]["parameters"]}
    assert {"search", "page", "per_page", "taxonomy_term_id", "taxonomy_id"} <= names
    assert {"age", "district", "date"} <= names
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/openapi.json" in docs.text
