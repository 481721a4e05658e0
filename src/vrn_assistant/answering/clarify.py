"""Clarify, don't guess: the one unknown fact that decides the answer, asked for.

The deciding fact comes from the rules' own results, never from a list per programme:
among the programmes the answer puts forward (recommended, or named and relevant) and
the rules could not settle (`likely_eligible`), the first one's first unknown criterion
names the case field it needs (`CriterionResult.missing`). The question asks for that
field ("How old is he?", "Which custody suite is she held at?"); the line beside it
says, for every such programme that turns on the same field, what each answer would
change ("If he is aged 18 to 25, DIVERT fits; if not, it does not").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from vrn_assistant.answer import Clarification
from vrn_core import Case
from vrn_core.assessment import Assessment
from vrn_core.criteria import CriterionResult
from vrn_core.vocabulary import Gender, Setting, Truth, Verdict

__all__ = ["Subject", "clarify", "subject_of"]


@dataclass(frozen=True)
class Subject:
    """Who the question is about, as the clarifying question names them."""

    name: str  # "he", "she", "they", "you", "his mate"
    plural: bool = False  # "they are", "you are"

    @property
    def be(self) -> str:
        return "are" if self.plural else "is"

    @property
    def do(self) -> str:
        return "do" if self.plural else "does"

    def capitalised(self) -> str:
        return self.name[:1].upper() + self.name[1:]


_YOU = Subject("you", plural=True)
_PRONOUNS = {Gender.male: Subject("he"), Gender.female: Subject("she")}


def subject_of(
    case: Case, *, asking_for_themselves: bool = False, label: str | None = None
) -> Subject:
    """The subject for the case: "you" for someone asking for themselves, the person's
    label when several people are asked about, else the pronoun their gender gives."""
    if asking_for_themselves:
        return _YOU
    if label is not None:
        return Subject(label)
    if case.gender is not None and case.gender in _PRONOUNS:
        return _PRONOUNS[case.gender]
    return Subject("they", plural=True)


# Where a place is asked for, by the setting the person is in.
_PLACE_QUESTIONS = {
    Setting.police_custody: "Which custody suite {be} {name} held at?",
    Setting.hospital_emergency_department: "Which hospital {be} {name} at?",
    Setting.prison: "Which prison {be} {name} in?",
}


def clarify(
    assessments: Sequence[Assessment], case: Case, subject: Subject
) -> Clarification | None:
    """The one question whose answer would settle the programmes put forward; None when
    every such programme is settled (or none is put forward)."""
    open_ = [
        a
        for a in assessments
        if a.verdict is Verdict.likely_eligible and (a.recommended or a.relevant)
    ]
    deciding = next((leaf for a in open_ for leaf in _unknown(a)), None)
    if deciding is None:
        return None
    fact = deciding.missing[0]
    changes = [
        _change(subject, leaf, a) for a in open_ for leaf in _unknown(a) if fact in leaf.missing
    ]
    names = [a.programme.name for a in open_ if any(fact in leaf.missing for leaf in _unknown(a))]
    ending = "if not, it does not" if len(names) == 1 else "otherwise they do not"
    line = "; ".join(dict.fromkeys(changes)) + f"; {ending}."
    line = line[:1].upper() + line[1:]
    return Clarification(fact=fact, question=_question(fact, deciding, case, subject), changes=line)


def _unknown(assessment: Assessment) -> list[CriterionResult]:
    return [leaf for leaf in assessment.results() if leaf.truth is Truth.unknown and leaf.missing]


def _change(subject: Subject, leaf: CriterionResult, assessment: Assessment) -> str:
    return f"if {_condition(subject, leaf)}, {assessment.programme.name} fits"


def _condition(subject: Subject, leaf: CriterionResult) -> str:
    """The criterion as a condition on the subject: "he is aged 18 to 25"."""
    if "place" in leaf.missing:
        where = leaf.reason.split("; ", 1)[1] if "; " in leaf.reason else leaf.label
        runs = where.split(" runs in ", 1)
        return f"{subject.name} {subject.be} in {runs[1]}" if len(runs) == 2 else where
    return _about(subject, leaf.label)


def _about(subject: Subject, label: str) -> str:
    """A criterion's label said of the subject: "the person is a father" -> "he is a father"."""
    for said in ("the person is ", "the person "):
        if label.startswith(said):
            rest = label[len(said) :]
            if said == "the person is ":
                return f"{subject.name} {subject.be} {rest}"
            verb, _, more = rest.partition(" ")
            verb = _base_verb(verb) if subject.plural else verb
            return f"{subject.name} {verb} {more}".rstrip()
    if label.startswith(("aged ", "under ", "over ")):
        return f"{subject.name} {subject.be} {label}"
    return label


def _base_verb(verb: str) -> str:
    """A verb of a criterion's label without its third-person ending: "studies" -> "study"."""
    if verb == "has":
        return "have"
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("sses", "shes", "ches", "xes", "oes")):
        return verb[:-2]
    return verb[:-1] if verb.endswith("s") else verb


def _question(fact: str, leaf: CriterionResult, case: Case, subject: Subject) -> str:
    name, be = subject.name, subject.be
    if fact == "age":
        return f"How old {be} {name}?"
    if fact == "place":
        asked = _PLACE_QUESTIONS.get(case.setting) if case.setting is not None else None
        if asked is not None:
            return asked.format(be=be, name=name)
        return "Which town or area is this in?"
    return _yes_no(subject, leaf.label)


def _yes_no(subject: Subject, label: str) -> str:
    """A criterion's label as a yes-or-no question: "Is she a victim of domestic abuse?"."""
    name = subject.name
    if label.startswith("the person is "):
        return f"{subject.be.capitalize()} {name} {label[len('the person is ') :]}?"
    if label.startswith("the person "):
        verb, _, more = label[len("the person ") :].partition(" ")
        if verb == "has" and more.startswith("been "):  # "Has she been hurt by violence?"
            return f"{'Have' if subject.plural else 'Has'} {name} {more}?"
        base = _base_verb(verb)
        return f"{subject.do.capitalize()} {name} {base} {more}?".replace("  ", " ")
    if label.startswith("the situation involves "):
        return f"Does the situation involve {label[len('the situation involves ') :]}?"
    if label.startswith("the asker is "):
        return f"Are you {label[len('the asker is ') :]}?"
    return f"Is this so: {label}?"
