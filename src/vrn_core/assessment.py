"""Verdicts: one programme against one case on one date, and the ranking of all.

    eligible         every criterion met, in area, running
    likely_eligible  nothing fails, something is unknown, running (or may be: its
                     evidence is not confirmed within the freshness horizon)
    not_available    nothing fails, but not running there or then (planned, paused, ended)
    not_eligible     a criterion or the area is not met

A programme is *recommended* when its verdict is eligible or likely eligible
and at least one of its defining criteria (who it is for) is met, or the asker
named it. Otherwise an empty case would "recommend" everything.

Every verdict uses the facts in force on the date asked about (`Programme.on`).
A programme that would be running on evidence last confirmed more than
`freshness_months` before that date (12 by default) has the status
`not_confirmed` and is at best likely eligible: still recommended, since it may
well still run, but never "eligible" on old evidence; its reasons say "not
confirmed since <month>; check that it still runs before referring".
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import cast

from vrn_core.availability import AreaResult, StatusResult, evaluate_area, evaluate_status
from vrn_core.case import Case
from vrn_core.catalogue import Catalogue
from vrn_core.criteria import CriterionResult, evaluate
from vrn_core.dating import FRESHNESS_MONTHS, stale_before
from vrn_core.places import Gazetteer, PlaceMatch
from vrn_core.programme import Edition, Programme
from vrn_core.vocabulary import PlaceRole, Status, Truth, Verdict

__all__ = ["RECOMMENDABLE", "Assessment", "assess", "rank"]


RECOMMENDABLE = frozenset({Verdict.eligible, Verdict.likely_eligible})


@dataclass(frozen=True, slots=True)
class Assessment:
    """A programme's verdict for a case, with every reason behind it."""

    programme: Programme
    place: PlaceMatch | None  # the case's place as resolved once, for every programme
    verdict: Verdict
    recommended: bool
    relevant: bool  # a defining criterion is met, or the asker named the programme
    criteria: tuple[CriterionResult, ...]
    area: CriterionResult
    status: StatusResult
    edition: Edition  # the criteria, windows and pathway in force on the date judged
    stale_before: date | None  # evidence last confirmed before this date is not current
    score: float
    near_miss: str | None = None
    missing: tuple[str, ...] = field(default=())

    @property
    def programme_id(self) -> str:
        return self.programme.id

    def results(self) -> tuple[CriterionResult, ...]:
        """Every leaf result, area included, in catalogue order."""
        return (*(leaf for result in self.criteria for leaf in result.leaves()), self.area)

    def reasons(self, truth: Truth) -> list[str]:
        return [result.reason for result in self.results() if result.truth is truth]


LOCAL_OFFER = 2.0  # an offer that names the person's area fits better than one open to anyone

# Keyed by (verdict, relevant): recommended first, then what would fit but is not
# running, then near misses, then what might fit if unknown facts turn out right,
# then the rest.
_TIER = {
    (Verdict.eligible, True): 5000.0,
    (Verdict.likely_eligible, True): 4000.0,
    (Verdict.not_available, True): 3000.0,
    (Verdict.eligible, False): 2000.0,
    (Verdict.likely_eligible, False): 2000.0,
    (Verdict.not_available, False): 1000.0,
    (Verdict.not_eligible, True): 2500.0,
    (Verdict.not_eligible, False): 0.0,
}


def assess(
    programme: Programme,
    case: Case,
    on: date,
    gazetteer: Gazetteer,
    place: PlaceMatch | None = None,
    *,
    role_places: Mapping[PlaceRole, PlaceMatch] | None = None,
    asked_about: Collection[str] = (),
    freshness_months: int | None = FRESHNESS_MONTHS,
) -> Assessment:
    """Judge one programme. Pass the resolved `place` (what `case.place` means) and
    `role_places` (what `case.places` mean) to avoid resolving them again; without
    them they are resolved here. The area check uses the place of the first role in
    `programme.area_uses` that the case knows, else the general place.

    `freshness_months` (default FRESHNESS_MONTHS, 12): a window last confirmed longer
    ago than this before `on` is not confirmed, not running; None turns this off."""
    if role_places is None:
        role_places = {role: gazetteer.resolve(text) for role, text in case.places.items()}
    return _assess(
        programme,
        programme.on(on),
        case,
        on,
        gazetteer,
        place,
        role_places,
        asked_about,
        stale_before(on, freshness_months),
    )


def _assess(
    programme: Programme,
    edition: Edition,
    case: Case,
    on: date,
    gazetteer: Gazetteer,
    place: PlaceMatch | None,
    role_places: Mapping[PlaceRole, PlaceMatch],
    asked_about: Collection[str],
    stale: date | None,
) -> Assessment:
    chosen = next((role_places[r] for r in programme.area_uses if r in role_places), None)
    if chosen is not None:
        place = chosen
    elif place is None and case.place is not None:
        place = gazetteer.resolve(case.place)
    name = programme.name
    criteria = tuple(evaluate(criterion, case, name) for criterion in edition.criteria)
    area_result, status, area = _where_and_when(edition, place, case, on, gazetteer, name, stale)
    verdict = _verdict(criteria, area.truth, status.status)
    tally = _Tally()
    tally.add(criteria)
    if area.truth is Truth.unknown:
        tally.missing.update(dict.fromkeys(area.missing))
    defining_met, met, unknown, missing = (
        tally.defining_met,
        tally.met,
        tally.unknown,
        tally.missing,
    )
    named = programme.id in asked_about
    relevant = defining_met > 0 or named
    # A near miss: the programme is for people like this, and one requirement alone fails.
    failing = [r for r in (*criteria, area) if r.truth is Truth.not_met] if relevant else []
    score = _TIER[(verdict, relevant)] + 100.0 * named + 20.0 * defining_met + met - 0.5 * unknown
    score += LOCAL_OFFER * bool(area_result.place_ids)
    if case.wants and programme.kind in case.wants:
        score += 10.0
    if case.issues:
        score += 5.0 * len(case.issues.intersection(programme.topics))
    return Assessment(
        programme=programme,
        place=place,
        verdict=verdict,
        recommended=verdict in RECOMMENDABLE and relevant,
        relevant=relevant,
        criteria=criteria,
        area=area,
        status=status,
        score=score,
        near_miss=failing[0].reason if len(failing) == 1 else None,
        missing=tuple(missing),
        edition=edition,
        stale_before=stale,
    )


_JUDGED_KEPT = 4096  # per edition: places times dates asked about, then start again


def _where_and_when(
    edition: Edition,
    place: PlaceMatch | None,
    case: Case,
    on: date,
    gazetteer: Gazetteer,
    name: str,
    stale: date | None,
) -> tuple[AreaResult, StatusResult, CriterionResult]:
    """The area and state of the programme for this place on this date. They depend on
    the case only through a window's audience; without one they are judged once per
    place and date and kept on the edition (pure, so keeping them changes nothing)."""
    key: tuple[object, ...] | None = None
    if not edition.has_audience and (place is None or place.place is not None):
        key = (
            place.place.id if place is not None and place.place is not None else None,
            on,
            stale,
            gazetteer,
        )
        kept = edition.judged.get(key)
        if kept is not None:
            return cast(tuple[AreaResult, StatusResult, CriterionResult], kept)
    windows = edition.availability
    area_result = evaluate_area(windows, place, gazetteer, name)
    status = evaluate_status(windows, area_result, case, on, name, stale)
    window = status.window or windows[0]
    area = CriterionResult(
        id="area",
        label="in the programme's area",
        truth=area_result.truth,
        reason=area_result.reason,
        missing=area_result.missing,
        source=window.source,
    )
    if key is not None:
        if len(edition.judged) >= _JUDGED_KEPT:
            edition.judged.clear()
        edition.judged[key] = (area_result, status, area)
    return area_result, status, area


class _Tally:
    """What ranking and reporting need from the results, gathered in one walk, in order."""

    __slots__ = ("defining_met", "met", "missing", "unknown")

    def __init__(self) -> None:
        self.defining_met = self.met = self.unknown = 0
        self.missing: dict[str, None] = {}

    def add(self, results: tuple[CriterionResult, ...]) -> None:
        for result in results:
            truth = result.truth
            if result.defining and truth is Truth.met:
                self.defining_met += 1
            if result.parts:
                self.add(result.parts)
            elif truth is Truth.met:
                self.met += 1
            elif truth is Truth.unknown:
                self.unknown += 1
                self.missing.update(dict.fromkeys(result.missing))


def _verdict(criteria: tuple[CriterionResult, ...], area: Truth, status: Status) -> Verdict:
    truths = [result.truth for result in criteria]
    truths.append(area)
    if Truth.not_met in truths:
        return Verdict.not_eligible
    if status is Status.not_confirmed:  # it may well still run: whether it does is unknown
        return Verdict.likely_eligible
    if status is not Status.running:
        return Verdict.not_available
    if Truth.unknown in truths:
        return Verdict.likely_eligible
    return Verdict.eligible


def rank(
    catalogue: Catalogue,
    case: Case,
    on: date | None = None,
    *,
    place: PlaceMatch | None = None,
    role_places: Mapping[PlaceRole, PlaceMatch] | None = None,
    asked_about: Collection[str] = (),
    freshness_months: int | None = FRESHNESS_MONTHS,
) -> list[Assessment]:
    """Assess every programme and order them: recommended first, best fit first.

    `place` is the case's place already resolved (the assistant reads it from the
    question); without it, `case.place` is resolved once here. `freshness_months`
    as for `assess`."""
    day = on if on is not None else date.today()
    gazetteer = catalogue.gazetteer
    if place is None and case.place is not None:
        place = gazetteer.resolve(case.place)
    if role_places is None:
        role_places = {role: gazetteer.resolve(text) for role, text in case.places.items()}
    stale = stale_before(day, freshness_months)
    assessments = [
        _assess(programme, edition, case, day, gazetteer, place, role_places, asked_about, stale)
        for programme, edition in catalogue.in_force(day)
    ]
    return sorted(assessments, key=lambda a: (-a.score, a.programme_id))
