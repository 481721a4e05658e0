"""knowledge/lexicon/danger.yaml: read strictly, and every entry's examples judged as it says."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml

from tests.conftest import ROOT
from vrn_assistant.understanding.safety import (
    Evidence,
    assess_danger,
    context_markers,
    danger_lexicon_path,
    evidence,
    load_lexicon,
)
from vrn_assistant.understanding.safety.model import Effect
from vrn_core.errors import CatalogueError

LEXICON_PATH = danger_lexicon_path()
RAW: dict[str, Any] = yaml.safe_load(LEXICON_PATH.read_text("utf-8"))
# Effects whose examples are not emergencies because of the marker; the others say "now".
BLOCKING = set(get_args(Effect)) - {"recent", "support"}


def _danger_examples() -> list[tuple[str, str, str]]:
    return [
        (entry["id"], entry["weight"], example)
        for entry in RAW["danger"]
        for example in entry["examples"]
    ]


def _not_examples() -> list[tuple[str, str]]:
    return [
        (entry["id"], example)
        for entry in RAW["danger"]
        for example in entry.get("not_examples", ())
    ]


def _context_examples() -> list[tuple[str, str, str]]:
    return [
        (entry["id"], entry["effect"], example)
        for entry in RAW["context"]
        for example in entry["examples"]
    ]


def test_the_shipped_lexicon_is_the_checkout_copy_and_loads() -> None:
    assert LEXICON_PATH == ROOT / "knowledge" / "lexicon" / "danger.yaml"
    lexicon = load_lexicon(LEXICON_PATH)
    assert len(lexicon.danger) == len(RAW["danger"])
    assert len(lexicon.context) == len(RAW["context"])


@pytest.mark.parametrize(("entry", "weight", "example"), _danger_examples())
def test_each_danger_example_is_an_emergency_this_entry_helps_find(
    entry: str, weight: str, example: str
) -> None:
    found: dict[str, Evidence] = {}
    for item in evidence(example):
        if item.entry not in found or item.weight == "strong":
            found[item.entry] = item
    assert entry in found, f"{entry} does not match its own example: {example!r}"
    if weight == "strong":
        # A strong entry's example shows it strong: a state, or an event told now.
        assert found[entry].weight == "strong", example
    assert assess_danger(example) is not None, example


@pytest.mark.parametrize(("entry", "example"), _not_examples())
def test_each_danger_not_example_is_not_an_emergency(entry: str, example: str) -> None:
    assert assess_danger(example) is None, f"{entry}: {example!r}"


@pytest.mark.parametrize(("entry", "effect", "example"), _context_examples())
def test_each_context_example_is_judged_as_its_effect_says(
    entry: str, effect: str, example: str
) -> None:
    assert entry in context_markers(example), f"{entry} does not match {example!r}"
    if effect in BLOCKING:
        assert assess_danger(example) is None, example
    else:
        assert assess_danger(example) is not None, example


def test_every_entry_has_examples_and_ids_are_unique() -> None:
    ids = [entry["id"] for entry in (*RAW["danger"], *RAW["context"])]
    assert len(ids) == len(set(ids))
    assert all(entry["examples"] for entry in (*RAW["danger"], *RAW["context"]))


def _write(tmp_path: Path, raw: dict[str, Any]) -> Path:
    path = tmp_path / "danger.yaml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False), "utf-8")
    return path


def _minimal() -> dict[str, Any]:
    return {
        "classes": {
            "negation": ["not"],
            "left_block": ["was"],
            "perfect": ["has"],
            "be": ["is"],
        },
        "danger": [
            {
                "id": "bleeding",
                "kind": "hurt",
                "weight": "strong",
                "patterns": ["is ~1 bleeding"],
                "examples": ["he is bleeding"],
            }
        ],
        "context": [
            {
                "id": "past",
                "effect": "past",
                "patterns": ["yesterday"],
                "examples": ["he was bleeding yesterday"],
            }
        ],
    }


def test_a_minimal_lexicon_loads(tmp_path: Path) -> None:
    lexicon = load_lexicon(_write(tmp_path, _minimal()))
    assert [rule.id for rule in lexicon.danger] == ["bleeding"]


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (lambda raw: raw.update(extra=[]), "extra"),
        (lambda raw: raw["danger"][0].update(wieght="strong"), "wieght"),
        (lambda raw: raw["danger"][0].update(kind="fire"), "kind"),
        (lambda raw: raw["danger"][0].update(examples=[]), "examples"),
        (lambda raw: raw["context"][0].update(effect="maybe"), "effect"),
        (lambda raw: raw["danger"][0].update(patterns=["is ~9 bleeding"]), "gap"),
        (lambda raw: raw["danger"][0].update(patterns=["~2 bleeding"]), "begin"),
        (lambda raw: raw["danger"][0].update(patterns=["is bleeding?"]), "end"),
        (lambda raw: raw["danger"][0].update(patterns=["@nosuch bleeding"]), "nosuch"),
        (lambda raw: raw["danger"][0].update(patterns=["Is Bleeding"]), "pattern"),
        (lambda raw: raw["danger"][0].update(patterns=["is ~1 ~1 ~1 ~1 bleeding"]), "gaps"),
        (lambda raw: raw["context"][0].update(id="bleeding"), "unique"),
        (lambda raw: raw["classes"].pop("perfect"), "perfect"),
        (lambda raw: raw["classes"].update(digits=["one"]), "built in"),
        (lambda raw: raw["classes"]["be"].append("he's"), "classes"),
        (lambda raw: raw["classes"].update(typo_key=["knife"]), "typo_key"),
    ],
)
def test_a_malformed_lexicon_is_one_catalogue_error(
    tmp_path: Path, change: Any, complaint: str
) -> None:
    raw = _minimal()
    change(raw)
    with pytest.raises(CatalogueError) as caught:
        load_lexicon(_write(tmp_path, raw))
    assert complaint in str(caught.value)
    assert "danger.yaml" in str(caught.value)


def test_the_lexicon_ships_in_the_wheel() -> None:
    """The danger check cannot run without it: pyproject's package-data must carry it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    shipped = config["tool"]["setuptools"]["package-data"]["vrn_core.knowledge"]
    wanted = ("lexicon", "danger.yaml")

    def covers(pattern: str) -> bool:  # a setuptools glob: "*" stays within one folder
        parts = tuple(pattern.split("/"))
        return len(parts) == len(wanted) and all(map(fnmatch.fnmatch, wanted, parts))

    assert any(covers(pattern) for pattern in shipped)
