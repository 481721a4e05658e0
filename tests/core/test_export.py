"""Open Referral export: every service valid against HSDS 3.0 and ORUK 3.0, strictly.

"Strictly" means a copy of each schema with `additionalProperties: false` on
every object schema (as upstream CI does with
`compiletojsonschema --set-additional-properties-false-everywhere`), and a
format checker that really checks uuid, date, date-time, email and uri.
"""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from tests.conftest import shared_path
from vrn_core.catalogue import Catalogue, load_catalogue
from vrn_core.errors import ExportError
from vrn_core.export import (
    NAMESPACE,
    VRN_ORGANIZATION_ID,
    ExportFormat,
    export_catalogue,
    not_carried,
    service_record,
)
from vrn_core.programme import Programme

AS_OF = date(2020, 10, 15)  # the newsletter's month: a mix of running, planned and ended
FORMATS = tuple(ExportFormat)
FOLDER = {ExportFormat.hsds: "hsds-3.0", ExportFormat.oruk: "oruk-3.0"}
# Fields HSDS 3.0 has and ORUK 3.0 drops (README of the shared schemas).
ORUK_DROPS = {
    "service": ("eligibility_description", "application_process", "fees_description", "phones"),
    "contact": ("email",),
    "attribute": ("link_entity",),
    "taxonomy_term": ("code",),
    "schedule": ("wkst",),
    "service_area": ("description",),
}


# --- schemas and validators, built once per module ------------------------------


def _schema_file(fmt: ExportFormat, *parts: str) -> Path:
    return shared_path("standards", "hsds", FOLDER[fmt], "schema", *parts)


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def strict(schema: dict[str, Any]) -> dict[str, Any]:
    """A copy with additionalProperties:false on every object schema that has properties."""
    result = copy.deepcopy(schema)

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
            return
        if not isinstance(node, dict):
            return
        if isinstance(node.get("properties"), dict):
            node["additionalProperties"] = False
            for sub in node["properties"].values():
                walk(sub)
        for key in ("definitions", "$defs", "patternProperties"):
            if isinstance(node.get(key), dict):
                for sub in node[key].values():
                    walk(sub)
        for key in ("items", "allOf", "anyOf", "oneOf", "not", "if", "then", "else"):
            if key in node:
                walk(node[key])

    walk(result)
    return result


def _is_date_time(instance: object) -> bool:
    if not isinstance(instance, str):
        return True
    parsed = datetime.fromisoformat(instance.replace("Z", "+00:00"))  # ValueError: not one
    return "T" in instance.upper() and parsed.tzinfo is not None


def _is_uri(instance: object) -> bool:
    if not isinstance(instance, str):
        return True
    return bool(urlsplit(instance).scheme) and " " not in instance


def _format_checker() -> FormatChecker:
    checker = FormatChecker()
    # jsonschema checks these two only with optional packages; check them here instead.
    if "date-time" not in checker.checkers:
        checker.checks("date-time", raises=ValueError)(_is_date_time)
    if "uri" not in checker.checkers:
        checker.checks("uri")(_is_uri)
    return checker


def _formats_in(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        if isinstance(node.get("format"), str) and "type" in node:
            found.add(node["format"])
        for value in node.values():
            found |= _formats_in(value)
    elif isinstance(node, list):
        for value in node:
            found |= _formats_in(value)
    return found


def _validator(schema: dict[str, Any]) -> Draft202012Validator:
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=_format_checker())


@pytest.fixture(scope="module")
def schemas() -> dict[ExportFormat, dict[str, Any]]:
    return {
        fmt: _load(_schema_file(fmt, "compiled", "service_with_definitions.json"))
        for fmt in FORMATS
    }


@pytest.fixture(scope="module")
def validators(
    schemas: dict[ExportFormat, dict[str, Any]],
) -> dict[ExportFormat, Draft202012Validator]:
    return {fmt: _validator(strict(schema)) for fmt, schema in schemas.items()}


@pytest.fixture(scope="module")
def list_item_schemas() -> dict[ExportFormat, dict[str, Any]]:
    return {fmt: _load(_schema_file(fmt, "compiled", "service_list.json")) for fmt in FORMATS}


@pytest.fixture(scope="module")
def page_validators() -> dict[ExportFormat, Draft202012Validator]:
    """The HSDA `Page` of openapi.json, strict, every field required, with `contents`."""
    found: dict[ExportFormat, Draft202012Validator] = {}
    for fmt in FORMATS:
        page = copy.deepcopy(
            _load(_schema_file(fmt, "openapi.json"))["components"]["schemas"]["Page"]
        )
        page["properties"]["contents"] = {"type": "array"}
        page["required"] = sorted(page["properties"])
        found[fmt] = _validator(strict(page))
    return found


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="module")
def exports(catalogue: Catalogue) -> dict[ExportFormat, dict[str, Any]]:
    return {fmt: export_catalogue(catalogue, fmt, as_of=AS_OF) for fmt in FORMATS}


def _errors(validator: Draft202012Validator, instance: Any) -> list[str]:
    return [
        f"{'/'.join(str(part) for part in error.absolute_path)}: {error.message}"
        for error in validator.iter_errors(instance)
    ]


def _service(exported: dict[str, Any], name: str) -> dict[str, Any]:
    for service in exported["contents"]:
        if service["name"] == name:
            found: dict[str, Any] = service
            return found
    raise AssertionError(f"no service named {name!r}")


def _ids(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every (path, id) in a nested record."""
    if isinstance(node, dict):
        if isinstance(node.get("id"), str):
            yield path, node["id"]
        for key, value in node.items():
            yield from _ids(value, f"{path}/{key}")
    elif isinstance(node, list):
        for value in node:
            yield from _ids(value, path)


# --- the validation itself is strict ----------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_in_the_schema_is_checked(
    fmt: ExportFormat, schemas: dict[ExportFormat, dict[str, Any]]
) -> None:
    used = _formats_in(schemas[fmt])
    assert {"uuid", "email", "uri", "date-time"} <= used
    assert used <= set(_format_checker().checkers)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_non_uuid_id_is_rejected(
    fmt: ExportFormat,
    exports: dict[ExportFormat, dict[str, Any]],
    validators: dict[ExportFormat, Draft202012Validator],
) -> None:
    service = copy.deepcopy(_service(exports[fmt], "DIVERT"))
    assert _errors(validators[fmt], service) == []
    service["id"] = "divert"
    assert any("is not a 'uuid'" in error for error in _errors(validators[fmt], service))
    nested = copy.deepcopy(_service(exports[fmt], "DIVERT"))
    nested["schedules"][0]["service_id"] = "not-a-uuid-at-all"
    assert _errors(validators[fmt], nested)


@pytest.mark.parametrize("fmt", FORMATS)
def test_bad_email_uri_and_datetime_are_rejected(
    fmt: ExportFormat,
    exports: dict[ExportFormat, dict[str, Any]],
    validators: dict[ExportFormat, Draft202012Validator],
) -> None:
    service = copy.deepcopy(_service(exports[fmt], "DIVERT"))
    for field, bad, good in (
        ("email", "not an email", "team@example.org"),
        ("url", "no scheme here", "https://example.org/divert"),
        ("last_modified", "15/10/2020", "2020-10-15T09:00:00Z"),
    ):
        assert _errors(validators[fmt], {**service, field: good}) == [], field
        assert _errors(validators[fmt], {**service, field: bad}), field


@pytest.mark.parametrize("fmt", FORMATS)
def test_unknown_fields_are_rejected_at_every_level(
    fmt: ExportFormat,
    exports: dict[ExportFormat, dict[str, Any]],
    validators: dict[ExportFormat, Draft202012Validator],
) -> None:
    service = copy.deepcopy(_service(exports[fmt], "DIVERT"))
    service["colour"] = "blue"
    assert _errors(validators[fmt], service)
    service = copy.deepcopy(_service(exports[fmt], "DIVERT"))
    service["attributes"][0]["taxonomy_term"]["colour"] = "blue"
    assert _errors(validators[fmt], service)


def test_the_shared_example_shows_oruk_strictness(
    validators: dict[ExportFormat, Draft202012Validator],
) -> None:
    """The README says: strictly valid for HSDS 3.0, strictly invalid for ORUK 3.0."""
    example = _load(shared_path("standards", "hsds", "example_service.json"))
    assert _errors(validators[ExportFormat.hsds], example) == []
    assert _errors(validators[ExportFormat.oruk], example)


# --- the export is valid -------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("as_of", [AS_OF, date(2021, 12, 1), None])
def test_every_service_is_strictly_valid(
    fmt: ExportFormat,
    as_of: date | None,
    catalogue: Catalogue,
    validators: dict[ExportFormat, Draft202012Validator],
) -> None:
    for programme in catalogue:
        service = service_record(programme, catalogue, fmt, as_of=as_of)
        assert _errors(validators[fmt], service) == [], programme.id


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_list_is_a_valid_page(
    fmt: ExportFormat,
    catalogue: Catalogue,
    exports: dict[ExportFormat, dict[str, Any]],
    page_validators: dict[ExportFormat, Draft202012Validator],
    validators: dict[ExportFormat, Draft202012Validator],
    list_item_schemas: dict[ExportFormat, dict[str, Any]],
) -> None:
    exported = exports[fmt]
    assert _errors(page_validators[fmt], exported) == []
    count = len(catalogue.programmes)
    assert exported["total_items"] == exported["size"] == len(exported["contents"]) == count
    assert (exported["total_pages"], exported["page_number"]) == (1, 1)
    assert exported["first_page"] is exported["last_page"] is True
    assert exported["empty"] is False
    # compiled/service_list.json is the schema of one list item: the one-to-one
    # fields. Each item here is the full service, so its one-to-one part must
    # pass that schema strictly and the whole item the full schema.
    items = list_item_schemas[fmt]
    list_item = _validator(strict(items))
    for service in exported["contents"]:
        assert _errors(validators[fmt], service) == []
        one_to_one = {key: value for key, value in service.items() if key in items["properties"]}
        assert _errors(list_item, one_to_one) == [], service["name"]
        assert set(service) - set(one_to_one) <= {
            "schedules",
            "service_areas",
            "contacts",
            "attributes",
            "phones",
        }


def test_an_empty_catalogue_is_an_empty_page(catalogue: Catalogue) -> None:
    empty = Catalogue(programmes=(), gazetteer=catalogue.gazetteer, corpus_dir=Path())
    exported = export_catalogue(empty, ExportFormat.hsds, as_of=AS_OF)
    assert exported["empty"] is True
    assert exported["contents"] == [] and exported["total_items"] == 0


# --- what ORUK cannot carry ------------------------------------------------------------


@pytest.mark.parametrize(("entity", "field"), [(e, f) for e, fs in ORUK_DROPS.items() for f in fs])
def test_strict_oruk_rejects_each_field_it_drops(
    entity: str,
    field: str,
    schemas: dict[ExportFormat, dict[str, Any]],
    exports: dict[ExportFormat, dict[str, Any]],
    validators: dict[ExportFormat, Draft202012Validator],
) -> None:
    hsds, oruk = schemas[ExportFormat.hsds], schemas[ExportFormat.oruk]
    hsds_fields = (
        hsds["properties"] if entity == "service" else hsds["definitions"][entity]["properties"]
    )
    oruk_fields = (
        oruk["properties"] if entity == "service" else oruk["definitions"][entity]["properties"]
    )
    assert field in hsds_fields and field not in oruk_fields
    service = copy.deepcopy(_service(exports[ExportFormat.oruk], "DIVERT"))
    assert _errors(validators[ExportFormat.oruk], service) == []
    value: Any = [] if field == "phones" else ("MO" if field == "wkst" else "x@example.org")
    target = {
        "service": service,
        "contact": service["contacts"][0],
        "attribute": service["attributes"][0],
        "taxonomy_term": service["attributes"][0]["taxonomy_term"],
        "schedule": service["schedules"][0],
        "service_area": service["service_areas"][0],
    }[entity]
    target[field] = value
    assert _errors(validators[ExportFormat.oruk], service)


def test_the_hsds_record_is_invalid_as_oruk(
    catalogue: Catalogue, validators: dict[ExportFormat, Draft202012Validator]
) -> None:
    hsds = service_record(catalogue.get("divert"), catalogue, ExportFormat.hsds, as_of=AS_OF)
    assert _errors(validators[ExportFormat.hsds], hsds) == []
    assert "eligibility_description" in hsds
    assert _errors(validators[ExportFormat.oruk], hsds)
    alone = service_record(catalogue.get("divert"), catalogue, ExportFormat.oruk, as_of=AS_OF)
    alone["eligibility_description"] = hsds["eligibility_description"]
    errors = _errors(validators[ExportFormat.oruk], alone)
    assert len(errors) == 1 and "eligibility_description" in errors[0]


def test_not_carried_names_what_oruk_drops(exports: dict[ExportFormat, dict[str, Any]]) -> None:
    hsds, oruk = not_carried(ExportFormat.hsds), not_carried(ExportFormat.oruk)
    assert hsds and all(isinstance(item, str) and item for item in hsds)
    assert set(hsds) < set(oruk)
    lost = " ".join(oruk).lower()
    for words in ("alternative names", "eligibility", "application process", "email", "phone"):
        assert words in lost
    # ... and it is true: none of those fields appear in the ORUK export.
    for service in exports[ExportFormat.oruk]["contents"]:
        for field in ("alternate_name", "eligibility_description", "application_process"):
            assert field not in service
        assert all("email" not in c and "phones" not in c for c in service.get("contacts", ()))
    assert any("eligibility_description" in s for s in exports[ExportFormat.hsds]["contents"])
    assert any("alternate_name" in s for s in exports[ExportFormat.hsds]["contents"])


def test_not_carried_completes_the_cli_sentence() -> None:
    for fmt in FORMATS:
        for item in not_carried(fmt):
            assert item[0].islower() and not item.endswith("."), item


# --- ids -----------------------------------------------------------------------------


def test_ids_are_stable_across_exports(catalogue: Catalogue) -> None:
    again = load_catalogue()
    for fmt in FORMATS:
        first = export_catalogue(catalogue, fmt, as_of=AS_OF)
        second = export_catalogue(again, fmt, as_of=AS_OF)
        assert first == second
        assert list(_ids(first)) == list(_ids(second))
    now = export_catalogue(catalogue, ExportFormat.hsds, as_of=AS_OF)
    later = export_catalogue(catalogue, ExportFormat.hsds, as_of=date(2030, 1, 1))
    assert list(_ids(later)) == list(_ids(now))


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_programme_is_exported_with_its_uuid5(
    fmt: ExportFormat, catalogue: Catalogue, exports: dict[ExportFormat, dict[str, Any]]
) -> None:
    contents = exports[fmt]["contents"]
    assert [s["name"] for s in contents] == [p.name for p in catalogue.programmes]
    assert [s["id"] for s in contents] == [
        str(uuid.uuid5(NAMESPACE, p.id)) for p in catalogue.programmes
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_nested_ids_are_unique_and_point_at_their_parent(
    fmt: ExportFormat, exports: dict[ExportFormat, dict[str, Any]]
) -> None:
    owned: dict[str, str] = {}
    for service in exports[fmt]["contents"]:
        assert service["organization_id"] == service["organization"]["id"] == VRN_ORGANIZATION_ID
        for key in ("schedules", "service_areas", "contacts"):
            for record in service.get(key, ()):
                assert record["service_id"] == service["id"], key
        for attribute in service["attributes"]:
            assert attribute["link_id"] == service["id"]
            assert attribute["taxonomy_term_id"] == attribute["taxonomy_term"]["id"]
        for path, record_id in _ids(service):
            if path in ("/organization", "/attributes/taxonomy_term"):
                continue  # shared across services on purpose
            assert record_id not in owned, f"{path} reuses {owned.get(record_id)}"
            owned[record_id] = f"{service['name']}{path}"


# --- content ---------------------------------------------------------------------------


def test_divert_eligibility_and_ages(exports: dict[ExportFormat, dict[str, Any]]) -> None:
    hsds = _service(exports[ExportFormat.hsds], "DIVERT")
    text = hsds["eligibility_description"]
    assert text.startswith("For people aged 18 to 25")
    assert "18" in text and "25" in text and "police custody" in text
    assert "custody staff" in hsds["application_process"]
    assert "DIVERT coaches" in hsds["alternate_name"]
    for fmt in FORMATS:
        service = _service(exports[fmt], "DIVERT")
        assert (service["minimum_age"], service["maximum_age"]) == (18, 25)


def test_schedules_carry_the_window_dates(
    catalogue: Catalogue, exports: dict[ExportFormat, dict[str, Any]]
) -> None:
    try:
        provide = catalogue.get("operation-provide")
    except KeyError:
        pytest.skip("no Operation Provide record in the catalogue yet")
    for fmt in FORMATS:
        service = _service(exports[fmt], provide.name)
        pennine = [s for s in service["schedules"] if s["description"].startswith("Pennine")]
        assert len(pennine) == 1
        assert (pennine[0]["valid_from"], pennine[0]["valid_to"]) == ("2020-10-01", "2021-03-31")
        assert "expected date" in pennine[0]["description"]
        assert pennine[0]["notes"].startswith("The newsletter")
        names = [area["name"] for area in service["service_areas"]]
        assert names == ["Blackpool", "Pennine Lancashire"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_window_becomes_one_schedule_with_iso_dates(
    fmt: ExportFormat, catalogue: Catalogue, exports: dict[ExportFormat, dict[str, Any]]
) -> None:
    for programme, service in zip(catalogue.programmes, exports[fmt]["contents"], strict=True):
        assert len(service["schedules"]) == len(programme.availability)
        for window, schedule in zip(programme.availability, service["schedules"], strict=True):
            start, end = schedule.get("valid_from"), schedule.get("valid_to")
            assert start == (window.start.isoformat() if window.start else None)
            assert end == (window.end.isoformat() if window.end else None)
            if start and end:
                assert date.fromisoformat(start) <= date.fromisoformat(end)
            if window.label:
                assert schedule["description"].startswith(window.label)


def test_areas_name_the_places_or_say_not_limited(
    catalogue: Catalogue, exports: dict[ExportFormat, dict[str, Any]]
) -> None:
    hsds, oruk = exports[ExportFormat.hsds], exports[ExportFormat.oruk]
    divert = _service(hsds, "DIVERT")
    assert [a["name"] for a in divert["service_areas"]] == [
        "Preston",
        "Blackpool",
        "Blackburn with Darwen",
        "Lancaster",
        "Burnley",
    ]
    assert "Blackburn (Greenbank)" in divert["service_areas"][2]["description"]
    assert "service_area" in _service(oruk, "DIVERT")["service_areas"][0]
    for programme in catalogue:
        if any(not window.places for window in programme.availability):
            areas = _service(hsds, programme.name)["service_areas"]
            assert any(a["description"].startswith("Not limited") for a in areas)
            break
    else:
        pytest.skip("every window in the catalogue names its places")


def test_status_follows_the_windows_on_the_date(catalogue: Catalogue) -> None:
    def status(programme_id: str, day: date) -> tuple[str, str | None]:
        service = service_record(
            catalogue.get(programme_id), catalogue, ExportFormat.hsds, as_of=day
        )
        return service["status"], service.get("alert")

    assert status("divert", AS_OF) == ("active", None)
    provide_soon = status("operation-provide", date(2021, 6, 1))
    assert provide_soon == ("active", None)  # the Blackpool window has no end
    # Years later, it would still be running, but no source confirms it any more.
    provide_later = status("operation-provide", date(2030, 1, 1))
    assert provide_later == (
        "active",
        "Not confirmed since October 2020: check that it still runs before referring.",
    )
    knife = status("knife-crime-campaign", date(2021, 6, 1))
    assert knife[0] == "defunct" and "October 2020" in str(knife[1])


def _programme(**changes: Any) -> Programme:
    source = {"document": "divert.md", "locator": "Who it is for"}
    record: dict[str, Any] = {
        "id": "test-programme",
        "name": "Test programme",
        "kind": "service",
        "summary": {"text": "A programme made up for a test.", "source": source},
        "delivered_by": [{"name": "Someone", "source": source}],
        "criteria": [
            {
                "id": "violent",
                "type": "offence",
                "label": "held for a violent offence",
                "any_of": ["violent"],
                "defining": True,
                "source": source,
            }
        ],
        "availability": [{"source": source}],
        "pathway": {
            "summary": "Ask the team.",
            "routes": ["contact_vrn"],
            "next_steps": ["Ask the team."],
            "source": source,
        },
        "contacts": [
            {"name": "Team", "email": "team@example.org", "phone": "01772 000000", "source": source}
        ],
    }
    record.update(changes)
    return Programme.model_validate(record)


def _alone(catalogue: Catalogue, programme: Programme) -> Catalogue:
    return Catalogue(programmes=(programme,), gazetteer=catalogue.gazetteer, corpus_dir=Path())


def test_paused_and_planned_programmes(
    catalogue: Catalogue, validators: dict[ExportFormat, Draft202012Validator]
) -> None:
    source = {"document": "divert.md", "locator": "Where and when"}
    paused = _programme(availability=[{"status": "paused", "source": source}])
    planned = _programme(
        availability=[{"start": "2021-01-01", "places": ["lancashire"], "source": source}]
    )
    for programme, expected in ((paused, "temporarily closed"), (planned, "inactive")):
        for fmt in FORMATS:
            service = service_record(programme, _alone(catalogue, programme), fmt, as_of=AS_OF)
            assert service["status"] == expected
            assert service["alert"]
            assert _errors(validators[fmt], service) == []


def test_contact_email_and_phone_only_in_hsds(
    catalogue: Catalogue, validators: dict[ExportFormat, Draft202012Validator]
) -> None:
    programme = _programme()
    alone = _alone(catalogue, programme)
    hsds = service_record(programme, alone, ExportFormat.hsds, as_of=AS_OF)
    oruk = service_record(programme, alone, ExportFormat.oruk, as_of=AS_OF)
    assert hsds["contacts"][0]["email"] == "team@example.org"
    assert hsds["contacts"][0]["phones"][0]["number"] == "01772 000000"
    assert hsds["contacts"][0]["phones"][0]["contact_id"] == hsds["contacts"][0]["id"]
    assert set(oruk["contacts"][0]) == {"id", "service_id", "name"}
    assert _errors(validators[ExportFormat.hsds], hsds) == []
    assert _errors(validators[ExportFormat.oruk], oruk) == []
    assert "minimum_age" not in hsds and "maximum_age" not in hsds


def test_what_cannot_be_expressed_raises(catalogue: Catalogue) -> None:
    source = {"document": "divert.md", "locator": "Where and when"}
    nowhere = _programme(availability=[{"places": ["town:atlantis"], "source": source}])
    with pytest.raises(ExportError, match="atlantis"):
        service_record(nowhere, _alone(catalogue, nowhere), ExportFormat.hsds, as_of=AS_OF)
    # The loader refuses such an address (Contact's pattern); a record built in code may not.
    team = _programme().contacts[0].model_copy(update={"email": "not an address"})
    bad_email = _programme().model_copy(update={"contacts": (team,)})
    with pytest.raises(ExportError, match="email"):
        service_record(bad_email, _alone(catalogue, bad_email), ExportFormat.hsds, as_of=AS_OF)
    twice = Catalogue(
        programmes=(_programme(), _programme()), gazetteer=catalogue.gazetteer, corpus_dir=Path()
    )
    with pytest.raises(ExportError, match="share"):
        export_catalogue(twice, ExportFormat.hsds, as_of=AS_OF)
    with pytest.raises(ExportError, match="unknown export format"):
        export_catalogue(catalogue, "csv", as_of=AS_OF)  # type: ignore[arg-type]
