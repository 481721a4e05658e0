"""Roles and gender: who the subject of the question is.

The subject, not everyone named: "whose father is in prison" makes a prisoner's
child (the phrase is blanked from `Prepared.rest`), "her boyfriend" says nothing
about the subject's gender, "for young people" names an audience.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from vrn_assistant.understanding.extraction.age import AGE_CODED, AgeRead
from vrn_assistant.understanding.extraction.askers import asks_at_work
from vrn_assistant.understanding.extraction.cues import (
    Situation,
    allowed,
    negated,
    of_a_relative,
    of_the_partner,
    starts,
    the_one_who_did_it_arrested,
)
from vrn_assistant.understanding.extraction.family import askers_child
from vrn_assistant.understanding.extraction.lexicon import Cue, lexicon
from vrn_assistant.understanding.extraction.numbers import NUMBER_WORD
from vrn_assistant.understanding.extraction.occupations import Occupation
from vrn_assistant.understanding.extraction.setting import of_the_prisoner, police_custody_said
from vrn_assistant.understanding.extraction.text import Prepared
from vrn_core.vocabulary import Asker, Gender, Role

__all__ = ["YOUNG", "read_gender", "read_roles", "roles_at_age"]

# The ages of a young person, as the VRN's programmes use the words: the knife crime
# campaign's "young people aged 13-22", DIVERT's 18 to 25 year olds.
YOUNG = (13, 25)

# --- Roles --------------------------------------------------------------------------


def roles_at_age(roles: set[Role], low: int, high: int) -> set[Role]:
    """The roles with what an age between `low` and `high` says: a child under 18, not one
    from 18 ("my son", "a 19 year old girl"), a young person from 13 to 25."""
    roles = set(roles)
    if low >= 18:
        roles.discard(Role.child)
    elif high < 18:
        roles.add(Role.child)
    if YOUNG[0] <= low and high <= YOUNG[1]:
        roles.add(Role.young_person)
    return roles


def read_roles(
    text: Prepared,
    age: AgeRead,
    family: bool,
    occupations: Sequence[Occupation],
    asked_by: Asker | None = None,
) -> tuple[set[Role], set[Role]]:
    """Who the subject is (suspect, victim, prisoner, parent, child...), and the roles the
    asker's occupations give; and the roles known NOT to hold ("hasn't got any kids",
    "has not been arrested"). The words are in the lexicon (roles.yaml), each with the
    readings of the words around it that cancel it (`unless`). `asked_by`: who asks, as
    read from the whole question ("Primary school in Morecambe, our kids ...": at work)."""
    rest = text.rest
    roles: set[Role] = set()
    without: set[Role] = set()
    if family:
        roles.add(Role.prisoner_family)
    custody = police_custody_said(text)
    practitioner = asks_at_work(asked_by) or any(
        role is Role.practitioner for _, _, role in occupations
    )
    denied = _denied(rest)
    # The suspect first: beside an arrest, "the victim" is someone else.
    suspect_said: list[int] = []
    for (role, says, when_negated), cue in _suspect_first():
        suspect = Role.suspect in roles
        situation = Situation(suspect, custody, practitioner, asked_by)
        for match in starts(cue, rest):
            if not allowed(cue.entry(match), rest, match.start(), situation):
                continue
            if says != "absent" and _inside(match.start(), denied.get(role, ())):
                continue  # "nobody got arrested": the arrest is the denial's own word
            if says == "absent":
                without.add(role)
            elif negated(rest, match.start()):
                if when_negated == "absent":
                    without.add(role)
            elif role in _HELD and of_a_relative(rest, match.start()):
                # "12 yo boy, dad in HMP Liverpool", "man of 30, his wife is a prisoner";
                # "man of 40, dad is in prison" is said bare of an adult: whose dad?
                if role is Role.prisoner and (not _adult(age) or _possessed(rest, match.start())):
                    roles.add(Role.prisoner_family)
            elif role is Role.prisoner and of_the_prisoner(text, match.start()):
                continue  # "whose brother was remanded | to HMP Preston"
            elif role is Role.parent and _someone_elses_parent(rest, match, age):
                continue
            else:
                roles.add(role)
                if role is Role.suspect:
                    suspect_said.append(match.start())
    if _a_da_workers_client(text, asked_by):
        roles.add(Role.victim)  # "IDVA, Blackburn. Client aged 28, partner just charged"
    if Role.victim in roles and all(of_the_partner(rest, at) for at in suspect_said):
        roles.discard(Role.suspect)  # "her partner beat her, he's in the cells"
    if Role.suspect not in roles and the_one_who_did_it_arrested(rest):
        without.add(Role.suspect)  # "the lad who did it got arrested": not her
    if custody and not roles & {Role.victim, Role.prisoner}:
        # held in police custody: "lad 19 in Preston cells"; a prisoner's cell is prison's
        roles.add(Role.suspect)
    low, high = _age_bounds(age)
    if low is not None and high is not None:
        roles = roles_at_age(roles, low, high)
    roles.update(role for _, _, role in occupations)
    return roles, without - roles


def _denied(rest: str) -> dict[Role, list[tuple[int, int]]]:
    """Where each role is said not to hold ("no one was arrested", "nobody hurts me")."""
    spans: dict[Role, list[tuple[int, int]]] = {}
    for (role, says, _), cue in lexicon().roles:
        if says == "absent":
            spans.setdefault(role, []).extend(m.span() for m in starts(cue, rest))
    return spans


def _inside(start: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(low <= start < high for low, high in spans)


def _adult(age: AgeRead) -> bool:
    low, _ = _age_bounds(age)
    return low is not None and low >= 18


@cache
def _possessive_relative() -> re.Pattern[str]:
    words = lexicon()
    person = rf"(?:{words.word('relative')}|{words.word('partner')})"
    return re.compile(rf"\b(?:my|his|her|their|our|your|whose|\w+'s)\s+(?:[\w-]+\s+)?{person}\b")


def _possessed(text: str, start: int) -> bool:
    """Is a relative named with whose they are ("his dad") in the 70 characters before
    `start`?"""
    return _possessive_relative().search(text, max(0, start - 70), start) is not None


_HELD = frozenset({Role.prisoner, Role.suspect})
_CLIENT = re.compile(r"\b(?:client|she|he|victim|woman|man)\b")


def _a_da_workers_client(text: Prepared, asked_by: Asker | None) -> bool:
    """Does a domestic abuse worker ask about someone ("IDVA. client 22, ...")? Their
    client is a victim of domestic abuse."""
    return asked_by is Asker.idva and _CLIENT.search(text.rest) is not None


_CLAUSE_OPENS = re.compile(r"(?:[.,;:!?()]|\s[-–—]\s|\b(?:and|but|so)\s)\s*(?:step[\s-]*)?$")
# What a parent named apart does: "mum says he's using", "dad is in prison".
_PARENT_DOES = re.compile(r"\w*(?:'s|\s+(?:says|said|rang|told|thinks|wants|is|was|has))\b")


def _someone_elses_parent(rest: str, match: re.Match[str], age: AgeRead) -> bool:
    """A parent named in a clause of their own, after the person: the person's parent
    ("15 yo boy, dad is in prison"; "18 yr old at Preston custody, mum says he's using"),
    not the person a parent."""
    if " of " in match.group() or rest.startswith((" of ", " to "), match.end()):
        return False  # "15, mum of a baby", "dad to two": a parent
    if _CLAUSE_OPENS.search(rest, max(0, match.start() - 12), match.start()) is None:
        return False
    _, high = _age_bounds(age)
    return (high is not None and high < 18) or _PARENT_DOES.match(rest, match.end()) is not None


@cache
def _suspect_first() -> tuple[tuple[tuple[Role, str, str], Cue], ...]:
    return tuple(sorted(lexicon().roles, key=lambda item: item[0][0] is not Role.suspect))


def _age_bounds(age: AgeRead) -> tuple[int | None, int | None]:
    if age.age is not None:
        return age.age, age.age
    if age.span is not None:
        return age.span.min, age.span.max
    return None, None


# --- Gender -------------------------------------------------------------------------


@cache
def _relations() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "his kids", "her boyfriend": the possessive is the subject's."""
    words = lexicon()
    relation = rf"\s+(?:{words.word('partner')}|{words.word('offspring')})"
    return re.compile(rf"\bhis{relation}"), re.compile(rf"\bher{relation}")


_HE = re.compile(r"\b(?:he|him|his|himself)\b")
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b")


# "I'm his dad", "I'm her IDVA": the asker says whose side they are on.
_ASKER_OF = re.compile(r"\b(?:i'?m|i\s+am|we'?re|we\s+are)\s+(his|her)\b")
_MALE_CHILD = re.compile(r"\b(?:son|grandson|lad|boy|stepson|nephew)\b")
_FEMALE_CHILD = re.compile(r"\b(?:daughter|granddaughter|girl|stepdaughter|niece)\b")


def read_gender(text: Prepared) -> Gender | None:
    """The subject's gender, when the question says one and only one. The asker's own
    words for themselves are not the subject's: "I'm his dad" says he is male; a mum
    asking about "my 16 yr old" says nothing of the child by being a mum."""
    rest = text.rest
    asker_of = _ASKER_OF.search(rest)
    if asker_of is not None:
        return Gender.male if asker_of.group(1) == "his" else Gender.female
    child = askers_child(rest)
    if child is not None:
        boy, girl = (
            bool(_MALE_CHILD.search(child.group())),
            bool(_FEMALE_CHILD.search(child.group())),
        )
        if boy != girl:
            return Gender.male if boy else Gender.female
        return _pronoun(rest[child.end() :])
    said_of: dict[Gender, bool] = {Gender.male: False, Gender.female: False}
    for gender, cue in lexicon().genders:
        if any(allowed(cue.entry(m), rest, m.start()) for m in starts(cue, rest)):
            said_of[gender] = True
    coded = {match.group(2) for match in AGE_CODED.finditer(text.original)}
    his, her = _relations()
    male = said_of[Gender.male] or "M" in coded or bool(starts(his, rest))
    female = said_of[Gender.female] or "F" in coded or bool(starts(her, rest))
    if male != female:
        return Gender.male if male else Gender.female
    if male:
        return None  # both: the question is about more than one person
    partner = _my_partner().search(rest)
    if partner is not None and not _DESCRIBED.match(rest, partner.end()):
        # "my ex ... he's moved away": the pronouns are the partner's, not the asker's
        # own; "my gf is 22, she's in custody" describes the partner, whom they are about.
        return None
    if _HURT_ME.search(rest):
        return None  # "im 27, he pushed me down the stairs": the pronoun is the attacker's
    return _pronoun(rest)


# The writer hurt by "he" or "she": "he pushed me", "she's just hit me", "he threw me".
_HURT_ME = re.compile(
    r"\b(?:he|she)(?:'s|s)?\s+(?:(?:has|had|just|then|also)\s+){0,2}(?:hit|hits|punched|pushed"
    r"|kicked|slapped|shoved|threw|grabbed|strangled|choked|battered|beat|attacked|hurt"
    r"|stabbed|headbutted|bit|assaulted|smacked|strangles|chokes)\s+me\b"
)


# Right after "my <partner>": their age, said as the one the question is about.
_DESCRIBED = re.compile(rf"\s*(?:is|'s|,|\()\s*(?:aged\s+)?(?:\d{{1,2}}|{NUMBER_WORD})\b")


def _pronoun(rest: str) -> Gender | None:
    he, she = bool(starts(_HE, rest)), bool(starts(_SHE, rest))
    if he != she:
        return Gender.male if he else Gender.female
    return None


@cache
def _my_partner() -> re.Pattern[str]:
    return re.compile(rf"\bmy\s+(?:[\w-]+\s+)?{lexicon().word('partner')}")
