"""Redaction takes time in proportion to the text, never its square (issue 12).

'ref ' and 20,000 digits and '_' took 26 s, 30 kB through `vrn ask` 44 s, 'a.' x 20,000
about 10 s: backtracking in the reference, ID and email patterns. Each pattern family,
the name finder and the whole of `redact` must now get through 100 kB of the inputs that
hurt regular expressions (long runs of digits, dots, @, hyphens, spaces, capitalised
words, and mixes) well inside a generous bound. CPU time, so a busy machine does not fail
the test. Linear is asserted as growth: ten times the text may cost at most
GROWTH_BOUND times the CPU (a quadratic pattern costs about a hundred times), beside an
absolute bound far below the freezes the audit found; a fixed tight bound alone failed on
a slower day for a pass that is linear.
"""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Callable

import pytest

from vrn_assistant.understanding.redaction import redact
from vrn_assistant.understanding.redaction.names import _replace_names
from vrn_assistant.understanding.redaction.patterns import _STEPS
from vrn_assistant.understanding.redaction.protected import _by_first_word, _default_protected
from vrn_assistant.understanding.redaction.tokens import _TOKEN

SIZE = 100_000
PATTERN_BOUND = 4.0  # seconds of CPU for one pattern family over 100 kB
GROWTH_BOUND = 25.0  # CPU over 100 kB against over 10 kB: ~10 if linear, ~100 if quadratic
NOISE_FLOOR = 0.01  # seconds: a pass quicker than this over 10 kB is not compared
REDACT_BOUND = 3.0  # seconds of CPU for all of `redact` (every family, up to 4 passes)


def _repeat(piece: str, size: int) -> str:
    return (piece * (size // len(piece) + 1))[:size]


def _mixed(pieces: list[str], seed: int, size: int) -> str:
    chooser = random.Random(seed)
    text: list[str] = []
    length = 0
    while length < size:
        piece = chooser.choice(pieces)
        text.append(piece)
        length += len(piece)
    return "".join(text)[:size]


def adversarial(size: int) -> dict[str, str]:
    """The inputs that hurt regular expressions, each `size` characters long."""
    return {
        "ref, digits, _": "ref " + "1" * (size - 5) + "_",
        "crime ref, ID parts": "crime ref " + _repeat("1A-", size) + "_",
        "labels inside an ID": _repeat("ref1-", size),
        "URN, slashes": "URN " + _repeat("1/", size) + "_",
        "formatted ref": "CR/" + "1" * (size - 4) + "_",
        "a.": _repeat("a.", size),
        "local part, no domain": _repeat("a.", size) + "@",
        "domain that fails": "a@" + _repeat("a.", size) + "-",
        "a@": _repeat("a@", size),
        "digits": "1" * size,
        "dots": "." * size,
        "at signs": "@" * size,
        "hyphens": "-" * size,
        "spaces after nhs": "nhs" + " " * size + "x",
        "spaces after dob": "dob" + " " * size + "x",
        "spaces after my son": "my son" + " " * size + "x",
        "digits and spaces": _repeat("1 ", size),
        "digits and hyphens": _repeat("1-", size),
        "phone-like": _repeat("07700 9", size),
        "postcode-like": _repeat("PR1 ", size),
        "house numbers": _repeat("12 Aaaa ", size),
        "capitalised words": _repeat("Aaaa ", size),
        "capitalised hyphens": _repeat("Aa-", size),
        "given names": _repeat("Jack ", size),
        "names and ages": _repeat("Jane Doe, 22, ", size),
        "capitals": _repeat("ABDUL KARIM ", size),
        "characters mixed": _mixed([*"aA1.@- /_,\n'\"", "ref ", "Mr "], seed=1, size=size),
        "words mixed": _mixed(
            [
                *("Jack ", "Smith ", "ref ", "0", "7", "@", ".", "my son ", "called ", ", 19 "),
                *("12 ", "Road ", "PR1 ", "DOB ", "and ", '"', "bin ", "Preston ", "the Vic "),
            ],
            seed=2,
            size=size,
        ),
    }


ADVERSARIAL = adversarial(SIZE)
SMALL = adversarial(SIZE // 10)


def _cpu_seconds(run: Callable[[], object]) -> float:
    start = time.process_time()
    run()
    return time.process_time() - start


def _algorithm_seconds(run: Callable[[], object]) -> float:
    """CPU time with the cyclic collector paused: its passes over the objects a long text
    makes grow a little faster than the text and would blur the growth being measured."""
    gc.collect()
    gc.disable()
    try:
        return _cpu_seconds(run)
    finally:
        gc.enable()


def _families(text: str) -> dict[str, Callable[[], object]]:
    index = _by_first_word(_default_protected())
    families: dict[str, Callable[[], object]] = {
        f"{kind} ({pattern.pattern[:30]}...)": (lambda p=pattern: p.sub("", text))
        for kind, pattern, _ in _STEPS
    }
    families["names"] = lambda: _replace_names(text, index)
    families["tokens"] = lambda: sum(1 for _ in _TOKEN.finditer(text))
    return families


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_every_pattern_family_is_linear(name: str) -> None:
    # Each family runs once per size: the large run serves both the bound and the growth.
    large = {
        family: _algorithm_seconds(run) for family, run in _families(ADVERSARIAL[name]).items()
    }
    small = {family: _algorithm_seconds(run) for family, run in _families(SMALL[name]).items()}
    slow = {
        family: round(seconds, 2) for family, seconds in large.items() if seconds > PATTERN_BOUND
    }
    growing = {
        family: round(ratio, 1)
        for family, seconds in large.items()
        if small[family] > NOISE_FLOOR and (ratio := seconds / small[family]) > GROWTH_BOUND
    }
    assert slow == {}, "seconds of CPU over 100 kB"
    assert growing == {}, "times the CPU for ten times the text"


def test_the_growth_check_catches_a_quadratic_pass() -> None:
    def rescanning(text: str) -> None:  # reads the text again from the start every 10 characters
        for end in range(0, len(text), 10):
            for _ in text[:end]:
                pass

    small = _algorithm_seconds(lambda: rescanning(SMALL["a."][:2_000]))
    large = _algorithm_seconds(lambda: rescanning(ADVERSARIAL["a."][:20_000]))
    assert large / small > GROWTH_BOUND


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_redact_is_linear(name: str) -> None:
    text = ADVERSARIAL[name]
    assert len(text) >= SIZE
    seconds = _cpu_seconds(lambda: redact(text))
    assert seconds < REDACT_BOUND, f"{name}: {seconds:.2f} s for {len(text)} characters"


def test_a_long_question_is_still_redacted() -> None:
    question = "My client Jane Doe, 22, phone 07700 900123, ref 123456. " * 500
    result = redact(question)
    assert "Jane" not in result.text and "900123" not in result.text
    assert set(result.found) == {"name", "phone", "reference"}
