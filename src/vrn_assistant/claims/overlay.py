"""Newer facts win: the catalogue with dated claims from added documents as dated changes.

A claim changes a catalogue programme only when its document states a date
(vrn_core.dating's `changes`, in force `from` that date, so `Programme.on` picks
it for the dates it applies to):

- a place claim that lists every place ("now works in hospitals in six towns:
  ...") replaces the places of the programme's main window (its first open,
  running window); one that names a place the catalogue does not cover adds it
  to that window's places, from that date;
- a status claim that it is running restates the main window (confirmed again);
  paused or not taking referrals pauses it; ended ends it on that date;
- an eligibility claim that shares a value with one of the programme's role or
  setting criteria ("held in police custody") widens that criterion with the
  values it adds, and with who else it names in words ("or who are at risk of
  getting involved in crime": not met becomes unknown); one that says "only
  for" narrows it to the values it names (see `eligibility`).

- an age band fills in where the catalogue gives none (ED Navigators: "open to
  people aged 10 to 39"), from its document's date, each later band in force from
  its own; before the first, the programme has no age limit, as the catalogue says.

Where the catalogue gives an age band, a document's band is shown beside it, never
in its place: a band in a provider's page is often that provider's own (DIVERT on
the Fylde, 18-24) and not the county's. Referral routes and contacts are shown
beside the catalogue's facts too. Undated claims change
nothing; they are shown beside. Programmes known only from documents get a
provisional record (see `provisional`). Claims that contradict a record so that
it no longer validates (a programme said to have ended before it started)
change nothing: the record stays as the catalogue has it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from vrn_assistant.claims.model import Claim, ClaimKind, ClaimStatus
from vrn_assistant.claims.provisional import provisional_record, reference
from vrn_core import Catalogue, Programme, SourceRef
from vrn_core.availability import Window, WindowChange
from vrn_core.criteria import (
    AgeChange,
    AgeCriterion,
    Criterion,
    RoleChange,
    RoleCriterion,
    SettingChange,
    SettingCriterion,
    leaves,
)
from vrn_core.dating import with_changes
from vrn_core.vocabulary import Role, Setting, WindowStatus, describe

__all__ = ["Applied", "Overlay", "criterion_change", "overlay"]


@dataclass(frozen=True, slots=True)
class Applied:
    """A claim that changed a catalogue fact, with the value it changed."""

    claim: Claim
    before: str  # the catalogue's value, in words
    source: SourceRef  # the catalogue's source for it
    stated: date | None  # when the catalogue's source stated it


@dataclass(frozen=True)
class Overlay:
    """The catalogue as the added documents revise it, and what each claim did."""

    catalogue: Catalogue
    applied: tuple[Applied, ...]
    provisional: frozenset[str]  # ids of programmes known only from documents


def overlay(catalogue: Catalogue, claims: Sequence[Claim]) -> Overlay:
    """A copy of the catalogue with the dated claims applied and provisional records added."""
    by_programme: dict[str, list[Claim]] = {}
    for claim in claims:
        by_programme.setdefault(claim.programme, []).append(claim)
    programmes: list[Programme] = []
    applied: list[Applied] = []
    for programme in catalogue:
        try:
            revised, done = _revised(programme, by_programme.get(programme.id, ()), catalogue)
        except ValueError:  # the claims contradict the record (an end before its start)
            revised, done = programme, []
        programmes.append(revised)
        applied += done
    known = {programme.id for programme in catalogue}
    provisional: list[str] = []
    for programme_id, found in by_programme.items():
        if programme_id in known:
            continue
        try:
            record = provisional_record(programme_id, found)
        except ValueError:  # claims that make no record (e.g. an area no place has)
            record = None
        if record is not None:
            programmes.append(record)
            provisional.append(programme_id)
    # Every other part of the catalogue (gazetteer, corpus, shared contacts) as it is.
    revised_catalogue = replace(catalogue, programmes=tuple(programmes))
    return Overlay(revised_catalogue, tuple(applied), frozenset(provisional))


def _main(programme: Programme) -> int:
    for index, window in enumerate(programme.availability):
        if window.status is WindowStatus.running and window.end is None and not window.changes:
            return index
    return len(programme.availability) - 1


def _revised(
    programme: Programme, claims: Sequence[Claim], catalogue: Catalogue
) -> tuple[Programme, list[Applied]]:
    dated = sorted((c for c in claims if c.stated and c.day is not None), key=_day)
    if not dated:
        return programme, []
    criteria, applied = _criteria(programme, dated)
    gazetteer = catalogue.gazetteer
    main = _main(programme)
    window = programme.availability[main]
    before_places = ", ".join(gazetteer.get(p).name for p in window.places) or "anywhere"
    updates: dict[date, dict[str, Any]] = {}
    places = window.places
    listed = {c.source for c in dated if c.kind is ClaimKind.place and c.complete}
    for claim in dated:
        day = _day(claim)
        if window.stated is not None and day <= window.stated:
            continue  # not newer than the catalogue
        if claim.kind is ClaimKind.place:
            if claim.complete:
                places = claim.places
            elif claim.source not in listed and not _covered(programme, claim.places, catalogue):
                places = tuple(dict.fromkeys((*places, *claim.places)))  # one more place
            else:
                continue
            updates.setdefault(day, {"claim": claim})["places"] = places
            applied.append(Applied(claim, before_places, window.source, window.stated))
        elif claim.kind is ClaimKind.status and claim.status is not None:
            change = updates.setdefault(day, {"claim": claim})
            if claim.status in {ClaimStatus.paused, ClaimStatus.not_taking_referrals}:
                change["status"] = WindowStatus.paused
            elif claim.status is ClaimStatus.ended:
                change["end"] = day
            if claim.status is not ClaimStatus.funded_until:
                applied.append(Applied(claim, _status_words(window), window.source, window.stated))
    if not updates and not applied:
        return programme, []
    changes = [
        WindowChange(
            **{key: value for key, value in fields.items() if key != "claim"},
            source=reference(fields["claim"]),
            stated=day,
        )
        for day, fields in sorted(updates.items())
    ]
    windows = list(programme.availability)
    if changes:
        windows[main] = with_changes(window, changes)
    data: dict[str, Any] = {name: getattr(programme, name) for name in Programme.model_fields}
    data["availability"] = tuple(windows)
    data["criteria"] = criteria
    return Programme.model_validate(data), applied


def _criteria(
    programme: Programme, dated: Sequence[Claim]
) -> tuple[tuple[Criterion, ...], list[Applied]]:
    """The programme's criteria widened or narrowed by dated eligibility claims, and an
    age band where the catalogue gives none."""
    revised: list[Criterion] = []
    applied: list[Applied] = []
    stated_age = _stated_age(programme, dated)
    if stated_age is not None:
        revised.append(stated_age[0])
        applied += stated_age[1]
    for criterion in programme.criteria:
        if not isinstance(criterion, SettingCriterion | RoleCriterion):
            revised.append(criterion)  # groups and other kinds: as the catalogue has them
            continue
        for claim in dated:
            if claim.kind is not ClaimKind.eligibility:
                continue
            day = _day(claim)
            if criterion.stated is not None and day <= criterion.stated:
                continue  # not newer than the catalogue
            change = criterion_change(criterion.on(day), claim)
            if change is None:
                continue
            changed = with_changes(criterion, [change])
            if changed is not criterion:
                applied.append(Applied(claim, criterion.label, criterion.source, criterion.stated))
                criterion = changed
        revised.append(criterion)
    return tuple(revised), applied


def _stated_age(
    programme: Programme, dated: Sequence[Claim]
) -> tuple[AgeCriterion, list[Applied]] | None:
    """An age criterion in force from the first dated band, when the catalogue has none."""
    if any(isinstance(leaf, AgeCriterion) for leaf in leaves(programme.criteria)):
        return None
    bands: dict[date, Claim] = {}
    for claim in dated:  # oldest first; of two bands stated on one day, the first
        if claim.kind is ClaimKind.age_band and (claim.min_age, claim.max_age) != (None, None):
            bands.setdefault(_day(claim), claim)
    if not bands:
        return None
    first, *later = bands.values()

    def label(claim: Claim) -> str:
        return f"aged {claim.value}"

    criterion = AgeCriterion(
        type="age",
        id="age-stated-later",
        label=label(first),
        min=first.min_age,
        max=first.max_age,
        source=reference(first),
        stated=first.day,
        since=first.day,
        changes=tuple(
            AgeChange(
                label=label(claim),
                min=claim.min_age,
                max=claim.max_age,
                source=reference(claim),
                stated=claim.day,
            )
            for claim in later
        ),
    )
    return criterion, [
        Applied(claim, "no age band", programme.summary.source, None) for claim in bands.values()
    ]


def criterion_change(
    criterion: SettingCriterion | RoleCriterion, claim: Claim
) -> SettingChange | RoleChange | None:
    """The change an eligibility claim makes to a role or setting criterion: the values
    it adds and who else it names in words, or (for "only for") the values it keeps;
    None when it says nothing about this criterion or nothing new."""
    own = tuple(value.value for value in criterion.any_of)
    said = [term.partition(":")[2] for term in claim.accepts if term.startswith(criterion.type)]
    if not set(own) & set(said):
        return None  # about someone else: this criterion is not what it restates
    fields: dict[str, Any] = {}
    if claim.only:
        kept = tuple(value for value in own if value in said)
        if len(kept) < len(own):
            fields = {"any_of": kept, "label": f"{criterion.label} ({claim.value} only)"}
    else:
        added = tuple(value for value in said if value not in own)
        also = claim.also if claim.also is not None and claim.also != criterion.also else None
        vocabulary = Setting if isinstance(criterion, SettingCriterion) else Role
        extra = [describe(vocabulary(value)) for value in added] + ([also] if also else [])
        if extra:
            fields = {"label": f"{criterion.label}, or {', or '.join(extra)}"}
        if added:
            fields["any_of"] = (*own, *added)
        if also:
            fields["also"] = also
    if not fields:
        return None
    kind = SettingChange if isinstance(criterion, SettingCriterion) else RoleChange
    return kind.model_validate({**fields, "source": reference(claim), "stated": claim.day})


def _day(claim: Claim) -> date:
    assert claim.day is not None
    return claim.day


def _covered(programme: Programme, places: Sequence[str], catalogue: Catalogue) -> bool:
    gazetteer = catalogue.gazetteer
    areas = [area for window in programme.availability for area in window.places]
    if any(not window.places for window in programme.availability):
        return True
    return all(any(gazetteer.within(p, area) for area in areas) for p in places)


def _status_words(window: Window) -> str:
    return "paused" if window.status is WindowStatus.paused else "running"
