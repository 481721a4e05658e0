"""The general patterns of danger now (issues 8 and 12): each shown with a message it
finds and a near miss it must leave alone. Written for these tests, not taken from the
blind sets."""

from __future__ import annotations

import pytest

from vrn_assistant.understanding.safety import assess_danger, evidence

# (pattern, an emergency it finds, a message alike in words that is not one)
PAIRS = [
    (
        "<person>'s before where or how they are reads as <person> is",
        "my uncle's outside with a machete",
        "my uncle's machete collection is in the loft, is that legal?",
    ),
    (
        "<person>'s before a past participle reads as <person> has (told now)",
        "the prisoner's tied a sheet round his neck",
        "the prisoner tied a sheet round his neck in 2021, he gets support now",
    ),
    (
        "someone in it has just been in touch: what they report is now",
        "my cousin has just texted me, her boyfriend won't let her out of the flat",
        "my cousin's boyfriend never lets her go out with friends, is that abuse?",
    ),
    (
        "a threat against whoever, or on a condition, is only a weak sign",
        "he's at the door shouting he'll stab anyone who opens it",
        "my brother keeps saying he'll knock out anyone who disrespects him",
    ),
    (
        "a threat for tomorrow is not now",
        "the lad is outside now saying he's going to stab my son",
        "the lad says he's going to stab my son tomorrow after school",
    ),
    (
        "an event seen just now is now",
        "i just saw a girl get punched to the ground by the bus station",
        "i saw a girl get punched at the bus station last summer",
    ),
    (
        "blood flowing, the verb first",
        "his hand is gushing blood after he punched the mirror",
        "how much blood can a person lose before it is dangerous? first aid course",
    ),
    (
        "a fresh wound brought in, told now",
        "my nephew has just staggered in with a knife wound to his side",
        "my nephew came home with a knife wound in 2022 and had surgery, he's fine now",
    ),
    (
        "someone thrown or pushed somewhere, told now",
        "he has just shoved her down the stairs and she is crying",
        "he shoved her down the stairs years ago and she left him",
    ),
    (
        "a body lying still, or unable to get up",
        "an old man has fallen in the street and he can't get up, he's just lying there",
        "my grandad can't get up the stairs any more, is there help with a stairlift?",
    ),
    (
        "something round the neck or over the face now",
        "she has a scarf tied round her neck and is standing on the bed",
        "our ligature training covers what to do about a scarf round someone's neck",
    ),
    (
        "the means to die at hand",
        "i have a box of tablets in my hand and i want to die",
        "my mum keeps her tablets in the kitchen, how do i help her take them on time?",
    ),
    (
        "an accident told now, with a second sign",
        "my son has just come off his bike through a car window and he can't get up",
        "my son came off his bike last month and broke his wrist, he's healing well",
    ),
    (
        "breaking into a home or car",
        "someone is breaking into my flat right now",
        "my son was caught breaking into cars, is there a youth diversion scheme?",
    ),
    (
        "someone in the water",
        "there's a child in the canal near the lock",
        "we take the youth club canoeing on the canal in summer, what safety training?",
    ),
    (
        "a weapon brought to someone, told now",
        "three men have just come to my door with baseball bats",
        "three men came to my door with baseball bats last year, i still feel unsafe",
    ),
    (
        "the one who hurt someone, here now",
        "the lads who robbed my son are waiting outside the school",
        "the lads who robbed my son have been sentenced, is there victim support?",
    ),
    (
        "medical signs, two together",
        "my wife is clutching her chest and has gone grey and sweaty",
        "my wife had chest pains last year, are there cardiac rehab groups?",
    ),
    (
        "a cry for help asked about is no cry",
        "please help he's outside my flat with a bat",
        "how do i get her help, her ex has been outside her flat a lot",
    ),
    (
        "already in professional hands",
        "he's bleeding from his head and the ambulance is still 20 minutes away",
        "the paramedics are with him and have taken over, what support is there after?",
    ),
    (
        "before as an adverb is the past",
        "he is outside with a knife, please come before he gets in",
        "he has been stabbed before and now he won't go into town",
    ),
    (
        "a minor injury is not serious",
        "she is bleeding heavily from her arm and it won't stop",
        "she is bleeding from a small cut on her finger, do we need first aid training?",
    ),
    (
        "violence that keeps happening needs a sign of now beside it",
        "he keeps kicking her and i can hear her screaming through the wall",
        "my stepdad keeps kicking my mum, where can she get support?",
    ),
    (
        "violence going on for a while is abuse to refer, not an attack now",
        "my brother has been punching me all night and he's locked the front door",
        "my brother has been punching me, is there a service for teenagers?",
    ),
    (
        "a habit of turning up and smashing things is not now",
        "he keeps turning up at her flat and smashing her windows, he's doing it right now",
        "he keeps turning up at her flat and smashing her windows, any help?",
    ),
    (
        "hit by someone named needs a sign of now",
        "my sister is being hit by her boyfriend right now in the flat above",
        "a young dad being hit by his partner, what services are in Chorley?",
    ),
    (
        "the weapon of an event told in the past is its detail",
        "he hit her with a bottle and he is still in the house",
        "a patient on our ward was hit with a bottle outside a pub in Preston, any programmes?",
    ),
    (
        "the place of an event told in the past is its detail, not where they are now",
        "the lad who punched my son is at our front door",
        "a lad punched my son at our front door, who can support him?",
    ),
    (
        "a question about who can help is no cry for help",
        "help he is outside my flat",
        "he is outside my flat a lot, any help?",
    ),
    (
        "in A&E the injury that brought them in is not news; told with just, it is",
        "ED nurse here, a lad has just been stabbed in our car park",
        "ED nurse here, a lad has been stabbed and is in resus, can a navigator see him?",
    ),
    (
        "in custody the violence that brought them in is not news; a collapse is",
        "custody sgt, the lad held for GBH has just collapsed in the cell",
        "custody sgt, a lad has been arrested because he has punched his girlfriend, divert?",
    ),
    (
        "a programme's name is not a person somewhere",
        "he is inside my house and he is drunk",
        "is Strength Inside and Out running for dads in HMP Preston?",
    ),
    (
        "violence growing worse is a trend, not now",
        "he's getting more aggressive, he's outside and he's drunk",
        "he's getting more aggressive and making threats, any mentoring?",
    ),
    # added for the third safety set
    (
        "slang for a stabbing reads as stabbed",
        "my cousin has just been chinged outside the shop",
        "my cousin was chinged outside the shop in 2022 and still has flashbacks",
    ),
    (
        "blood slang and blood soaking through clothes",
        "there's claret everywhere in the toilets, he's holding his side",
        "the claret and blue scarf is in the lost property box",
    ),
    (
        "'beat up' with the person after it",
        "some men have just beaten up my dad in the car park",
        "some men beat up my dad years ago and he still won't go out",
    ),
    (
        "a weapon held to the body, named as 'it'",
        "he grabbed a razor and is pressing it to his wrist",
        "he bought a razor and is shaving with it",
    ),
    (
        "has not woken, cannot be brought round",
        "my mum hasn't woken up since she had her tablets and i can't get her to come round",
        "my mum can't get me to come round for tea on sundays",
    ),
    (
        "gone all grey or floppy",
        "the baby has gone all floppy in my arms",
        "the baby's toy has gone all soft after the wash",
    ),
    (
        "breathing getting slower",
        "after the pills his breathing keeps slowing down",
        "breathing exercises help my son slow down when he is anxious",
    ),
    (
        "on the floor and not moving",
        "my flatmate is on the bathroom floor and not moving",
        "my flatmate is on the sofa all day and not moving out, what are my rights?",
    ),
    (
        "on the wall or edge of a bridge or a building",
        "a man is sat on the wall of the bridge by the retail park",
        "a man is painting the wall of the bridge by the retail park",
    ),
    (
        "someone still behind or following, told now",
        "a man is following my daughter's bus on a moped and he's still behind it",
        "my daughter is still behind with her coursework",
    ),
    (
        "self-harm started now, and 'can't do this anymore' beside a means",
        "i can't do this anymore and i've got the blade in my hand",
        "i can't do this maths homework anymore, any tutors?",
    ),
    (
        "a picture in one clause does not hide a sign of now in the next",
        "he sent me a photo of my door and there's someone in the garden right now",
        "he sent me a photo of a man in a garden holding a knife",
    ),
    (
        "a big gash on a part of the body",
        "my son fell through the glass door and has a gash on his leg, it won't stop",
        "there's a gash in the tyre of my car",
    ),
    (
        "a child alone by water or a road",
        "a toddler is wandering alone near the canal with nobody around",
        "my toddler loves walking along the canal with his grandad",
    ),
    (
        "a past event dated 'a fortnight ago' is not now",
        "my neighbour is bleeding from her head on the stairs",
        "my neighbour got glassed a fortnight ago and now she won't leave the house",
    ),
]


@pytest.mark.parametrize(("pattern", "emergency", "ordinary"), PAIRS)
def test_each_general_pattern_finds_danger_and_leaves_its_near_miss(
    pattern: str, emergency: str, ordinary: str
) -> None:
    assert assess_danger(emergency) is not None, f"{pattern}: {emergency!r}"
    assert assess_danger(ordinary) is None, f"{pattern}: {ordinary!r}"


def test_a_possessive_stays_a_possessive() -> None:
    """'s before a noun is not "is": "my dad's car is outside" says nothing about him."""
    assert assess_danger("my dad's car is outside") is None
    assert assess_danger("my dad's outside and he's drunk") is not None


def test_a_conditional_threat_still_counts_beside_a_second_sign() -> None:
    """Weakened, not dropped: with him at the door it is an emergency."""
    threat = "he says he'll kill me if i call anyone"
    assert {item.weight for item in evidence(threat) if item.entry == "wants-to-hurt"} == {"weak"}
    assert assess_danger(threat) is None
    assert assess_danger(f"{threat}, he's at the door") is not None


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("my brother isnt brething", "my brother isnt breathing"),
        ("she is unconcious on the floor", "she is unconscious on the floor"),
        ("he is hiting my mum", "he is hitting my mum"),
        ("my son is having a siezure", "my son is having a seizure"),
    ],
)
def test_a_danger_word_is_read_through_one_typo(typo: str, meant: str) -> None:
    assert assess_danger(meant) is not None
    assert assess_danger(typo) is not None, typo


@pytest.mark.parametrize(
    "ordinary",
    [
        "my dad is cooking her dinner",  # one letter from "choking her"
        "our dogs are breeding, is that a safeguarding issue?",  # "bleeding"
        "he's streaming on twitch all night",  # "screaming"
        "the lad is attaching a bike rack",  # "attacking"
    ],
)
def test_a_real_word_is_never_read_as_a_typo(ordinary: str) -> None:
    assert assess_danger(ordinary) is None, ordinary


def test_someone_who_tracked_down_her_address_is_more_than_a_visit() -> None:
    assert assess_danger("he's tracked down where she lives now and he's outside the flat")
