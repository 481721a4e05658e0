"""Names that are everyday words, or written where case says nothing (issue 12, the names5
work): a function word or verb that is a given name where only a name fits, a sentence in
capitals, a lower-case name opening a sentence, a writer naming themselves, a nickname.
One sentence of our own for each rule, and the ordinary words beside them that stay."""

from __future__ import annotations

import pytest

from vrn_assistant.understanding.redaction import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a function word that is a given name, as the subject of a yes/no question
        ("Could Will come to the Tuesday group?", "Could [name] come to the Tuesday group?"),
        ("So does Will still need a referral?", "So does [name] still need a referral?"),
        ("Has Will been seen by a coach?", "Has [name] been seen by a coach?"),
        ("Can May join the dads group?", "Can [name] join the dads group?"),
        ("does will need a form", "does [name] need a form"),
        ("COULD WILL ATTEND ON MONDAY?", "COULD [name] ATTEND ON MONDAY?"),
        # ... and as the subject of a finite verb opening a sentence or clause
        ("Will was cautioned in Chorley.", "[name] was cautioned in Chorley."),
        ("WILL HAS BEEN REMANDED AGAIN", "[name] HAS BEEN REMANDED AGAIN"),
        # given names that are everyday words: Said, Can, Guy
        ("Said wants to train as a mentor", "[name] wants to train as a mentor"),
        ("Can is 16 and lives in Accrington", "[name] is 16 and lives in Accrington"),
        ("my nephew Said is 15", "my nephew [name] is 15"),
        ("Guy has a court date next week", "[name] has a court date next week"),
        # in plain writing, a word that may be a name between a modal and a verb of help
        ("can jolene get help?", "can [name] get help?"),
        ("CAN ROBIN ACCESS THE COURSE?", "CAN [name] ACCESS THE COURSE?"),
        ("could destiny okoro join the group?", "could [name] join the group?"),
        # a lower-case name opening a sentence: "'s" or "is" and what is said of a person
        ("jed's on remand at the moment", "[name]'s on remand at the moment"),
        ("olly is in hospital after the fight", "[name] is in hospital after the fight"),
        ("tam's been charged with affray", "[name]'s been charged with affray"),
        ("zev's gone missing again", "[name]'s gone missing again"),
        ("ROSS'S IN THE CELLS", "[name]'S IN THE CELLS"),
        # ... or "and" and their kin
        ("tay and her sister need support", "[name] and her sister need support"),
        ("JAZ AND HIS COUSIN GOT JUMPED", "[name] AND HIS COUSIN GOT JUMPED"),
        # a writer naming themselves: "<name> from <where> here", "<name> here"
        ("Dee from the refuge here, quick question", "[name] from the refuge here, quick question"),
        (
            "DEE FROM THE REFUGE HERE. IS THERE A WAITING LIST?",
            "[name] FROM THE REFUGE HERE. IS THERE A WAITING LIST?",
        ),
        ("hiya, tilly here from the academy", "hiya, [name] here from the academy"),
        ("Morning - Jo here.", "Morning - [name] here."),
        ("hi its zed from the youth club", "hi its [name] from the youth club"),
        ("hiya it's rose from the food bank", "hiya it's [name] from the food bank"),
        ("hello, wiktor here (housing)", "hello, [name] here (housing)"),
        # the person written to, after a greeting, in plain writing
        ("hiya frank, is the form online?", "hiya [name], is the form online?"),
        # a short sentence in a text written in capitals: its capitals say nothing
        (
            "CAN I BOOK ON THE FEB SESSION. CHEERS, LINDA",
            "CAN I BOOK ON THE FEB SESSION. CHEERS, [name]",
        ),
        # what others call someone, even an everyday word
        ("the lads call him Biscuit, he's 15", "the lads call him [name], he's 15"),
        ("he goes by Ghost online", "he goes by [name] online"),
        # a family's surname opening the sentence
        ("O'Neill brothers both in custody", "[name] brothers both in custody"),
        # after "my daughter", a country's name with her age is her name
        (
            "my daughter India is 11, her dad got 4 years",
            "my daughter [name] is 11, her dad got 4 years",
        ),
        # given names of many origins, in lower case as typed
        ("spoke to faduma and tatenda yesterday", "spoke to [name] and [name] yesterday"),
        ("siobhan and oluwaseun are both 16", "[name] and [name] are both 16"),
        # a title or a word as a surname, capitalised after a given name
        ("DC Rachel Lord and PC Amir from Burnley", "DC [name] and PC [name] from Burnley"),
        # a nationality beside a name stays, however rare
        ("Ibrahim Diallo, 20, Guinean, arrested", "[name], 20, Guinean, arrested"),
    ],
)
def test_names_that_are_words_or_written_plain(text: str, expected: str) -> None:
    assert redact(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        # modals, months and ordinary words where a name could stand
        "will he get help?",
        "Will they still run the course?",
        "Is May too late to start a referral?",
        "Will May be a busy month for training?",
        "May was a busy month for referrals.",
        "She said has anyone been in touch",
        "the guy is in custody at Blackpool",
        "can charity shops take donations?",
        "will hope be enough for him?",
        "can police attend the session?",
        # a lower-case word opening a sentence before "'s" or "and"
        "work's been mad this week",
        "school's in the middle of exams",
        "life's hard in care homes",
        "it's in court next week",
        "me and his brother went to the gym",
        # someone saying what they are, not who
        "Update from the YOT here: coaches are back",
        "Nurses from the ED here, what can we refer to?",
        "IDVA here, quick question about Clare's Law",
        "Update here, any news?",
        "hi, update here",
        "it's summer from june to august",
        "hi all, hope this helps",
        # an organisation named in passing, and what is not a nickname
        "i work for Calico housing in Burnley",
        "I called Social Services yesterday",
        "it is known as County Lines",
        "call me Monday about it",
        # a law named after the person it was made for
        "Can she apply under Sarah's Law?",
        # "lives" as a noun, not a person's verb
        "precious lives are being lost in blackpool.",
    ],
)
def test_ordinary_words_beside_them_stay(text: str) -> None:
    assert redact(text).text == text


def test_a_title_written_out_stays_before_the_name() -> None:
    assert redact("this is Reverend Ann Tuckett, chaplain").text == (
        "this is Reverend [name], chaplain"
    )
    assert redact("Pastor Femi Adeyemi runs the youth club").text == (
        "Pastor [name] runs the youth club"
    )
