"""Personal details out, everything else kept: worked examples, properties and the eval set."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import KNOWLEDGE, shared_path
from vrn_assistant.understanding.redaction import (
    Redaction,
    load_lexicon,
    protected_names,
    redact,
)
from vrn_assistant.understanding.safety import assess_danger
from vrn_core import default_catalogue
from vrn_core.errors import CatalogueError
from vrn_core.places import Gazetteer


@pytest.mark.parametrize(
    ("text", "expected", "found"),
    [
        # phones
        ("Call me on 07700 900123.", "Call me on [phone].", ("phone",)),
        ("mob 07700-900-123 anytime", "mob [phone] anytime", ("phone",)),
        ("ring +44 7700 900123", "ring [phone]", ("phone",)),
        ("ring +44 (0)7700 900 123 please", "ring [phone] please", ("phone",)),
        ("office 01772 123456", "office [phone]", ("phone",)),
        ("(01772) 123456 is the desk", "[phone] is the desk", ("phone",)),
        ("0161 496 0000 or 020 7946 0958", "[phone] or [phone]", ("phone",)),
        # other countries' numbers, a mobile's 44 without the plus, dots, labels typed on
        ("her mum's polish mobile +48 512 345 678", "her mum's polish mobile [phone]", ("phone",)),
        ("dad on +2348031234567", "dad on [phone]", ("phone",)),
        ("ring 447700900123", "ring [phone]", ("phone",)),
        ("07700.900.123 after 6", "[phone] after 6", ("phone",)),
        ("mob07700900123", "mob[phone]", ("phone",)),
        ("07700900123/07700900124", "[phone]/[phone]", ("phone",)),
        # emails
        ("email jane.doe+vrn@example.org.uk", "email [email]", ("email",)),
        # dates of birth, but not other dates
        ("DOB 12/03/2001, arrested", "[date of birth], arrested", ("date of birth",)),
        ("d.o.b. 12.03.01", "[date of birth]", ("date of birth",)),
        ("date of birth: 3rd March 2001", "[date of birth]", ("date of birth",)),
        ("he was born 3 March 2001", "he was [date of birth]", ("date of birth",)),
        ("born on March 3, 2001 in Preston", "[date of birth] in Preston", ("date of birth",)),
        ("dob12/03/2005", "[date of birth]", ("date of birth",)),
        ("d/o/b 12/03/05", "[date of birth]", ("date of birth",)),
        ("DOB 12 03 2005, in custody", "[date of birth], in custody", ("date of birth",)),
        # postcodes and addresses
        ("lives in PR1 8XB", "lives in [postcode]", ("postcode",)),
        ("bb2 1aa is her postcode", "[postcode] is her postcode", ("postcode",)),
        ("at 12 Fishergate Road, Preston", "at [address], Preston", ("address",)),
        ("flat 3, 14 Church Street", "[address]", ("address",)),
        ("lives at 7a Lord St in Fleetwood", "lives at [address] in Fleetwood", ("address",)),
        ("at 12 fishergate road", "at [address]", ("address",)),
        ("moved to Flat 2 last week", "moved to [address] last week", ("address",)),
        # reference numbers
        ("crime ref CR/12345/20", "crime ref [reference]", ("reference",)),
        ("ref 123456 please", "ref [reference] please", ("reference",)),
        ("log 0456 from last night", "log [reference] from last night", ("reference",)),
        ("URN 12AB3456789", "URN [reference]", ("reference",)),
        ("incident number 06/123456/20", "incident number [reference]", ("reference",)),
        ("custody record 1234567", "custody record [reference]", ("reference",)),
        # NHS and NI numbers
        ("NHS number 485 777 3456", "[NHS number]", ("NHS number",)),
        ("patient 4857773456 in ED", "patient [NHS number] in ED", ("NHS number",)),
        ("NI AB123456C", "NI [NI number]", ("NI number",)),
        ("ni no ab 12 34 56 c", "ni no [NI number]", ("NI number",)),
        # names
        ("named John Smith, arrested", "named [name], arrested", ("name",)),
        ("a lad called Sarah", "a lad called [name]", ("name",)),
        ("Mr Smith is 22", "Mr [name] is 22", ("name",)),
        ("Mrs O'Neill and Dr Patel", "Mrs [name] and Dr [name]", ("name",)),
        ("my client Jane Doe", "my client [name]", ("name",)),
        ("his name is john smith", "his name is [name]", ("name",)),
        ("her name's Kayleigh", "her name's [name]", ("name",)),
        ("Tom Jones, 22, arrested in Preston", "[name], 22, arrested in Preston", ("name",)),
        ("Ellie Ward (15) at school", "[name] (15) at school", ("name",)),
        ("Her son Tyler is 15", "Her son [name] is 15", ("name",)),
        ("Connor was arrested again", "[name] was arrested again", ("name",)),
        ("Liam Hughes has been excluded", "[name] has been excluded", ("name",)),
        # several kinds at once, in order of the rules
        (
            "Jack Smith, 19, DOB 01/02/2003, 07700 900123, PR1 8XB",
            "[name], 19, [date of birth], [phone], [postcode]",
            ("date of birth", "phone", "postcode", "name"),
        ),
    ],
)
def test_personal_details_are_replaced(text: str, expected: str, found: tuple[str, ...]) -> None:
    redaction = redact(text)
    assert (redaction.text, redaction.found) == (expected, found)


@pytest.mark.parametrize(
    "text",
    [
        # places, programmes and sentence-starting common words
        "Dad serving a sentence at HMP Lancaster Farms wants to see his kids.",
        "Young woman, 19, in police custody in Preston.",
        "Lad aged 17 held in custody at Blackpool.",
        "Mum of a prisoner at HMP Haverigg.",
        "Teenager, 14, whose mum is in prison.",
        "ED Navigators at Blackpool Victoria Hospital and Royal Preston Hospital.",
        "Operation Provide, Operation ADDER, DIVERT and Strength Inside and Out.",
        "Mia's Story is for children of prisoners.",
        "I'm on the BSc Professional Policing course at UCLan.",
        "Victim Support and other partner agencies in Lytham St Annes.",
        "A programme called Strength Inside and Out.",
        "Social work team in Wyre, Lancashire County Council.",
        # ages, counts, ordinary dates, service numbers
        "A 22 year old, aged 17, 24yo, 19 y/o, twenty-three year old.",
        "Police were called last night; it happened in February 2021 at 3am.",
        "Over 700 schools and 16 partner agencies; 449,000 people; 24/7.",
        "Call 999, or Childline on 0800 1111, or Samaritans on 116 123.",
        "He was arrested 2 times in a row; 15 pupils view the video.",
        "He was born in 2003 and lives near the M6.",
        "Year 9 pupils at St Mary's Catholic Academy and St. John's.",
        "police were called last night and he was taken to the station",
    ],
)
def test_ordinary_words_are_kept(text: str) -> None:
    assert redact(text) == Redaction(text=text, found=())


@pytest.mark.parametrize(
    "text",
    [
        "my little boy came out of the pool, lips blue, he isnt breathing right",
        "after he kicked her head she keeps seeing double and throwing up",
        "think my ribs are broken, struggling to breathe tbh",
    ],
)
def test_no_sign_of_danger_is_redacted_away_as_a_name(text: str) -> None:
    """Two lower-case words in no list read as a name ("kacper nowak"), but the danger
    check's own words never do: the emergency must survive redaction."""
    redacted = redact(text).text
    assert redacted == text
    assert assess_danger(redacted) is not None


def _place_names() -> list[str]:
    gazetteer = Gazetteer.default()
    return sorted({name for place in gazetteer for name in (place.name, *place.aliases)})


def test_no_place_name_is_taken_for_a_name() -> None:
    wrong = [name for name in _place_names() if redact(f"He lives in {name} now.").found != ()]
    assert wrong == []


def test_no_programme_name_is_taken_for_a_name() -> None:
    names = []
    for path in sorted((KNOWLEDGE / "programmes").glob("*.yaml")):
        record = yaml.safe_load(path.read_text("utf-8"))
        names += [record["name"], *record.get("aliases", [])]
    assert names
    wrong = [name for name in names if redact(f"Is {name} running?").found != ()]
    assert wrong == []


def test_the_protected_names_are_the_catalogues() -> None:
    names = protected_names(default_catalogue())
    assert {
        "DIVERT",
        "Strength Inside and Out",
        "Mia's Story",
        "HMP Lancaster Farms",
        "Blackpool Victoria Hospital",
        "Hesketh Bank",
        "UCLan",
        "Lancashire",
    } <= names
    # one-word towns can be surnames: kept only inside longer names
    assert not {"Preston", "Nelson", "Pilling", "Lancaster"} & names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a lad named Lancaster Farms", "a lad named Lancaster Farms"),
        ("my client Operation Provide", "my client Operation Provide"),
        ("Jack Nelson, 22, arrested in Nelson", "[name], 22, arrested in Nelson"),
        ("Mr Preston from HMP Preston", "Mr [name] from HMP Preston"),
        ("Dean Hesketh, 40, lives in Hesketh Bank", "[name], 40, lives in Hesketh Bank"),
        (
            "my client Victoria at Blackpool Victoria Hospital",
            "my client [name] at Blackpool Victoria Hospital",
        ),
    ],
)
def test_catalogue_names_are_kept_whole_and_surnames_are_not(text: str, expected: str) -> None:
    assert redact(text).text == expected


def test_the_protected_names_can_be_passed_in() -> None:
    assert redact("my client Zorblax Prime").text == "my client [name]"
    kept = redact("my client Zorblax Prime", protected=frozenset({"Zorblax Prime"}))
    assert kept == Redaction(text="my client Zorblax Prime", found=())
    assert redact("a lad named Lancaster Farms", protected=()).text == "a lad named [name]"


def test_eval_questions_carry_no_personal_details() -> None:
    questions = [
        json.loads(line)["question"]
        for name in ("dev.jsonl", "dev-documents.jsonl")
        for line in shared_path("eval", name).read_text("utf-8").splitlines()
        if line.strip()
    ]
    assert len(questions) >= 33
    changed = [(q, redact(q)) for q in questions if redact(q) != Redaction(text=q, found=())]
    assert changed == []


_PIECES = st.sampled_from(
    [
        "Mr ",
        "Jack ",
        "Smith",
        ", 22",
        " (19) ",
        "07700 900123",
        "+44 ",
        "0",
        "PR1 8XB",
        "12 High Street",
        "flat 3, ",
        "DOB ",
        "12/03/2001",
        "ref ",
        "CR/12345/20",
        "NHS ",
        "485 777 3456",
        "AB123456C",
        "named ",
        "called ",
        "my client ",
        "[name]",
        "Preston ",
        "a@b.co",
        " ",
        ",",
        ".",
        "\n",
        "aged 17",
        "year old",
    ]
)
_TEXT = st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=25).map("".join))


@settings(max_examples=300)
@given(_TEXT)
def test_redact_never_raises_and_is_idempotent(text: str) -> None:
    once = redact(text)
    assert isinstance(once.text, str)
    assert redact(once.text).text == once.text


def test_found_kinds_are_listed_once() -> None:
    result = redact("07700 900123 or 07700 900124, Mr Smith and Mrs Jones")
    assert result.found == ("phone", "name")


# --- Issue 12: names that were kept while the app said none were found -------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # lower case after a role
        ("my son jamal was arrested in Preston", "my son [name] was arrested in Preston"),
        # the writer introducing themselves before "from", a name with accents
        ("hiya its Shaz from the school office", "hiya its [name] from the school office"),
        ("hi its Gráinne, from the family hub", "hi its [name], from the family hub"),
        ("Zoë is 15 and scared of her stepdad", "[name] is 15 and scared of her stepdad"),
        # signing off: a dash and a role or an office, a kiss
        (
            "Is DIVERT in Burnley yet? - Jo, solicitor",
            "Is DIVERT in Burnley yet? - [name], solicitor",
        ),
        ("Any news? - Jo, solicitor's office", "Any news? - [name], solicitor's office"),
        ("Give me a shout. Dawn x", "Give me a shout. [name] x"),
        ("my client stacey-jo has left him", "my client [name] has left him"),
        ("with her daughter, niamh, both bruised", "with her daughter, [name], both bruised"),
        ("her ex partner pooja won't let him in", "her ex partner [name] won't let him in"),
        # after a verb of talking, in lower case
        ("I spoke to zanele yesterday", "I spoke to [name] yesterday"),
        # before an age, in any case
        ("Tell me about jamal, 19", "Tell me about [name], 19"),
        ("amber, 14, keeps going missing", "[name], 14, keeps going missing"),
        # starting a sentence: a second name word, a verb, an age
        ("Kwabena Mensah was arrested.", "[name] was arrested."),
        ("Hope was brought in by ambulance.", "[name] was brought in by ambulance."),
        ("Jordan is 20 and lives in Chorley.", "[name] is 20 and lives in Chorley."),
        # capitals
        (
            "ABDUL KARIM MIAH IN YEAR 10 IS IN A GANG IN NELSON.",
            "[name] IN YEAR 10 IS IN A GANG IN NELSON.",
        ),
        ("client SKYE MORRISON keeps retracting", "client [name] keeps retracting"),
        ("I'M MRS WILLIAMS, A TEACHER.", "I'M MRS [name], A TEACHER."),
        # the subject of "Can ... get help?", whether or not it is also a word
        ("Can Tatenda get help?", "Can [name] get help?"),
        ("Can Rose get help? She's 34.", "Can [name] get help? She's 34."),
        # names of many origins, particles, nicknames, later mentions
        ("Tomás Ó Briain, 31, in custody", "[name], 31, in custody"),
        ("a detainee called Yusuf bin Rashid", "a detainee called [name]"),
        ('detainee Chukwuemeka "Emeka" Okafor', "detainee [name]"),
        ("i have a lad, lucas van der berg, 15", "i have a lad, [name], 15"),
        ("Mark and Frank Sutton, twins aged 19", "[name] and [name], twins aged 19"),
        ("his mum Leanne told me. Leanne is scared.", "his mum [name] told me. [name] is scared."),
        ("siobhán came in, siobhán says it's her ex", "[name] came in, [name] says it's her ex"),
        ("Can Rashid Miah's son get help?", "Can [name]'s son get help?"),
    ],
)
def test_names_that_leaked_are_replaced(text: str, expected: str) -> None:
    assert redact(text) == Redaction(text=expected, found=("name",))


@pytest.mark.parametrize(
    "text",
    [
        # a hospital's everyday short names, the navigators' short name
        "She was taken to the Vic with stab wounds.",
        "Would Op Provide or ED Navs be better for her?",
        "ED Nav pls, he's in cubicle 3",
        "URGENT detainee in cell 4 at Blackpool is not responding",
        "patient in resus bay 2 asking for the navigators",
        "brought into Vic last night after a fight",
        "Hi im a nurse at blackpool vic, can I refer?",
        "He is at RPH now, can the navigators see him?",
        "attended Royal Preston with a broken jaw",
        "A&E nurse at Burnley General asking",
        "came into A&E at Royal Blackburn with a head injury",
        # places, organisations and peoples, capitalised or not
        "outside a club on Friargate in Preston",
        "took her to Pakistan and left her there",
        "Is there an interpreter for Tigrinya? She is Eritrean.",
        "teacher in colne, moved to chorley",
        "Does Fylde and Wyre Children's Social Care use it?",
        "Is it County Hall in Preston, or Police Headquarters in Hutton?",
        "I work for Blackpool Football Club Community Trust.",
        "Gypsy/Roma/Traveller families on a site near Preston",
        "WHAT AGE RANGE DOES DIVERT WORK WITH?",
        "CAN ED NAVIGATORS HELP OR IS IT CAMHS",
        "Is Operation Adderr running in Blackpool yet?",
        "I am an IDVA in Blackburn, my client is 30 and her ex stalks her",
        "Working with Barnardo's and Childline on this case",
        "15 pupils view the video",
        # ages said as a decade after the word for the person
        "Lancaster custody, male mid thirties, assault on his neighbour",
        "woman, mid-forties, in A&E",
    ],
)
def test_places_organisations_and_words_are_not_names(text: str) -> None:
    assert redact(text) == Redaction(text=text, found=())


def test_found_lists_every_kind_replaced_so_the_answer_can_say_what_went() -> None:
    result = redact(
        "My client Jane Doe, DOB 01/02/2003, 07700 900123, jane@example.org, 14 Hope Street,"
        " PR1 8XB, NHS number 485 777 3456, NI AB123456C, crime ref CR/12345/20"
    )
    assert set(result.found) == {
        "name",
        "date of birth",
        "phone",
        "email",
        "address",
        "postcode",
        "NHS number",
        "NI number",
        "reference",
    }
    for placeholder in ("[name]", "[phone]", "[email]", "[address]", "[reference]"):
        assert placeholder in result.text
    assert redact("What does DIVERT offer in Preston?").found == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CRN X123456, wants support", "CRN [reference], wants support"),
        ("PC 2345 attended, victim declined", "PC [reference] attended, victim declined"),
        ("sgt 1187 here at Preston custody", "sgt [reference] here at Preston custody"),
        ("UPN A123456789012 in year 9", "UPN [reference] in year 9"),
        ("Case ref LCS-4471902.", "Case ref [reference]."),
        ("Mum gave LCS-4471902 as the number", "Mum gave [reference] as the number"),
        ("Nathan (PNC 19/0123456X) wants", "[name] (PNC [reference]) wants"),
        ("custody ref BP-24-008812, he has", "custody ref [reference], he has"),
        ("out of 31 Audley Range last night", "out of [address] last night"),
    ],
)
def test_references_and_addresses_of_other_shapes(text: str, expected: str) -> None:
    assert redact(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date in figures next to a name is that person's date of birth
        ("Kyle Hughes (02/11/2002) arrested", "[name] ([date of birth]) arrested"),
        (
            "client Aisha, 14.03.1991, lives Blackburn",
            "client [name], [date of birth], lives Blackburn",
        ),
        (
            "Referral for Leah Moss 22/08/2004 Preston",
            "Referral for [name] [date of birth] Preston",
        ),
        # where a home is said to be, a lower-case street is still an address
        ("lives at 3 primrose close", "lives at [address]"),
        ("living on 4 oak close in Chorley", "living on [address] in Chorley"),
        ("he lives at 7 The Crescent, Lytham", "he lives at [address], Lytham"),
        ("her insta is @jess_x99.", "her insta is [social media handle]."),
        ("reg AB12 CDE seen outside", "reg [vehicle registration] seen outside"),
        ("his car, AB12CDE, was", "his car, [vehicle registration], was"),
        (
            "assaulted in Blackburn, log 0612 of 14/10/2020.",
            "assaulted in Blackburn, log [reference].",
        ),
        ("DA victim, Fleetwood, wants IDVA support", "DA victim, Fleetwood, wants IDVA support"),
        ("my son, Marton, is 19", "my son, [name], is 19"),
        ("hi its kez, my partner is in HMP Kirkham", "hi its [name], my partner is in HMP Kirkham"),
        ("Mark and Will are brothers, 19 and 22", "[name] and [name] are brothers, 19 and 22"),
        ("Preston and Burnley are twinned towns", "Preston and Burnley are twinned towns"),
    ],
)
def test_more_shapes_of_personal_details(text: str, expected: str) -> None:
    assert redact(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "By Jane Smith, 3 November 2021: the navigators now work in six towns",
        "she was seen on 12/10/2020 at BVH",
        "staying at 2 mates place since Friday",
        "at 7 the road was closed",
        "I'm @ BVH with him now",
        "moved in 2 weeks ago",
    ],
)
def test_bylines_event_dates_and_everyday_words_stay(text: str) -> None:
    assert "[" not in redact(text).text.replace("[name]", "")


# --- The lexicon is read strictly ------------------------------------------------------------


def _lexicon_with(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    data = yaml.safe_load((KNOWLEDGE / "lexicon" / "names.yaml").read_text("utf-8"))
    change(data)
    path = tmp_path / "names.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return path


def test_the_shipped_lexicon_loads() -> None:
    lexicon = load_lexicon()
    assert "jamal" not in lexicon.ordinary_words
    assert {"client", "son", "daughter"} <= lexicon.roles


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(nicknames=["jj"]), "nicknames"),
        (lambda d: d["roles"].append("Client2"), "lower case"),
        (lambda d: d["roles"].append("client"), "twice"),
        (lambda d: d["first_names"].append("the"), "function_words and first_names"),
        (lambda d: d["ordinary_words"].append("two words"), "one word"),
        (lambda d: d["ordinary_words"].append("kids'"), "possessive"),
        (lambda d: d.pop("titles"), "titles"),
        (lambda d: d.pop("name_endings"), "name_endings"),
        (lambda d: d["nickname_words"].append("Big"), "lower case"),
    ],
)
def test_a_bad_lexicon_is_a_catalogue_error(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    with pytest.raises(CatalogueError, match=message) as error:
        load_lexicon(_lexicon_with(tmp_path, change))
    assert "names.yaml" in str(error.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word that is a function word too, capitalised before a surname after a role
        ("my client Will Okafor (19) is due out", "my client [name] (19) is due out"),
        # a place's name after a singular role, with a verb or an age after it
        ("my son Clitheroe is 20 and in custody", "my son [name] is 20 and in custody"),
        # a place's word before a surname, then the same word again
        ("Male, 30, Chorley Murray (goes by Chorley)", "Male, 30, [name] (goes by [name])"),
        # a capitalised word after a place's word names the place's school or club
        ("she is at Hutton Grammar now", "she is at Hutton Grammar now"),
        # "its" for "it's" before a given name
        ("hiya its Bethany from the youth club", "hiya its [name] from the youth club"),
        # "name" as an item in a list of facts
        ("girl from Bacup, 15, name shanice.", "girl from Bacup, 15, name [name]."),
        # "the ... family", "the ... twins"
        ("asking for the Adeyemi twins", "asking for the [name] twins"),
        # a lower-case plain title before a given name that is an ordinary word too
        ("client is mrs hope mensah", "client is mrs [name]"),
        # a given name that is a word too, closing a list in lower case
        ("my kids (tyler and hunter) miss him", "my kids ([name] and [name]) miss him"),
        # a nickname word capitalised before a name
        ("ask for Big Dave at the gym", "ask for [name] at the gym"),
        # a surname shaped like no English word, in any case
        ("is tkachenko eligible for divert", "is [name] eligible for divert"),
        ("what about the popescu lad", "what about the [name] lad"),
        ("can DIVERT see WIŚNIEWSKA today", "can DIVERT see [name] today"),
        # given names of many origins in lower case
        ("my nephew tendai got hurt", "my nephew [name] got hurt"),
        ("her friend kasia rang", "her friend [name] rang"),
    ],
)
def test_general_name_cues(text: str, expected: str) -> None:
    assert redact(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a prison the gazetteer does not know, after HMP or HMYOI
        ("her mum is in HMP Askham Grange", "her mum is in HMP Askham Grange"),
        ("dad moved to hmyoi thorn", "dad moved to hmyoi thorn"),
        # "Op" for Operation in a programme's name
        ("Can Op Provide help her?", "Can Op Provide help her?"),
        # an organisation's words after a county
        (
            "training for Lancashire Fire and Rescue staff",
            "training for Lancashire Fire and Rescue staff",
        ),
        # a city abroad after "from"
        ("he is 19 and from Addis Ababa", "he is 19 and from Addis Ababa"),
        # a place's word taken as a name is not taken where it names a place
        ("Jon Chorley, 22, arrested in Chorley", "[name], 22, arrested in Chorley"),
    ],
)
def test_places_prisons_and_programmes_stay(text: str, expected: str) -> None:
    assert redact(text).text == expected


@pytest.mark.parametrize(
    "text",
    ["NI number QQ 12 34 56 C, please", "ni: ab123456d", "NINO TN 31 12 58 A."],
)
def test_ni_numbers_of_any_prefix_are_replaced(text: str) -> None:
    result = redact(text)
    assert "[NI number]" in result.text and "NI number" in result.found


@pytest.mark.parametrize("letter", ["s", "S", "a"])
def test_a_long_run_of_one_letter_is_read_without_recursion(letter: str) -> None:
    """ "ssss..." once recursed a level per letter (the plural rule) and crashed."""
    text = f"he is 19 {letter * 3_000}"
    assert redact(text).text.startswith("he is 19")
