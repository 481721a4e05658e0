"""Negation and context: what the words just before a cue say about it.

Cues are compiled patterns (a `re.Pattern` or a lexicon `Cue`), scanned over the
whole question; `starts` keeps the matches that begin at a word start, `hits`
those that are not negated ("not in custody", "no violence"). The `*_BEFORE`
patterns end with `$` and are searched in the few characters before a match
(`before`). The words of negation and time come from the lexicon (negation.yaml,
time.yaml); the grammar around them (how far a negation reaches, which pronouns
make a relative someone else's) is here. `allowed` applies an entry's `unless`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from vrn_assistant.understanding.extraction.lexicon import Context, Entry, lexicon
from vrn_core.vocabulary import Asker

__all__ = [
    "AUDIENCE_BEFORE",
    "OTHERS_BEFORE",
    "Finder",
    "Situation",
    "allowed",
    "asker",
    "before",
    "hits",
    "negated",
    "of_a_relative",
    "of_the_partner",
    "patterns",
    "starts",
    "the_one_who_did_it_arrested",
    "worker",
]


class Finder(Protocol):
    def finditer(self, text: str) -> Iterator[re.Match[str]]: ...


# Somebody else's relative or pronoun: "her boyfriend", "whose father", "the boy's mum".
# "hit by the dad": whoever does it to the person is someone else too.
OTHERS_BEFORE = re.compile(
    r"(?:\b(?:his|her|their|whose|your|its)\s+(?:[\w-]+\s+){0,3}?|'s\s+|\bby\s+(?:the\s+|a\s+)?)$"
)
# The people a programme is for, not the subject: "for young people", "with children".
AUDIENCE_BEFORE = re.compile(
    r"\b(?:for|with|to|at|about|support(?:ing)?|help(?:ing)?|aimed\s+at|other|among|amongst"
    r"|protect(?:ing)?|safeguard(?:ing)?|engage|engaging)\s+"
    # "works with lots of families", "for many children": a quantity is an audience too
    r"(?:(?:lots|loads|plenty)\s+of\s+|(?:many|several|some|all)\s+)?"
    # "for a dad whose son..." names the subject; "for young children" an audience
    r"(?:(?!(?:a|an|the|this|that|my|our)\b)[\w-]+\s+)?$"
)
# The asker speaking of themselves or their team: "I'm a", "our", "as a"; not what the
# asker gets or asks for ("can i still get the coach", "we need a navigator").
_ASKER_BEFORE = re.compile(
    r"\b(?:i'?m|i\s+am|im|we'?re|we\s+are|as|our|my|i|we|working\s+as)\s+(?:an?\s+|the\s+)?"
    r"(?:(?!(?:get|gets|getting|got|need|needs|want|wants|see|seen|meet|ask|asked|refer"
    r"|contact|call|phone|ring|email|find|book|request|have|had)\b)[\w&-]+\s+){0,3}?$"
)
# Someone working where the word points: "works in a prison", "prison staff".
_WORKER_BEFORE = re.compile(
    r"\b(?:work(?:s|ed|ing)?|based|staff|employed|volunteer(?:s|ing)?|visit(?:s|ed|ing)?"
    r"|officers?|nurse)\s+(?:in|at|on)\s+(?:a\s+|the\s+)?(?:[\w-]+\s+)?$"
    r"|\b(?:work(?:s|ed|ing)?|based|employed|staff|officers?|nurses?|teachers?|volunteers?)\s+$"
)
# "the victim" beside an arrest is someone else.
_OTHER_VICTIM_BEFORE = re.compile(
    r"\b(?:the|his|her|their|a)\s+(?:(?:victim|man|woman|lad|bloke|girl|boy)\s+)?$"
)
# "the lad who did it got arrested", "the man who attacked her has been charged": the one
# who harmed the person, not the person.
_WHO_DID_IT = (
    r"\b(?:who|that)\s+(?:did\s+(?:it|this|that)|(?:hit|attacked|assaulted|stabbed|glassed"
    r"|punched|hurt|jumped|robbed|mugged|raped|beat|kicked)\s+(?:her|him|them|me|us|my\s+\w+))"
    r"\s+(?:has\s+been\s+|have\s+been\s+|got\s+|was\s+|were\s+|is\s+|are\s+|'s\s+been\s+)"
)
_WHO_DID_IT_BEFORE = re.compile(_WHO_DID_IT + "$")
_WHO_DID_IT_ARRESTED = re.compile(_WHO_DID_IT + r"(?:arrested|charged|nicked|lifted|detained)\b")


def the_one_who_did_it_arrested(text: str) -> bool:
    """ "the lad who did it got arrested": someone else is held for what was done to the
    person, who is then no suspect (unless something else says they are)."""
    return _WHO_DID_IT_ARRESTED.search(text) is not None


_SENTENCE_BREAK = re.compile(r"[.!?:;\n]")
# A sentence asking something: its first words are no self-description.
_QUESTION_START = re.compile(
    r"\W*(?:do|does|did|is|are|was|were|can|could|will|would|should|has|have|what|where"
    r"|when|who|which|how|why|any|anyone|anybody|anything|whats|what's)\b"
)
_LEADING_WORDS = re.compile(r"\W*(?:[\w'&-]+\W+){0,3}")  # the first few words of a sentence


@dataclass(frozen=True)
class Patterns:
    """The context patterns built from the lexicon's words."""

    negated_before: re.Pattern[str]
    released_before: re.Pattern[str]
    now_before: re.Pattern[str]
    duration_before: re.Pattern[str]


@cache
def patterns() -> Patterns:
    words = lexicon()
    endings = "|".join(re.escape(ending) for ending in words.phrases("negating_ending"))
    attached = "|".join(re.escape(prefix) for prefix in words.phrases("attached_negator"))
    return Patterns(
        # A negation just before a cue: "not in custody", "no violence", "non-violent",
        # "hasn't been arrested". Punctuation ends its reach; "not sure if" is no negation.
        negated_before=re.compile(
            rf"(?:(?:{words.word('negator')}|(?:{endings}))"
            rf"(?!\s*{words.word('not_negating')})[\s-]+(?:[a-z']+\s+){{0,2}}"
            rf"|\b(?:{attached})[\s-]*)$"  # "non-" negates only the word it is attached to
        ),
        # Out of prison: "released from prison", "an ex-prisoner", "since leaving HMP Preston".
        released_before=re.compile(rf"{words.word('released')}[\s-]+(?:\w+\s+)?$"),
        now_before=re.compile(rf"{words.word('now')}\s+(?:[\w-]+\s+){{0,2}}$"),
        # Before "5 yrs": a length of time, not an age.
        duration_before=re.compile(rf"{words.word('duration')}\s+$"),
    )


def _at_word_start(text: str, start: int) -> bool:
    """A match opening with a letter or digit must start a word (not "ran" in "grant")."""
    if start == 0 or not text[start].isalnum():
        return True
    previous = text[start - 1]
    return not (previous.isalnum() or previous == "_")


def starts(pattern: Finder, text: str) -> list[re.Match[str]]:
    """Matches of `pattern` that start at a word start."""
    return [match for match in pattern.finditer(text) if _at_word_start(text, match.start())]


def negated(text: str, start: int) -> bool:
    """Is the word at `start` negated ("not in custody", "no violence", "non-violent")?"""
    return patterns().negated_before.search(text, max(0, start - 40), start) is not None


def before(pattern: re.Pattern[str], text: str, start: int, reach: int = 40) -> bool:
    """Does `pattern` (ending in `$`) match within `reach` characters before `start`?"""
    return pattern.search(text, max(0, start - reach), start) is not None


def asker(text: str, start: int) -> bool:
    """Is the word at `start` the asker describing themselves or their organisation?
    ("I'm a nurse", "Nurse at BVH." opening a sentence; not "Do the coaches come out?")"""
    if before(_ASKER_BEFORE, text, start, 60):
        return True
    sentence = _SENTENCE_BREAK.split(text[max(0, start - 80) : start])[-1]
    at_start = start <= 80 or _SENTENCE_BREAK.search(text, max(0, start - 80), start)
    return (
        bool(at_start)
        and _LEADING_WORDS.fullmatch(sentence) is not None
        and _QUESTION_START.match(sentence) is None
    )


# Where a clause starts: after punctuation, a spaced dash, or a joining word.
_CLAUSE_START = r"(?:[.,;:!?()]|\s[-–—]\s|\b(?:and|but|while|whilst|because|cos|so|as)\s)\s*"
# The rest of a clause up to the word: a few words, no punctuation ("is doing time in").
_CLAUSE_REST = r"(?:[\w']+\s+){0,5}$"
# Someone's: "her", "the boy's", "kids'"; not "my" (the asker's relative is who they ask about).
_OTHERS = r"(?:his|her|their|whose|[a-z]+'s|[a-z]+s')\s+"


@cache
def _relative_clause() -> re.Pattern[str]:
    """A clause about a relative or partner who is not the person in need: one named bare
    after the question has begun ("12 yo boy, dad in HMP Liverpool"), or someone's
    ("her partner (22) was arrested", "the boy's dad is inside")."""
    return re.compile(
        rf"(?:{_CLAUSE_START}(?:the\s+|{_OTHERS})?|\b{_OTHERS})(?:(?P<word>[\w-]+)\s+)?"
        rf"{_relative_or_partner()}(?:'s\s+|\s+)(?:\(\d{{1,2}}\)\s+|\d{{1,2}}\s+)?{_CLAUSE_REST}"
    )


@cache
def _own_relative() -> re.Pattern[str]:
    return re.compile(rf"\b(?:my|our)\s+{_relative_or_partner()}\b")


def _relative_or_partner() -> str:
    words = lexicon()
    return rf"(?:{words.word('relative')}|{words.word('partner')})"


_PRONOUN_CLAUSE = re.compile(rf"(?:^|{_CLAUSE_START})(?:he|she)(?:'s\s+|\s+){_CLAUSE_REST}")


def of_a_relative(text: str, start: int) -> bool:
    """Is the word at `start` said of a relative or partner of the person in need, in
    the clause it is in ("12 yo boy, dad in HMP Liverpool": the prison is dad's)? The
    asker's first relative named is whom they ask about, in whichever sentence it comes
    ("Sorry to bother you. My son is in custody in Preston")."""
    pattern = _relative_clause()
    first_own = _own_relative().search(text)
    at = max(0, start - 70)
    while (match := pattern.search(text, at, start)) is not None:
        if first_own is None or match.start("word") != first_own.start():
            return True
        at = match.start() + 1
    return False


def own_relative(text: str) -> bool:
    """Does the asker speak of their own relative or partner ("my nephew", "our son")?"""
    return _own_relative().search(text) is not None


def worker(text: str, start: int) -> bool:
    """Is the word at `start` where someone works ("I work in custody", "prison staff")?"""
    return before(_WORKER_BEFORE, text, start)


@cache
def _partner_or_kin() -> re.Pattern[str]:
    words = lexicon()
    return re.compile(rf"\b(?:{words.word('partner')}|{words.word('kin')})\b")


def of_the_partner(text: str, start: int) -> bool:
    """Is the word at `start` in a clause about "he" or "she", after a partner or relative
    is named ("her partner beat her, he's in the cells")? Said of a victim's abuser."""
    return (
        before(_PRONOUN_CLAUSE, text, start, 60)
        and _partner_or_kin().search(text, 0, start) is not None
    )


def hits(pattern: Finder, text: str) -> list[re.Match[str]]:
    """Matches of `pattern` at word starts, not negated."""
    return [match for match in starts(pattern, text) if not negated(text, match.start())]


def released(text: str, start: int) -> bool:
    """Is the word at `start` said of someone out of prison ("released from prison")?"""
    return before(patterns().released_before, text, start, 30)


@dataclass(frozen=True)
class Situation:
    """What the whole question says, for the contexts that need more than nearby words."""

    suspect: bool = False  # an arrest is involved ("beside_an_arrest")
    police_custody: bool = False  # police custody is said ("police_custody_said")
    practitioner: bool = False  # the asker said what they do ("practitioner_asking")
    asked_by: Asker | None = None  # who asks, from the whole question ("the_askers")


_NOBODY = Situation()
# "my step dad", "by my mum": the asker's own relative.
_MY_BEFORE = re.compile(r"\b(?:my|our)\s+(?:[\w-]+\s+){0,2}?$")


def _the_askers(text: str, start: int, asked_by: Asker | None) -> bool:
    """Are the words at `start` the asker's own parent, said by someone asking for
    themselves ("I got hit by my dad", "I'm 19, my step mum ...")? That makes them no
    parent. (A relative asking about "my son" is a parent, and the Case keeps it: the
    knife crime campaign has a phase for parents.)"""
    return asked_by is Asker.self and before(_MY_BEFORE, text, start, 30)


def _context(context: Context, text: str, start: int, situation: Situation) -> bool:
    if context == "someone_else":
        return before(OTHERS_BEFORE, text, start, 30)
    if context == "audience":
        return before(AUDIENCE_BEFORE, text, start, 30)
    if context == "worker":
        return worker(text, start)
    if context == "released":
        return released(text, start)
    if context == "police_custody_said":
        return situation.police_custody
    if context == "practitioner_asking":  # "our kids" from a school are its pupils
        return situation.practitioner and text.startswith("our", start)
    if context == "the_askers":
        return _the_askers(text, start, situation.asked_by)
    if context == "the_one_who_did_it":
        return before(_WHO_DID_IT_BEFORE, text, start, 50)
    return situation.suspect and before(_OTHER_VICTIM_BEFORE, text, start, 20)


def allowed(entry: Entry, text: str, start: int, situation: Situation = _NOBODY) -> bool:
    """Does nothing around the match at `start` cancel it (the entry's `unless`)?"""
    return not any(_context(context, text, start, situation) for context in entry.unless)
