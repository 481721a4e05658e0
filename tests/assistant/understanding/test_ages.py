"""Ages as practitioners write them: in brackets after a few words, approximate,
"and a half", "turned 18", a school year, and the first said of several."""

from __future__ import annotations

import pytest

from vrn_assistant.understanding.extraction import extract
from vrn_core import default_catalogue
from vrn_core.case import AgeRange

GAZETTEER = default_catalogue().gazetteer


def _age(question: str) -> int | AgeRange | None:
    case = extract(question, GAZETTEER).case
    return case.age if case.age is not None else case.age_range


@pytest.mark.parametrize(
    ("question", "age"),
    [
        # an age in brackets a few words after the person, with or without a gender
        ("a lad on my caseload (23) has been arrested again", 23),
        ("woman from the refuge (f, 41) wants to talk to someone", 41),
        ("survivor of DA (38, female), lives in Chorley", 38),
        ("pt is 20 and was glassed in Preston", 20),
        ("minor injuries: pt 33, head wound from a fight", 33),
        ("Burnley custody: sixteen and a half, arrested for robbery", 16),
        ("female detainee, just turned 18 on Monday, in for affray", 18),
        ("brothers in Year 3, both 7, their dad is in prison", 7),
        ("21, my dad has been sent down and I need help", 21),
        # "<person> is <age>" with any word for a person
        ("fella is forty, head injury after a fight, in A&E", 40),
        ("the lass is 17 and her boyfriend hits her", 17),
        # approximate ages are a range two years either side
        ("man 40ish, stabbed in the leg outside a pub", AgeRange(min=38, max=42)),
        ("woman aged about thirty, punched by her ex", AgeRange(min=28, max=32)),
        # a range said first, of the subject, wins over a child's age said later
        (
            "woman in her late thirties, her ex hit her, her kids are 5 and 8",
            AgeRange(min=37, max=39),
        ),
        ("client (50s) whose 19 year old son is violent to her", AgeRange(min=50, max=59)),
        ("one of my year 8 girls says her little brother is 3", AgeRange(min=12, max=13)),
        # ... but a teenager said with an age is that age
        ("teenage girl, 15, in A&E after an assault", 15),
    ],
)
def test_age_is_read(question: str, age: int | AgeRange) -> None:
    assert _age(question) == age


@pytest.mark.parametrize(
    "question",
    [
        "waited about 20 minutes at the desk",
        "the wait was two and a half hours",
        "around 30 people came to the training",
        "head of year 9 here, we want a knife crime talk",
        "Year 10 teacher: can the VRN come to school?",
    ],
)
def test_no_age_is_read(question: str) -> None:
    assert _age(question) is None
