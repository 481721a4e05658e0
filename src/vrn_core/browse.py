"""Browsing the catalogue: which programmes serve an area, an age, a kind of offer.

Pure filtering for a catalogue browser (the Streamlit app's "Catalogue" page):
no verdicts, no case beyond the one fact filtered on.

    >>> from vrn_core import default_catalogue
    >>> from vrn_core.browse import filter_programmes
    >>> [p.id for p in filter_programmes(default_catalogue(), area="Blackpool", age=30,
    ...                                  kind=None)][:2]
    ['ed-navigators', 'knife-crime-campaign']
"""

from __future__ import annotations

from datetime import date

from vrn_core.case import Case
from vrn_core.catalogue import Catalogue
from vrn_core.criteria import evaluate
from vrn_core.places import Gazetteer, MatchStatus, PlaceMatch
from vrn_core.programme import Edition, Programme
from vrn_core.vocabulary import ProgrammeKind, Truth

__all__ = ["admits_age", "area_match", "filter_programmes", "serves_area"]


def area_match(gazetteer: Gazetteer, area: str | None) -> PlaceMatch | None:
    """What the area text names (None for no text). Callers show `describe()` to the user."""
    if area is None or not area.strip():
        return None
    return gazetteer.resolve(area)


def _editions(programme: Programme, on: date | None) -> tuple[Edition, ...]:
    return (programme.on(on),) if on is not None else programme.editions()


def serves_area(
    programme: Programme, match: PlaceMatch, gazetteer: Gazetteer, on: date | None = None
) -> bool:
    """Does any of the programme's windows cover (part of) the matched area?

    A window with no places runs anywhere. A window place counts when it lies in
    the area or contains it (`Gazetteer.within` answers True or None). An
    ambiguous area counts if any of its candidates does; an area the gazetteer
    does not know only keeps the programmes that run anywhere. The windows are
    those in force `on` a date, or with no date those of any of its editions.
    """
    if match.place is not None:
        candidates: tuple[str, ...] = (match.place.id,)
    elif match.status is MatchStatus.ambiguous:
        candidates = tuple(place.id for place in match.alternatives)
    else:
        candidates = ()
    windows = [window for edition in _editions(programme, on) for window in edition.availability]
    for window in windows:
        if not window.places:
            return True
        for place_id in window.places:
            for area_id in candidates:
                # True: the area lies in the window's place; None: it contains it.
                if gazetteer.within(area_id, place_id) is not False:
                    return True
    return False


def admits_age(programme: Programme, age: int, on: date | None = None) -> bool:
    """Do the programme's criteria allow this age (on a date, or in any edition)?

    Only age decides: every criterion is evaluated for a case that knows the age
    and nothing else, so other criteria are unknown and never exclude. Age
    limits inside `any_of` exclude only when every alternative does.
    """
    case = Case(age=age)
    return any(
        all(
            evaluate(criterion, case, programme.name).truth is not Truth.not_met
            for criterion in edition.criteria
        )
        for edition in _editions(programme, on)
    )


def filter_programmes(
    catalogue: Catalogue,
    *,
    area: str | None,
    age: int | None,
    kind: ProgrammeKind | None,
    on: date | None = None,
) -> list[Programme]:
    """The catalogue's programmes that match every filter given, in catalogue order.

    `area` is free text resolved by the gazetteer (see `serves_area`); `age`
    keeps programmes whose age limits admit it (see `admits_age`); `kind` must
    match exactly. Dates do not filter: a programme that has ended still belongs
    to its area, and the browser shows each one's timeline. `on` only chooses
    which values of changing facts (an age band, a site) count; without it, any.
    """
    match = area_match(catalogue.gazetteer, area)
    return [
        programme
        for programme in catalogue.programmes
        if (kind is None or programme.kind is kind)
        and (age is None or admits_age(programme, age, on))
        and (match is None or serves_area(programme, match, catalogue.gazetteer, on))
    ]
