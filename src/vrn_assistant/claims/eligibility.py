"""Reading one statement for who a programme is for: "supports young people who have
been held in police custody, or who are at risk of getting involved in crime",
"also works with victims", "only for students".

The people it names are mapped onto the values the catalogue's role and setting
criteria use ("setting:police_custody", "role:victim"); who else it names in words
no such value holds ("at risk of getting involved in crime") is kept as words.
Pure functions over text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Eligibility", "eligibility"]

_VERB = re.compile(
    r"\b(?:who is it for\?\**|(?:only )?for|works?(?: inside [\w ]{3,30}?)? with|working with|"
    r"supports?|supporting|helps?|helping|(?:is |are )?open to|(?:is |are )?aimed at|takes|"
    r"accepts|(?:is |are )?offered to|(?:is |are )?available to|"
    # who it lets take part, and who it is there for: "lets students on the degree
    # volunteer", "so that a victim ... can get help"
    r"lets|allows|enables|so that(?: more| any| every)?)\s+",
    re.IGNORECASE,
)
_PEOPLE = re.compile(
    r"[*_]*(?:the |all |any |those |an? )?(?:[\w'’-]+ ){0,3}?(?:people|persons?|adults?|"
    r"child(?:ren)?|year[- ]olds|youngsters|teenagers|teens|men|women|boys|girls|victims?|"
    r"survivors?|"
    r"famil(?:y|ies)|parents?|carers?|students?|pupils|patients?|prisoners?|professionals|"
    r"practitioners|staff|workers|teachers|officers|organisations|offenders?|individuals|"
    r"residents|anyone|someone|those)\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"[^.;]{0,40}?\bwho\b")  # "Young people aged 10 to 25 who ..."
# "for" after these says what a thing is for, not who a programme works with.
_NOT_WHO = re.compile(
    r"\b(?:book|books|resource|story|information|guidance|leaflet|news|page|podcast|funding|"
    r"money|grants?)[,\s]+$",
    re.IGNORECASE,
)
_HEADING = 40  # a shorter line that ends without a stop is a heading ("Information for ...")
_ONLY = re.compile(r"(?<!not )\bonly\b", re.IGNORECASE)  # "not only for" widens
_FUTURE = re.compile(r"\b(?:would like to|plans? to|hope to|in future|will be)\b", re.IGNORECASE)
# "Online Mentoring was for 10-16 year olds": who a closed programme took is no claim now.
_PAST = re.compile(r"\b(?:was|were|used to be)\s+(?:only\s+)?$", re.IGNORECASE)
_END = re.compile(r"[.;:!?]\s|\s(?:by|through|with the aim|so that|to help)\s|[.;:!?]?$")
# People a statement names, as criteria values, with the words the answer says them in.
_TERMS: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), term, words)
    for pattern, term, words in (
        (
            r"\b(?:held|detained|kept)\s+in\s+(?:police\s+)?custody\b|\bin police custody\b|"
            r"\bin custody suites?\b|\bwho have been detained\b|\bin the (?:police )?cells\b|"
            r"\bdetained (?:for|after|on suspicion of)\b",
            "setting:police_custody",
            "held in police custody",
        ),
        (
            r"\b(?:attend(?:s|ed|ing)?|at|in|arrive at|come to|came to|turn(?:s|ed)? up at)\s+(?:A&E|"
            r"an? emergency department|the emergency department)\b|"
            # "young people who have come to hospital because of violence": as patients
            r"\b(?:come|comes|came|coming|brought|taken|admitted|go|went)\s+(?:in\s+)?to\s+"
            r"(?:an?\s+|the\s+)?hospital\b|\bend(?:s|ed)? up (?:in|at) (?:A&E|hospital)\b",
            "setting:hospital_emergency_department",
            "at an emergency department",
        ),
        (
            r"\b(?:with an?|whose) (?:parent|mum|dad|mother|father)s? (?:is |are )?in prison\b|"
            r"\bprisoners'? famil(?:y|ies)\b|\bfamil(?:y|ies) of prisoners\b",
            "role:prisoner_family",
            "prisoners' families",
        ),
        (r"\bin prison\b", "setting:prison", "in prison"),
        (
            r"\b(?:been\s+)?arrested\s+(?:for|after|on suspicion of)\b|\bsuspected of\b",
            "role:suspect",
            "arrested or suspected of an offence",
        ),
        (
            r"\bvictims?\b|\bsurvivors?\b|\b(?:experienced|suffered|suffering)\s+"
            r"(?:domestic\s+)?(?:abuse|violence)\b|\bhurt in an? (?:assault|attack)\b",
            "role:victim",
            "victims",
        ),
        (r"\bparents?\b|\bcarers?\b", "role:parent", "parents"),
        (r"\bstudents?\b", "role:student", "students"),
        (
            # people at work: "police staff", "teachers", "youth workers"
            r"\bprofessionals\b|\bpractitioners\b|\bstaff\b|\bworkers\b|\bteachers\b|"
            r"\bclinicians\b|\bofficers\b",
            "role:practitioner",
            "practitioners",
        ),
        (r"\borganisations\b|\bagencies\b", "role:organisation", "organisations"),
    )
)
_AT_RISK = re.compile(
    r"\bat\s+risk\s+of\s+(?:(?:getting|becoming|being)\s+)?"
    r"(?:(?:involved\s+in|drawn\s+into|caught\s+up\s+in)\s+)?"
    r"(?:crime|offending|violence|exploitation|anti-social\s+behaviour(?:\s+or\s+crime)?|"
    r"the\s+criminal\s+justice\s+system|(?:an?\s+)?drug-related\s+(?:death|harm))\b",
    re.IGNORECASE,
)
# Who else, in plain words no criterion value holds: those who have offended, and
# those with complex needs ("10 to 17 year olds whose offending is at the less serious end").
_OTHERS = (
    (
        re.compile(
            r"\bwho\s+(?:have|has)\s+(?:already\s+)?(?:offended|committed\s+an?\s+"
            r"(?:[\w-]+\s+){0,2}(?:offence|crime))\b|\bwhose\s+offending\b",
            re.IGNORECASE,
        ),
        "who have offended",
    ),
    (re.compile(r"\bwith\s+complex\s+needs\b", re.IGNORECASE), "with complex needs"),
)
# A statement that is a definition of who: "Young people aged 10 to 25 who have offended".
_WHO_FIRST = re.compile(
    r"[*_\s]*(?=[A-Z])(?!(?:With|For|From|To|By|In|On|At|And|As|Of)\b)"
    # "Plenty of people who ...", "Many victims who ...": a remark about some, not who it is for
    r"(?!(?:Plenty|Many|Some|Most|Few|Lots|Not everyone|Not all|Half|Around|About)\b)"
)


@dataclass(frozen=True, slots=True)
class Eligibility:
    """Who a statement says the programme is for."""

    accepts: tuple[str, ...]  # criteria values, e.g. "setting:police_custody"
    also: str | None  # who else, in words, e.g. "at risk of getting involved in crime"
    only: bool  # "only for ...": a narrowing
    words: str  # all of it in words, e.g. "held in police custody, or at risk of ..."


def eligibility(text: str) -> Eligibility | None:
    """Who the statement says the programme works with, when it names people the
    catalogue's criteria can take (or people at risk); None otherwise."""
    bare = text.strip("*#_ ")
    if _FUTURE.search(text) or (len(bare) < _HEADING and not bare.endswith((".", "!"))):
        return None
    first = _WHO_FIRST.match(text)
    people = _PEOPLE.match(text, first.end()) if first else None
    if people is not None and _RELATIVE.match(text, people.end()):
        found = _read(text[people.start() : _stop(text, people.end())], only=False)
        if found is not None:
            return found
    for verb in _VERB.finditer(text):
        if verb.group(0).lower().startswith(("for", "only for")) and (
            _NOT_WHO.search(text, 0, verb.start()) or _PAST.search(text, 0, verb.start())
        ):
            continue
        people = _PEOPLE.match(text, verb.end())
        if people is None:
            continue
        who = text[verb.end() : _stop(text, people.end())]
        only = _ONLY.search(text, max(0, verb.start() - 12), verb.end()) is not None
        found = _read(who, only=only)
        if found is not None:
            return found
    return None


def _stop(text: str, start: int) -> int:
    """Where the people a statement names end: at the end of its clause."""
    end = _END.search(text, start)
    return end.start() if end else len(text)


def _read(who: str, *, only: bool) -> Eligibility | None:
    hits: list[tuple[int, str, str]] = []
    for pattern, term, words in _TERMS:
        match = pattern.search(who)
        if match is not None:  # its words are taken: "a parent in prison" is not "parents"
            hits.append((match.start(), term, words))
            who = who[: match.start()] + " " * len(match.group(0)) + who[match.end() :]
    hits.sort()
    risk = _AT_RISK.search(who)
    others = [(risk.start(), " ".join(risk.group(0).split()))] if risk else []
    for pattern, words in _OTHERS:
        other = pattern.search(who)
        if other is not None:
            others.append((other.start(), words))
    also = ", or ".join(words for _, words in sorted(others)) or None
    accepts = tuple(dict.fromkeys(term for _, term, _ in hits))
    if not accepts and also is None:
        return None
    said = [words for _, _, words in hits]
    return Eligibility(
        accepts=accepts,
        also=also,
        only=only,
        words=", or ".join([*said, *([also] if also else [])]),
    )
