"""Issue 12: the danger check is linear in the message, so no input can freeze it.

Before the rewrite, "he stabbing " repeated to 50 kB plus "in a video" took 14 s:
each match rescanned its sentence. Each string here is 100 kB and must be judged
in well under a second on a small machine (measured worst: about 0.25 s).
"""

from __future__ import annotations

import time

import pytest

from vrn_assistant.understanding.safety import assess_danger, evidence

SIZE = 100_000
BOUND_SECONDS = 1.0


def _repeat(text: str, size: int = SIZE) -> str:
    return (text * (size // len(text) + 1))[:size]


ADVERSARIAL = {
    # the issue's own string, then repeated triggers and partial matches
    "issue 12": _repeat("he stabbing ", 50_000) + "in a video",
    "he stabbing": _repeat("he stabbing "),
    "triggers": _repeat("he is stabbing her with a knife right now "),
    "partial triggers": _repeat("he is stab with a kni right no "),
    "gap bait": _repeat("says x x x x x will "),
    "be": _repeat("is "),
    "not breathing": _repeat("not breathing "),
    "markers then cues": _repeat("if ", SIZE // 2) + _repeat("hitting her ", SIZE // 2),
    "past then cues": _repeat("last year ", SIZE // 2) + _repeat("is bleeding ", SIZE // 2),
    "media then cues": _repeat("video ", SIZE // 2) + _repeat("holding a knife ", SIZE // 2),
    # no spaces, punctuation, one-letter sentences
    "no spaces": "a" * SIZE,
    "no spaces, words": _repeat("knifewavingbleeding"),
    "a.": "a." * (SIZE // 2),
    "punctuation": _repeat(",.!?;:"),
    "dashes": _repeat(" - "),
    "dash run": "-" * SIZE,
    "apostrophes": "'" * SIZE,
    "contractions": _repeat("we're he'll i'll she's "),
    "possessives": _repeat("the lad's mum's "),
    "possessive is": _repeat("my dad's outside the lad's been "),
    "typo bait": _repeat("brethingg unconciouss strangulatian stabbbed "),
    "digits": "7" * SIZE,
    "newlines": "\n" * SIZE,
    "spaces": " " * SIZE,
    "non-latin": _repeat("héllo wörld ✓ 😀 ناس "),
    "mixed": _repeat("he's got a knife, right now! not breathing? last year if what to do "),
}


@pytest.mark.parametrize("name", ADVERSARIAL)
def test_an_adversarial_100_kb_message_is_judged_quickly(name: str) -> None:
    text = ADVERSARIAL[name]
    assess_danger("warm up")  # the lexicon is read once, on first use
    started = time.perf_counter()
    assess_danger(text)
    seconds = time.perf_counter() - started
    print(f"{name}: {seconds:.3f} s")
    assert seconds < BOUND_SECONDS, f"{name}: {seconds:.2f} s for {len(text)} characters"


def test_doubling_the_message_does_not_much_more_than_double_the_work() -> None:
    """Linear, counted not timed: the evidence grows with the message, never faster."""
    for unit in ("he is stabbing her right now ", "if he is bleeding ", "a."):
        small = len(evidence(_repeat(unit, 20_000)))
        large = len(evidence(_repeat(unit, 40_000)))
        assert large <= 2 * small + 2, unit
