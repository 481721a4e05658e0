"""Ages as practitioners write them: in brackets after a few words, approximate,
"and a half", "turned 18", a school year, and the first said of several; a birthday
still to come ("nearly 18"), two ages either way ("18 or 19") and bounds ("under 18")."""

from __future__ import annotations

from datetime import date

import pytest

from vrn_assistant.understanding.extraction import extract
from vrn_core import default_catalogue
from vrn_core.assessment import assess
from vrn_core.case import AgeRange
from vrn_core.criteria import Truth
from vrn_core.vocabulary import Setting

GAZETTEER = default_catalogue().gazetteer


def _age(question: str) -> int | AgeRange | None:
    case = extract(question, GAZETTEER).case
    return case.age if case.age is not None else case.age_range


@pytest.mark.parametrize(
    ("question", "age"),
    [
        ("can divert see someone whos 30, in for ABH at blackpool", 30),
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
        # everyday words for the person, and a place between the person and the age
        ("my gf is 22, shes in blackpool custody for shoplifting", 22),
        ("my cuz is 21 n in burnley custody 4 GBH", 21),
        ("unaccompanied asylum seeker 16, no family here", 16),
        ("DA worker: client in Chorley 31, partner's very controlling", 31),
        ("one of our year 11s was stabbed at the weekend", AgeRange(min=15, max=16)),
        ("PO Lancaster: client, mid-twenties, arrested again", AgeRange(min=24, max=26)),
        # a birthday still to come is a year short of the number said
        ("my lad is nearly 18, arrested last night in Preston", 17),
        ("he's almost 26, in custody at Preston", 25),
        ("coming up 18, held at Blackpool for affray", 17),
        ("she turns 18 next week and is in custody at Blackpool", 17),
        ("he's 18 on Saturday, arrested for criminal damage", 17),
        ("she will be 18 next month, her boyfriend hits her", 17),
        ("he'll be 18 in March and he's in the cells", 17),
        # ... but one already past is not
        ("he turned 18 on Monday, arrested for affray", 18),
        ("just gone 18, arrested in Blackpool", 18),
        ("he's only just 18 and in custody", 18),
        ("my client - 23 - is in custody at Blackburn", 23),
        # two ages either way are a range
        ("she's 18 or 19, in custody at Preston", AgeRange(min=18, max=19)),
        ("lad, aged 18-20, arrested in Lancaster", AgeRange(min=18, max=20)),
        ("he is between 18 and 20 and was glassed", AgeRange(min=18, max=20)),
        ("a twenty-something lad in A&E after a fight", AgeRange(min=20, max=29)),
        # bounds: below or above an age
        ("he's under 18, in custody at Preston", AgeRange(min=0, max=17)),
        ("he's not 18 yet but he's been arrested", AgeRange(min=0, max=17)),
        ("an under-18 in custody at Blackburn", AgeRange(min=0, max=17)),
        ("she's still a minor and her boyfriend is 24", AgeRange(min=0, max=17)),
        ("she's over 25 and in custody at Preston", AgeRange(min=26, max=120)),
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
        "nearly 100 young people were referred last year",
        "is DIVERT only for under 18s?",
        "is there anything for over 25s",
        "he was arrested between 10 and 11 last night",
        "a minor injury to his hand after a fall",
    ],
)
def test_no_age_is_read(question: str) -> None:
    assert _age(question) is None


@pytest.mark.parametrize(
    ("question", "truth", "reason"),
    [
        ("my lad is nearly 18, in custody at Preston for affray", Truth.not_met, "17 is below"),
        ("he's almost 26, in custody at Preston for affray", Truth.met, "25 is within"),
        ("he's under 18, in custody at Preston", Truth.not_met, "an age under 18 is below"),
        ("she's over 25 and in custody at Preston", Truth.not_met, "an age over 25 is above"),
        ("she's 18 or 19, in custody at Preston", Truth.met, "18–19 is within"),
    ],
)
def test_an_age_near_a_band_edge_decides_divert(question: str, truth: Truth, reason: str) -> None:
    case = extract(question, GAZETTEER).case
    divert = assess(default_catalogue().get("divert"), case, date(2021, 1, 15), GAZETTEER)
    age = next(result for result in divert.criteria if "age" in result.id)
    assert (age.truth, reason in age.reason) == (truth, True)


def test_a_setting_said_negated_is_known_not_to_hold() -> None:
    case = extract("He's not in custody, he is 22 and lives in Preston", GAZETTEER).case
    assert case.setting is None and case.without_settings == {Setting.police_custody}
