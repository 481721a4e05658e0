"""What the answer says about newer documents: one sentence per revised fact, with
both citations and both dates ("The catalogue (October 2020) names Blackpool
Victoria Hospital [3]; a page dated November 2024 (the page's published date)
lists Burnley, Blackburn, ... [4]."), undated claims shown beside, and
provisional records labelled. Every quote is cut from a chunk and checked
verbatim by the citation book."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import date

from vrn_assistant.answering.citations import CitationBook
from vrn_assistant.claims.book import ClaimBook
from vrn_assistant.claims.model import Claim, ClaimKind, ClaimStatus
from vrn_assistant.claims.overlay import Applied, criterion_change
from vrn_assistant.claims.provisional import NOT_REVIEWED
from vrn_assistant.retrieval.chunks import Chunk
from vrn_core import Assessment, SourceRef
from vrn_core.criteria import RoleCriterion, SettingCriterion
from vrn_core.wording import format_month

__all__ = ["HEADING", "PROGRAMMES", "claim_notes"]

HEADING = "**From newer documents**"
PROGRAMMES = 4  # programmes the notes speak about at most, in the answer's order
EXTRA = 2  # further claims shown per programme
_HOW = {
    "front matter": "from its front matter",
    "page date": "the page's own date",
    "date line": "its date line",
    "date in text": "a date in its text",
}
_ORDER = {
    ClaimStatus.not_taking_referrals: 0,
    ClaimStatus.ended: 0,
    ClaimStatus.paused: 0,
    ClaimStatus.launched: 1,
    ClaimStatus.funded_until: 1,
    ClaimStatus.running: 3,
}

Section = Callable[[SourceRef], Chunk | None]


def claim_notes(
    book: ClaimBook,
    assessments: Sequence[Assessment],
    as_of: date,
    citations: CitationBook,
    section: Section,
    asked_about: Collection[str] = (),
) -> list[str]:
    """Lines for the programmes the answer speaks about (recommended, would fit, near
    misses, named), each fact cited, under HEADING; empty when no added document says
    anything about them."""
    lines: list[str] = []
    spoken = [
        a for a in assessments if a.recommended or a.relevant or a.programme_id in asked_about
    ][:PROGRAMMES]
    for assessment in spoken:
        programme = assessment.programme_id
        claims = [
            c for c in book.about(programme) if c.day is None or not c.stated or c.day <= as_of
        ]
        if not claims:
            continue
        sentences: list[str] = []
        if programme in book.overlay.provisional:
            sentences += _provisional(book, assessment, claims, citations)
        else:
            shown: set[str] = set()
            for applied in _in_force(book, programme, as_of):
                said = _applied(book, applied, citations, section)
                if said:
                    sentences.append(said)
                    shown.add(applied.claim.id)
                    shown.update(_conflicts(book, claims, applied, citations, sentences))
            extra = [c for c in _ranked(claims) if c.id not in shown]
            extra += [c for c in _wider(book, programme, claims) if c.id not in shown]
            for claim in extra[:EXTRA]:
                said = _beside(book, claim, citations)
                if said:
                    sentences.append(said)
        if sentences:
            lines.append(f"- **{assessment.programme.name}**: " + " ".join(sentences))
    return [HEADING, *lines] if lines else []


def _in_force(book: ClaimBook, programme: str, as_of: date) -> list[Applied]:
    """The latest applied claim of each kind in force on `as_of`."""
    latest: dict[ClaimKind, Applied] = {}
    for applied in book.overlay.applied:
        claim = applied.claim
        if claim.programme == programme and claim.in_force(as_of):
            same = (
                ClaimKind.place in latest and latest[ClaimKind.place].claim.source == claim.source
            )
            if claim.status is ClaimStatus.running and same:
                continue  # the place sentence cites the same document already
            latest[claim.kind] = applied
    return list(latest.values())


def _cite(book: ClaimBook, claim: Claim, citations: CitationBook) -> int | None:
    chunk = book.chunk(claim)
    return citations.cite_quote(chunk, claim.quote) if chunk is not None else None


def _dated(claim: Claim) -> str:
    kind = "a page" if claim.source.lower().endswith((".html", ".htm")) else "a document"
    if not claim.stated or claim.day is None:
        return f"an undated {kind.removeprefix('a ')}"
    how = _HOW.get(claim.dated_by, claim.dated_by)
    return f"{kind} dated {format_month(claim.day)} ({how})"


def _applied(
    book: ClaimBook, applied: Applied, citations: CitationBook, section: Section
) -> str | None:
    claim = applied.claim
    new = _cite(book, claim, citations)
    if new is None:
        return None
    if claim.kind is ClaimKind.age_band:  # applied only where the catalogue gives no band
        return (
            f"The catalogue gives no age band; {_dated(claim)} gives {claim.value} [{new}], "
            "which the verdict uses."
        )
    old_chunk = section(applied.source)
    old = citations.cite(old_chunk, applied.before) if old_chunk is not None else None
    when = f" ({format_month(applied.stated)})" if applied.stated else ""
    old_mark = f" [{old}]" if old is not None else ""
    if claim.kind is ClaimKind.place:
        verb = "lists" if claim.complete else "adds"
        return (
            f"The catalogue{when} names {applied.before}{old_mark}; {_dated(claim)} {verb} "
            f"{claim.value} [{new}], which the verdict uses."
        )
    if claim.status is ClaimStatus.running:
        return f"{_upper(_dated(claim))} says it is still running [{new}]."
    if claim.kind is ClaimKind.eligibility:
        said = (
            f"is only for people {claim.value}"
            if claim.only
            else f"also takes people {_who(claim)}"
        )
        return (
            f"The catalogue{when} asks that {applied.before}{old_mark}; {_dated(claim)} says it "
            f"{said} [{new}], which the verdict uses."
        )
    return (
        f"The catalogue{when} has it {applied.before}{old_mark}; {_dated(claim)} says it is "
        f"{claim.value} [{new}], which the verdict uses."
    )


def _conflicts(
    book: ClaimBook,
    claims: Sequence[Claim],
    applied: Applied,
    citations: CitationBook,
    sentences: list[str],
) -> set[str]:
    """Undated claims of the same kind that disagree: shown beside, never used."""
    shown: set[str] = set()
    for claim in claims:
        if claim.stated or claim.kind is not applied.claim.kind or not claim.complete:
            continue
        if set(claim.places) == set(applied.claim.places):
            continue
        number = _cite(book, claim, citations)
        if number is not None:
            sentences.append(
                f"{_upper(_dated(claim))} lists {claim.value} [{number}]; being undated, "
                "it does not replace the dated facts."
            )
            shown.add(claim.id)
        break
    return shown


def _ranked(claims: Sequence[Claim]) -> list[Claim]:
    def rank(claim: Claim) -> tuple[int, int, int]:
        """Kind first; then dated before undated, the newest first."""
        newest = -(claim.day.toordinal() if claim.stated and claim.day else 0)
        if claim.kind is ClaimKind.status and claim.status is not None:
            return (_ORDER[claim.status], newest, 0)
        order = {ClaimKind.age_band: 2, ClaimKind.referral: 2, ClaimKind.contact: 4}
        return (order.get(claim.kind, 5), newest, 0)

    seen: set[tuple[str, str]] = set()
    quoted: set[str] = set()
    ranked: list[Claim] = []
    for claim in sorted(claims, key=rank):
        if claim.kind in {ClaimKind.place, ClaimKind.eligibility}:
            continue  # these change verdicts or are conflicts; alone they say little
        if claim.status is ClaimStatus.running:
            continue  # "still running" is said where it revises the record, else nothing new
        key = (claim.kind.value, claim.value)
        if key not in seen and claim.quote not in quoted:
            seen.add(key)
            quoted.add(claim.quote)
            ranked.append(claim)
    return ranked


def _who(claim: Claim) -> str:
    """Who else an eligibility claim takes, in words (its values when it names no one else)."""
    return claim.also or claim.value


def _wider(book: ClaimBook, programme: str, claims: Sequence[Claim]) -> list[Claim]:
    """Undated eligibility claims that would widen or narrow one of the programme's role
    or setting criteria (dated ones are applied): shown beside, never used."""
    record = book.catalogue.get(programme)
    criteria = [c for c in record.criteria if isinstance(c, SettingCriterion | RoleCriterion)]
    return [
        claim
        for claim in claims
        if claim.kind is ClaimKind.eligibility
        and not claim.stated
        and any(criterion_change(criterion, claim) is not None for criterion in criteria)
    ]


def _beside(book: ClaimBook, claim: Claim, citations: CitationBook) -> str | None:
    number = _cite(book, claim, citations)
    if number is None:
        return None
    quote = " ".join(claim.quote.split())  # as shown; the citation keeps it as written
    what = {
        ClaimKind.age_band: f"gives the age band {claim.value}",
        ClaimKind.status: f"says: “{quote}”",
        ClaimKind.referral: f"gives the route: “{quote}”",
        ClaimKind.contact: f"gives the contact {claim.value}",
        ClaimKind.eligibility: (
            f"says it is only for people {claim.value}"
            if claim.only
            else f"says it also takes people {_who(claim)}"
        ),
    }.get(claim.kind, f"says: “{quote}”")
    beside = "" if claim.stated else " (shown beside the catalogue, not used)"
    return f"{_upper(_dated(claim))} {what} [{number}]{beside}."


def _upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _provisional(
    book: ClaimBook, assessment: Assessment, claims: Sequence[Claim], citations: CitationBook
) -> list[str]:
    sentences = [f"{assessment.programme.name} is {NOT_REVIEWED}."]
    for claim in _ranked(claims)[: EXTRA + 2]:
        said = _beside(book, claim, citations)
        if said:
            sentences.append(said.replace(" (shown beside the catalogue, not used)", ""))
    return sentences
