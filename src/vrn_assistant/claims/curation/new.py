"""New records: a programme known only from added documents, proposed for the catalogue.

Its claims already make a provisional record at answer time (`claims.provisional`);
the proposal is that record, with the facts it would write each beside the quote
and the document it comes from, so that the VRN team can add the programme once
it has read them. Dated and undated documents alike: the officer reviews it, and
each document's date (or that it has none) is shown. Pure, like `proposals`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date

from vrn_assistant.claims.curation.proposals import Verb, age_label
from vrn_assistant.claims.model import Claim, ClaimKind, ClaimStatus
from vrn_assistant.claims.provisional import provisional_record
from vrn_core import Catalogue, Programme, SourceRef
from vrn_core.places import Gazetteer
from vrn_core.programme import Contact, ReferralRoute

__all__ = ["NewFact", "NewRecord", "describe_new", "document_date", "propose_new"]

_STOPPED = frozenset({ClaimStatus.not_taking_referrals, ClaimStatus.paused, ClaimStatus.ended})
_RUNNING = frozenset({ClaimStatus.running, ClaimStatus.launched})
_SELF = re.compile(r"refer themselves|self-referral", re.IGNORECASE)  # as provisional_record
_ROUTES = {
    ReferralRoute.professional_referral: "a professional refers",
    ReferralRoute.self_referral: "people can refer themselves",
}


@dataclass(frozen=True, slots=True)
class NewFact:
    """One fact the new record would hold, with the claim it comes from (None: nothing
    says it, e.g. Lancashire when no document names a place)."""

    label: str  # "name", "age band", "places", "status", "referral route", "contact"
    value: str
    claim: Claim | None


@dataclass(frozen=True, slots=True)
class NewRecord:
    """A programme the catalogue does not hold, as its claims describe it."""

    id: str  # from its claims: the same documents read again make the same proposal
    programme: str  # the id the record would have
    programme_name: str
    record: Programme  # the provisional record: what the rules assess today
    claims: tuple[Claim, ...]
    facts: tuple[NewFact, ...]
    documents: tuple[tuple[str, date | None, str], ...]  # (document, its date, dated by)
    contacts: tuple[tuple[str, str, Claim], ...]  # (field, value, claim): routes it would hold
    verb: Verb = Verb.new_record


def propose_new(
    catalogue: Catalogue, claims: Iterable[Claim], rejected: Collection[str] = ()
) -> list[NewRecord]:
    """A new record for each programme the catalogue does not hold whose claims make a
    provisional record, in the order the documents name them; rejected ids left out."""
    grouped: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.new:
            grouped.setdefault(claim.programme, []).append(claim)
    found: list[NewRecord] = []
    for programme, own in grouped.items():
        try:
            record = provisional_record(programme, own)
        except ValueError:  # claims that make no record, as at answer time
            continue
        if record is None:
            continue
        proposal = _new_record(record, own, catalogue.gazetteer)
        if proposal.id not in rejected:
            found.append(proposal)
    return found


def _new_record(record: Programme, claims: list[Claim], gazetteer: Gazetteer) -> NewRecord:
    key = "\n".join(["new", record.id, *sorted(claim.id for claim in claims)])
    documents = {claim.source: (claim.source, claim.day, claim.dated_by) for claim in claims}
    contacts = _contacts(record.name, claims)
    return NewRecord(
        id=hashlib.sha256(key.encode()).hexdigest()[:12],
        programme=record.id,
        programme_name=record.name,
        record=record,
        claims=tuple(claims),
        facts=tuple(_facts(record, claims, contacts, gazetteer)),
        documents=tuple(documents.values()),
        contacts=contacts,
    )


def _facts(
    record: Programme,
    claims: list[Claim],
    contacts: tuple[tuple[str, str, Claim], ...],
    gazetteer: Gazetteer,
) -> list[NewFact]:
    def kind(wanted: ClaimKind) -> list[Claim]:
        return [claim for claim in claims if claim.kind is wanted]

    named = next((c for c in claims if record.name.lower() in c.quote.lower()), claims[0])
    facts = [NewFact("name", record.name, named)]
    ages = kind(ClaimKind.age_band)
    age = next((claim for claim in ages if claim.stated), ages[0])  # as provisional_record
    facts.append(NewFact("age band", age_label(age.min_age, age.max_age), age))
    window = record.availability[0]
    places = kind(ClaimKind.place)
    facts += [NewFact("places", _places(c.places, gazetteer), c) for c in places] or [
        NewFact("places", f"{_places(window.places, gazetteer)} (no document names a place)", None)
    ]
    statuses = [c for c in kind(ClaimKind.status) if c.status in _STOPPED | _RUNNING]
    facts += [NewFact("status", _status(claim), claim) for claim in statuses] or [
        NewFact("status", "running (no document says otherwise)", None)
    ]
    routes = ", ".join(_ROUTES.get(route, route.value) for route in record.pathway.routes)
    referrals = kind(ClaimKind.referral)
    own = [c for c in referrals if c.source == record.pathway.source.document]
    themselves = [c for c in own if _SELF.search(c.quote)]
    said = (themselves if ReferralRoute.self_referral in record.pathway.routes else []) + own
    facts.append(NewFact("referral route", routes, said[0] if said else None))
    facts += [NewFact("contact", value, claim) for _, value, claim in contacts]
    return facts


def _contacts(name: str, claims: list[Claim]) -> tuple[tuple[str, str, Claim], ...]:
    """(field, value, claim) of each contact route a claim gives that the catalogue takes
    as one (a web address gets its https://); others are left to the officer."""
    found: dict[str, tuple[str, str, Claim]] = {}
    for claim in claims:
        if claim.kind is not ClaimKind.contact:
            continue
        value = claim.value.strip()
        if "@" in value:
            field = "email"
        elif any(char.isalpha() for char in value):
            field = "url"
            value = value if value.startswith(("http://", "https://")) else f"https://{value}"
        else:
            field = "phone"
        source = SourceRef(document=claim.source, locator=claim.locator)
        try:
            Contact.model_validate({"name": name, field: value, "source": source})
        except ValueError:
            continue
        found.setdefault(value, (field, value, claim))
    return tuple(found.values())


def _places(places: Iterable[str], gazetteer: Gazetteer) -> str:
    return ", ".join(gazetteer.get(place).name for place in places)


def _status(claim: Claim) -> str:
    if claim.status in _RUNNING:
        return "running"
    if claim.stated and claim.day is not None:
        return f"paused from {claim.day.isoformat()} ({claim.value})"
    return f"paused: {claim.value} (an undated document: the record says paused)"


def document_date(day: date | None, dated_by: str) -> str:
    """A document's date in words for a reviewer: the date and how it was found, or that
    it states none."""
    if day is None:
        return "undated"
    return f"dated {day.isoformat()}, by its {dated_by}"


def describe_new(proposal: NewRecord) -> list[str]:
    """The new record in lines for a reader: each fact, its quote and its document (the
    CLI prints these; the review page shows the same)."""
    lines = [
        f"{proposal.id}  would add a new programme: {proposal.programme_name} "
        f"(programmes/{proposal.programme}.yaml)",
        "  documents: "
        + "; ".join(
            f"{_file_name(source)} ({document_date(day, how)})"
            for source, day, how in proposal.documents
        ),
    ]
    for fact in proposal.facts:
        lines.append(f"  {fact.label + ':':<16}{fact.value}")
        if fact.claim is not None:
            quote = " ".join(fact.claim.quote.split())
            lines.append(f"    “{quote}” ({_file_name(fact.claim.source)}, {fact.claim.locator})")
    return lines


def _file_name(source: str) -> str:
    return source.replace("\\", "/").rsplit("/", 1)[-1]
