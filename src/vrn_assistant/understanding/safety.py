"""Immediate danger first: does the question describe someone at risk right now?

`assess_danger` looks for danger happening now: a weapon being used or
threatened, someone seriously hurt, a child at risk, someone about to take
their own life, or violence in progress. It reads the grammar of "now" (a
present or progressive verb, "right now", "outside my house") against the
grammar of the past or the general ("last month", "was", "always", "if",
"training on"), so questions that merely mention knives or violence do not
raise false alarms. When it finds danger, the answer leads with
`EMERGENCY_ADVICE`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["EMERGENCY_ADVICE", "Danger", "assess_danger"]

EMERGENCY_ADVICE = (
    "If anyone is in immediate danger, call 999 now (police, and an ambulance if anyone is "
    "hurt). If you cannot speak, call 999 from a mobile, listen, and press 55 when prompted "
    "(the Silent Solution) to be put through to the police. Do not put yourself at risk. "
    "Then follow your organisation's local safeguarding procedures: for a child, tell your "
    "designated safeguarding lead and contact children's social care at the local council, as "
    "your local safeguarding children partnership sets out; for an adult at risk, tell your "
    "safeguarding lead and contact adult social care at the local council. Someone thinking "
    "about suicide but not in immediate danger can call Samaritans free on 116 123."
)


@dataclass(frozen=True)
class Danger:
    """Why the question was read as describing immediate danger (plain English)."""

    reasons: tuple[str, ...]


# --- Context cues, judged per sentence -------------------------------------------

# "now" in its many forms; a threatening presence at the door counts as now too.
_NOW = re.compile(
    # "now" but not "has now been charged", which reports what happened since.
    r"\b(?:right\s+now|rite\s+now|now(?!\s+(?:been|be)\b)|rn|currently|curently|at\s+the\s+moment|atm"
    r"|as\s+we\s+speak|at\s+this\s+moment|this\s+minute|this\s+second|tonight|immediately)\b"
    r"|\b(?:outside|at|on)\s+(?:my|our|her|his|their|the)\s+(?:front\s+)?"
    r"(?:house|home|flat|door|doorstep|window|school)\b"
)
# A message that opens with a cry for help is about now: "help he's got a gun".
_URGENT_START = re.compile(
    r"^\W*(?:help|please\s+help|urgent|emergency)\b(?!\s+(?:for|with|to|on|me\s+find|department))"
)
_PAST = re.compile(
    r"\b(?:yesterday|last\s+(?:night|week|weekend|month|year|time|summer|winter|spring|autumn)"
    r"|ago|earlier|previously|before|in\s+the\s+past|history\s+of|used\s+to|in\s+(?:19|20)\d\d"
    # an arrest or sentence means the incident is being described afterwards
    r"|arrested|charged|convicted|sentenced|jailed|remanded|cautioned"
    r"|back\s+in|when\s+(?:he|she|they|i)\s+(?:was|were))\b"
)
_HABIT = re.compile(
    r"\b(?:regularly|often|always|sometimes|repeatedly|usually|constantly|keeps?|tends\s+to"
    r"|every\s+(?:day|night|week|time)|for\s+(?:years|months|weeks)|over\s+the\s+years"
    r"|several\s+times|many\s+times|multiple\s+times|twice|\d+\s+times)\b"
)
# General or hypothetical framing before the cue: "if", "training on what to do when".
_HYPOTHETICAL = re.compile(
    r"\b(?:if|in\s+case|whenever|what\s+to\s+do\s+when|how\s+to\s+(?:respond|deal|handle|react)"
    r"|scenarios?|imagine|hypothetical(?:ly)?|for\s+example|role[\s-]?play|training|course"
    r"|campaign|policy|guidance|awareness)\b"
)
# Pictures, films and songs of weapons, anywhere in the sentence.
_MEDIA = re.compile(
    r"\b(?:photos?|pictures?|pics?|videos?|images?|selfies?|posing|post(?:s|ed|ing)|instagram"
    r"|snapchat|tiktok|youtube|film|films|movie|drill|lyrics|song|game|gaming)\b"
)
# Right before the cue: a past or modal auxiliary ("was waving", "may be carrying"),
# a negation, or a preposition making the verb a noun ("arrested for stabbing").
_NOT_NOW_BEFORE = re.compile(
    r"(?:\b(?:was|were|had|did|would|could|might|may|should|not|never)\s+(?:\w+\s+)?"
    r"|n't\s+(?:\w+\s+)?|\b(?:for|of|after|about|from|since|by|without)\s+)$"
)
# "not breathing" is itself the danger, not a negation of it.
_NEGATION_INSIDE = re.compile(r"(?:\b(?:not|never|no)\b|n't\b)(?!\s+(?:breath|moving|conscious))")
_SENTENCE = re.compile(r"[.!?;\n]+")

# --- Danger cues ------------------------------------------------------------------

# Figurative objects: "beating addiction", "attacking the problem of knife crime".
_FIGURATIVE = (
    r"(?!\s+(?:the\s+|this\s+|that\s+|his\s+|her\s+|their\s+|an?\s+)?(?:problem|issue|addiction"
    r"|odds|habit|it|crime|knife\s+crime|violence|cancer|record|deadline|target|challenge"
    r"|stigma|causes?|drugs?|illness|disease|system)\b)"
)
_WEAPON = (
    r"(?:kni(?:fe|ves|fes|f|ve)|nife|nives|blades?|machett?es?|mach?ete|swords?|axe|hammer|guns?"
    r"|firearm|pistol|shotgun|rifle|crossbow|weapons?|screwdriver|broken\s+bottle|baseball\s+bat"
    r"|bat|scissors|acid)"
)
_THREAT_ACT = (
    r"(?:waving|waiving|brandishing|pointing|holding|swinging|wielding|lunging|slashing|jabbing"
    r"|chasing|coming\s+at|going\s+for|attacking|stabbing|threatening|threatning|thretening"
    r"|threating|theatening)"
    rf"{_FIGURATIVE}"
    # "threatening messages" is an adjective, not a threat being made
    r"(?!\s+(?:messages?|posts?|pictures?|photos?|images?|videos?|texts?|behaviou?r|language"
    r"|letters?|comments?|emails?|calls?|manner|way)\b)"
)
_STRONG_VIOLENCE = (
    r"(?:attacking|atacking|beating|battering|strangling|strangeling|choking|stabbing|shooting"
    r"|assaulting|beating\s+up|trying\s+to\s+(?:kill|strangle|stab|choke|drown))"
    rf"{_FIGURATIVE}"
)
_WEAK_VIOLENCE = (
    r"(?:hitting|punching|kicking|hurting|fighting|smashing|headbutting|slapping|dragging"
    r"|pushing|throwing|threatening|threatning|abusing|shouting\s+at|screaming\s+at|trashing"
    r"|wrecking|pinning|holding\s+(?:her|him|them|me)\s+down)"
    rf"{_FIGURATIVE}"
)
_CHILD = (
    r"(?:child|children|kid|kids|baby|babies|toddler|infant|newborn|son|daughter|little\s+one"
    r"|grandchild|boy|girl)"
)
_SELF = (
    r"(?:kill(?:ing)?\s+(?:him|her|them|my|your|our)sel(?:f|ves)"
    r"|end(?:ing)?\s+(?:it\s+all|(?:his|her|their|my)\s+(?:own\s+)?life)"
    r"|take\s+(?:his|her|their|my)\s+(?:own\s+)?life"
    r"|hang(?:ing)?\s+(?:him|her|them|my)sel(?:f|ves)|jump(?:ing)?\s+(?:off|from|in\s+front)"
    r"|die\b|overdose)"
)
_SUBJECT = (
    r"(?:is|are|'s|s|'re|re|am|'m|currently|still|now|he|she|they|someone|somebody|man|woman)"
)


@dataclass(frozen=True)
class _Rule:
    reason: str
    pattern: re.Pattern[str]
    needs_now: bool  # True: only with a "now" cue in the same sentence
    habit_blocks: bool = True  # False where a habit is still a warning sign


_WEAPON_NOW = "a weapon is being used or threatened now"
_HURT_NOW = "someone is seriously hurt now"
_CHILD_NOW = "a child is at risk now"
_SUICIDE_NOW = "someone may take their own life now"
_VIOLENCE_NOW = "violence is happening now"


def _rule(
    reason: str, pattern: str, *, needs_now: bool = False, habit_blocks: bool = True
) -> _Rule:
    return _Rule(reason, re.compile(pattern), needs_now, habit_blocks)


_RULES: tuple[_Rule, ...] = (
    # A weapon and a threatening act close together, either order.
    _rule(_WEAPON_NOW, rf"\b{_THREAT_ACT}\b(?:\W+\w+){{0,6}}?\W+{_WEAPON}\b"),
    _rule(_WEAPON_NOW, rf"\b{_WEAPON}\b(?:\W+\w+){{0,8}}?\W+{_THREAT_ACT}\b"),
    _rule(
        _WEAPON_NOW,
        rf"\b(?:holding|holds|has|got)\s+(?:a|an|the|his|her)\s+{_WEAPON}\s+"
        r"(?:to|against|at)\s+(?:her|his|my|their|someone's|the|your)\b",
    ),
    _rule(_WEAPON_NOW, r"\bat\s+(?:knife|gun)\s*point\b"),
    # Someone "with a machete" outside the house, or "with a knife" right now.
    _rule(_WEAPON_NOW, rf"\bwith\s+(?:a|an|the|his|her|two|some)\s+{_WEAPON}\b", needs_now=True),
    # Possession alone only counts with "now" or at the door.
    _rule(
        _WEAPON_NOW,
        rf"\b(?:has|have|'s\s+got|has\s+got|got|armed\s+with|holding)\s+"
        rf"(?:a|an|the|his|her|two|some)?\s*{_WEAPON}\b|\barmed\b",
        needs_now=True,
    ),
    _rule(
        _HURT_NOW,
        r"\b(?:is|are|'s|s|he|she|they|keeps?|still|currently|now)\s+(?:\w+\s+)?bleeding\b"
        r"(?!\s+(?:\w+\s+){0,2}dry\b)"  # "bleeding the system dry"
        r"|\bbleeding\s+(?:heavily|badly|a\s+lot|loads|profusely|everywhere|out|from)\b"
        r"|\blosing\s+(?:a\s+lot\s+of\s+)?blood\b",
    ),
    _rule(
        _HURT_NOW,
        r"\b(?:has|have|'s|s|'ve|just)\s+(?:just\s+)?been\s+"
        r"(?:stabbed|stabed|shot|glassed|slashed|knifed|badly\s+beaten)\b",
    ),
    _rule(
        _HURT_NOW,
        r"\b(?:is|are|'s|s|seems?|looks?)\s+(?:now\s+)?(?:unconscious|unresponsive|not\s+breathing"
        r"|not\s+moving|turning\s+blue|fitting|having\s+a\s+(?:fit|seizure)|barely\s+conscious"
        r"|passed\s+out|out\s+cold)\b"
        r"|\b(?:not|isn't|isnt|stopped|can't|cant|cannot|struggling\s+to)\s+breath(?:e|ing)\b",
    ),
    _rule(
        _HURT_NOW,
        r"\b(?:has|have|'s|s|just)\s+(?:just\s+)?(?:overdosed|od'?d|od'ed|taken\s+an\s+overdose"
        r"|taken\s+too\s+many)\b|\b(?:is|are|'s)\s+overdosing\b",
    ),
    _rule(
        _HURT_NOW,
        r"\b(?:is|are|'s|s)\s+(?:very\s+)?(?:badly|seriously|critically)\s+"
        r"(?:hurt|injured|wounded)\b"
        r"|\b(?:he|she|they|someone|somebody|person|man|woman|boy|girl|child|baby|patient"
        r"|prisoner|pupil)\s+(?:has\s+|'s\s+|just\s+|has\s+just\s+)?collapsed\b",
    ),
    _rule(
        _CHILD_NOW,
        rf"\b{_CHILD}\s+(?:is|are|'s|has\s+been|have\s+been|been)?\s*(?:left\s+)?(?:home\s+)?"
        r"alone\s+with\b",
    ),
    _rule(
        _CHILD_NOW,
        r"\bthreaten(?:ing|s)?\s+to\s+(?:hurt|harm|kill|take|snatch|abduct|shake|drown|stab"
        rf"|smother|throw)\s+(?:the|my|her|his|their|our|a)?\s*(?:\w+\s+)?{_CHILD}\b",
    ),
    _rule(
        _CHILD_NOW,
        r"\b(?:is|are|'s)\s+(?:hitting|hurting|beating|shaking|strangling|smothering|choking"
        rf"|attacking|kicking|punching)\s+(?:the|my|her|his|their|our|a)\s+(?:\w+\s+)?{_CHILD}\b"
        rf"|\b{_CHILD}\s+(?:is|are|'s)\s+being\s+(?:hurt|hit|beaten|attacked|abused|shaken|harmed"
        r"|strangled|smothered)\b",
    ),
    _rule(
        _CHILD_NOW,
        rf"\b{_CHILD}\s+(?:is|are|'s)\s+in\s+(?:immediate\s+|real\s+)?danger\b",
        needs_now=True,
    ),
    # Stated intent in the present: "says he will kill himself tonight".
    _rule(
        _SUICIDE_NOW,
        r"\b(?:says?|saying|tells\s+(?:me|us|staff)|telling\s+(?:me|us|staff)|is\s+going|going"
        r"|gonna|about\s+to|wants?|will|'ll|plans?|planning|intends?|trying)\b"
        rf"(?:\s+\w+){{0,4}}?\s+(?:to\s+)?{_SELF}",
        habit_blocks=False,
    ),
    _rule(
        _SUICIDE_NOW,
        r"\b(?:said|told\s+(?:me|us|staff)|texted|messaged|threatens|threatened|threatening)\b"
        rf"(?:\s+\w+){{0,4}}?\s+(?:to\s+)?{_SELF}",
        needs_now=True,
    ),
    _rule(_SUICIDE_NOW, r"\b(?:is|are|'s)\s+actively\s+suicidal\b"),
    _rule(
        _SUICIDE_NOW,
        r"\b(?:is|are|'s|s)\s+(?:suicidal|self[\s-]?harming"
        r"|cutting\s+(?:him|her|them)sel(?:f|ves))\b",
        needs_now=True,
        habit_blocks=False,
    ),
    _rule(
        _SUICIDE_NOW,
        r"\b(?:standing|sitting|is|are|'s)\s+on\s+(?:a|the)\s+(?:bridge|ledge|roof|edge|railway"
        r"|train\s+tracks?|cliff)\b",
    ),
    # A threat to kill or hurt someone, being said now: "says he'll kill her" ("hell kill her").
    # Said in the present tense, it needs no other "now"; "will kill" alone does (below).
    _rule(
        _VIOLENCE_NOW,
        r"\b(?:says?|saying|screaming|shouting|yelling)\b(?:\s+\w+){0,3}?\s+"
        r"(?:he'?ll|hell|she'?ll|they'?ll|(?:he|she|they)\s+(?:will|is\s+going\s+to|are\s+going\s+to)"
        r"|(?:is\s+)?(?:going|gonna)\s+to|to)\s+(?:kill|stab|shoot|hurt|murder|strangle)\s+"
        r"(?:her|him|them|me|us|you|the\s+\w+|my\s+\w+)\b",
    ),
    _rule(_VIOLENCE_NOW, rf"\b{_SUBJECT}\s+(?:\w+ly\s+)?{_STRONG_VIOLENCE}\b"),
    _rule(_VIOLENCE_NOW, rf"\b{_SUBJECT}\s+(?:\w+ly\s+)?{_WEAK_VIOLENCE}\b", needs_now=True),
    _rule(
        _VIOLENCE_NOW,
        r"\b(?:is|are|'s|am)\s+being\s+(?:attacked|beaten|battered|strangled|choked|stabbed|shot"
        r"|assaulted|raped|kidnapped|abducted|held\s+hostage)\b",
    ),
    _rule(
        _VIOLENCE_NOW,
        r"\b(?:is|are|'s|am)\s+being\s+(?:hit|hurt|abused|threatened|kicked|punched|followed"
        r"|chased)\b",
        needs_now=True,
    ),
    _rule(
        _VIOLENCE_NOW,
        r"\b(?:is\s+|are\s+|'s\s+)?threaten(?:ing|s)\s+to\s+(?:kill|stab|shoot|murder|burn)\s+"
        r"(?:her|him|me|us|them|someone|everyone|people|my|his|the)\b",
        needs_now=True,
    ),
    _rule(
        _VIOLENCE_NOW,
        r"\b(?:is\s+|are\s+|'s\s+)threaten(?:ing)\s+to\s+(?:kill|stab|shoot|murder|burn)\s+"
        r"(?:her|him|me|us|them|someone|everyone|people|my|his|the)\b",
    ),
    _rule(
        _VIOLENCE_NOW,
        r"\b(?:is\s+going\s+to|going\s+to|gonna|will|'ll)\s+(?:\w+\s+){0,2}?"
        r"(?:kill|stab|shoot|murder)\s+(?:her|him|me|us|them|someone|everyone|people|my|his|the)\b",
        needs_now=True,
    ),
    _rule(
        _VIOLENCE_NOW,
        r"\b(?:breaking|kicking|smashing|forcing|bashing|booting)\s+(?:down\s+|in\s+)?"
        r"(?:the|my|our|her|his|their|a)\s+(?:front\s+|back\s+|bedroom\s+)?(?:door|window)s?\b"
        r"|\btrying\s+to\s+(?:break|get|force\s+(?:his|her|their|a)\s+way"
        r"|kick\s+the\s+door)\s+in\b",
    ),
    _rule(
        _VIOLENCE_NOW,
        r"\bbanging\s+on\s+(?:the|my|her|our|their)\s+(?:front\s+)?(?:door|window)s?\b",
        needs_now=True,
    ),
    _rule(
        _VIOLENCE_NOW,
        r"\bheld\s+(?:against\s+(?:her|his|their|my)\s+will|hostage|captive)\b"
        r"|\b(?:locked|trapped)\s+(?:her|him|them|me)\s+in\s+(?:a|the)\s+(?:room|house|flat|car"
        r"|boot)\b",
    ),
)


def assess_danger(text: str) -> Danger | None:
    """Danger happening now, with the reasons; None for an ordinary question."""
    reasons: list[str] = []
    normalised = _normalise(text)
    urgent = _URGENT_START.search(normalised) is not None
    for sentence in _SENTENCE.split(normalised):
        now = urgent or _NOW.search(sentence) is not None
        past = _PAST.search(sentence) is not None
        habit = _HABIT.search(sentence) is not None
        for rule in _RULES:
            if rule.reason in reasons or (rule.needs_now and not now):
                continue
            if not now and (past or (habit and rule.habit_blocks)):
                continue
            if any(_counts(sentence, match, now) for match in rule.pattern.finditer(sentence)):
                reasons.append(rule.reason)
    return Danger(reasons=tuple(reasons)) if reasons else None


def _normalise(text: str) -> str:
    return text.casefold().replace("’", "'").replace("‘", "'")


def _counts(sentence: str, match: re.Match[str], now: bool) -> bool:
    """False for a match that is negated, past, speculative, hypothetical or a picture."""
    if _NOT_NOW_BEFORE.search(sentence, max(0, match.start() - 30), match.start()):
        return False
    if _NEGATION_INSIDE.search(match.group()):
        return False
    if now:
        return True
    return _HYPOTHETICAL.search(sentence, 0, match.end()) is None and not _MEDIA.search(sentence)
