"""Something to act on: how to reach a programme, and the usual routes when none fits.

Pure functions over the catalogue's typed contact routes (`vrn_core.programme`):
how a route is said, whether the sources give a phone or an email at all, which
usual routes a case needs (the police for domestic abuse, children's social care
for a child) and when the child safeguarding step is due. The composer cites
what these return; nothing here invents a number the catalogue does not hold.
"""

from __future__ import annotations

from collections.abc import Sequence

from vrn_assistant.answer import ReachRoute
from vrn_assistant.answering.citations import CitationBook
from vrn_assistant.answering.citer import Citer, SectionLookup
from vrn_core import Case, Catalogue
from vrn_core.programme import Contact, ContactRoute, RouteKind, UsualRoute
from vrn_core.sources import SourceRef
from vrn_core.vocabulary import Issue, Role, Setting, describe

__all__ = [
    "CHILD_STEP_SOURCE",
    "COVERAGE",
    "EXAMPLE_QUESTIONS",
    "child_step",
    "cited_contact",
    "contact_line",
    "is_a_child",
    "needs_child_safeguarding",
    "no_phone_or_email",
    "reach_lines",
    "route_words",
    "usual_needs",
    "usual_routes",
]

ADULT_AGE = 18
# Where a child met by a professional makes the child safeguarding step due, always.
_SAFEGUARDING_SETTINGS = frozenset({Setting.police_custody, Setting.hospital_emergency_department})
CHILD_STEP_SOURCE = SourceRef(document="childrens-social-care.md", locator="When to tell them")

COVERAGE = (
    "This tool answers questions about the Lancashire Violence Reduction Network's "
    "programmes: who each one is for, where and when it runs, and how to refer someone, "
    "with the sources quoted. Describe the person (age, where they are, what happened) "
    "or name a programme."
)
EXAMPLE_QUESTIONS = (
    "A 19 year old is held in Blackpool custody after a fight: is there a coach who can see him?",
    "What support is there in Lancashire for a child whose father is in prison?",
)

_KIND_WORDS = {
    RouteKind.phone: "phone",
    RouteKind.email: "email",
    RouteKind.web: "web",
    RouteKind.post: "post",
}


def route_words(route: ContactRoute | ReachRoute) -> str:
    """'phone 0300 123 6722 (8pm to 8am)', 'post: County Hall, ...'."""
    separator = ": " if route.kind is RouteKind.post else " "
    note = f" ({route.note})" if route.note else ""
    return f"{_KIND_WORDS[route.kind]}{separator}{route.value}{note}"


def reach_lines(routes: Sequence[ReachRoute]) -> list[str]:
    """Routes as lines, one per contact: 'Lancashire Constabulary: phone 101; ... [n]'."""
    by_name: dict[str, list[ReachRoute]] = {}
    for route in routes:
        by_name.setdefault(route.name, []).append(route)
    lines = []
    for name, found in by_name.items():
        marks = sorted({r.citation for r in found if r.citation is not None})
        cited = "".join(f" [{number}]" for number in marks)
        lines.append(f"{name}: " + "; ".join(route_words(r) for r in found) + cited)
    return lines


def contact_line(contact: Contact) -> str | None:
    """'Lancashire Constabulary: phone 101; phone 999 (...)'; None if it has no route."""
    routes = contact.routes()
    if not routes:
        return None
    return f"{contact.name}: " + "; ".join(route_words(route) for route in routes) + "."


def no_phone_or_email(name: str, contacts: Sequence[Contact], in_person: str | None) -> str | None:
    """Said plainly when no contact of the programme has a phone or an email:
    'The sources give no phone or email for DIVERT; ask the custody staff on shift ...'."""
    kinds = {route.kind for contact in contacts for route in contact.routes()}
    if kinds & {RouteKind.phone, RouteKind.email}:
        return None
    said = f"The sources give no phone or email for {name}"
    return f"{said}; {in_person}." if in_person else f"{said}."


def is_a_child(case: Case) -> bool:
    """Known to be under 18: by age, by an age range, or said to be a child."""
    if case.age is not None:
        return case.age < ADULT_AGE
    if case.age_range is not None:
        return case.age_range.max < ADULT_AGE
    return Role.child in case.roles


def needs_child_safeguarding(case: Case) -> bool:
    """An under-18 in police custody or an emergency department: the step is always due."""
    return is_a_child(case) and case.setting in _SAFEGUARDING_SETTINGS


def usual_needs(case: Case) -> tuple[UsualRoute, ...]:
    """The usual routes the facts call for when no programme fits."""
    needs: list[UsualRoute] = []
    if Issue.domestic_abuse in case.issues:
        needs.append(UsualRoute.domestic_abuse)
    if is_a_child(case):
        needs.append(UsualRoute.child_safeguarding)
    return tuple(needs)


def cited_contact(contact: Contact, cite: Citer) -> tuple[str | None, list[ReachRoute]]:
    """'Lancashire Constabulary: phone 101; ... [n].' and its routes, typed; (None, [])
    for a contact the sources give no route for."""
    line = contact_line(contact)
    if line is None:
        return None, []
    before = len(cite.used)
    said = cite(line, contact.source)
    number = cite.used[-1] if len(cite.used) > before else None
    found = [
        ReachRoute(
            name=contact.name, kind=route.kind, value=route.value, note=route.note, citation=number
        )
        for route in contact.routes()
    ]
    return said, found


_NEED_WORDS = {
    UsualRoute.domestic_abuse: "Domestic abuse",
    UsualRoute.child_safeguarding: "A concern about a child",
}


def usual_routes(
    catalogue: Catalogue,
    need: UsualRoute,
    place_id: str | None,
    section: SectionLookup,
    book: CitationBook,
) -> tuple[list[str], list[ReachRoute]]:
    """The usual routes for a need, one contact a line, cited: 'Domestic abuse: ...'."""
    lines: list[str] = []
    routes: list[ReachRoute] = []
    for contact in catalogue.usual_routes(need, place_id):
        line, found = cited_contact(contact, Citer(section, book, contact.name))
        if line is None:
            continue
        if not any(route.kind is RouteKind.phone for route in found):
            line += " The sources give no phone number for it; in immediate danger, ring 999."
        lines.append(f"{_NEED_WORDS[need]}: {line}")
        routes += found
    return lines, routes


def child_step(
    catalogue: Catalogue,
    case: Case,
    place_id: str | None,
    section: SectionLookup,
    book: CitationBook,
) -> tuple[list[str], list[ReachRoute]]:
    """Under 18 in custody or hospital: the safeguarding step, cited, then the front
    doors of children's social care for the place (all three councils when unknown)."""
    where = describe(case.setting) if case.setting is not None else "here"
    step = Citer(section, book, "")(
        f"They are under 18 and in {where}: follow your organisation's child safeguarding "
        "procedure and tell children's social care for the council area where the child "
        "lives; if the child is in immediate danger, ring 999 first.",
        CHILD_STEP_SOURCE,
    )
    lines, routes = usual_routes(catalogue, UsualRoute.child_safeguarding, place_id, section, book)
    return [step, *(f"- {line}" for line in lines)], routes
