"""Roles and gender: who the subject of the question is.

The subject, not everyone named: "whose father is in prison" makes a prisoner's
child (the phrase is blanked from `Prepared.rest`), "her boyfriend" says nothing
about the subject's gender, "for young people" names an audience.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from vrn_assistant.understanding.extraction.age import AGE_CODED, NUMBER_WORD
from vrn_assistant.understanding.extraction.cues import (
    AUDIENCE_BEFORE,
    OTHERS_BEFORE,
    RELEASED_BEFORE,
    before,
    hits,
    starts,
)
from vrn_assistant.understanding.extraction.occupations import Occupation
from vrn_assistant.understanding.extraction.text import Prepared
from vrn_core.vocabulary import Gender, Role

__all__ = ["read_gender", "read_roles"]

# --- Roles --------------------------------------------------------------------------

_SUSPECT = re.compile(
    r"\barrest(?:ed|s)?\b(?!\s+referral)|\bdetained\b(?!\s+under)|\bcharged\s+(?:with|for)\b"
    r"|\bsuspect(?:s|ed)?\b(?<!\bi\ssuspect)(?<!\bwe\ssuspect)|\boffend(?:er|ers|ing|s)?\b|\bre-?offend\w*"
    r"|\bperpetrators?\b|\baccused\b|\b(?:held|kept)\s+(?:in|at|for)\b|\bon\s+bail\b|\bbailed\b"
    r"|\breleased\s+under\s+investigation\b|\bcautioned\b|\bconvicted\b"
    r"|\bin\s+(?:[\w-]+\s+){0,2}?custody\b"
    r"|\bcommitted\s+(?:an?\s+)?(?:offence|crime|assault|robbery)"
)
_VICTIM = re.compile(
    r"\bvictims?\b(?!\s+support|'s)|\bsurvivors?\b"
    r"|\b(?:was|been|being|got|is|were)\s+(?:\w+\s+)?(?:assaulted|attacked|abused|raped|stabbed"
    r"|beaten|hit|punched|mugged|robbed|threatened|groomed|exploited|bullied|harassed|stalked"
    r"|glassed|strangled|controlled|coerced)\b"
    r"|\b(?:assaulted|attacked|abused|beaten|hit|hurt|stabbed|raped|strangled|threatened|robbed"
    r"|mugged|glassed|exploited|groomed|controlled)\s+by\b"
    r"|\b(?:controlling|abusive|coercive|violent)\s+(?:relationship|partner|husband|wife"
    r"|boyfriend|girlfriend|ex)\b|\bcoercive\s+control\b"
    r"|\b(?:experiencing|suffering|fleeing|escaping|survived|living\s+with)\s+(?:domestic\s+)?"
    r"(?:abuse|violence)\b"
    r"|(?:\b(?:my|his|her|their)|'s)\s+(?:partner|boyfriend|girlfriend|husband|wife"
    r"|ex(?:[\s-]partner)?)\s+(?:\w+\s+)?(?:hits|beats|abuses|controls|assaults|attacks"
    r"|stalks|harasses|follows|strangles|threatens|hurts|is\s+(?:violent|abusive|controlling))\b"
    r"|\bsubject\s+to\s+(?:domestic\s+)?(?:abuse|violence)"
)
# "the victim" beside an arrest is someone else.
_OTHER_VICTIM_BEFORE = re.compile(r"\b(?:the|his|her|their|a)\s+$")
_PRISONER = re.compile(
    # "at HMP Preston" alone may be a programme's site; "in prison" is a person's
    r"\b(?:in|into|to)\s+(?:prison|jail|gaol|hmp|hmyoi|yoi)\b|\bprisoners?\b|\binmates?\b"
    r"|\bprison\s+(?:dads?|fathers?|mums?|mothers?|parents?)\b"
    r"|\bserving\s+(?:a\s+|an\s+|his\s+|her\s+|their\s+)?(?:\w+\s+){0,2}?(?:sentence|time)\b"
    r"|\blocked\s+up\b|\bbehind\s+bars\b|\bjailed\b|\bimprisoned\b|\bincarcerated\b"
    r"|\bon\s+remand\b|\bremanded\b|\bdoing\s+time\b|\bsent\s+down\b|\bcustodial\s+sentence\b"
    r"|\blifers?\b"
    r"|\b(?:is|been|was|'s|while|whilst|time|years|months|spent|currently|still)\s+inside\b"
    r"(?!\s+(?:the|a|an|my|his|her|their|our|it|of|out|and)\b)"
)
_PARENT = re.compile(
    r"\b(?:dad|dads|daddy|father|fathers|mum|mums|mummy|mom|mother|mothers|parent|parents"
    r"|step[\s-]?(?:dad|mum|father|mother|parent)s?|grandparents?|grandma|grandad|granddad"
    r"|grandmother|grandfather|guardian|carer)\b(?!\s+of\s+(?:the|a|an)\s+(?:victim|suspect))"
    r"(?<!young\scarer)"
)
_HAS_CHILD = re.compile(
    r"\b(?:my|our|his|her|their)\s+(?:[\w-]+\s+){0,4}?(?:sons?|daughters?|child|children|kids?"
    r"|bab(?:y|ies)|toddlers?|teenagers?|twins|stepsons?|stepdaughters?)\b"
    r"|\b(?:mum|mother|dad|father|parent)[\s-]+of[\s-]+(?:one|two|three|four|five|\d)\b"
    rf"|\b(?:my|our)\s+(?:{NUMBER_WORD})[\s-]*(?:years?|yrs?)[\s-]*old\b"
    r"|\b(?:my|our)\s+\d{1,2}[\s-]*(?:years?|yrs?|yo)(?:[\s-]*old)?\b"
)
_CHILD = re.compile(
    r"\b(?:child|children|kid|kids|girl|girls|boy|boys|toddlers?|baby|infant|pupils?"
    r"|schoolboy|schoolgirl|little\s+one)\b(?!['’]s|s')"
    r"|\b(?:my|a|the|our)\s+(?:[\w-]+\s+){0,4}?(?:son|daughter)\b"
)
_YOUNG = re.compile(
    r"\b(?:teen|teens|teenager|teenagers|teenage|adolescents?|lads?|lass|youths?|juveniles?"
    r"|young\s+(?:person|people|man|men|woman|women|adults?|lad|lass|offenders?|mum|dad"
    r"|father|mother|parent|girl|boy))\b"
    r"(?!\s+(?:workers?|work|services?|club|justice|offending|team|organisations?))"
)
_STUDENT = re.compile(
    r"\bstudents?\b|\bstudying\b|\bi\s+study\b|\bundergrad(?:uate)?s?\b|\bpostgrad(?:uate)?s?\b"
    r"|\bi'?m\s+on\s+(?:the|a|an)\s+(?:[\w&-]+\s+){0,5}?(?:course|degree|programme)\b"
    r"|\b(?:my|doing\s+a|studying\s+for\s+a)\s+(?:[\w-]+\s+){0,3}?degree\b|\bfreshers?\b"
    r"|\bdissertation\b"
)
_RESEARCHER = re.compile(
    r"\bresearchers?\b|\bacademics?\b|\bphd\b|\blecturers?\b|\bprofessors?\b"
    r"|\b(?:my|our|doing|conducting|carrying\s+out)\s+(?:\w+\s+)?research\b|\bresearching\b"
)
_POLICY = re.compile(
    r"\bpolicy[\s-]?makers?\b|\bpolicymakers?\b|\bcommissioners?\b|\bpccs?\b|\bcouncillors?\b"
    r"|\bpolicy\s+(?:officers?|leads?|advis[eo]rs?|team)\b|\bcommissioning\b"
)
_ORGANISATION = re.compile(
    r"\bour\s+(?:[\w-]+\s+){0,2}?(?:association|charity|organi[sz]ation|agency|council|service"
    r"|school|trust|company|business|club|group|academy|college|practice|surgery|partnership"
    r"|department|network|provider)\b"
    r"|\b(?:we'?re|we\s+are)\s+an?\s+(?:[\w-]+\s+){0,3}?(?:charity|organi[sz]ation|agency"
    r"|association|provider|service|group|club|trust|cic|business|company|school|council"
    r"|partnership)\b"
    r"|\bagency\b|\bagencies\b|\bpartner\s+organi[sz]ations?\b|\bhousing\s+associations?\b"
)

_PRISON_NOT_PRISONER_AFTER = re.compile(
    r"\s*(?:staff|officers?|service|governors?|chaplains?|workers?|visits?|visiting|visitors?"
    r"|leavers?|healthcare|nurses?|education|teachers?|estate|system|reform)\b"
)
_WORKER_BEFORE = re.compile(
    r"\b(?:work(?:s|ed|ing)?|based|staff|employed|volunteer(?:s|ing)?|visit(?:s|ed|ing)?"
    r"|officers?|nurse)\s+(?:in|at|on)\s+(?:a\s+|the\s+)?(?:[\w-]+\s+)?$"
    r"|\b(?:work(?:s|ed|ing)?|based|employed|staff|officers?|nurses?|teachers?|volunteers?)\s+$"
)


def read_roles(
    text: Prepared, age: int | None, family: bool, occupations: Sequence[Occupation]
) -> set[Role]:
    """Who the subject is (suspect, victim, prisoner, parent, child...), and the roles the
    asker's occupations give."""
    rest = text.rest
    roles: set[Role] = set()
    if family:
        roles.add(Role.prisoner_family)
    suspect = [m for m in hits(_SUSPECT, rest) if not before(_WORKER_BEFORE, rest, m.start())]
    if suspect:
        roles.add(Role.suspect)
    for match in hits(_VICTIM, rest):
        if suspect and before(_OTHER_VICTIM_BEFORE, rest, match.start(), 8):
            continue
        roles.add(Role.victim)
        break
    for match in hits(_PRISONER, rest):
        start, end = match.start(), match.end()
        if (
            before(RELEASED_BEFORE, rest, start, 30)
            or before(_WORKER_BEFORE, rest, start)
            or _PRISON_NOT_PRISONER_AFTER.match(rest, end)
        ):
            continue
        roles.add(Role.prisoner)
        break
    if any(
        not before(OTHERS_BEFORE, rest, m.start(), 30)
        and not before(AUDIENCE_BEFORE, rest, m.start(), 30)
        for m in hits(_PARENT, rest)
    ) or hits(_HAS_CHILD, rest):
        roles.add(Role.parent)
    if any(
        not before(OTHERS_BEFORE, rest, m.start(), 30)
        and not before(AUDIENCE_BEFORE, rest, m.start(), 30)
        for m in hits(_CHILD, rest)
    ) or (age is not None and age < 18):
        roles.add(Role.child)
    if any(not before(AUDIENCE_BEFORE, rest, m.start(), 30) for m in hits(_YOUNG, rest)) or (
        age is not None and 13 <= age < 18
    ):
        roles.add(Role.young_person)
    if hits(_STUDENT, rest):
        roles.add(Role.student)
    if hits(_RESEARCHER, rest):
        roles.add(Role.researcher)
    if hits(_POLICY, rest):
        roles.add(Role.policy_maker)
    if hits(_ORGANISATION, rest):
        roles.add(Role.organisation)
    roles.update(role for _, _, role in occupations)
    return roles


# --- Gender -------------------------------------------------------------------------

_MALE = re.compile(
    r"\b(?:man|lad|boy|son|dad|daddy|father|male|gentleman|mr|stepson|stepdad|grandson|brother)\b"
)
_FEMALE = re.compile(
    r"\b(?:woman|lady|lass|girl|daughter|mum|mummy|mom|mother|female|mrs|ms|miss|stepdaughter"
    r"|stepmum|granddaughter|sister)\b"
)
# "her boyfriend", "his kids": the possessive is the subject's.
_RELATION = (
    r"\s+(?:partner|boyfriend|girlfriend|husband|wife|ex|ex-partner|son|daughter|kids|children"
    r"|child|baby)\b"
)
_HIS_RELATION = re.compile(rf"\bhis{_RELATION}")
_HER_RELATION = re.compile(rf"\bher{_RELATION}")
_HE = re.compile(r"\b(?:he|him|his|himself)\b")
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b")


def read_gender(text: Prepared) -> Gender | None:
    """The subject's gender, when the question says one and only one."""
    rest = text.rest

    def strong(pattern: re.Pattern[str]) -> bool:
        return any(not before(OTHERS_BEFORE, rest, m.start(), 30) for m in starts(pattern, rest))

    coded = {match.group(2) for match in AGE_CODED.finditer(text.original)}
    male = strong(_MALE) or "M" in coded or bool(starts(_HIS_RELATION, rest))
    female = strong(_FEMALE) or "F" in coded or bool(starts(_HER_RELATION, rest))
    if male != female:
        return Gender.male if male else Gender.female
    if male:
        return None  # both: the question is about more than one person
    he, she = bool(starts(_HE, rest)), bool(starts(_SHE, rest))
    if he != she:
        return Gender.male if he else Gender.female
    return None
