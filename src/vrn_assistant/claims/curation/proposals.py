"""Proposals: what the added documents' dated claims would change in the catalogue.

Each proposal puts one claim beside the catalogue's fact in force on the claim's
date: a *change* when the claim says something else (new places, a pause, an
end, another age band), a *confirmation* when it says the same thing later than
the catalogue last confirmed it. Claims that are not newer than the fact, that
come from an undated document (a dated fact needs a date), that are about a
programme the catalogue does not hold (those make a new record instead, see
`new`), or whose kind is not a fact the rules use (referral wording, contacts,
funding horizons) are not proposed. Everything
here is pure: the catalogue and the claims in, proposals out.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol, TypeVar

from vrn_assistant.claims.model import Claim, ClaimKind, ClaimStatus
from vrn_core import Catalogue, Programme, SourceRef
from vrn_core.availability import Window
from vrn_core.criteria import AgeCriterion
from vrn_core.places import Gazetteer
from vrn_core.vocabulary import Status, WindowStatus

__all__ = ["Proposal", "Verb", "age_label", "by_programme", "describe", "propose"]

Value = str | int | date | tuple[str, ...] | None
_RUNNING = frozenset({ClaimStatus.running, ClaimStatus.launched})
_PAUSED = frozenset({ClaimStatus.paused, ClaimStatus.not_taking_referrals})


class Verb(StrEnum):
    change = "change"
    confirms = "confirms"
    new_record = "new record"  # a programme the catalogue does not hold (see `new`)


@dataclass(frozen=True, slots=True)
class Proposal:
    """One claim beside the catalogue fact it would change (or confirm)."""

    id: str  # the claim's id: the same statement read again is the same proposal
    claim: Claim
    programme: str
    programme_name: str
    fact: tuple[str, int]  # ("availability", n) or ("criteria", n) in the record
    fact_label: str  # the fact in words, e.g. "where and when: Blackpool"
    verb: Verb
    current: str  # the catalogue's value in words
    current_source: SourceRef
    current_stated: date | None
    current_confirmed: date | None
    proposed: str  # the value the claim gives, in words
    update: tuple[tuple[str, Value], ...]  # the change's fields; none for a confirmation
    day: date  # the claim's document's date: the change is in force from it


def propose(
    catalogue: Catalogue, claims: Iterable[Claim], rejected: Collection[str] = ()
) -> list[Proposal]:
    """The proposals the claims make, by programme (catalogue order), then date.

    Rejected ids are left out; of claims that would make the same edit on the same
    day (a page saying twice that a scheme runs), the first is kept."""
    found: list[Proposal] = []
    seen: set[tuple[object, ...]] = set()
    for claim in claims:
        if claim.id in rejected or claim.new or not claim.stated or claim.day is None:
            continue
        try:
            programme = catalogue.get(claim.programme)
        except KeyError:
            continue
        proposal = _proposal(programme, claim, claim.day, catalogue.gazetteer)
        if proposal is None:
            continue
        key = (proposal.programme, proposal.fact, proposal.verb, proposal.update, proposal.day)
        if key not in seen:
            seen.add(key)
            found.append(proposal)
    order = {programme.id: number for number, programme in enumerate(catalogue)}
    return sorted(found, key=lambda p: (order[p.programme], p.day, p.fact))


class _AboutProgramme(Protocol):
    @property
    def programme(self) -> str: ...


P = TypeVar("P", bound=_AboutProgramme)


def by_programme(proposals: Sequence[P]) -> dict[str, list[P]]:
    """The proposals (and new records) grouped by programme id, in their order."""
    grouped: dict[str, list[P]] = {}
    for proposal in proposals:
        grouped.setdefault(proposal.programme, []).append(proposal)
    return grouped


def _proposal(
    programme: Programme, claim: Claim, day: date, gazetteer: Gazetteer
) -> Proposal | None:
    if claim.kind is ClaimKind.age_band:
        return _age(programme, claim, day)
    if claim.kind is ClaimKind.place and claim.places:
        return _place(programme, claim, day, gazetteer)
    if claim.kind is ClaimKind.status and claim.status is not None:
        return _status(programme, claim, claim.status, day, gazetteer)
    return None  # referral wording, contacts: shown beside answers, not facts the rules use


def _window_index(programme: Programme, day: date) -> int | None:
    """The window a claim about the programme's area or state is about: the first one,
    for everyone, running on that day (else the last one for everyone)."""
    general = [n for n, w in enumerate(programme.availability) if w.audience is None]
    for number in general:
        version = programme.availability[number].on(day)
        if version.status is WindowStatus.running and version.status_on(day) is Status.running:
            return number
    return general[-1] if general else None


def _newer(version: Window | AgeCriterion, day: date, verb: Verb) -> bool:
    """A change must be later than the fact was stated; a confirmation later than it was
    last confirmed (else the catalogue already knows it)."""
    since = version.stated if verb is Verb.change else version.last_confirmed
    return since is None or day > since


def _place(programme: Programme, claim: Claim, day: date, gazetteer: Gazetteer) -> Proposal | None:
    number = _window_index(programme, day)
    if number is None:
        return None
    version = programme.availability[number].on(day)
    current = version.places
    if claim.complete:
        places = claim.places
        same = set(places) == set(current)
    else:
        places = tuple(dict.fromkeys((*current, *claim.places)))
        same = not current or all(
            any(gazetteer.within(place, area) for area in current) for place in claim.places
        )
    verb = Verb.confirms if same else Verb.change
    update: tuple[tuple[str, Value], ...] = () if same else (("places", places),)
    shown = claim.value if same else _places(places, gazetteer)
    return _window_proposal(programme, claim, number, version, verb, shown, update, gazetteer)


def _status(
    programme: Programme, claim: Claim, status: ClaimStatus, day: date, gazetteer: Gazetteer
) -> Proposal | None:
    number = _window_index(programme, day)
    if number is None:
        return None
    version = programme.availability[number].on(day)
    update: tuple[tuple[str, Value], ...]
    if status in _RUNNING:
        same = version.status is WindowStatus.running
        update = (("status", WindowStatus.running.value),)
    elif status in _PAUSED:
        same = version.status is WindowStatus.paused
        update = (("status", WindowStatus.paused.value),)
    elif status is ClaimStatus.ended:
        same = version.end is not None and version.end <= day
        update = (("end", day),)
    else:
        return None  # funded until a date: funding is often renewed; not an end
    verb = Verb.confirms if same else Verb.change
    return _window_proposal(
        programme, claim, number, version, verb, claim.value, () if same else update, gazetteer
    )


def _window_proposal(
    programme: Programme,
    claim: Claim,
    number: int,
    version: Window,
    verb: Verb,
    proposed: str,
    update: tuple[tuple[str, Value], ...],
    gazetteer: Gazetteer,
) -> Proposal | None:
    assert claim.day is not None
    if not _newer(version, claim.day, verb):
        return None
    state = "paused" if version.status is WindowStatus.paused else "running"
    if version.end is not None:
        state += f" until {version.end.isoformat()}"
    return _beside(
        programme,
        claim,
        version,
        fact=("availability", number),
        fact_label=f"where and when: {version.label or programme.name}",
        verb=verb,
        current=f"{_places(version.places, gazetteer)} ({state})",
        proposed=proposed,
        update=update,
    )


def _age(programme: Programme, claim: Claim, day: date) -> Proposal | None:
    numbered = [(n, c) for n, c in enumerate(programme.criteria) if isinstance(c, AgeCriterion)]
    if not numbered or (claim.min_age is None and claim.max_age is None):
        return None  # no age limit to change: a new criterion is for an editor to write
    number, criterion = numbered[0]
    version = criterion.on(day)
    same = (version.min, version.max) == (claim.min_age, claim.max_age)
    verb = Verb.confirms if same else Verb.change
    if not _newer(version, day, verb):
        return None
    label = age_label(claim.min_age, claim.max_age)
    update: tuple[tuple[str, Value], ...] = (
        () if same else (("label", label), ("min", claim.min_age), ("max", claim.max_age))
    )
    return _beside(
        programme,
        claim,
        version,
        fact=("criteria", number),
        fact_label=f"who it is for: {version.label}",
        verb=verb,
        current=version.label,
        proposed=label,
        update=update,
    )


def _beside(
    programme: Programme,
    claim: Claim,
    version: Window | AgeCriterion,
    *,
    fact: tuple[str, int],
    fact_label: str,
    verb: Verb,
    current: str,
    proposed: str,
    update: tuple[tuple[str, Value], ...],
) -> Proposal:
    """The proposal putting `claim` beside the fact `version` of `programme`."""
    assert claim.day is not None
    return Proposal(
        id=claim.id,
        claim=claim,
        programme=programme.id,
        programme_name=programme.name,
        fact=fact,
        fact_label=fact_label,
        verb=verb,
        current=current,
        current_source=version.source,
        current_stated=version.stated,
        current_confirmed=version.last_confirmed,
        proposed=proposed,
        update=update,
        day=claim.day,
    )


def age_label(low: int | None, high: int | None) -> str:
    """An age band in words: "aged 10 to 25", "aged 18 and over", "aged up to 17"."""
    if low is not None and high is not None:
        return f"aged {low} to {high}"
    if low is not None:
        return f"aged {low} and over"
    return f"aged up to {high}"


def _places(places: Sequence[str], gazetteer: Gazetteer) -> str:
    return ", ".join(gazetteer.get(place).name for place in places) or "anywhere"


def describe(proposal: Proposal) -> list[str]:
    """The proposal in lines for a reader: what, current beside proposed, the quote, the
    document and its date (the CLI prints these; the review page shows the same)."""
    claim = proposal.claim
    source = proposal.current_source
    stated = proposal.current_stated.isoformat() if proposal.current_stated else "undated"
    confirmed = proposal.current_confirmed
    last = (
        f", confirmed {confirmed.isoformat()}"
        if confirmed and confirmed != proposal.current_stated
        else ""
    )
    what = "confirms" if proposal.verb is Verb.confirms else "would change"
    return [
        f"{proposal.id}  {what} {proposal.fact_label}",
        f"  current:  {proposal.current}  ({source.document}#{source.locator}, stated {stated}{last})",
        f"  proposed: {proposal.proposed}  (in force from {proposal.day.isoformat()})",
        f"  quote:    “{' '.join(claim.quote.split())}”",
        f"  document: {claim.source}, {claim.locator} (dated {proposal.day.isoformat()}, "
        f"by its {claim.dated_by})",
    ]
