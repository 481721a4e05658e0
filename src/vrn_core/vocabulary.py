"""Plain-English names for the case vocabulary, used in every reason we print."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from vrn_core.case import Gender, Issue, OffenceCategory, Role, Sector, Setting, Want

__all__ = ["describe", "describe_any", "possessive"]

_NAMES: dict[StrEnum, str] = {
    Setting.police_custody: "police custody",
    Setting.hospital_emergency_department: "a hospital emergency department",
    Setting.prison: "prison",
    Setting.school: "a school",
    Setting.university: "a university",
    Setting.community: "the community",
    Setting.home: "home",
    Setting.online: "online",
    Role.victim: "a victim",
    Role.suspect: "a person arrested or suspected of an offence",
    Role.prisoner: "a person in prison",
    Role.parent: "a parent or carer",
    Role.child: "a child",
    Role.young_person: "a young person",
    Role.prisoner_family: "a child or family member of someone in prison",
    Role.practitioner: "a practitioner",
    Role.organisation: "an organisation or agency",
    Role.student: "a student",
    Role.researcher: "a researcher",
    Role.policy_maker: "a policy maker",
    Issue.violence: "violence",
    Issue.domestic_abuse: "domestic abuse",
    Issue.drugs: "drug misuse",
    Issue.knives: "knives",
    Issue.family_imprisonment: "a family member in prison",
    Issue.trauma: "trauma and trauma informed practice",
    Issue.public_health_approach: "public health approaches to violence",
    OffenceCategory.violent: "a violent offence",
    OffenceCategory.drugs: "a drugs offence",
    OffenceCategory.non_violent: "a non-violent offence",
    Gender.male: "male",
    Gender.female: "female",
    Gender.other: "another gender",
    Sector.policing: "policing",
    Sector.health: "health",
    Sector.public_health: "public health",
    Sector.education: "education",
    Sector.social_care: "social care",
    Sector.housing: "housing",
    Sector.justice: "criminal justice",
    Sector.voluntary: "the voluntary sector",
    Sector.local_government: "local government",
    Sector.academic: "research and higher education",
    Want.service: "a service",
    Want.campaign: "a campaign",
    Want.training: "training",
    Want.event: "an event",
    Want.resource: "a resource",
    Want.volunteering: "volunteering",
}


def describe(value: StrEnum) -> str:
    """'police_custody' -> 'police custody'."""
    return _NAMES.get(value, value.value.replace("_", " "))


def describe_any(values: Iterable[StrEnum]) -> str:
    """['a', 'b', 'c'] -> 'a, b or c'."""
    names = [describe(value) for value in values]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " or " + names[-1]


def possessive(name: str) -> str:
    """"DIVERT" -> "DIVERT's"; "Support for prisoners' families" stays readable."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"
