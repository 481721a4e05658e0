"""What the danger check says (the advice, the reasons, the evidence) and the bounds its
lexicon is held to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["EMERGENCY_ADVICE", "NOW_EFFECTS", "REASONS", "Danger", "Evidence"]

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


Kind = Literal["weapon", "hurt", "child", "suicide", "violence"]
Weight = Literal["strong", "weak", "booster"]
Tense = Literal["state", "event"]
Effect = Literal[
    "past",
    "habit",
    "ongoing",
    "resolved",
    "care",
    "future",
    "recent",
    "hypothetical",
    "general",
    "media",
    "support",
    "rehearsal",
    "over",
]

REASONS: dict[Kind, str] = {
    "weapon": "a weapon is being used or threatened now",
    "hurt": "someone is seriously hurt now",
    "child": "a child is at risk now",
    "suicide": "someone may take their own life now",
    "violence": "violence is happening now",
}
_ALL_KINDS: frozenset[Kind] = frozenset(REASONS)

# Effects and where they reach. A "clause" ends at punctuation, "and" or "but"; a
# "phrase" ends only at punctuation (so "if he turns up and has a knife" stays one).
# The context effects that say the words are about now; every other effect says not.
NOW_EFFECTS: frozenset[Effect] = frozenset({"recent", "support"})
_CLAUSE_EFFECTS = frozenset({"past", "habit", "resolved", "future", "media"})  # block in the clause
# Violence going on for a while ("keeps hitting her", "has been hitting me"): in the clause,
# a strong sign counts as weak (it needs a sign of now beside it) and a weak one not at all.
_ONGOING_EFFECTS = frozenset({"ongoing"})
_AFTER_EFFECTS = frozenset({"hypothetical"})  # block later in the phrase
_PHRASE_EFFECTS = frozenset({"general"})  # block anywhere in the phrase
# An exercise, scenario or role-play: block anywhere in the sentence ("scenario for our
# drill: a man is outside with a knife").
_SENTENCE_EFFECTS = frozenset({"rehearsal"})
_MEDIA_KINDS: frozenset[Kind] = frozenset({"weapon", "violence"})

# Bounds that keep every compiled pattern linear: validated when the lexicon is read.
_MAX_GAP = 6
_MAX_GAPS = 3
_MAX_ELEMENTS = 12
_MAX_OPTIONAL = 3
_WEAK_KEPT = 3  # weak matches of one rule worth keeping when deciding
_MIN_TYPO_KEY = 6  # shorter words have too many real neighbours to read through a typo
_MIN_TYPO_WORD = 5  # a typo is read only in a word this long or longer
_BUILT_IN_CLASSES = frozenset({"digits", "year"})
# Classes the machinery itself needs.
_REQUIRED_CLASSES = ("negation", "left_block", "perfect", "be")


@dataclass(frozen=True)
class Evidence:
    """One danger phrase found and judged: which entry, and what it counts for."""

    entry: str
    kind: Kind | None  # None for a support cue ("right now"), which gives no reason
    weight: Weight
    start: int  # token index
    end: int  # token index after the match
