"""Family of a prisoner: the phrases that say the subject's relative is in prison.

"A girl whose father is in prison" is a prisoner's child, not a prisoner: `prepare`
blanks these phrases out of the text the roles, setting and gender are read from.
The words (relatives, being in prison, families of prisoners) are in the lexicon
(relationships.yaml, settings.yaml), the prisons' names in the gazetteer; how they
are put together is here. A relative named bare ("dad's inside", "partner just got
sent down") is the subject's only when the question is about a child: the asker's own
("my daughter is 7") or one described ("12 yo boy, dad in HMP Liverpool").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

from vrn_assistant.understanding.extraction.cues import negated
from vrn_assistant.understanding.extraction.lexicon import lexicon
from vrn_assistant.understanding.extraction.requested import noun_gender

__all__ = [
    "PARENT_NOUNS",
    "askers_child",
    "askers_family_affected",
    "family_phrases",
    "only_prisoners_families",
    "parent_in_prison",
    "prisoner_asked_about",
]

# The words for a parent: one named bare beside a child is theirs ("daddy"), and a
# relative in prison called one is a parent in prison.
PARENT_NOUNS = frozenset(
    "dad daddy father mum mummy mam mother mom parent step-dad stepdad step-mum stepmum".split()
)
_PARENT_WORD = re.compile(rf"\b(?:{'|'.join(sorted(PARENT_NOUNS))})\b")

_FAMILY_AUX = (
    r"(?:(?:is|are|was|has|have|had|'s|s|just|been|currently|now|recently|got|gone|went|going|came|come"
    r"|being|sent|who\s+is|who's|that\s+is|and|\d{1,2}|\(\d{1,2}\))\s+){0,4}"
)
# A prison named after the phrase belongs to the prisoner: "...of a prisoner at HMP Haverigg".
_AT_PRISON = r"(?:\s+(?:at|in)\s+(?:hmp|hmyoi|yoi)\s+[a-z]+(?:\s+[a-z]+)?)?"
# Whose relative: "whose", "my", "the boy's", "kids'", "with a", "where a".
_POSSESSIVE = (
    r"(?:whose|my|his|her|their|our|your|\w+'s|\w+s'|(?:with|has|have|having|where)\s+an?"
    r"|where\s+(?:their|his|her))"
)


@cache
def _patterns(
    prisons: tuple[str, ...],
) -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str], re.Pattern[str]]:
    words = lexicon()
    relative = words.word("relative")
    named = "|".join(re.escape(name) for name in sorted(prisons, key=len, reverse=True))
    in_named = rf"|\b(?:in|into|to|at)\s+(?:hmp\s+)?(?:{named})\b" if named else ""
    custodial = f"(?:{words.word('in_prison')}|{words.word('inside')}{in_named})"
    # "my fella, hes at lancaster farms": the relative, then "he's" after a comma
    held = rf"{relative}(?:'s\s+|\s+|,\s+(?:he|she)(?:'s|s|\s+is)\s+){_FAMILY_AUX}{custodial}"
    always = (
        re.compile(rf"(?P<family>\b{_POSSESSIVE}\s+(?:[\w-]+\s+)?{held}){_AT_PRISON}"),
        # "mum of a prisoner": the relative stays (she is a mum), the prisoner goes.
        re.compile(
            rf"(?:{words.word('family_of')}|{relative})\s+"
            rf"(?P<family>of\s+(?:a\s+|an\s+)?{words.word('prisoners')}{_AT_PRISON})"
        ),
        re.compile(rf"(?P<family>{words.word('prisoners_family')})"),
    )
    bare = re.compile(rf"(?P<family>{held}){_AT_PRISON}")
    # After one of those, "he's in HMP Garth" is the relative again.
    prison = rf"(?:hmp|hmyoi|yoi)\s+[a-z]+(?:\s+[a-z]+)?|prison|jail|{named or 'hmp'}"
    again = re.compile(
        rf"(?P<family>\b(?:he|she)(?:'s|s|\s+is|\s+was|\s+has)\s+(?:been\s+)?"
        rf"(?:now\s+|currently\s+|still\s+|just\s+)?(?:(?:in|at)\s+(?:{prison})|{custodial}))"
    )
    return always, bare, again


@cache
def _askers_child() -> re.Pattern[str]:
    """The asker's own child: "my daughter", "our little girl", "my 14 year old"."""
    offspring = lexicon().word("offspring")
    return re.compile(
        rf"\b(?:my|our)\s+(?:[\w-]+\s+){{0,2}}?(?:{offspring}|grand(?:son|daughter|kids?|child)"
        r"|little\s+(?:girl|boy|one)|toddler|\d{1,2}[\s-]*(?:years?|yrs?)[\s-]*old"
        r"(?:\s+(?:son|daughter|lad|boy|girl))?)"
        r"|\b(?:with|has|have)\s+an?\s+\d{1,2}[\s-]*(?:years?|yrs?)[\s-]*old|\bthe\s+little\s+one\b"
    )


# A child the question is about: "12 yo boy", "a 6 y/o", "15-year-old", "kids are 4 and 8",
# "pupil", "twins in my class".
_CHILD = re.compile(
    r"\b(?:1[0-7]|[1-9])[\s-]*(?:yo|y/o|(?:years?|yrs?)[\s-]*old)\b"
    r"|\b(?:kids|children|sons|daughters|boys|girls)\s+(?:are\s+)?(?:aged\s+)?(?:1[0-7]|[1-9])\b"
    r"|\b(?:pupils?|child|twins|in\s+my\s+class)\b"
)


def askers_child(low: str) -> re.Match[str] | None:
    """Where the asker speaks of their own child, if they do ("my daughter is 7")."""
    return _askers_child().search(low)


# The asker's family said to be struggling ("my mum and little brother are struggling"):
# said by someone in prison, their family is affected by the sentence.
_AFFECTED = re.compile(
    r"\bmy\s+(?:[\w-]+\s+){0,2}?(?:mum|mam|mom|dad|wife|missus|partner|girlfriend|boyfriend"
    r"|husband|kids|children|family|brother|sister|son|daughter|nan|gran|parents)\b"
    r"[^.?!]{0,40}?\b(?:struggl\w*|not\s+coping|can'?t\s+cope|finding\s+it\s+(?:hard|tough)"
    r"|miss(?:es|ing)?\s+me|suffering|falling\s+apart)"
)


def askers_family_affected(low: str) -> bool:
    """Whether the asker says their own family is struggling ("my mum and little brother
    are struggling", "my kids are missing me")."""
    return _AFFECTED.search(low) is not None


@lru_cache(maxsize=64)
def family_phrases(low: str, prisons: tuple[str, ...] = ()) -> tuple[re.Match[str], ...]:
    """Every family-of-a-prisoner phrase in `low`; the `family` group is what to blank.
    `prisons`: the names of prisons, lower case ("lancaster farms"). Kept for the texts
    last asked about: preparing a question and reading who is in prison ask alike."""
    always, bare, again = _patterns(tuple(prisons))
    found = [match for pattern in always for match in pattern.finditer(low)]
    about_a_child = askers_child(low) is not None or _CHILD.search(low) is not None
    if about_a_child:
        found += _outside(bare.finditer(low), found)
    # "my little boy keeps asking when daddy is coming home, he's been in prison": after a
    # relative is named beside a child, "he's in prison" is the relative again.
    if found or (about_a_child and _PARENT_WORD.search(low) is not None):
        found += _outside(again.finditer(low), found)
    return tuple(found)


def only_prisoners_families(phrases: Sequence[str]) -> bool:
    """Whether family-of-a-prisoner phrases only name prisoners' families ("is the
    prisoners families stuff for us"), putting no relative in prison ("her dad's inside")."""
    generic = _prisoners_families()
    return all(generic.fullmatch(phrase.strip()) is not None for phrase in phrases)


@cache
def _prisoners_families() -> re.Pattern[str]:
    return re.compile(lexicon().word("prisoners_family"))


def _outside(
    matches: Iterable[re.Match[str]], taken: Sequence[re.Match[str]]
) -> list[re.Match[str]]:
    spans = [(m.start(), m.end()) for m in taken]
    return [m for m in matches if not any(start <= m.start() < end for start, end in spans)]


@cache
def _better_parent() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = lexicon()
    return re.compile(words.word("better_parent")), re.compile(words.word("relative"))


_CLAUSE_END = re.compile(r"[.,;:!?\n]|\s(?:and|but|who|he|she)\s")
_SPEAKER = re.compile(r"\b(?:i|i'm|im|i've|ive|me)\b")
_WHOSE = re.compile(r"\b(?:his|her)\b")
_PRONOUN_GENDER = {"his": "male", "her": "female"}


def parent_in_prison(low: str, prisons: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """A relative the question puts in prison who wants to be a better parent ("my son is
    in HMP Preston, he wants to be a good dad"): their words as their own ("a man is in
    hmp preston, wants be a good dad") and the word for them ("son"). None when no
    relative in prison is said to want that, or the asker says it of themselves."""
    better, relative = _better_parent()
    wanting = better.search(low)
    if wanting is None or _SPEAKER.search(low, max(0, wanting.start() - 30), wanting.start()):
        return None
    said = [
        (match, found)
        for match in family_phrases(low, prisons)
        if match.start("family") < wanting.start()
        and (found := relative.search(match.group("family"))) is not None
    ]
    if not said:
        return None
    match, found = said[-1]
    noun = _noun(found)
    whose = _WHOSE.search(wanting.group())
    gender = noun_gender(noun)
    if whose is not None and gender is not None and _PRONOUN_GENDER[whose.group()] != gender:
        return None  # "her dad is inside and she wants a relationship with her family"
    end = _CLAUSE_END.search(low, match.end("family"))
    words = _their_words(low, match, found, end.start() if end else len(low))
    return f"{words}, wants {wanting.group()}", noun


def _noun(found: re.Match[str]) -> str:
    noun = found.group()
    return noun[:-1] if noun.endswith("s") else noun  # "my partners in HMP": partner's


def _their_words(low: str, match: re.Match[str], found: re.Match[str], end: int) -> str:
    """The words after the word for the relative, up to `end`, said of an adult of their
    own: "my son is in HMP Preston" is a man in prison, not anyone's child."""
    start = match.start("family") + found.end()
    person = {"male": "a man", "female": "a woman"}.get(noun_gender(_noun(found)) or "", "someone")
    return f"{person} {low[start:end].strip()}"


# The question asks about the relative in prison: "is DIVERT for him?", "can she ...".
_ABOUT_THEM = re.compile(
    r"\b(?:for|help|helps|support|with)\s+(?P<pronoun>him|her)\b"
    r"|\b(?:can|could|would|will|is|does|should)\s+(?P<subject>he|she)\b"
)
_PRONOUN_OF = {"him": "male", "her": "female", "he": "male", "she": "female"}
# Anyone else the help could be for: children, or the asker ("for me").
_SOMEONE_ELSE = re.compile(
    r"\b(?:kids?|children|child|daughters?|sons?|girls?|boys?|baby|babies|little\s+one"
    r"|grand(?:kids?|children|child|sons?|daughters?)|nephews?|nieces?|pregnant|expecting"
    r"|(?:for|help|support)\s+(?:me|us|them|the\s+family|my\s+family))\b"
)
_OWN = re.compile(r"\b(?:my|our)\s+(?:[\w-]+\s+)?$")


def prisoner_asked_about(low: str, prisons: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """The asker's own relative in prison when the question asks about them alone ("my
    son is 20 and got banged up in HMP Preston ... is DIVERT for him?"), with no child
    or other family member the help could be for ("he hasn't got kids" names none):
    their words as their own ("a man is 20 and got banged up ...") and the word for
    them ("son"). None otherwise: then the asker asks as a prisoner's family."""
    _, relative = _better_parent()
    for match in family_phrases(low, prisons):
        found = relative.search(match.group("family"))
        if found is None or _OWN.search(low, 0, match.start("family") + found.start()) is None:
            continue
        rest = low[match.end("family") :]
        asked = _ABOUT_THEM.search(rest)
        gender = noun_gender(_noun(found))
        pronoun = asked.group("pronoun") or asked.group("subject") if asked else None
        if pronoun is None or (gender is not None and _PRONOUN_OF[pronoun] != gender):
            return None  # "my sister is in prison ... anything for him?": for someone else
        outside = low[: match.start("family")] + " " * len(match.group("family")) + rest
        others = (
            other for other in _SOMEONE_ELSE.finditer(outside) if not negated(low, other.start())
        )
        if next(others, None) is not None or _CHILD.search(outside) is not None:
            return None  # "we have a 9 year old ... anything for him?": the child
        return _their_words(low, match, found, len(low)), _noun(found)
    return None
