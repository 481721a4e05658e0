"""The vocabulary of the rules: every enum, and the plain-English words for its values.

Reasons, answers, reports and the app all word a value through `describe` (and
a verdict through `VERDICT_WORDS`, a truth through `TRUTH_MARKS`), so one value
is always said one way.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "STATUS_WORDS",
    "TRUTH_MARKS",
    "TRUTH_WORDS",
    "VERDICT_WORDS",
    "Asker",
    "Gender",
    "Issue",
    "OffenceCategory",
    "PlaceRole",
    "ProgrammeKind",
    "Role",
    "Sector",
    "Setting",
    "Status",
    "Truth",
    "Verdict",
    "WindowStatus",
    "describe",
]


class Setting(StrEnum):
    """Where the person is when the practitioner meets them."""

    police_custody = "police_custody"
    hospital_emergency_department = "hospital_emergency_department"
    prison = "prison"
    school = "school"
    university = "university"
    community = "community"
    home = "home"
    online = "online"


class Role(StrEnum):
    """Who the person (or the asker, for organisations) is in the situation."""

    victim = "victim"
    suspect = "suspect"  # suspect or person arrested
    prisoner = "prisoner"
    parent = "parent"
    child = "child"
    young_person = "young_person"
    prisoner_family = "prisoner_family"  # child, partner or other relative of someone in prison
    practitioner = "practitioner"
    organisation = "organisation"
    student = "student"
    researcher = "researcher"
    policy_maker = "policy_maker"


class Issue(StrEnum):
    """What the situation involves."""

    violence = "violence"
    domestic_abuse = "domestic_abuse"
    drugs = "drugs"
    knives = "knives"
    family_imprisonment = "family_imprisonment"
    trauma = "trauma"
    public_health_approach = "public_health_approach"


class OffenceCategory(StrEnum):
    """The kind of offence, where an arrest or conviction is involved."""

    violent = "violent"
    drugs = "drugs"
    non_violent = "non_violent"


class Gender(StrEnum):
    male = "male"
    female = "female"
    other = "other"


class Sector(StrEnum):
    """The sector a practitioner or organisation works in."""

    policing = "policing"
    health = "health"
    public_health = "public_health"
    education = "education"
    social_care = "social_care"
    housing = "housing"
    justice = "justice"
    voluntary = "voluntary"
    local_government = "local_government"
    academic = "academic"


class ProgrammeKind(StrEnum):
    """What sort of offer a programme is; a case's `wants` name the kinds the asker looks for."""

    service = "service"
    campaign = "campaign"
    training = "training"
    event = "event"
    resource = "resource"
    volunteering = "volunteering"


class PlaceRole(StrEnum):
    """What a place is for the case: a programme's area check says which it uses."""

    held = "held"  # the custody suite or police station holding the person
    treated = "treated"  # the hospital treating them
    lives = "lives"  # where they live
    happened = "happened"  # where the incident was


class Asker(StrEnum):
    """Who is asking, when it is not the person in need: it shapes the referral advice."""

    custody_staff = "custody_staff"  # a custody sergeant, detention officer or custody nurse
    hospital_staff = "hospital_staff"  # an A&E nurse, doctor or other hospital worker
    school_staff = "school_staff"  # a teacher or safeguarding lead
    social_worker = "social_worker"
    idva = "idva"  # an independent domestic violence adviser or other domestic abuse worker
    probation = "probation"
    police = "police"  # a police officer outside custody
    youth_worker = "youth_worker"
    family = "family"  # a parent, partner or other relative
    self = "self"  # the person in need, asking for themselves


class Truth(StrEnum):
    """A criterion's result in three-valued logic."""

    met = "met"
    not_met = "not_met"
    unknown = "unknown"


class Verdict(StrEnum):
    """One programme for one case on one date (see vrn_core.assessment)."""

    eligible = "eligible"
    likely_eligible = "likely_eligible"
    not_available = "not_available"
    not_eligible = "not_eligible"


class WindowStatus(StrEnum):
    """What a catalogue window says; `ended` is derived from its end date."""

    running = "running"
    paused = "paused"
    planned = "planned"


class Status(StrEnum):
    """A programme's state on one date for one case."""

    running = "running"
    # It would be running, but its evidence was last confirmed before the freshness
    # horizon (12 months by default): it may well still run; check before referring.
    not_confirmed = "not_confirmed"
    planned = "planned"
    paused = "paused"
    ended = "ended"
    not_offered = "not_offered"  # no window applies to this case at all


VERDICT_WORDS = {
    Verdict.eligible: "eligible",
    Verdict.likely_eligible: "likely eligible",
    Verdict.not_available: "not available there or then",
    Verdict.not_eligible: "not eligible",
}
STATUS_WORDS = {
    Status.running: "running",
    Status.not_confirmed: "not confirmed recently",  # with its month: "not confirmed since ..."
    Status.planned: "planned",
    Status.paused: "paused",
    Status.ended: "ended",
    Status.not_offered: "not offered here",
}
TRUTH_WORDS = {Truth.met: "met", Truth.not_met: "not met", Truth.unknown: "unknown"}
TRUTH_MARKS = {Truth.met: "✓", Truth.not_met: "✗", Truth.unknown: "?"}  # always beside words

_NAMES: tuple[tuple[StrEnum, str], ...] = (
    (Setting.police_custody, "police custody"),
    (Setting.hospital_emergency_department, "a hospital emergency department"),
    (Setting.prison, "prison"),
    (Setting.school, "a school"),
    (Setting.university, "a university"),
    (Setting.community, "the community"),
    (Setting.home, "home"),
    (Setting.online, "online"),
    (Role.victim, "a victim"),
    (Role.suspect, "a person arrested or suspected of an offence"),
    (Role.prisoner, "a person in prison"),
    (Role.parent, "a parent or carer"),
    (Role.child, "a child"),
    (Role.young_person, "a young person"),
    (Role.prisoner_family, "a child or family member of someone in prison"),
    (Role.practitioner, "a practitioner"),
    (Role.organisation, "an organisation or agency"),
    (Role.student, "a student"),
    (Role.researcher, "a researcher"),
    (Role.policy_maker, "a policy maker"),
    (Issue.violence, "violence"),
    (Issue.domestic_abuse, "domestic abuse"),
    (Issue.drugs, "drug misuse"),
    (Issue.knives, "knives"),
    (Issue.family_imprisonment, "a family member in prison"),
    (Issue.trauma, "trauma and trauma informed practice"),
    (Issue.public_health_approach, "public health approaches to violence"),
    (OffenceCategory.violent, "a violent offence"),
    (OffenceCategory.drugs, "a drugs offence"),
    (OffenceCategory.non_violent, "a non-violent offence"),
    (Gender.male, "male"),
    (Gender.female, "female"),
    (Gender.other, "another gender"),
    (Sector.policing, "policing"),
    (Sector.health, "health"),
    (Sector.public_health, "public health"),
    (Sector.education, "education"),
    (Sector.social_care, "social care"),
    (Sector.housing, "housing"),
    (Sector.justice, "criminal justice"),
    (Sector.voluntary, "the voluntary sector"),
    (Sector.local_government, "local government"),
    (Sector.academic, "research and higher education"),
    (ProgrammeKind.service, "a service"),
    (ProgrammeKind.campaign, "a campaign"),
    (ProgrammeKind.training, "training"),
    (ProgrammeKind.event, "an event"),
    (ProgrammeKind.resource, "a resource"),
    (ProgrammeKind.volunteering, "volunteering"),
    (Asker.custody_staff, "custody staff"),
    (Asker.hospital_staff, "hospital staff"),
    (Asker.school_staff, "school staff"),
    (Asker.social_worker, "a social worker"),
    (Asker.idva, "a domestic abuse adviser"),
    (Asker.probation, "probation"),
    (Asker.police, "a police officer"),
    (Asker.youth_worker, "a youth worker"),
    (Asker.family, "a family member"),
    (Asker.self, "the person themselves"),
)


# By enum, then value: values of different enums may be equal strings (Issue.drugs and
# OffenceCategory.drugs are both "drugs"), so one flat dict would word one like the other.
_BY_ENUM: dict[type, dict[str, str]] = {}
for _value, _words in _NAMES:
    _BY_ENUM.setdefault(type(_value), {})[_value.value] = _words


def describe(value: StrEnum) -> str:
    """'police_custody' -> 'police custody'.

    >>> describe(Issue.drugs), describe(OffenceCategory.drugs)
    ('drug misuse', 'a drugs offence')
    """
    words = _BY_ENUM.get(type(value))
    found = words.get(value.value) if words is not None else None
    return found if found is not None else value.value.replace("_", " ")
