"""Redaction on the blind names sets (tests/blind/README.md), scored in aggregate only.

A name counts as caught when none of its words is left in the redacted text; another
personal detail (phone, date of birth, address, reference, email) when none of its
identifying words is left (the town of an address may stay: it is a place the question
needs), and a title or rank before a name may stay ("Mr [name]", "DC [name]"); a `keep` string (programme, place, hospital, organisation) must still be there,
verbatim. Targets: names and other details >= 98 %, keeps 100 %.

The sealed sets are read by no one case by case: their tests print and assert the three
figures and nothing about any case, even when it fails.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import ROOT
from vrn_assistant.understanding.redaction import redact
from vrn_core.places import Gazetteer

BLIND = ROOT / "tests" / "blind"
TARGET_RECALL = 0.98

_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class Score:
    names: float
    other_personal: float
    keep: float
    cases: int

    def line(self, label: str) -> str:
        return (
            f"{label}: {self.cases} cases; name recall {self.names:.1%}, other personal"
            f" recall {self.other_personal:.1%}, keep {self.keep:.1%}"
        )


@cache
def _place_words() -> frozenset[str]:
    return frozenset(
        word.lower()
        for place in Gazetteer.default()
        for name in (place.name, *place.aliases)
        for word in _WORDS.findall(name)
    )


def _count(word: str, text: str) -> int:
    return len(re.findall(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", text))


def _left(word: str, text: str, elsewhere: str = "") -> bool:
    """Is `word` still in `text` more often than `elsewhere` (the question without its
    names) holds it? "Liam Preston ... in custody at Preston" keeps the town's word."""
    return _count(word, text) > _count(word, elsewhere)


def _without(names: list[str], text: str, keep: list[str]) -> str:
    """The question with its names taken out, but not from the words it must keep
    ("my daughter Mia ... Mia's Story")."""
    # a kept string inside a name ("Preston" of "Liam Preston") is no shield for it
    kept = sorted((k for k in keep if not any(k in name for name in names)), key=len, reverse=True)
    for number, words in enumerate(kept):
        text = text.replace(words, f"\x00{number}\x00")
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    for number, words in enumerate(kept):
        text = text.replace(f"\x00{number}\x00", words)
    return text


# Titles and ranks identify no one; the redactor keeps them to say who was removed.
_TITLES = frozenset(
    "mr mrs ms miss mx dr prof pc ps dc ds di dci sgt insp pcso nurse sister father fr rev"
    " revd reverend pastor cllr councillor imam rabbi sir dame lord lady".split()
)


def _words(detail: str) -> list[str]:
    return [word for word in _WORDS.findall(detail) if len(word) > 1]


def _name_words(name: str) -> list[str]:
    return [word for word in _words(name) if word.lower() not in _TITLES]


def _identifying(detail: str) -> list[str]:
    """The words of a detail that identify someone: not the town of an address."""
    return [
        word
        for word in _words(detail)
        if any(ch.isdigit() for ch in word) or word.lower() not in _place_words()
    ]


def score(path: Path) -> Score:
    """Redact every case of a blind set and return the aggregate figures only."""
    names = names_caught = others = others_caught = keeps = kept = cases = 0
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        cases += 1
        text = redact(case["text"]).text
        elsewhere = _without(case["names"], case["text"], case["keep"])
        for name in case["names"]:
            names += 1
            names_caught += not any(_left(word, text, elsewhere) for word in _name_words(name))
        for detail in case["other_personal"]:
            others += 1
            gone = detail not in text and not any(
                _left(word, text) for word in _identifying(detail)
            )
            others_caught += gone
        for keep in case["keep"]:
            keeps += 1
            kept += keep in text
    return Score(
        names=names_caught / names if names else 1.0,
        other_personal=others_caught / others if others else 1.0,
        keep=kept / keeps if keeps else 1.0,
        cases=cases,
    )


def _assert_targets(result: Score, label: str) -> None:
    print(result.line(label))
    summary = result.line(label)
    assert result.names >= TARGET_RECALL, summary
    assert result.other_personal >= TARGET_RECALL, summary
    assert result.keep == 1.0, summary


@pytest.mark.parametrize(
    "name", ["names-tuning", "names2-tuning", "names3-tuning", "names4-tuning", "names7-tuning"]
)
def test_the_tuning_sets_meet_the_targets(name: str) -> None:
    path = BLIND / f"{name}.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is not here")
    result = score(path)
    assert result.cases >= 100
    _assert_targets(result, name)


def _sealed_score(name: str) -> Score:
    """The aggregate figures of a sealed set; no case's text, even when redaction fails."""
    path = BLIND / f"{name}.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is not here")
    try:
        result = score(path)
    except Exception as exc:  # never let a traceback carry a sealed case's text
        raise AssertionError(f"redaction raised {type(exc).__name__} on a sealed case") from None
    print(result.line(name))
    return result


# Sealed floors: name recall, other detail recall, keep (targets 98 %, 98 %, 100 %),
# each just under what was measured, once, after the rules were made general
# (2026-12-02, after the names3 work: streets, signatures, appositions, initials,
# public offices, labelled numbers). Before that, on 2026-12-02: names-sealed 95.5 %,
# 94.7 %, 99.2 %; names2-sealed 97.2 %, 96.3 %, 97.7 %; names3-sealed 94.1 %, 93.3 %,
# 98.7 %. Still short of the targets; floors only go up.
_SEALED_FLOORS = {
    # names and names3 raised on 2026-12-03 after the work on names4/names5 tuning
    # (greetings, "X from custody here", function-word names as a question's subject,
    # nicknames): measured once, 98.5 %, 100 %, 100 % and 97.1 %, 93.3 %, 99.6 %
    "names-sealed": (0.984, 0.999, 0.999),  # before: 97.7 %, 100.0 %, 99.2 %
    # other details raised on 2026-12-08 after the police log's date became part of its
    # number (names8 tuning work): measured once, 97.9 %, 100.0 %, 97.7 %
    "names2-sealed": (0.978, 0.999, 0.976),  # before: 97.9 %, 96.3 %, 97.7 %
    "names3-sealed": (0.970, 0.932, 0.995),  # before: 96.3 %, 93.3 %, 99.6 %
    # names4, by a new writer, measured before any work on it (tuning 95.7 %, 100 %, 98.7 %)
    "names4-sealed": (0.965, 0.999, 0.999),  # measured 96.6 %, 100.0 %, 99.4 %; keep
    # 100.0 % after "ED Navs" became an alias of ED Navigators (a later session)
    # names5, by a new writer, measured before any work on it (tuning 96.3 %, 80.0 %,
    # 100 %; at 51dcd07, before that session's redaction changes: sealed 96.9 %, 92.3 %,
    # 98.8 %, tuning 95.5 %, 80.0 %, 99.6 %)
    "names5-sealed": (0.968, 0.922, 0.993),  # measured 96.9 %, 92.3 %, 99.4 %
    # names6, by a new writer (2026-12-04), measured before any work on it and again after
    # that session's redaction changes: the same, 97.6 %, 89.5 %, 99.4 %
    "names6-sealed": (0.975, 0.894, 0.993),
    # names7, by a new writer (2026-12-07), measured before any work on it (at 96bb306;
    # tuning 96.8 %, 100 %, 99.2 %, or 98.9 % once the scoring stopped counting a town's
    # word left as a place, "Liam Preston ... custody at Preston", as a name left)
    "names7-sealed": (0.976, 0.777, 0.983),  # measured 97.7 %, 77.8 %, 98.4 %
    # names8, by a new writer (2026-12-07, a later session), measured before any work on
    # it (at 037fe2a) and again after that session's redaction changes: the same
    "names8-sealed": (0.944, 0.999, 0.988),  # measured 94.5 %, 100.0 %, 98.9 %
}


@pytest.mark.parametrize("name", sorted(_SEALED_FLOORS))
def test_the_sealed_sets_hold_their_measured_floors(name: str) -> None:
    """Aggregate figures only: no case of a sealed set is ever shown."""
    result = _sealed_score(name)
    names, others, keep = _SEALED_FLOORS[name]
    summary = result.line(name)
    assert result.names >= names, summary
    assert result.other_personal >= others, summary
    assert result.keep >= keep, summary


def test_the_scoring_counts_words_left_and_keeps(tmp_path: Path) -> None:
    cases = [
        {
            "id": "a",
            "text": "my son Jamal Smith, 07700 900123, at 12 Hope Street, Preston PR1 8XB",
            "names": ["Jamal Smith"],
            "other_personal": ["07700 900123", "12 Hope Street, Preston PR1 8XB"],
            "keep": ["Preston"],
        },
        {
            "id": "b",
            "text": "Is DIVERT in Preston?",
            "names": [],
            "other_personal": [],
            "keep": ["DIVERT", "Preston"],
        },
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(case) for case in cases), "utf-8")
    assert score(path) == Score(names=1.0, other_personal=1.0, keep=1.0, cases=2)
    assert _identifying("12 Hope Street, Preston PR1 8XB") == ["12", "Hope", "Street", "PR1", "8XB"]
    assert _left("Smith", "Mr Smith's") and not _left("Smith", "Smithson")


def test_a_name_word_that_is_also_a_kept_place_is_judged_by_its_count() -> None:
    """ "Liam Preston ... custody at Preston": the town's word left is no name left."""
    text = "Liam Preston (20), in custody at Preston, and my daughter Mia wants Mia's Story"
    names, keep = ["Liam Preston", "Mia"], ["Preston", "Mia's Story"]
    elsewhere = _without(names, text, keep)
    redacted = "[name] (20), in custody at Preston, and my daughter [name] wants Mia's Story"
    assert not any(_left(word, redacted, elsewhere) for word in ("Liam", "Preston", "Mia"))
    missed = "Liam [name] (20), in custody at Preston, and my daughter Mia wants Mia's Story"
    assert _left("Liam", missed, elsewhere) and _left("Mia", missed, elsewhere)
    assert not _left(
        "Preston", "Liam Preston at Preston".replace("Liam Preston", "[name]"), "at Preston"
    )
