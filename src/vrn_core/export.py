"""The catalogue as Open Referral JSON: HSDS 3.0 or the UK profile (ORUK 3.0).

Each programme becomes one fully nested HSDS *service*; the catalogue becomes a
single page of the HSDA paginated list (`total_items`, `page_number`, ...,
`contents`). The records are valid against
`compiled/service_with_definitions.json` of each standard even in strict mode
(no field the schema does not name), and every id is a UUID 5 under
`NAMESPACE`, so the same catalogue always exports the same ids.

How a programme maps (HSDS 3.0; ORUK drops the fields marked *):

    id                     uuid5(NAMESPACE, programme.id)
    name                   the programme's name
    alternate_name*        its aliases, joined with "; "
    description            the summary, who delivers it, and the other sourced facts
    status                 on `as_of`: active (a window is running), temporarily
                           closed (paused), inactive (only planned), defunct (all ended)
    alert                  why the status is not "active", or that it is active only on
                           evidence not confirmed within the freshness horizon
    eligibility_description*  the top-level criteria labels as one sentence
    minimum_age/maximum_age   from the top-level age criteria
    application_process*   the pathway: summary, trigger, who can refer, next steps
    organization(_id)      the Lancashire Violence Reduction Network
    service_areas          one per distinct place in the windows (or "not limited")
    schedules              one per availability window: valid_from/valid_to, the
                           label, status and places as description (assumed dates
                           said to be assumed, with why), the note as notes

The criteria, windows and pathway are those in force on `as_of` (`Programme.on`).
    contacts               name; email* and phone* where the record has them
    attributes             taxonomy terms for the programme kind and topics

`not_carried` lists, in plain words, what each format loses.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from typing import Any

from vrn_core.availability import Window, judge
from vrn_core.catalogue import Catalogue
from vrn_core.criteria import AgeCriterion, AllOf, Criterion
from vrn_core.dating import stale_before
from vrn_core.errors import ExportError
from vrn_core.places import LANCASHIRE, Place
from vrn_core.programme import Contact, Pathway, Programme
from vrn_core.vocabulary import STATUS_WORDS, Status, describe
from vrn_core.window_words import confirmed_month
from vrn_core.wording import format_day, format_month, full_stop

__all__ = [
    "NAMESPACE",
    "VRN_ORGANIZATION_ID",
    "ExportFormat",
    "export_catalogue",
    "not_carried",
    "service_record",
]


class ExportFormat(StrEnum):
    hsds = "hsds"  # Human Services Data Specification 3.0
    oruk = "oruk"  # Open Referral UK 3.0, the UK profile of HSDS 3.0


NAMESPACE = uuid.UUID("6f1c3a52-9d4e-5b7a-8c21-4e0f7d9b2a63")
"""The namespace of every exported id. Never change it: ids must stay stable."""

# Keys under NAMESPACE. Programme ids match ^[a-z0-9][a-z0-9-]*$, so a key with
# ':' or '/' in it can never collide with a service id.
VRN_ORGANIZATION_ID = str(uuid.uuid5(NAMESPACE, "organization:lancashire-vrn"))

_ORGANIZATION_NAME = "Lancashire Violence Reduction Network"
_ORGANIZATION_DESCRIPTION = (
    "The Lancashire Violence Reduction Network (VRN) brings partner agencies together "
    "to prevent violence using a public health approach."
)
_KIND_TAXONOMY = "Lancashire VRN programme kinds (local vocabulary)"
_TOPIC_TAXONOMY = "Lancashire VRN topics (local vocabulary)"
_NOT_LIMITED = "*"  # service-area key for windows with no places

_COMMON_LIMITS = (
    "the source (corpus document and section) behind each fact",
    "eligibility criteria as rules: which criteria define who a programme is for, "
    "how they combine and which audience each window serves (the age limits are kept "
    "as fields, the rest only as text)",
    "referral routes as codes",
    "whether a start date is an expectation rather than confirmed, or an assumption "
    "no source states (only as text in the schedule description)",
    "when each fact was stated and last confirmed, and its later values "
    "(a record holds the values in force on the export date)",
    "the providers as linked organisations: every service is published under the "
    "Lancashire VRN, and the providers are named in the description",
    "contact postal addresses and contact web addresses (a contact has no field for them)",
    "the map of places (which towns lie in which district): service areas carry "
    "names only, with no boundary or code",
)
_ORUK_LIMITS = (
    "alternative names (aliases)",
    "the eligibility description (only the minimum and maximum age survive)",
    "the application process (referral pathway and next steps)",
    "contact email addresses and phone numbers",
)


def not_carried(fmt: ExportFormat) -> tuple[str, ...]:
    """What the catalogue knows that `fmt` cannot carry, in plain words.

    Each item completes the sentence "<format> cannot carry ...".
    """
    fmt = _format(fmt)
    if fmt is ExportFormat.oruk:
        return _COMMON_LIMITS + _ORUK_LIMITS
    return _COMMON_LIMITS


def export_catalogue(
    catalogue: Catalogue, fmt: ExportFormat, *, as_of: date | None = None
) -> dict[str, Any]:
    """The whole catalogue as one page of an HSDA paginated service list.

    Unlike the API's list endpoint (which lists only one-to-one fields), each
    item in `contents` is the fully nested service, as `service_record` builds
    it. `as_of` (default: today) decides each service's status.
    """
    fmt = _format(fmt)
    day = as_of if as_of is not None else date.today()
    contents = [service_record(programme, catalogue, fmt, as_of=day) for programme in catalogue]
    seen: dict[str, str] = {}
    for programme, service in zip(catalogue.programmes, contents, strict=True):
        if service["id"] in seen:
            raise ExportError(
                f"programmes {seen[service['id']]!r} and {programme.id!r} would share "
                f"the service id {service['id']}"
            )
        seen[service["id"]] = programme.id
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }


def service_record(
    programme: Programme,
    catalogue: Catalogue,
    fmt: ExportFormat,
    *,
    as_of: date | None = None,
) -> dict[str, Any]:
    """One programme as a fully nested HSDS 3.0 / ORUK 3.0 service.

    Raises ExportError when the record cannot be expressed, e.g. a window
    names a place the gazetteer does not know.
    """
    fmt = _format(fmt)
    day = as_of if as_of is not None else date.today()
    hsds = fmt is ExportFormat.hsds
    service_id = _uuid(programme.id)
    edition = programme.on(day)
    stale = stale_before(day)
    status, alert = _status(edition.availability, day, stale)

    service: dict[str, Any] = {
        "id": service_id,
        "organization_id": VRN_ORGANIZATION_ID,
        "name": programme.name,
    }
    if hsds and programme.aliases:
        service["alternate_name"] = "; ".join(programme.aliases)
    service["description"] = _description(programme)
    service["status"] = status
    if alert:
        service["alert"] = alert
    if hsds:
        service["eligibility_description"] = _eligibility(edition.criteria)
        service["application_process"] = _application_process(edition.pathway)
    low, high = _age_bounds(edition.criteria)
    if low is not None:
        service["minimum_age"] = low
    if high is not None:
        service["maximum_age"] = high
    service["organization"] = {
        "id": VRN_ORGANIZATION_ID,
        "name": _ORGANIZATION_NAME,
        "description": _ORGANIZATION_DESCRIPTION,
    }
    service["service_areas"] = _service_areas(
        programme, edition.availability, catalogue, service_id, hsds
    )
    service["schedules"] = [
        _schedule(programme, index, window, catalogue, service_id, day, stale)
        for index, window in enumerate(edition.availability)
    ]
    if programme.contacts:
        service["contacts"] = [
            _contact(programme, index, contact, service_id, hsds)
            for index, contact in enumerate(programme.contacts)
        ]
    service["attributes"] = _attributes(programme, service_id, hsds)
    return service


# --- pieces -------------------------------------------------------------------


def _format(fmt: ExportFormat | str) -> ExportFormat:
    try:
        return ExportFormat(fmt)
    except ValueError:
        known = ", ".join(member.value for member in ExportFormat)
        raise ExportError(f"unknown export format {fmt!r}; use one of: {known}") from None


def _uuid(key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, key))


def _description(programme: Programme) -> str:
    providers = "; ".join(
        f"{provider.name} ({provider.role})" if provider.role else provider.name
        for provider in programme.delivered_by
    )
    parts = [full_stop(programme.summary.text), f"Delivered by: {providers}."]
    parts += [full_stop(fact.text) for fact in programme.facts]
    return "\n\n".join(parts)


def _top_level(criteria: Sequence[Criterion]) -> list[Criterion]:
    """The criteria that must all hold: the list itself, with all_of groups opened."""
    found: list[Criterion] = []
    for criterion in criteria:
        if isinstance(criterion, AllOf):
            found += _top_level(criterion.criteria)
        else:
            found.append(criterion)
    return found


def _eligibility(criteria: Sequence[Criterion]) -> str:
    """'For people aged 18 to 25, where all of these hold: ...; ....'"""
    must = _top_level(criteria)
    ages = [c.label for c in must if isinstance(c, AgeCriterion)]
    rest = [c.label for c in must if not isinstance(c, AgeCriterion)]
    if ages and not rest:
        return full_stop("For people " + " and ".join(ages))
    head = "For people " + " and ".join(ages) + ", where" if ages else "For cases where"
    if len(rest) == 1:
        return full_stop(f"{head} {rest[0]}")
    return full_stop(f"{head} all of these hold: " + "; ".join(rest))


def _age_bounds(criteria: Sequence[Criterion]) -> tuple[int | None, int | None]:
    ages = [c for c in _top_level(criteria) if isinstance(c, AgeCriterion)]
    lows = [c.min for c in ages if c.min is not None]
    highs = [c.max for c in ages if c.max is not None]
    low = max(lows) if lows else None
    high = min(highs) if highs else None
    if low is not None and high is not None and low > high:
        raise ExportError(f"the age criteria leave no age between {low} and {high}")
    return low, high


def _application_process(pathway: Pathway) -> str:
    parts = [full_stop(pathway.summary)]
    if pathway.trigger:
        parts.append(full_stop(f"Offered after: {pathway.trigger}"))
    if pathway.who_can_refer:
        parts.append(full_stop("Who can refer: " + ", ".join(pathway.who_can_refer)))
    steps = " ".join(
        f"{number}. {full_stop(step)}" for number, step in enumerate(pathway.next_steps, 1)
    )
    parts.append(f"Next steps: {steps}")
    return "\n\n".join(parts)


def _status(windows: Sequence[Window], day: date, stale: date | None) -> tuple[str, str | None]:
    """The service status on `day`, and an alert saying why when it is not active (or
    is active only on evidence that is not confirmed within the freshness horizon)."""
    states = [judge(window, day, stale) for window in windows]
    if Status.running in states:
        return "active", None
    if Status.not_confirmed in states:
        latest = max(
            (w for w, s in zip(windows, states, strict=True) if s is Status.not_confirmed),
            key=lambda w: w.last_confirmed or date.min,
        )
        return "active", (
            f"Not confirmed since {confirmed_month(latest)}: check that it still runs "
            "before referring."
        )
    if Status.paused in states:
        return "temporarily closed", f"Paused as of {format_day(day)}."
    if Status.planned in states:
        starts = [
            w.start for w, s in zip(windows, states, strict=True) if s is Status.planned and w.start
        ]
        when = f"; due to start in {format_month(min(starts))}" if starts else ""
        return "inactive", f"Planned, not yet running as of {format_day(day)}{when}."
    ends = [window.end for window in windows if window.end is not None]
    last = f" in {format_month(max(ends))}" if ends else ""
    return "defunct", f"Ended{last}."


def _place(catalogue: Catalogue, place_id: str, programme: Programme) -> Place:
    try:
        return catalogue.gazetteer.get(place_id)
    except KeyError:
        raise ExportError(
            f"programme {programme.id!r} names place {place_id!r}, "
            "which the gazetteer does not know"
        ) from None


def _window_name(window: Window, index: int) -> str:
    return window.label or f"window {index + 1}"


def _service_areas(
    programme: Programme,
    windows: Sequence[Window],
    catalogue: Catalogue,
    service_id: str,
    hsds: bool,
) -> list[dict[str, Any]]:
    # place id (or _NOT_LIMITED) -> the labels of the windows there, in order
    areas: dict[str, list[str]] = {}
    for index, window in enumerate(windows):
        for key in window.places or (_NOT_LIMITED,):
            areas.setdefault(key, []).append(_window_name(window, index))
    records: list[dict[str, Any]] = []
    for key, labels in areas.items():
        if key == _NOT_LIMITED:
            name = _place(catalogue, LANCASHIRE, programme).name
            text = "Not limited to one area"
        else:
            place = _place(catalogue, key, programme)
            name = place.name
            text = place.display
        text = f"{text}: {'; '.join(dict.fromkeys(labels))}"
        record: dict[str, Any] = {
            "id": _uuid(f"{programme.id}/service_area/{key}"),
            "service_id": service_id,
            "name": name,
        }
        record["description" if hsds else "service_area"] = text
        records.append(record)
    return records


def _schedule(
    programme: Programme,
    index: int,
    window: Window,
    catalogue: Catalogue,
    service_id: str,
    day: date,
    stale: date | None,
) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": _uuid(f"{programme.id}/schedule/{index}"),
        "service_id": service_id,
    }
    if window.start is not None:
        record["valid_from"] = window.start.isoformat()
    if window.end is not None:
        record["valid_to"] = window.end.isoformat()
    where = (
        ", ".join(_place(catalogue, place_id, programme).name for place_id in window.places)
        if window.places
        else "not limited to one area"
    )
    dates: list[str] = []
    if window.start is not None:
        said = ["an expected date, not confirmed"] if window.expected else []
        if (reasoning := window.assumed_reason("start")) is not None:
            said.append(f"assumed: {reasoning}")
        qualifier = f" ({'; '.join(said)})" if said else ""
        dates.append(f"from {format_day(window.start)}{qualifier}")
    if window.end is not None:
        reasoning = window.assumed_reason("end")
        qualifier = f" (assumed: {reasoning})" if reasoning is not None else ""
        dates.append(f"until {format_day(window.end)}{qualifier}")
    parts = [f"{_window_name(window, index)} ({where})"]
    if dates:
        parts.append(" ".join(dates))
    status = judge(window, day, stale)
    words = (
        f"not confirmed since {confirmed_month(window)}"
        if status is Status.not_confirmed
        else STATUS_WORDS[status]
    )
    parts.append(f"{words} as of {format_day(day)}")
    if window.audience is not None:
        parts.append(f"only for cases where {window.audience.label}")
    record["description"] = full_stop("; ".join(parts))
    if window.note:
        record["notes"] = window.note
    return record


def _contact(
    programme: Programme, index: int, contact: Contact, service_id: str, hsds: bool
) -> dict[str, Any]:
    contact_id = _uuid(f"{programme.id}/contact/{index}")
    record: dict[str, Any] = {"id": contact_id, "service_id": service_id, "name": contact.name}
    if hsds and contact.email:
        if "@" not in contact.email.strip("@"):
            raise ExportError(
                f"programme {programme.id!r}: contact {contact.name!r} has an email "
                f"address that is not one: {contact.email!r}"
            )
        record["email"] = contact.email
    if hsds and contact.phone:
        record["phones"] = [
            {
                "id": _uuid(f"{programme.id}/contact/{index}/phone"),
                "contact_id": contact_id,
                "number": contact.phone,
            }
        ]
    return record


def _attributes(programme: Programme, service_id: str, hsds: bool) -> list[dict[str, Any]]:
    terms = [
        (
            "kind",
            programme.kind.value,
            programme.kind.value.capitalize(),
            f"A programme of the kind '{programme.kind.value}' in the Lancashire VRN catalogue.",
            _KIND_TAXONOMY,
        )
    ]
    terms += [
        (
            "topic",
            topic.value,
            describe(topic),
            f"A programme about {describe(topic)}.",
            _TOPIC_TAXONOMY,
        )
        for topic in dict.fromkeys(programme.topics)
    ]
    records: list[dict[str, Any]] = []
    for link_type, code, name, description, taxonomy in terms:
        term_id = _uuid(f"taxonomy_term:{link_type}:{code}")
        term: dict[str, Any] = {
            "id": term_id,
            "name": name,
            "description": description,
            "taxonomy": taxonomy,
        }
        if hsds:
            term["code"] = code
        else:
            term["term"] = code
        record: dict[str, Any] = {
            "id": _uuid(f"{programme.id}/attribute/{link_type}:{code}"),
            "link_id": service_id,
            "link_type": link_type,
            "taxonomy_term_id": term_id,
            "taxonomy_term": term,
        }
        if hsds:
            record["link_entity"] = "service"
        records.append(record)
    return records
