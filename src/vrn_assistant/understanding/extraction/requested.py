"""Who the help is asked for, from the request ("anything for him?", "who can help her?",
"help for the little one", "what's there for mum and for dad?").

`asked_for` reads a person described (people.py), told by the word for them, their age,
or a pronoun that agrees with one of them only; or someone only mentioned ("in for
strangling his wife ... who can help her?"), who is then given a text of their own
(harmed by the first person, when the words say so). Those asked for are the people in
need, in the request's order; when the request says nothing, or only names the first
person, nothing changes. `requests` says which people each request of the question is
for, so that a programme named in a request for someone else is not theirs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import islice

from vrn_assistant.understanding.extraction.lexicon import lexicon
from vrn_assistant.understanding.extraction.numbers import number
from vrn_assistant.understanding.extraction.people import (
    _AGE,
    _HARM_SPAN,
    _OLD,
    PersonText,
    _as_own,
    _group,
    _harm,
    _harm_before,
    _where_with,
    is_relative,
)

__all__ = ["Described", "Request", "asked_for", "noun_gender", "requests"]


@dataclass(frozen=True)
class Described:
    """What was read of one person described, to tell whether the request means them."""

    noun: str | None  # the word for them ("mum", "grandson"); None when none is said
    gender: str | None  # "male", "female"
    age: int | None


# The asker's own age ("im 14"): theirs, not a person they ask about.
_ASKERS_AGE = re.compile(rf"\bi(?:'?m|\s+am)\s+(?:only\s+)?{_AGE}\b[,.]?", re.IGNORECASE)
_AGED = (
    rf"(?P<years>{_AGE}){_OLD}|(?P<months>{_AGE}[\s-]*months?[\s-]*old\b)"
    r"|baby|little|newborn|new|older|younger"
)
_REQUESTS = 4  # requests read in one question, and people asked for, at most
_INFANT = frozenset({"baby", "little", "newborn", "toddler"})


@cache
def _request() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The request ("anything for his partner & baby?") and each person it names."""
    words = lexicon()
    item = (
        rf"(?:(?:his|her|their|my|our|the)\s+)?(?:{words.word('companion')})\b"
        rf"|{words.word('youngest')}|the\s+{_AGE}{_OLD}|\b(?:him|her)\b"
    )
    request = re.compile(
        # "so he can be there for his son" is about being a father, not a request
        rf"(?<!\bbe\s)(?<!\bbeing\s){words.word('asking')}\s+(?:(?:out\s+)?(?:for|to)\s+)?"
        # "for him, her", "for him & her", "for him? and her?"
        rf"(?P<items>(?:{item})(?:\s*(?:,|&|[?.]?\s*and)\s*(?:for\s+)?(?:{item}))*)",
        re.IGNORECASE,
    )
    return request, re.compile(item, re.IGNORECASE)


@cache
def _mention() -> re.Pattern[str]:
    """Someone named as someone's: "his wife", "my mum", "a 2 yr old son"."""
    return re.compile(
        rf"\b(?P<whose>his|her|their|my|our|an?)\s+(?:(?P<aged>{_AGED})\s+)?"
        rf"(?P<noun>{lexicon().word('companion')})\b"
        rf"(?:\s*\(\s*(?P<bracket>{_AGE})\s*\)|\s+who(?:'s|\s+is)\s+(?P<who>{_AGE})\b"
        rf"|,\s*(?P<comma>{_AGE})\b)?",
        re.IGNORECASE,
    )


def asked_for(text: str, described: tuple[Described, ...]) -> tuple[int | PersonText, ...] | None:
    """Who the help is asked for, in the request's order: the index of a person described,
    or the text of someone only mentioned. None when the request says nothing new (no
    request, only the first person, "them", or a pronoun that fits several)."""
    _, _, for_each = _group()
    mentions = list(_mention().finditer(text))
    picks: list[int | PersonText] = []
    for request in _requests(text, described, mentions):
        if request.pick not in picks:
            picks.append(request.pick)
    if not picks:
        return (
            _both_with_mentioned(text, described, mentions)
            or _harmed_near_asker(text, described, mentions)
            or _harmed_by_the_person(text, described, mentions)
        )
    if picks == [0]:
        return None
    if len(picks) == 1 and for_each.search(text) is not None:
        return None  # "both arrested ... anything for him?": for each of them
    return tuple(picks[:_REQUESTS])


@dataclass(frozen=True)
class Request:
    """One request and whom it is for: "can divert see him" (`start`, `end`: its clause,
    from the clause break before it to the request's end)."""

    pick: int | PersonText
    start: int
    end: int


def requests(text: str, described: tuple[Described, ...]) -> tuple[Request, ...]:
    """Each request of the question with the person it names, in order: what a clause
    asks is asked for that person ("can divert see him, and whats there for her?")."""
    return tuple(_requests(text, described, list(_mention().finditer(text))))


_REQUEST_CLAUSE = re.compile(r"[.!?:;,\n]\s*|\b(?:and|but)\s+", re.IGNORECASE)


def _requests(
    text: str, described: tuple[Described, ...], mentions: list[re.Match[str]]
) -> list[Request]:
    request, item = _request()
    found: list[Request] = []
    previous = 0
    for asked in islice(request.finditer(text), _REQUESTS):
        before = [m for m in mentions if m.end() <= asked.start()]
        breaks = [m.end() for m in _REQUEST_CLAUSE.finditer(text, previous, asked.start())]
        start = breaks[-1] if breaks else previous
        for said in item.finditer(text, asked.start("items"), asked.end("items")):
            pick = _pick(text, said, described, before, asked.end())
            if pick is not None:
                found.append(Request(pick, start, asked.end()))
        previous = asked.end()
    return found


def _both_with_mentioned(
    text: str, described: tuple[Described, ...], mentions: list[re.Match[str]]
) -> tuple[int | PersonText, ...] | None:
    """ "bloke 22 in custody for battering his gf ... what is there for both of them?": one
    person described and someone only mentioned as theirs, both asked for."""
    _, _, for_each = _group()
    asked = for_each.search(text)
    if len(described) > 1 or asked is None:
        return None
    theirs = [m for m in mentions if m.end() <= asked.start() and _possessive(m) is not None]
    mentioned = _new(text, theirs[-1:])
    return None if mentioned is None else (0, mentioned)


def _possessive(mention: re.Match[str]) -> str | None:
    """The gender the possessive before someone mentioned says their owner has: "his gf"
    says the person it is told of is male."""
    return {"his": "male", "her": "female"}.get(mention.group("whose").lower())


def _harmed_near_asker(
    text: str, described: tuple[Described, ...], mentions: list[re.Match[str]]
) -> tuple[int | PersonText, ...] | None:
    """ "my dad is screaming he'll kill my mum. im 13": someone the asker says is being
    harmed first, then the asker, who said their own age."""
    if len(described) > 1 or described[0].noun is not None or not _ASKERS_AGE.search(text):
        return None
    for mention in mentions:
        harm = _harm_before().search(text, max(0, mention.start() - _HARM_SPAN), mention.start())
        if harm is not None and not harm.group("by") and mention.group("whose").lower() == "my":
            harmed = _new(text, [mention])
            return None if harmed is None else (harmed, 0)
    return None


# A question about what the one described can have ("what can he be referred to?").
_ASKED_OF_THEM = re.compile(
    r"\b(?:can|could|will|would|should|does|is)\s+(?:he|she)\b|\b(?:for|help|see|support)\s+(?:him|her)\b",
    re.IGNORECASE,
)
# Help turned down by the one harmed.
_DECLINED = re.compile(
    r"\b(?:doesn'?t|does\s+not|don'?t|won'?t|will\s+not|not)\s+(?:want\s+(?:to\s+)?"
    r"(?:press|support|help|engage|report|make|give)|engage|engaging)|\brefus",
    re.IGNORECASE,
)


def _harmed_by_the_person(
    text: str, described: tuple[Described, ...], mentions: list[re.Match[str]]
) -> tuple[int | PersonText, ...] | None:
    """ "seventeen yr old in for assaulting his mum at home, mums shaken up. what can we
    offer": with no request, the one described and the partner or relative they harmed,
    when the question speaks of that person again and does not say they turn help down."""
    if len(described) > 1 or _request()[0].search(text) is not None:
        return None
    if _ASKED_OF_THEM.search(text) or _DECLINED.search(text):
        return None  # "What can he be referred to?"; "mum doesn't want to press charges"
    partner = lexicon().word("partner")
    for mention in mentions:
        noun = mention.group("noun").lower()
        if mention.group("whose").lower() not in ("his", "her", "their"):
            continue  # "my mum": the asker's, not the person's
        if not (is_relative(noun) or re.fullmatch(partner, noun)):
            continue  # "assaulting his mate": not domestic abuse
        harm = _harm_before().search(text, max(0, mention.start() - _HARM_SPAN), mention.start())
        said_again = re.search(
            rf"\b(?:{re.escape(noun)}'?s?|(?:the\s+)?victim)\b",
            text[mention.end() :],
            re.IGNORECASE,
        )
        if harm is not None and not harm.group("by") and said_again:
            harmed = _new(text, [mention])
            return None if harmed is None else (0, harmed)
    return None


def _pick(
    text: str,
    item: re.Match[str],
    described: tuple[Described, ...],
    mentions: list[re.Match[str]],
    end: int,
) -> int | PersonText | None:
    """The person a request names (`item`: "her", "the little one", "his partner"), among
    those described and those mentioned before the request, which ends at `end`."""
    said = item.group().lower()
    words = said.split()
    if re.fullmatch(lexicon().word("youngest"), said) or words[-1] in _INFANT:
        return _youngest(text, described, mentions)
    if said in ("him", "her"):
        return _by_pronoun(text, "male" if said == "him" else "female", described, mentions)
    aged = re.fullmatch(rf"the\s+(?P<age>{_AGE}).*", said)
    if aged is not None:
        age = number(aged.group("age"))
        found = [i for i, d in enumerate(described) if d.age == age]
        return found[0] if found else _new(text, [m for m in mentions if _age(m) == age])
    noun = words[-1]
    found = [i for i, d in enumerate(described) if d.noun == noun]
    if found:
        return found[0]
    same = [m for m in mentions if m.group("noun").lower() == noun]
    if same or words[0] not in ("his", "her", "their"):
        return _new(text, same)
    # "anything for his partner?": named in the request only; the words after it are theirs
    own = _mention().match(text, item.start())
    return _new(text, [own] if own is not None else [], after=end)


def _youngest(
    text: str, described: tuple[Described, ...], mentions: list[re.Match[str]]
) -> int | PersonText | None:
    ages = [(d.age, i) for i, d in enumerate(described) if d.age is not None]
    aged = [(age, m) for m in mentions if (age := _age(m)) is not None]
    youngest = min([age for age, _ in ages + aged], default=None)
    found = [i for age, i in ages if age == youngest]
    return found[0] if found else _new(text, [m for age, m in aged if age == youngest])


def _by_pronoun(
    text: str, gender: str, described: tuple[Described, ...], mentions: list[re.Match[str]]
) -> int | PersonText | None:
    genders = [d.gender or noun_gender(d.noun or "") for d in described]
    asker = _ASKERS_AGE.search(text) is not None and described[0].noun is None
    if asker:
        genders[0] = None  # "im 15 ... can someone help him": not the asker
    found = [i for i, said in enumerate(genders) if said == gender]
    if len(found) > 1:
        return None  # "him" fits more than one
    if found:
        return found[0]
    if genders[0] is None and not asker:
        # "in for punching his gf ... whats there for her?": the possessives say the first
        # person's gender; otherwise "her" is the first person, whose gender is not said
        owners = {_possessive(m) for m in mentions} - {None}
        if owners == {gender}:
            return 0  # "in for punching his gf. can divert see him?"
        if owners != {"male" if gender == "female" else "female"}:
            return None
    partner = lexicon().word("partner")
    return _new(text, [m for m in mentions if noun_gender(m.group("noun")) == gender][-1:]) or _new(
        text, [m for m in mentions if re.fullmatch(partner, m.group("noun").lower())][-1:], gender
    )


def noun_gender(noun: str) -> str | None:
    """The gender a word for someone says: "wife" female, "grandson" male, "partner" none."""
    words = lexicon()
    if re.fullmatch(words.word("male_person"), noun.lower()):
        return "male"
    if re.fullmatch(words.word("female_person"), noun.lower()):
        return "female"
    return None


def _age(mention: re.Match[str]) -> int | None:
    """The age said with someone mentioned; 0 for a baby ("a 5 month old", "baby daughter")."""
    said = next(
        (mention.group(g) for g in ("bracket", "who", "comma", "years") if mention.group(g)),
        None,
    )
    if said is not None:
        return number(said.lower())
    if mention.group("months") or mention.group("noun").lower() in _INFANT:
        return 0
    return 0 if (mention.group("aged") or "").lower() in _INFANT else None


def _new(
    text: str, mentions: list[re.Match[str]], gender: str | None = None, after: int | None = None
) -> PersonText | None:
    """Someone only mentioned, given a text of their own, the words on from where they
    are named (`after`: from there instead) with what was done to them or by them said
    plainly: "a wife, victim of strangling by a family member (domestic abuse), no kids
    in the picture. who can help her? (a woman)"."""
    if not mentions:
        return None
    mention = mentions[0]
    noun = mention.group("noun").lower()
    end = mention.end() if after is None else mention.end("noun")
    own = _as_own(text[mention.start() : end]) + _where_with(text, mention.start())
    own += _harm(text, mention.start(), noun)
    rest = _ASKERS_AGE.sub("", text[end if after is None else after :])
    said = gender or noun_gender(noun)
    if said is not None:
        rest += " (a man)" if said == "male" else " (a woman)"
    whose = mention.group("whose").lower()
    return PersonText(own + rest, f"{'the' if whose in ('a', 'an') else whose} {noun}", noun)
