"""The general cues that say a word is a name, or that a word which may be a name is not
one here (issue 12, third blind set): one sentence of our own for each rule."""

from __future__ import annotations

import pytest

from vrn_assistant.understanding.redaction import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # initials after a title, and a collar number
        ("ring DSL Mrs K. Haworth at school", "ring DSL Mrs K. [name] at school"),
        ("PC 4410 Whalley attended", "PC [reference] [name] attended"),
        # a surname after an initial and its full stop
        ("I work with R. Fleetwood in the YOT", "I work with R. [name] in the YOT"),
        # a town that is a surname too, after a given name
        ("Insp Dave Bolton here, any coaches free?", "Insp [name] here, any coaches free?"),
        # a place's word opening a sentence, before a surname and a person's verb
        ("Preston Okoro was glassed on Friday", "[name] was glassed on Friday"),
        ("Lancaster Mellor got arrested", "[name] got arrested"),
        # a place's word after a role, before a surname
        ("her nephew Marton Birchall is 15", "her nephew [name] is 15"),
        # a given name that is a word too, after "from" and before a place's surname
        ("a message from Joy Fleetwood, CSC", "a message from [name], CSC"),
        # set off by brackets or commas: who the person is to the writer
        ("rose (my stepdaughter) is 13", "[name] (my stepdaughter) is 13"),
        ("Chase, my 17yo, was stabbed", "[name], my 17yo, was stabbed"),
        # after "i'm", "this is": with an age, even an ordinary word
        ("hiya i'm summer, 14", "hiya i'm [name], 14"),
        ("This is Faith, from the youth club", "This is [name], from the youth club"),
        # ... and a word in no list, before a comma and what the writer is
        ("hiya this is bex, DSL at the academy", "hiya this is [name], DSL at the academy"),
        # a job title (a workplace word, then a role), then where the job is: no name
        (
            "custody nurse blackpool, 23yo in for wounding",
            "custody nurse blackpool, 23yo in for wounding",
        ),
        # a given name that is a word too, opening a sentence before "from"
        ("Joy from the food bank rang me", "[name] from the food bank rang me"),
        # ... or before "is <age> and <doing something>"
        (
            "sky is 15 and hanging round with older lads",
            "[name] is 15 and hanging round with older lads",
        ),
        # a given name opening the message before a comma: the person written to
        ("Rich, could you resend the link?", "[name], could you resend the link?"),
        # a signature: its own line, the last sentence, or after a dash
        ("Can I book?\nThanks,\nHope", "Can I book?\nThanks,\n[name]"),
        ("Hope this helps. Storm", "Hope this helps. [name]"),
        ("is the car out tonight? - Penny (IDVA)", "is the car out tonight? - [name] (IDVA)"),
        # a name ends with its line
        ("Regards\nGrace Mellor\nEarly Help Team", "Regards\n[name]\nEarly Help Team"),
        # function words that are given names, with an age, a possessive or a role
        ("Will, 20, is in Blackpool custody", "[name], 20, is in Blackpool custody"),
        ("Will's dad rang the office", "[name]'s dad rang the office"),
        ("a lad named Will from Chorley", "a lad named [name] from Chorley"),
        ("my grandson Will needs help", "my grandson [name] needs help"),
        # informal kinship words are roles
        ("my gf faith got hit", "my gf [name] got hit"),
        ("my cuz storm got glassed", "my cuz [name] got glassed"),
        # "our" before a given name, as in the north
        ("worried about our Joy, she's 12", "worried about our [name], she's 12"),
        # a possessive before a role word
        ("chase's mum is in prison", "[name]'s mum is in prison"),
        # a given name that is a word, with "and her mum"
        ("Precious and her dad came in", "[name] and her dad came in"),
        # two or three capitals before an age, and beside another name
        ("KT is 16 and excluded", "[name] is 16 and excluded"),
        ("the boys, KT and Jordan, ran", "the boys, [name] and [name], ran"),
        # a given name that is only a place's word, in capitals, before "AND"
        ("MICHAEL AND CHANTAL ARE CARERS", "[name] AND [name] ARE CARERS"),
        # a place's word as a surname: of one family, first in an entry, after "surname is"
        ("we support the Whalley family", "we support the [name] family"),
        ("Marton, Kayla - year 9", "[name], [name] - year 9"),
        ("his surname is Haworth", "his surname is [name]"),
        # a place's word in brackets after a role, or opening a sentence before its age
        ("my client (Mellor) is 30", "my client ([name]) is 30"),
        ("Fleetwood is 17 and lives in Poulton", "[name] is 17 and lives in Poulton"),
        # a given name that is a word too, after a preposition, before "at" or "for"
        ("I got the number from Joy at the hub", "I got the number from [name] at the hub"),
        # a pseudonym given in the text
        ("we will call her Precious, she is 13", "we will call her [name], she is 13"),
    ],
)
def test_names_found_by_general_cues(text: str, expected: str) -> None:
    assert redact(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        # streets, clubs and the words of a proper noun after "of"
        "Is there a youth club on Hope Street?",
        "Lord Street Southport has a drop-in",
        "Grace Road community centre in Darwen",
        "he is a Burnley fan from Padiham",
        "on holiday on the Isle of Man next week",
        "the Bank of England building",
        # places written with spaces for hyphens
        "she lives in Bolton le Sands",
        "a school in Poulton le Fylde",
        # a cafe, a shop or a gallery named for a word that is a given name
        "the Hope Cafe in Preston",
        "Haworth Art Gallery in Accrington",
        # a place's word before an age that is no one's: a distance
        "Preston is 20 and a half miles away",
        # a word that is a given name, as the verb opening a clause
        "Thanks all, Hope this is useful",
        "the grace period applies to Op Provide",
        # public figures in their public role
        "PCC Clive Grunshaw opened the event",
        "Police and Crime Commissioner Clive Grunshaw spoke",
    ],
)
def test_streets_places_and_public_figures_stay(text: str) -> None:
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CSC case 7781204 is open", "CSC case [reference] is open"),
        ("custody: 4471902", "custody: [reference]"),
        ("case 12 was closed in 2021", "case 12 was closed in 2021"),
        ("birth date 02/03/2004", "[date of birth]"),
        ("born on the 3rd of May 2004", "[date of birth]"),
        ("lives at 9 St. Annes Road East", "lives at [address]"),
        ("flat 2 Ribble Court, Preston", "[address], Preston"),
        ("Lancaster LA1 1ND", "Lancaster [postcode]"),
    ],
)
def test_other_details_of_more_shapes(text: str, expected: str) -> None:
    assert redact(text).text == expected
