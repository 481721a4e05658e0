"""The course a student is on, and the courses the catalogue's programmes ask for."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from vrn_assistant.understanding.extraction.text import Prepared, words
from vrn_core import Catalogue, default_catalogue
from vrn_core.criteria import AllOf, AnyOf, CourseCriterion, Criterion
from vrn_core.places import PlaceMatch
from vrn_core.vocabulary import Setting

__all__ = ["TaughtCourse", "known_courses", "read_course"]

_DEGREE = re.compile(
    r"\b(BSc|BA|MSc|MA|LLB|LLM|MPhil|PhD|HND|HNC|PGCE|FdA|FdSc)\s*(?:\(Hons\)\s*)?"
    r"((?:[A-Z][A-Za-z&]*)(?:\s+(?:and\s+|&\s+|of\s+|in\s+)?[A-Z][A-Za-z&]*){0,4})"
)
# "the Professional Policing BSc": the subject before the degree
_DEGREE_AFTER = re.compile(r"\b((?:[A-Z][A-Za-z&]*\s+){1,3}?)(BSc|BA|MSc|MA|LLB|PhD)\b")
_DEGREE_LOWER = re.compile(
    r"\b(bsc|msc|llb|phd|pgce)\s*(?:\(hons\)\s*)?(?:in\s+)?(?!(?:at|in|from|with|and|for|on)\b)"
    r"([a-z&]+(?:\s+[a-z&]+){0,3}?)"
    r"(?=\s+(?:course|degree|programme|at|in|student|students|and|with|from)\b|[,.;:!?)-]|$)"
)
_COURSE_NAMED = re.compile(
    r"\b(?:on|doing|taking|studying|study|in|of)\s+(?:a\s+|an\s+|the\s+|my\s+)?"
    r"((?:[a-z&]+\s+){0,2}?[a-z&]+)\s+(?:course|degree)\b"
    r"|\b(?:a|an|as\s+a|as\s+an)\s+((?:[a-z&]+\s+){0,2}?[a-z&]+)\s+student\b"
    # "uclan policing student here", "2nd yr uclan policing student": a student named by
    # their subject, opening a clause
    r"|(?:^|[,.;:!?]\s*)(?:\d(?:st|nd|rd|th)\s+)?(?!(?:i'?m|i|a|an|the|my|our|his|her|their)\b)"
    r"((?:[a-z&]+\s+){0,3}?[a-z&]+)\s+student\b"
    r"|\bstud(?:y|ying)\s+(?!(?:at|in|from|with|and|for|on)\b)"
    r"([a-z&]+(?:\s+[a-z&]+){0,2}?)(?=\s+(?:at|in|and|with|from)\b|[,.;:!?]|$)"
)
_NEGATED = re.compile(r"\b(?:not|isn't|isnt|never|no)\s+(?:a\s+|an\s+|on\s+|doing\s+)*\S")
_NOT_COURSE_WORDS = frozenset(
    words(
        "a an the this that any some short online free new refresher awareness training first "
        "second third final year uni university college mature international placement former "
        "current local young female male how to my our their his her full part time"
    )
)


def read_course(
    text: Prepared, places: Sequence[PlaceMatch], student: bool, notes: list[str]
) -> str | None:
    """The course the subject studies: a degree ("BSc Criminology") or a course named
    ("on the policing degree"). A student at a university that teaches a course a
    programme asks for, naming only its subject, is read as on it (`known_courses`)."""
    course: str | None = None
    match = _DEGREE.search(text.original) or _DEGREE_LOWER.search(text.plain)
    after = _DEGREE_AFTER.search(text.original)
    if match and match.group(2):
        course = f"{match.group(1)} {match.group(2)}"
    elif after is not None:
        course = f"{after.group(2)} {after.group(1).strip()}"
    else:
        place_words = {
            word for match in places for word in (match.matched_text or match.query).lower().split()
        }
        for named in _COURSE_NAMED.finditer(text.plain):
            if named.group(1) and not student and "degree" not in named.group():
                continue  # "the trauma informed practice course" for staff is training
            group = next(g for g in range(1, 5) if named.group(g) is not None)
            begin = named.start(group)
            if _NEGATED.search(f"{text.plain[max(0, begin - 8) : begin]} {named.group(group)}"):
                continue  # "not a policing student": the course he is not on
            said = named.group(group).split()
            # "an Edge Hill student", "uclan policing student": the university is no course
            while said and (said[0] in _NOT_COURSE_WORDS or said[0] in place_words):
                said = said[1:]
            if said:
                course = " ".join(said)
                break
    if course is None:
        return None
    lowered = course.lower()
    for known in _default_courses():
        if (
            known.subject in lowered
            and not any(word in lowered for word in known.other_words)
            and known.taught_here(text, places)
        ):
            notes.append(f"course '{course}' at {known.site_label} read as {known.name}")
            return known.name
    notes.append(f"course: {course}")
    return course


# --- Courses the catalogue asks for ---------------------------------------------------


@dataclass(frozen=True)
class TaughtCourse:
    """A course a programme asks for, at a university that teaches it."""

    name: str  # "BSc Professional Policing"
    subject: str  # "policing": the word a student may name it by
    other_words: tuple[str, ...]  # ("professional",): the rest of what the criterion asks
    site: str  # "site:uclan"
    site_names: tuple[str, ...]  # the site's names and aliases, lower case
    site_label: str  # "UCLan": its shortest name, for notes

    def taught_here(self, text: Prepared, places: Sequence[PlaceMatch]) -> bool:
        """Does the question name the site, in words or as a place found?"""
        return any(name in text.plain for name in self.site_names) or any(
            match.place is not None and match.place.id == self.site for match in places
        )


def known_courses(catalogue: Catalogue) -> tuple[TaughtCourse, ...]:
    """The courses the catalogue's programmes ask for, with the universities teaching them.

    A programme asks for a course with a `course` criterion (`contains: [professional
    policing]`). The course's full name is the degree that one of the programme's names or
    aliases mentions and that meets the criterion ("BSc Professional Policing student
    volunteers"); the universities are the sites, with the setting university, that the
    gazetteer finds in the names of the programme's providers ("University of Central
    Lancashire (UCLan)"). A programme with neither gives no course here.
    """
    found: list[TaughtCourse] = []
    for programme in catalogue:
        for criterion in _course_criteria(programme.criteria):
            asked = [word for phrase in criterion.contains for word in phrase.lower().split()]
            names = [
                name
                for name in _degrees(programme.names())
                if all(phrase.lower() in name.lower() for phrase in criterion.contains)
            ]
            if not asked or not names:
                continue
            for provider in programme.delivered_by:
                for match in catalogue.gazetteer.find_in_text(provider.name):
                    site = match.place
                    if site is None or site.setting is not Setting.university:
                        continue
                    site_names = (site.name, *site.aliases)
                    found.append(
                        TaughtCourse(
                            name=names[0],
                            subject=asked[-1],
                            other_words=tuple(asked[:-1]),
                            site=site.id,
                            site_names=tuple(name.lower() for name in site_names),
                            site_label=min(site_names, key=len),
                        )
                    )
    return tuple(dict.fromkeys(found))


@cache
def _default_courses() -> tuple[TaughtCourse, ...]:
    return known_courses(default_catalogue())


def _course_criteria(criteria: Iterable[Criterion]) -> Iterator[CourseCriterion]:
    for criterion in criteria:
        if isinstance(criterion, CourseCriterion):
            yield criterion
        elif isinstance(criterion, AllOf | AnyOf):
            yield from _course_criteria(criterion.criteria)


def _degrees(names: Iterable[str]) -> Iterator[str]:
    """The degrees names mention: "BSc Professional Policing student volunteers" ->
    "BSc Professional Policing"."""
    for name in names:
        for match in _DEGREE.finditer(name):
            if match.group(2):
                yield f"{match.group(1)} {match.group(2)}"
