"""A provisional record: a programme known only from added documents, built from its
claims so that the same rules assess it. It is labelled as not reviewed, its area
is where its claims place it (Lancashire when they name nowhere), and a claim that
it is not taking referrals, paused or closed makes it not available."""

from __future__ import annotations

from collections.abc import Sequence

from vrn_assistant.claims.model import Claim, ClaimKind, ClaimStatus
from vrn_core import Programme, SourceRef
from vrn_core.availability import Window, WindowChange
from vrn_core.criteria import AgeCriterion
from vrn_core.dating import with_changes
from vrn_core.programme import Pathway, Provider, ReferralRoute, SourcedText
from vrn_core.vocabulary import ProgrammeKind, WindowStatus

__all__ = ["NOT_REVIEWED", "provisional_record", "reference"]

NOT_REVIEWED = "from an added document, not reviewed"
_STOPPED = frozenset({ClaimStatus.not_taking_referrals, ClaimStatus.paused, ClaimStatus.ended})


def reference(claim: Claim) -> SourceRef:
    """Where a claim's quote is: its document and section."""
    return SourceRef(document=claim.source, locator=claim.locator)


def provisional_record(programme: str, claims: Sequence[Claim]) -> Programme | None:
    """The record a new programme's claims make; None without an age band to judge by."""
    ages = [claim for claim in claims if claim.kind is ClaimKind.age_band]
    if not ages:
        return None
    age = next((claim for claim in ages if claim.stated), ages[0])  # a dated one, if any
    name = claims[0].programme_name
    places = tuple(
        dict.fromkeys(p for claim in claims if claim.kind is ClaimKind.place for p in claim.places)
    )
    statuses = [claim for claim in claims if claim.kind is ClaimKind.status]
    undated_stop = next((c for c in statuses if c.status in _STOPPED and not c.stated), None)
    first = reference(claims[0])
    window = Window(
        label=NOT_REVIEWED,
        status=WindowStatus.paused if undated_stop is not None else WindowStatus.running,
        places=places or ("lancashire",),
        note=undated_stop.quote if undated_stop is not None else None,
        source=reference(undated_stop) if undated_stop is not None else first,
    )
    changes = [
        WindowChange(
            status=WindowStatus.paused,
            source=reference(claim),
            stated=claim.day,
        )
        for claim in statuses
        if claim.status in _STOPPED and claim.stated
    ]
    window = with_changes(window, changes) if changes else window
    referrals = [claim for claim in claims if claim.kind is ClaimKind.referral]
    routes = [ReferralRoute.professional_referral]
    if any("refer themselves" in c.quote or "self-referral" in c.quote.lower() for c in referrals):
        routes.append(ReferralRoute.self_referral)
    return Programme(
        id=programme,
        name=name,
        kind=ProgrammeKind.service,
        summary=SourcedText(
            text=f"{name} is known {NOT_REVIEWED} by the VRN team.", source=reference(age)
        ),
        delivered_by=(Provider(name=f"the provider named in {first.document}", source=first),),
        criteria=(
            AgeCriterion(
                type="age",
                id="age",
                label=f"aged {age.value}",
                min=age.min_age,
                max=age.max_age,
                defining=True,
                source=reference(age),
                stated=age.day if age.stated else None,
            ),
        ),
        availability=(window,),
        pathway=Pathway(
            summary="The added document cited here gives the route; it has not been reviewed.",
            routes=tuple(routes),
            next_steps=("Check the route with the provider before referring.",),
            source=reference(referrals[0]) if referrals else first,
        ),
    )
