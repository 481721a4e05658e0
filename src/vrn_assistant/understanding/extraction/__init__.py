"""From a practitioner's free text to a `Case`, with rules and no language model.

`extract` reads age (or an age range), places by role, setting, roles (and roles
known not to hold), issues, offence, gender, sector, course and wants from a
question, and says in plain English what it read (`notes`) so the answer can show
it and the user can correct it. The words that signal each fact are data, in
`knowledge/lexicon/*.yaml` (`lexicon`, read once and validated strictly); the
matching machinery is here. Places come from the gazetteer; programme names from
the catalogue, passed in; the courses programmes ask for, and the universities
teaching them, from `vrn_core.default_catalogue()` (`course.known_courses`).

The rules read the *subject* of the question where they can: a girl "whose
father is in prison" is a prisoner's child, not a parent or a prisoner; "her
boyfriend" says nothing about the subject's gender; "volunteer with young
people" does not make the asker a young person; "I'm his dad" says he is male; a
teacher asking about training for pupils "affected by a parent's imprisonment"
is asking about the issue, not as a prisoner's family. Negations are read too:
"no violence" records violence as known absent, "hasn't got any kids" not a
parent, "not in custody" sets no setting. Common misspellings of key words
("custdy", "assualt") are corrected first.

One module per part of the reading: `lexicon` (the word files and the phrase
language), `text` (preparing the text, spelling), `family` (a prisoner's family),
`cues` (negation and whose words these are), `numbers`, `age`, `setting`, `roles`
(and gender), `occupations`, `askers` (who is asking), `issues` (and offence),
`course`, `wants`, `places` (which place, and what it is for the case), `programmes`
(programmes named) and `people` (several people in need in one question, each read
on their own: `Extraction.people`; and who the help is asked for: "anything for him?",
"who can help her?", "help for the little one", who then comes first).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType

from vrn_assistant.understanding.extraction.age import AgeRead, read_age
from vrn_assistant.understanding.extraction.askers import (
    asked_by_note,
    read_asker,
)
from vrn_assistant.understanding.extraction.course import read_course
from vrn_assistant.understanding.extraction.cues import AUDIENCE_BEFORE, before
from vrn_assistant.understanding.extraction.family import (
    PARENT_NOUNS,
    askers_child,
    askers_family_affected,
    only_prisoners_families,
    parent_in_prison,
    prisoner_asked_about,
)
from vrn_assistant.understanding.extraction.issues import read_issues, read_offence
from vrn_assistant.understanding.extraction.occupations import read_occupations
from vrn_assistant.understanding.extraction.people import PersonText, is_relative, split_people
from vrn_assistant.understanding.extraction.places import (
    choose_place,
    note_places,
    place_roles,
    place_text,
    prison_names,
    role_places,
)
from vrn_assistant.understanding.extraction.programmes import asked_about
from vrn_assistant.understanding.extraction.requested import (
    Described,
    asked_for,
    noun_gender,
    requests,
)
from vrn_assistant.understanding.extraction.roles import read_gender, read_roles
from vrn_assistant.understanding.extraction.setting import SettingRead, read_setting
from vrn_assistant.understanding.extraction.text import prepare
from vrn_assistant.understanding.extraction.wants import read_wants
from vrn_core.case import Case
from vrn_core.places import Gazetteer, PlaceMatch
from vrn_core.vocabulary import (
    Asker,
    Gender,
    Issue,
    PlaceRole,
    ProgrammeKind,
    Role,
    Setting,
    describe,
)

__all__ = ["Extraction", "PersonReading", "extract"]


@dataclass(frozen=True)
class Extraction:
    """What was read from a question."""

    case: Case
    place: PlaceMatch | None  # the place the case is about (held or treated first)
    places: tuple[PlaceMatch, ...]  # every place found, in order
    asked_about: tuple[str, ...]  # programme ids the question names
    notes: tuple[str, ...]  # plain-English notes of what was read, for the user to check
    asker: Asker | None = None  # who is asking, when not the person in need
    # Each person in need, the one the help is asked for first, else the first-named
    # (its case and place are `case` and `place`); empty for an Extraction built by
    # hand, which is about one person.
    people: tuple[PersonReading, ...] = ()


@dataclass(frozen=True)
class PersonReading:
    """One person in need of a question about several: their own Case and place, a short
    label ("the son", "his mate") and who they are to the first-named ("mate")."""

    label: str
    case: Case
    place: PlaceMatch | None
    relation: str | None = None  # to the first-named person; None for the first
    # The programmes the question names for them: all it names, but those named only in
    # a request for someone else ("can divert see him, and whats there for her?").
    asked_about: tuple[str, ...] = ()


# The roles of someone asking in the course of their work.
_ASKING_AS_WORK = frozenset(
    {Role.practitioner, Role.organisation, Role.researcher, Role.policy_maker}
)
_NO_PROGRAMMES: Mapping[str, Sequence[str]] = MappingProxyType({})


def extract(
    text: str,
    gazetteer: Gazetteer,
    programme_names: Mapping[str, Sequence[str]] = _NO_PROGRAMMES,
) -> Extraction:
    """Read a Case from free text. Never raises on any text; unknown facts stay None/empty.

    A question about several people in need ("my son (15) and his mate (22) were both
    arrested") gives one reading each (`people`), the first-named's as `case`; a request
    for someone ("... in for hitting his wife. who can help her?") puts them first, read
    from their own words, and leaves out the adults not asked for."""
    whole = _read(text, gazetteer, programme_names)
    named = whole.asked_about
    parts = split_people(text)
    if len(parts) == 1:
        people: tuple[PersonReading, ...] = (
            PersonReading(parts[0].label, whole.case, whole.place, asked_about=named),
        )
        readings = [whole]
    else:
        readings = [_read(part.text, gazetteer, programme_names, whole) for part in parts]
        # one whose own words name no place is where the question is ("Preston: my
        # sister's husband ..., and her son is using heroin")
        people = tuple(
            _placed(
                PersonReading(
                    _label(part.label, reading.case),
                    _related(reading.case, readings[0].case, part.relation),
                    reading.place,
                    part.relation,
                    named,
                ),
                whole.place,
            )
            for part, reading in zip(parts, readings, strict=True)
        )
    described = tuple(_described(person) for person in people)
    picks = asked_for(text, described)
    named_for = _named_for(text, described, programme_names, named)
    if picks is not None:
        people, readings = _asked(
            picks, people, readings, gazetteer, programme_names, whole, named_for
        )
    prisoner = _parent_in_prison(text, gazetteer, programme_names, whole)
    if prisoner is None and picks is None and len(parts) == 1:
        alone = _prisoner_alone(text, gazetteer, programme_names, whole)
        if alone is not None:
            return alone
    if prisoner is not None:
        person, reading = prisoner
        person = replace(person, asked_about=named_for(None))
        # First when the request names no one else: the question is about them.
        if picks is None:
            people, readings = (replace(person, relation=None), *people), [reading, *readings]
        else:
            people, readings = (*people, person), [*readings, reading]
    elif picks is None and len(parts) == 1:
        return replace(whole, people=people)
    first = readings[0]
    asked = [f"the help is asked for: {people[0].label}"] if picks is not None else []
    also = [
        f"another person in need: {person.label}"
        + (f", {person.case.age}" if person.case.age else "")
        for person in people[1:]
    ]
    return Extraction(
        case=people[0].case,
        place=people[0].place,
        places=whole.places,
        asked_about=whole.asked_about,
        notes=(*first.notes, *asked, *also),
        asker=whole.asker,
        people=people,
    )


def _described(person: PersonReading) -> Described:
    """What the request may call a person: the word for them ("the mum"), gender, age."""
    noun = person.label.split()[-1]
    said = None if noun in ("person", "first") or noun.endswith("-old") else noun
    gender = None if person.case.gender is None else person.case.gender.value
    return Described(said, gender, person.case.age)


def _asked(
    picks: Sequence[int | PersonText],
    people: Sequence[PersonReading],
    readings: Sequence[Extraction],
    gazetteer: Gazetteer,
    programme_names: Mapping[str, Sequence[str]],
    whole: Extraction,
    named_for: Callable[[int | PersonText | None], tuple[str, ...]],
) -> tuple[tuple[PersonReading, ...], list[Extraction]]:
    """The people the help is asked for, in the request's order; someone only mentioned
    ("his wife") is read from their own text, as a relative of the first-named."""
    chosen: list[PersonReading] = []
    chosen_readings: list[Extraction] = []
    for pick in picks:
        if isinstance(pick, int):
            person, reading = people[pick], readings[pick]
        else:
            reading = _read(pick.text, gazetteer, programme_names, whole)
            case = _related(reading.case, people[0].case, pick.relation)
            case = _kin_of_a_prisoner(case, whole.case, pick.relation)
            person = PersonReading(pick.label, case, reading.place, pick.relation)
        person = replace(_placed(person, whole.place), asked_about=named_for(pick))
        chosen.append(replace(person, relation=None) if not chosen else person)
        chosen_readings.append(reading)
    for index, person in enumerate(people):
        if index not in picks and _child_beside(person.case):
            chosen.append(replace(person, asked_about=named_for(None)))
            chosen_readings.append(readings[index])
    return tuple(chosen), chosen_readings


def _named_for(
    text: str,
    described: tuple[Described, ...],
    programme_names: Mapping[str, Sequence[str]],
    named: tuple[str, ...],
) -> Callable[[int | PersonText | None], tuple[str, ...]]:
    """The programmes the question names for one person (their pick; None for someone the
    request does not name): a programme named only in requests for others is theirs."""
    if not named:
        return lambda pick: ()
    owners: dict[str, set[int | PersonText]] = {}
    outside = text
    for request in requests(text, described):
        for programme_id in asked_about(text[request.start : request.end], programme_names, []):
            owners.setdefault(programme_id, set()).add(request.pick)
        width = request.end - request.start
        outside = outside[: request.start] + " " * width + outside[request.end :]
    elsewhere = set(asked_about(outside, programme_names, []))

    def named_for(pick: int | PersonText | None) -> tuple[str, ...]:
        return tuple(
            programme_id
            for programme_id in named
            if programme_id in elsewhere
            or programme_id not in owners
            or pick in owners[programme_id]
        )

    return named_for


def _parent_in_prison(
    text: str,
    gazetteer: Gazetteer,
    programme_names: Mapping[str, Sequence[str]],
    whole: Extraction,
) -> tuple[PersonReading, Extraction] | None:
    """A relative in prison who wants to be a better parent ("my son is in HMP Preston,
    he wants to be a good dad"), read from their own words as a parent in prison."""
    said = parent_in_prison(text.lower(), prison_names(gazetteer))
    if said is None:
        return None
    words, noun = said
    # "dad" is a parent, whatever else their own words say
    parent = {Role.parent} if noun in PARENT_NOUNS else set()
    label, reading = _in_prison(words, noun, gazetteer, programme_names, whole, parent)
    return PersonReading(label, reading.case, reading.place, noun), reading


def _prisoner_alone(
    text: str,
    gazetteer: Gazetteer,
    programme_names: Mapping[str, Sequence[str]],
    whole: Extraction,
) -> Extraction | None:
    """The asker's relative in prison, when the question asks about them alone ("my son
    is 20 and got banged up in HMP Preston ... is DIVERT for him?"): read from their own
    words as a prisoner, not the asker as a prisoner's family."""
    said = prisoner_asked_about(text.lower(), prison_names(gazetteer))
    if said is None:
        return None
    label, reading = _in_prison(*said, gazetteer, programme_names, whole)
    case = reading.case.model_copy(
        update={
            "roles": reading.case.roles - {Role.prisoner_family},
            "issues": reading.case.issues - {Issue.family_imprisonment},
        }
    )
    notes = (*reading.notes, f"the help is asked for: {label}")
    person = PersonReading(label, case, reading.place, asked_about=whole.asked_about)
    return replace(reading, case=case, notes=notes, asked_about=whole.asked_about, people=(person,))


def _in_prison(
    words: str,
    noun: str,
    gazetteer: Gazetteer,
    programme_names: Mapping[str, Sequence[str]],
    whole: Extraction,
    also: set[Role] | frozenset[Role] = frozenset(),
) -> tuple[str, Extraction]:
    """A relative the question puts in prison, read from their own words ("a man is 20
    and got banged up ..."): a prisoner whatever those words say, with the roles `also`
    known of them; and what to call them ("the son in prison")."""
    reading = _read(words, gazetteer, programme_names, whole)
    case = reading.case
    known = ({Role.prisoner} | set(also)) - case.without_roles
    case = case.model_copy(update={"roles": case.roles | known})
    return f"the {noun} in prison", replace(reading, case=case)


# Relatives who share a family's prison sentence when only they are asked for.
_KIN = frozenset(
    {
        "sister",
        "brother",
        "son",
        "daughter",
        "child",
        "kids",
        "grandson",
        "granddaughter",
        "niece",
        "nephew",
        "sibling",
        "baby",
        "children",
    }
)


def _kin_of_a_prisoner(case: Case, whole: Case, relation: str | None) -> Case:
    """ "my son (19) got sent down ... his little sister is 9, anything for her?": a
    relative asked for in a family with someone in prison is a prisoner's family."""
    if relation not in _KIN or Issue.family_imprisonment not in whole.issues:
        return case
    if case.has_role(Role.prisoner) or case.setting is Setting.prison:
        return case
    return case.model_copy(
        update={
            "roles": case.roles | {Role.prisoner_family},
            "issues": case.issues | {Issue.family_imprisonment},
        }
    )


def _placed(person: PersonReading, place: PlaceMatch | None) -> PersonReading:
    """Someone asked for, with the gender the word for them says ("the mum"). One whose
    own words name no place is where the question is ("Family
    in Blackpool: ... What's there for mum?"), unless that is a custody suite, a prison or
    a hospital: the place of someone held or treated, not theirs."""
    said = noun_gender(person.label.split()[-1])
    if person.case.gender is None and said is not None:
        # "the mum" is a woman, whatever else the words about her say
        person = replace(person, case=person.case.model_copy(update={"gender": Gender(said)}))
    if person.place is not None or place is None or place.place is None or place.place.setting:
        return person
    case = person.case.model_copy(update={"place": place_text(place)})
    return replace(person, case=case, place=place)


def _child_beside(case: Case) -> bool:
    """A child described beside the person asked for stays in need ("help the 6 yr old"
    of two children; a child whose mum is hit): not an adult, nor one arrested or held."""
    young = Role.child in case.roles or (case.age is not None and case.age < 18)
    return young and not case.roles & {Role.suspect, Role.prisoner}


def _related(case: Case, first: Case, relation: str | None) -> Case:
    """A relative of a prisoner ("Father in HMP Preston and his daughter (8)") is a
    prisoner's family, whatever their own words say, affected by the imprisonment."""
    if relation is None or Role.prisoner not in first.roles or not is_relative(relation):
        return case
    return case.model_copy(
        update={
            "roles": case.roles | {Role.prisoner_family},
            "issues": case.issues | {Issue.family_imprisonment},
        }
    )


# Where a person is held or treated: said of the asker's workplace alone, no one's setting.
# (A school or university stays: "DSL at a school in Clitheroe, resources for pupils"
# asks for the school's pupils.)
_HELD_OR_TREATED = frozenset(
    {Setting.police_custody, Setting.prison, Setting.hospital_emergency_department}
)
# Where a person in each setting is, among the places a question names.
_PLACE_OF_SETTING = {
    Setting.police_custody: PlaceRole.held,
    Setting.prison: PlaceRole.held,
    Setting.hospital_emergency_department: PlaceRole.treated,
}
# What someone asks for their own work: training, an event, a resource, a campaign, a
# chance to volunteer; not a service for someone in need.
_FOR_WORK = frozenset(set(ProgrammeKind) - {ProgrammeKind.service})


def _for_own_work(roles: set[Role], age: AgeRead, wants: frozenset[ProgrammeKind]) -> bool:
    """Does the question ask only for the asker's own work ("how do we book the trauma
    informed training?"), naming nobody in need: the asker's work roles alone, no age,
    and something for their work wanted, no service?"""
    return (
        bool(roles)
        and roles <= _ASKING_AS_WORK
        and age.age is None
        and age.span is None
        and bool(wants & _FOR_WORK)
        and ProgrammeKind.service not in wants
    )


def _family_imprisoned(roles: set[Role], setting: SettingRead) -> bool:
    """Does a prison sentence part a family? A prisoner's relative ("her dad's inside")
    is affected by it, and so is a parent in prison, or just out of it ("a dad in HMP
    Preston who wants to stay close to his kids", "a dad of 2 about to be released from
    HMP Garth", "released from HMP Styal, her children were in care")."""
    in_prison = Role.prisoner in roles or Setting.prison in (setting.setting, *setting.left)
    return Role.prisoner_family in roles or (in_prison and Role.parent in roles)


def _label(said: str, case: Case) -> str:
    """The label said, or the person's age when no word for them is said."""
    if said == "the first person" and case.age is not None:
        return f"the {case.age}-year-old"
    return said


_YOUNGEST_PARENT = 13  # a younger person's "dad" or "mum" is someone else
# No one ever in prison ("never been to prison", "no one in the family has been inside");
# not "he's not in prison anymore", whose family a sentence has still touched.
_NEVER_IN_PRISON = re.compile(
    r"\b(?:never|nobody|no\s+one|no-one|noone|none)\b[^.?!]{0,40}?"
    r"\b(?:prison|jail|inside|locked\s+up|banged\s+up)\b"
)
# The asker asking for themselves as someone's relative ("for me as his mum").
_AS_THEIR_RELATIVE = re.compile(
    r"\b(?:for|help|support)\s+(?:me|us)\s+as\s+(?:his|her|their)\s+(?P<relative>mum|mam|mom"
    r"|mother|dad|father|nan|gran|grandma|grandad|sister|brother|wife|partner|girlfriend"
    r"|husband|family|parents)\b"
)
_RELATIVE_GENDER = {
    **dict.fromkeys(("mum", "mam", "mom", "mother", "nan", "gran", "grandma"), Gender.female),
    **dict.fromkeys(("sister", "wife", "girlfriend"), Gender.female),
    **dict.fromkeys(("dad", "father", "grandad", "brother", "husband"), Gender.male),
}
_YOUNGEST_IN_PRISON = 15  # young offender institutions hold 15 to 17 year olds


def _read(
    text: str,
    gazetteer: Gazetteer,
    programme_names: Mapping[str, Sequence[str]],
    part_of: Extraction | None = None,
) -> Extraction:
    """One person's reading of `text`; `part_of`: the whole question's reading, when
    `text` is one person's part of it (who asks is read from the whole)."""
    notes: list[str] = []
    prepared = prepare(text, notes, prison_names(gazetteer))

    age = read_age(prepared, notes)
    occupations = read_occupations(prepared)
    # A practitioner asking about "training on supporting kids with a parent in prison"
    # names the people they work with: the issue, not the person's role.
    at_work = any(role in _ASKING_AS_WORK for _, _, role in occupations)
    family = False
    for phrase, start in zip(prepared.family, prepared.family_starts, strict=True):
        if at_work and before(AUDIENCE_BEFORE, prepared.low, start, 30):
            notes.append(f"'{phrase.strip()}': the people the asker works with")
        else:
            family = True
            notes.append(f"'{phrase.strip()}': family of someone in prison")
    asked_by = read_asker(prepared, age) if part_of is None else part_of.asker
    roles, without_roles = read_roles(prepared, age, family, occupations, asked_by)
    family_said = bool(prepared.family)
    never_in_prison = Role.prisoner in without_roles - roles
    if (
        family_said
        and never_in_prison
        and _NEVER_IN_PRISON.search(prepared.low)
        and only_prisoners_families(prepared.family)
    ):
        # "never been to prison. is the prisoners families stuff for us": the service asked
        # about, not a relative in prison
        family = family_said = False
        roles.discard(Role.prisoner_family)
        notes.append("no one is said to be in prison: not a prisoner's family")
    if age.age is not None and age.age < _YOUNGEST_PARENT:
        # "family support worker - dad ... wants to be a better dad, kids are 4 and 8":
        # the 4-year-old is neither a parent nor the one at work
        roles -= {Role.parent} | _ASKING_AS_WORK
    wants = frozenset(read_wants(prepared))

    if age.first_person and not occupations:
        # "I'm 19 ... can the VRN give me therapy?": the person asking for themselves,
        # not someone asking in the course of their work.
        without_roles |= _ASKING_AS_WORK - roles
    places = tuple(gazetteer.find_in_text(text))
    said_roles = place_roles(places, prepared.plain)
    family_only = family and Role.prisoner not in roles
    place = choose_place(places, gazetteer, family_only, said_roles)
    by_role = role_places(places, said_roles)
    setting_notes: list[str] = []
    setting_read = read_setting(prepared, places, place, roles, setting_notes)
    setting = setting_read.setting
    # "PC at blackpool vic ... suspect we've just booked into blackpool custody": held
    # and treated both said, the setting says which is the person's.
    if setting in _PLACE_OF_SETTING:
        place = choose_place(places, gazetteer, family_only, said_roles, _PLACE_OF_SETTING[setting])
    note_places(place, places, notes)
    for place_role, match in by_role.items():
        if match is not place:
            notes.append(f"{place_role.value}: {match.describe()}")
    if setting in _HELD_OR_TREATED and _for_own_work(roles, age, wants):
        # "ED sister at Royal Preston, can my team go on the How To session?": the asker's
        # workplace, with nobody held or treated there; no setting of a person is said.
        setting = None
    else:
        notes += setting_notes
    if setting is Setting.prison and never_in_prison:
        setting = None  # "no one in our family has ever been in prison"
    issues, without = read_issues(prepared, family_said)
    if setting is Setting.prison and age.age is not None and age.age < _YOUNGEST_IN_PRISON:
        # "writing for my fella at Lancaster Farms ... the kids (three and nine)": a child
        # is no prisoner; the prison is a parent's, and the child is a prisoner's family
        setting = None
        roles = (roles - {Role.prisoner}) | {Role.prisoner_family}
        notes.append(f"a {age.age}-year-old is not held in prison: a prisoner's family")
    gender = read_gender(prepared)
    as_relative = _AS_THEIR_RELATIVE.search(prepared.low)
    if setting is Setting.prison and as_relative is not None:
        # "my sons seventeen and got sent to wetherby YOI, whats out there for me as his
        # mum": the asker, a prisoner's family, is the one asking for help
        setting = None
        roles = (roles - {Role.prisoner, Role.parent}) | {Role.prisoner_family}
        gender = _RELATIVE_GENDER.get(as_relative.group("relative"), gender)
        notes.append(f"'{as_relative.group().strip()}': family of someone in prison")
    if _family_imprisoned(roles, setting_read) or (
        # "im at haverigg, my daughter is 12 ... me being inside": their child is affected
        asked_by is Asker.self
        and setting is Setting.prison
        and (askers_child(prepared.low) or askers_family_affected(prepared.low))
    ):
        issues.add(Issue.family_imprisonment)
    offence = read_offence(prepared, roles, setting, without, notes)
    for issue in sorted(without):
        notes.append(f"{describe(issue)}: known not to be involved")
    for role in sorted(without_roles - roles):
        notes.append(f"not {describe(role)}")
    for denied in sorted(setting_read.denied):
        notes.append(f"not {describe(denied)}")
    course = read_course(prepared, places, Role.student in roles, notes)
    if course is not None:
        roles.add(Role.student)
    case = Case(
        age=age.age,
        age_range=age.span,
        place=place_text(place),
        places={role: name for role, m in by_role.items() if (name := place_text(m))},
        setting=setting,
        without_settings=setting_read.denied,
        roles=frozenset(roles),
        without_roles=frozenset(without_roles - roles),
        issues=frozenset(issues),
        without_issues=frozenset(without),
        offence=offence,
        gender=gender,
        sector=next((sector for _, sector, _ in occupations if sector is not None), None),
        course=course,
        wants=wants,
    )
    named = asked_about(text, programme_names, notes)
    if asked_by is not None:
        notes.append(asked_by_note(asked_by))
    return Extraction(
        case=case,
        place=place,
        places=places,
        asked_about=named,
        notes=tuple(notes),
        asker=asked_by,
    )
