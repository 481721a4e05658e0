"""Redaction takes time in proportion to the text, never its square (issue 12).

'ref ' and 20,000 digits and '_' took 26 s, 30 kB through `vrn ask` 44 s, 'a.' x 20,000
about 10 s: backtracking in the reference, ID and email patterns. Each pattern family,
the name finder and the whole of `redact` must now get through 100 kB of the inputs that
hurt regular expressions (long runs of digits, dots, @, hyphens, spaces, capitalised
words, and mixes) well inside a generous bound. CPU time, so a busy machine does not fail
the test; the bounds are many times what a linear pass takes here.
"""

from __future__ import annotations

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
PATTERN_BOUND = 1.0  # seconds of CPU for one pattern family over 100 kB
REDACT_BOUND = 3.0  # seconds of CPU for all of `redact` (every family, up to 4 passes)


def _repeat(piece: str) -> str:
    return (piece * (SIZE // len(piece) + 1))[:SIZE]


def _mixed(pieces: list[str], seed: int) -> str:
    chooser = random.Random(seed)
    text: list[str] = []
    length = 0
    while length < SIZE:
        piece = chooser.choice(pieces)
        text.append(piece)
        length += len(piece)
    return "".join(text)[:SIZE]


ADVERSARIAL: dict[str, str] = {
    "ref, digits, _": "ref " + "1" * (SIZE - 5) + "_",
    "crime ref, ID parts": "crime ref " + _repeat("1A-") + "_",
    "labels inside an ID": _repeat("ref1-"),
    "URN, slashes": "URN " + _repeat("1/") + "_",
    "formatted ref": "CR/" + "1" * (SIZE - 4) + "_",
    "a.": _repeat("a."),
    "local part, no domain": _repeat("a.") + "@",
    "domain that fails": "a@" + _repeat("a.") + "-",
    "a@": _repeat("a@"),
    "digits": "1" * SIZE,
    "dots": "." * SIZE,
    "at signs": "@" * SIZE,
    "hyphens": "-" * SIZE,
    "spaces after nhs": "nhs" + " " * SIZE + "x",
    "spaces after dob": "dob" + " " * SIZE + "x",
    "spaces after my son": "my son" + " " * SIZE + "x",
    "digits and spaces": _repeat("1 "),
    "digits and hyphens": _repeat("1-"),
    "phone-like": _repeat("07700 9"),
    "postcode-like": _repeat("PR1 "),
    "house numbers": _repeat("12 Aaaa "),
    "capitalised words": _repeat("Aaaa "),
    "capitalised hyphens": _repeat("Aa-"),
    "given names": _repeat("Jack "),
    "names and ages": _repeat("Jane Doe, 22, "),
    "capitals": _repeat("ABDUL KARIM "),
    "characters mixed": _mixed([*"aA1.@- /_,\n'\"", "ref ", "Mr "], seed=1),
    "words mixed": _mixed(
        [
            *("Jack ", "Smith ", "ref ", "0", "7", "@", ".", "my son ", "called ", ", 19 "),
            *("12 ", "Road ", "PR1 ", "DOB ", "and ", '"', "bin ", "Preston ", "the Vic "),
        ],
        seed=2,
    ),
}


def _cpu_seconds(run: Callable[[], object]) -> float:
    start = time.process_time()
    run()
    return time.process_time() - start


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_every_pattern_family_is_linear(name: str) -> None:
    text = ADVERSARIAL[name]
    index = _by_first_word(_default_protected())
    families: dict[str, Callable[[], object]] = {
        f"{kind} ({pattern.pattern[:30]}...)": (lambda p=pattern: p.sub("", text))
        for kind, pattern, _ in _STEPS
    }
    families["names"] = lambda: _replace_names(text, index)
    families["tokens"] = lambda: sum(1 for _ in _TOKEN.finditer(text))
    slow = {
        family: round(seconds, 2)
        for family, run in families.items()
        if (seconds := _cpu_seconds(run)) > PATTERN_BOUND
    }
    assert slow == {}


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
