"""Several people in need in one question: where each is described, and how they are related.

Three shapes are read, with words from the lexicon (people.yaml: `companion`, `several`,
`for_each`):

- a pair, the second said as the first's: "my son (15) and his mate (22) were both
  arrested", "a mother (39) and her daughter (17) both being hit", "Mum (42) in Burnley
  is being abused, and her son who's 20 is in Blackpool custody", or the asker and their
  own ("me and my son (16) were both attacked"). The second is a person
  in need when an age is said for them or the asker asks for both ("for each of them");
- a pair whose second is described in a clause of their own: "woman 24 assaulted by
  her partner, he's 26 and now in Blackburn custody. What's there for both of them?";
- a companion with an age of their own, after the first person's: "client 19, partner 21
  strangled her", "a pupil, 11, whose older brother (23) was remanded" (not the asker's
  own older relative: "I'm 17 and my big brother (22) is inside");
- a group with its ages said together: "two brothers, 15 and 22", "our kids are 4 and
  12", "brother and sister ... aged 10 and 13", "twins, both 9", "ones 15 the other 22",
  "a 2 y/o and a 6 y/o"; a person whose age is said in an earlier sentence is one more
  ("mum in Burnley, 27, ... kids are 3 and 6").

`split_people` gives each person's own text: the question with the other person's
words taken out (or, for a group, with one age in place of the list), which the
extractor then reads like any question. A question in neither shape is one person,
read exactly as before.

Who the help is asked for is read in requested.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vrn_assistant.understanding.extraction.lexicon import lexicon
from vrn_assistant.understanding.extraction.numbers import NUMBER_WORD, number

__all__ = ["PersonText", "is_relative", "split_people"]


@dataclass(frozen=True)
class PersonText:
    """One person's part of the question, to be read like a question of its own."""

    text: str
    label: str  # "the son", "his mate", "the 15-year-old"
    relation: str | None  # to the first person ("mate", "brother"); None for the first


_AGE = rf"(?:\d{{1,2}}|{NUMBER_WORD})"
_AGED_BEFORE = rf"(?:{_AGE}[\s-]*(?:years?|yrs?|yo)[\s-]*old\s+|little\s+|older\s+|younger\s+)"
_AGE_AFTER = (
    rf"(?:\s*\(\s*{_AGE}\s*\)|,?\s+aged\s+{_AGE}\b|,\s*{_AGE}\b|\s+who'?s\s+{_AGE}\b"
    rf"|\s+{_AGE}\b(?![\s-]*(?:years?|yrs?)[\s-]*(?:ago|sentence)))"
)
_OLD = r"[\s-]*(?:y/o|yo|(?:years?|yrs?)[\s-]*old)\b"  # "a 2 y/o", "a 6 year old"
_CLAUSE_START = re.compile(r"[.!?:;\n]\s*")
_SENTENCE_END = re.compile(r"[.!?\n]")


@cache
def _pair() -> re.Pattern[str]:
    companion = lexicon().word("companion")
    return re.compile(
        # "me and my son (16)": the asker and their own relative
        rf"(?P<comma>,\s*)?\band\s+(?P<whose>his|her|their|(?:(?<=\bme\sand\s)|(?<=\bi\sand\s))my)"
        rf"\s+(?P<before>{_AGED_BEFORE})?"
        rf"(?P<noun>{companion})s?\b(?P<age>{_AGE_AFTER})?",
        re.IGNORECASE,
    )


@cache
def _group() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    words = lexicon()
    several = re.compile(rf"\b{words.word('several')}\b", re.IGNORECASE)
    ages = re.compile(
        rf"(?:(?<=\()|(?<=\baged\s)|(?<=\bages\s)|(?<=\bare\s)|(?<=\btheyre\s)|(?<=\bthey're\s)"
        rf"|(?<=,\s))(?P<first>{_AGE})\s*(?:,|and|&)\s*(?P<second>{_AGE})\b"
        rf"|\bones?'?s?\s+(?P<one>{_AGE}),?\s*(?:and\s+)?the\s+other(?:'?s|\s+is)?\s+(?P<other>{_AGE})\b"
        rf"|\ban?\s+(?P<a>{_AGE}){_OLD}\s+(?:and|&)\s+an?\s+(?P<b>{_AGE}){_OLD}"
        rf"|\bboth\s+(?:aged\s+)?(?P<both>{_AGE})\b(?![\s-]*(?:years?|yrs?|months?|weeks?|times)\b)",
        re.IGNORECASE,
    )
    for_each = re.compile(rf"\b{words.word('for_each')}\b", re.IGNORECASE)
    return several, ages, for_each


@cache
def _described() -> re.Pattern[str]:
    """ "assaulted by her partner, he's 26 and now in custody": the second person named as
    the first's, then described in a clause of their own."""
    return re.compile(
        rf"\b(?P<whose>his|her|their)\s+(?P<noun>{lexicon().word('companion')})\s*,\s*"
        rf"(?P<who>he|she|they)(?:'s|\s+is|'re|\s+are)\s+(?:aged\s+)?{_AGE}\b",
        re.IGNORECASE,
    )


@cache
def _aged_companion() -> re.Pattern[str]:
    """ "client 19, partner 21 strangled her", "a pupil, 11, whose older brother (23) was
    remanded": someone's companion with an age of their own."""
    return re.compile(
        rf"\b(?:(?P<whose>his|her|their|my|whose)\s+)?(?:(?P<small>little|younger|baby)\s+|(?:older|big|new)\s+)?"
        rf"(?P<noun>{lexicon().word('companion')})(?P<age>\s*\(\s*{_AGE}\s*\)"
        rf"|\s+who(?:'s|\s+is)\s+{_AGE}\b|,?\s+aged\s+{_AGE}\b"
        rf"|,?\s+{_AGE}\b(?![\s-]*(?:years?|yrs?|months?|weeks?|days?|times|kids|children)\b))",
        re.IGNORECASE,
    )


# An age said before the companion: the first person's ("client 19, partner 21").
_FIRST_AGE = re.compile(
    rf"(?:^|[\s,(])(?:{_AGE})(?:\s*\)|\s*,|[\s-]*(?:yrs?|years?)[\s-]*old\b|\s*(?:yo|y/o)\b"
    rf"|\s+(?:and|in|from|on|at|arrested|detained|held|charged|remanded)\b)|\bi'?m\s+{_AGE}\b",
    re.IGNORECASE,
)


def split_people(text: str) -> tuple[PersonText, ...]:
    """Each person in need's part of the question, the first-named first; one part (the
    whole question) when it describes one person."""
    return (
        _pair_of(text)
        or _described_of(text)
        or _parts_of(text)
        or _group_of(text)
        or _companion_of(text)
        or (PersonText(text, "the person", None),)
    )


def _companion_of(text: str) -> tuple[PersonText, ...]:
    """A first person with an age said, then a companion with their own: two people."""
    for match in _aged_companion().finditer(text):
        if _FIRST_AGE.search(text, 0, match.start()) is None:
            continue  # "her grandson (20)" is the only age: one person
        noun = match.group("noun").lower()
        whose = (match.group("whose") or "").lower()
        if whose == "my" and match.group("small") is None:
            continue  # "I'm 17 and my big brother (22) is inside": the asker's family
        return (
            PersonText(
                text[: match.start("age")] + text[match.end("age") :],
                _first_label(text[: match.start()]),
                None,
            ),
            # their words on: what was said before is the first person's
            PersonText(
                _as_own(text[match.start() : match.end()], as_subject=True)
                + _harm(text, match.start(), noun)
                + text[match.end() :],
                f"{whose or 'the'} {noun}".replace("whose ", "the "),
                noun,
            ),
        )
    return ()


def _described_of(text: str) -> tuple[PersonText, ...]:
    _, _, for_each = _group()
    if for_each.search(text) is None:
        return ()  # "her partner, he's 26": only asked about as the one who did it
    match = _described().search(text)
    if match is None:
        return ()
    noun = match.group("noun").lower()
    end = _end_of_sentence(text, match.end())
    first = text[: match.end("noun")] + text[end:]
    start = _sentence_start(text, match.start())
    second = f"{text[:start]}a {noun}, {text[match.start('who') : end]}{text[end:]}"
    return (
        PersonText(first, _first_label(text[: match.start()]), None),
        PersonText(second, f"{match.group('whose').lower()} {noun}", noun),
    )


@dataclass(frozen=True)
class _Part:
    """One of two people told apart by what they are called: "victim 19 ... suspect 18",
    "she's 29, he's 23"."""

    said: re.Pattern[str]  # how they are named with their age
    goes_on: re.Pattern[str]  # how a later clause about them starts ("he's been taken")
    label: str
    obj: str  # the word the other's clauses use for them ("assaulting her")


@cache
def _parts() -> tuple[tuple[_Part, _Part], ...]:
    words = lexicon()
    aged = rf"(?:'s|\s+is|,)?\s*\(?\s*(?:aged\s+)?{_AGE}\b(?![\s-]*(?:years?|yrs?)[\s-]*ago)"
    victim, suspect = words.word("victim_label"), words.word("suspect_label")

    def part(name: str, starts: str, label: str, obj: str) -> _Part:
        return _Part(
            re.compile(rf"^(?:the\s+)?{name}{aged}", re.IGNORECASE),
            re.compile(rf"^(?:the\s+)?{starts}\b", re.IGNORECASE),
            label,
            obj,
        )

    return (
        (
            part(victim, victim, "the victim", "them"),
            part(suspect, suspect, "the suspect", "them"),
        ),
        (
            part("she", r"(?:she|she's|shes)", "her", "her"),
            part("he", r"(?:he|he's|hes)", "him", "him"),
        ),
    )


_BOTH = re.compile(r"(?:both|they|they're|theyre|the two|each|either|all)\b", re.IGNORECASE)
_PIECE = re.compile(r"[^.!?;:\n,]+[.!?;:\n,]*")


def _parts_of(text: str) -> tuple[PersonText, ...]:
    """Two people told apart by what they are called, each with an age ("she" and "he"
    only when help is asked for each): every clause goes to whoever it is about (one
    naming them or going on about them, or following theirs in its sentence), the others
    to both. The one harmed in the other's clauses ("for assaulting her") is said to be
    their victim."""
    _, _, for_each = _group()
    asked_for_each = for_each.search(text) is not None
    pieces = [(m.group(), m.group().strip()) for m in _PIECE.finditer(text)]
    for pair, needs_for_each in zip(_parts(), (False, True), strict=True):
        if needs_for_each and not asked_for_each:
            continue  # "she's 29, he's 23 ... help for her": one of them; not "victim 17"
        named_in = [[k for k, who in enumerate(pair) if who.said.search(w)] for _, w in pieces]
        said = [next((i for i, named in enumerate(named_in) if k in named), None) for k in (0, 1)]
        if said[0] is None or said[1] is None:
            continue
        owners: list[int | None] = []
        owner: int | None = None
        for index, ((_, words), named) in enumerate(zip(pieces, named_in, strict=True)):
            going_on = [k for k, who in enumerate(pair) if who.goes_on.search(words)]
            if named or going_on:
                owner = (named or going_on)[0]
            elif _BOTH.match(words) or (index and pieces[index - 1][0].rstrip()[-1:] in ".!?;:\n"):
                owner = None  # "both excluded", or a new sentence about neither: everyone's
            owners.append(owner)
        order = (0, 1) if said[0] <= said[1] else (1, 0)
        one, other = pair[order[0]], pair[order[1]]
        texts = [
            "".join(piece for (piece, _), o in zip(pieces, owners, strict=True) if o in (k, None))
            for k in order
        ]
        others = "".join(p for (p, _), o in zip(pieces, owners, strict=True) if o == order[1])
        harmed = _harmed_in(others, one.obj)
        if harmed:
            texts[0] = f"{texts[0].rstrip()} ({one.obj}: victim of {harmed} by {other.obj})"
        relation = "suspect" if harmed or other.label == "the suspect" else "other person"
        return (
            PersonText(texts[0], one.label, None),
            PersonText(texts[1], other.label, relation),
        )
    return ()


def _harmed_in(words: str, obj: str) -> str:
    """ "for assaulting her" -> "assaulting": what the other's clauses say they did to
    the one called `obj`; "" when nothing."""
    for found in _harm_done().finditer(words):
        if found.group("obj").lower() == obj:
            return found.group("harm").lower()
    return ""


@cache
def _harm_done() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?P<harm>{lexicon().word('harmed_by')})\s+(?P<obj>her|him|them)\b", re.IGNORECASE
    )


def _pair_of(text: str) -> tuple[PersonText, ...]:
    _, _, for_each = _group()
    for match in _pair().finditer(text):
        said_age = match.group("age") is not None or match.group("before") is not None
        if not said_age and for_each.search(text) is None:
            continue  # "a lad of 19 and his dad": only the lad is in need
        if _harms_the_first(text, match.end()) and for_each.search(text) is None:
            continue  # "... and her older brother has threatened her": who did it, not in need
        noun = match.group("noun").lower()
        whose = match.group("whose").lower()
        sentence_end = _end_of_sentence(text, match.end())
        if match.group("comma"):
            # "..., and her son who's 20 is in custody ...": a clause of its own.
            first = text[: match.start()] + text[sentence_end:]
            start = _sentence_start(text, match.start())
            second = (
                text[:start]
                + _as_own(text[match.start("whose") : sentence_end])
                + text[sentence_end:]
            )
        else:
            first = text[: match.start()] + text[match.end() :]
            start = _clause_start(text, match.start())
            second = text[:start] + _as_own(text[match.start("whose") :])
        return (
            PersonText(first, _first_label(text[: match.start()]), None),
            PersonText(second, f"{'the' if whose == 'my' else whose} {noun}", noun),
        )
    return ()


@cache
def _harming_after() -> re.Pattern[str]:
    return re.compile(
        r"\s*(?:who\s+)?(?:has\s+|had\s+|keeps\s+|is\s+|was\s+|'s\s+|always\s+)?"
        rf"(?:been\s+)?(?:just\s+)?{lexicon().word('harming')}\s+(?:her|him|them|me|us)\b",
        re.IGNORECASE,
    )


def _harms_the_first(text: str, end: int) -> bool:
    """Whether the words after a companion say they harm the first person ("and her older
    brother has threatened her")."""
    return _harming_after().match(text, end) is not None


def _group_of(text: str) -> tuple[PersonText, ...]:
    several, ages, _ = _group()
    group_said = several.search(text) is not None
    for match in ages.finditer(text):
        if text[max(0, match.start() - 8) : match.start()].lower().strip().endswith("between"):
            continue
        # "ones 21 the other 33", "a 2 y/o and a 6 y/o" say two people by themselves;
        # "15 and 22", "both 9" only of a group ("two brothers", "twins").
        said = next(
            (match.group(one), match.group(other))
            for one, other in (("first", "second"), ("both", "both"), ("one", "other"), ("a", "b"))
            if match.group(one) is not None
        )
        if not group_said and (match.group("first") or match.group("both")):
            continue
        first, second = (number(word.lower()) for word in said)
        relation = _relation([m.group().lower() for m in several.finditer(text)])
        start = _clause_start(text, match.start())
        earlier = _FIRST_AGE.search(text, 0, start)
        if earlier is not None:
            # "mum in Burnley, 27, ... kids are 3 and 6": the mum, then each child
            first_text = text[: match.start()] + text[match.end() :]
            return (
                PersonText(first_text, _first_label(text[: earlier.end()]), None),
                *(
                    PersonText(
                        text[start : match.start()] + f"aged {age}" + text[match.end() :],
                        f"the {age}-year-old",
                        "child" if relation == "sibling" else relation,
                    )
                    for age in (first, second)
                ),
            )
        return tuple(
            PersonText(
                text[: match.start()] + f"aged {age}" + text[match.end() :],
                f"the {age}-year-old",
                None if index == 0 else relation,
            )
            for index, age in enumerate((first, second))
        )
    return ()


def is_relative(relation: str) -> bool:
    """Is the relation a relative ("daughter", "brother"), not a friend ("mate")?"""
    return re.fullmatch(lexicon().word("relative"), relation) is not None


def _relation(groups: list[str]) -> str:
    """ "two brothers" -> "brother"; a mixed or unnamed group ("our kids") -> "sibling"."""
    for group in groups:
        if group in ("brothers", "sisters", "cousins", "twins", "sons", "daughters"):
            return "twin" if group == "twins" else group[:-1]
    return "sibling"


def _as_own(words: str, *, as_subject: bool = False) -> str:
    """ "his mate (22) were both arrested" -> "a mate (22) were both arrested": the second
    person's words read as theirs, not someone else's. `as_subject`: a partner is the
    one who acts in the words that follow ("her partner (22) hit her" -> "a person (22)
    hit her": he hit her, not someone hit him)."""
    own = re.sub(r"^(?:his|her|their|my|whose)\b", "a", words, flags=re.IGNORECASE)
    return _partner_noun().sub("person", own, count=1) if as_subject else own


@cache
def _partner_noun() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{lexicon().word('partner')})\b", re.IGNORECASE)


def _first_label(before: str) -> str:
    """ "my son (15)" -> "the son"; "the first person" when no word for them is said."""
    found = _person_word().search(before[_sentence_start(before, len(before)) :])
    return f"the {found.group().lower()}" if found is not None else "the first person"


@cache
def _person_word() -> re.Pattern[str]:
    words = lexicon()
    return re.compile(rf"\b(?:{words.word('companion')}|{words.word('person')})\b", re.IGNORECASE)


def _clause_start(text: str, end: int) -> int:
    starts = [m.end() for m in _CLAUSE_START.finditer(text, 0, end)]
    return starts[-1] if starts else 0


def _sentence_start(text: str, end: int) -> int:
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, end)]
    return starts[-1] if starts else 0


def _end_of_sentence(text: str, start: int) -> int:
    found = _SENTENCE_END.search(text, start)
    return found.start() if found is not None else len(text)


_WHERE_WITH = re.compile(r"\b(?:at|in)\s+[^,.;:!?]{2,40}?(?=\s+with\s+$)", re.IGNORECASE)


def _where_with(text: str, start: int) -> str:
    """Where someone named "with" another is: both there ("my daughter is at the Vic with
    her boyfriend" -> " at the Vic")."""
    where = _WHERE_WITH.search(text, _clause_start(text, start), start)
    return "" if where is None else " " + where.group()


_HARM_SPAN = 40  # "strangling his", "assault on", "abused by her": what was done, just before


def _harm(text: str, start: int, noun: str) -> str:
    """What the words just before someone named say was done to them, or by them, said
    plainly: "in for strangling his wife" -> ", victim of strangling by a family member
    (domestic abuse)"; "abused by her grandson" -> ", who abused a family member..."."""
    harm = _harm_before().search(text, max(0, start - _HARM_SPAN), start)
    if harm is None:
        return ""
    family = "a family member (domestic abuse)" if is_relative(noun) else "someone"
    done = harm.group("harm").lower()
    return f", who {done} {family}" if harm.group("by") else f", victim of {done} by {family}"


@cache
def _harm_before() -> re.Pattern[str]:
    return re.compile(
        rf"(?P<harm>{lexicon().word('harmed_by')})\s+(?:on\s+)?(?P<by>by\s+)?"
        r"(?:(?:his|her|their|my|our|the|a|an)\s+)?$",
        re.IGNORECASE,
    )
