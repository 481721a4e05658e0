"""Family of a prisoner: the phrases that say the subject's relative is in prison.

"A girl whose father is in prison" is a prisoner's child, not a prisoner: `prepare`
blanks these phrases out of the text the roles, setting and gender are read from.
"""

from __future__ import annotations

import re

__all__ = ["family_phrases"]

_RELATIVE = (
    r"(?:father|dad|daddy|mother|mum|mummy|mom|parents?|step[\s-]?(?:dad|mum|father|mother"
    r"|parent)|brother|sister|sibling|son|daughter|husband|wife|partner|boyfriend|girlfriend"
    r"|uncle|aunt(?:ie)?|grand(?:dad|father|ma|mother|pa|parent)|carer|family\s+member"
    r"|relative)"
)
_CUSTODIAL = (
    r"(?:(?:in|into|to|at)\s+(?:prison|jail|gaol|hmp|hmyoi|yoi|a\s+young\s+offenders?"
    r"(?:\s+institution)?)|serving\s+(?:a\s+|an\s+|his\s+|her\s+|their\s+)?(?:\w+\s+){0,2}?"
    r"(?:sentence|time|years?)|locked\s+up|behind\s+bars"
    r"|inside\b(?!\s+(?:the|a|my|his|her|their|our|it|of|out)\b)|jailed|imprisoned|incarcerated"
    r"|on\s+remand|remanded|doing\s+time|sent\s+down)"
)
_FAMILY_AUX = (
    r"(?:(?:is|are|was|has|have|had|'s|s|just|been|currently|now|recently|got|gone|went|going"
    r"|being|sent|who\s+is|who's|that\s+is|and|\d{1,2})\s+){0,4}"
)
# A prison named after the phrase belongs to the prisoner: "...of a prisoner at HMP Haverigg".
_AT_PRISON = r"(?:\s+(?:at|in)\s+(?:hmp|hmyoi|yoi)\s+[a-z]+(?:\s+[a-z]+)?)?"
_FAMILY = (
    re.compile(
        rf"(?P<family>\b(?:whose|my|his|her|their|our|your|with\s+an?|has\s+an?|have\s+an?"
        rf"|having\s+an?)\s+(?:[\w-]+\s+)?{_RELATIVE}\s+{_FAMILY_AUX}{_CUSTODIAL}){_AT_PRISON}"
    ),
    # "mum of a prisoner": the relative stays (she is a mum), the prisoner goes.
    re.compile(
        r"\b(?:famil(?:y|ies)|child(?:ren)?|kids?|relatives?|loved\s+ones?|visitors?|partners?"
        rf"|{_RELATIVE}s?)\s+(?P<family>of\s+(?:a\s+|an\s+)?(?:prisoners?|inmates?"
        rf"|someone\s+in\s+(?:prison|jail)|people\s+in\s+(?:prison|jail)){_AT_PRISON})"
    ),
    re.compile(
        r"(?P<family>\bprisoners?'?\s*(?:s\s+)?(?:famil(?:y|ies)|children|kids|partners?"
        r"|relatives|loved\s+ones)|\bparental\s+imprisonment|\baffected\s+by\s+(?:a\s+|the\s+)?"
        r"(?:prison\s+sentence|imprisonment|parental\s+imprisonment|a\s+(?:parent|family\s+member"
        r"|relative)'?s?\s+(?:imprisonment|sentence|prison\s+sentence)))"
    ),
)


def family_phrases(low: str) -> list[re.Match[str]]:
    """Every family-of-a-prisoner phrase in `low`; the `family` group is what to blank."""
    return [match for pattern in _FAMILY for match in pattern.finditer(low)]
