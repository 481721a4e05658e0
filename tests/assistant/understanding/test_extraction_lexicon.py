"""The lexicon (knowledge/lexicon/*.yaml): each entry matches its examples and none of its
counter-examples; the files are read once and validated strictly; the phrase language."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from vrn_assistant.understanding.extraction.age import read_age
from vrn_assistant.understanding.extraction.askers import read_asker
from vrn_assistant.understanding.extraction.cues import Situation, allowed, negated, starts
from vrn_assistant.understanding.extraction.lexicon import (
    compile_phrase,
    lexicon,
    lexicon_dir,
    load_lexicon,
)
from vrn_assistant.understanding.extraction.lexicon.compiled import build_cue
from vrn_assistant.understanding.extraction.occupations import read_occupations
from vrn_assistant.understanding.extraction.setting import police_custody_said
from vrn_assistant.understanding.extraction.text import prepare
from vrn_core.errors import CatalogueError
from vrn_core.vocabulary import Role

LEXICON = lexicon()
ENTRIES = sorted(LEXICON.entries.items())
WORD_LISTS = sorted(LEXICON.word_lists.items())
# Negation words end or start words ("hasn't", "non-violent"): checked through negated().
NEGATION_PARTS = {"negating_ending", "attached_negator"}


def _reads(entry_id: str, sentence: str) -> list[str]:
    """What the entry alone matches in the sentence, after the cancelling contexts."""
    _, entry = LEXICON.entries[entry_id]
    cue = build_cue([entry], LEXICON.words)
    prepared = prepare(sentence, [])
    text = sentence if entry.case_sensitive else prepared.low
    situation = Situation(
        suspect=False,
        police_custody=police_custody_said(prepared),
        practitioner=any(role is Role.practitioner for *_, role in read_occupations(prepared)),
        asked_by=read_asker(prepared, read_age(prepared, [])),
    )
    return [m.group() for m in starts(cue, text) if allowed(entry, text, m.start(), situation)]


@pytest.mark.parametrize(("entry_id", "where"), ENTRIES, ids=[e for e, _ in ENTRIES])
def test_an_entry_matches_its_examples_and_not_its_counter_examples(
    entry_id: str, where: tuple[str, object]
) -> None:
    _, entry = LEXICON.entries[entry_id]
    missed = [example for example in entry.examples if not _reads(entry_id, example)]
    assert not missed, f"{where[0]}.yaml {entry_id}: matches none of {missed}"
    wrong = {example: _reads(entry_id, example) for example in entry.not_examples}
    assert not any(wrong.values()), f"{where[0]}.yaml {entry_id}: matches {wrong}"


@pytest.mark.parametrize("name", [name for name, _ in WORD_LISTS])
def test_a_word_list_matches_its_examples(name: str) -> None:
    words = LEXICON.word_lists[name]
    pattern = re.compile(LEXICON.words[name])
    for example in words.examples:
        text = example.lower()
        if name in NEGATION_PARTS:
            following = re.search(r"(?:n't|non[\s-]*)(\s*)(\w+)", text)
            assert following is not None and negated(text, following.start(2)), example
        else:
            assert pattern.search(text), f"{name}: {example!r}"


def test_the_spelling_examples_are_corrected() -> None:
    raw = (lexicon_dir() / "spelling.yaml").read_text("utf-8")
    assert "custdy" in raw
    notes: list[str] = []
    assert prepare("in custdy for assualt", notes).low == "in custody for assault"
    assert notes == ["'custdy' read as 'custody'", "'assualt' read as 'assault'"]


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("ex keeps turnin up n kickin off", "ex keeps turning up and kicking off"),
        ("her cousin n his mate", "her cousin and his mate"),  # not "cousing"
        ("within n out", "within and out"),
        ("n is a letter", "n is a letter"),  # "n" between words only
    ],
)
def test_spoken_spellings_are_read_written_out_without_a_note(said: str, read: str) -> None:
    notes: list[str] = []
    assert prepare(said, notes).low == read
    assert notes == []


def test_the_lexicon_is_read_once() -> None:
    assert lexicon() is lexicon()


def test_every_entry_has_two_examples() -> None:
    assert all(len(entry.examples) >= 2 for _, (_, entry) in ENTRIES)


# --- The phrase language -----------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "yes", "no"),
    [
        ("arrest[ed|s]", ["arrest", "arrested", "arrests"], ["arresting", "arrestee"]),
        ("assault*", ["assault", "assaulted"], ["sexassault"]),
        ("(in|into|to) jail", ["in jail", "into jail"], ["out jail", "injail"]),
        ("(a|an|the)? knife", ["a knife", "knife", "the knife"], ["knifes"]),
        ("serving .. sentence", ["serving sentence", "serving a long sentence"], []),
        ("serving . sentence", ["serving a sentence"], ["serving a long sentence"]),
        ("couple ...., hits", ["couple in Nelson, both drunk, hits", "couple in Nelson hits"], []),
        ("couple .... hits", ["couple in Nelson hits"], ["couple in Nelson, both drunk, hits"]),
        ("non-violent", ["non-violent", "non violent", "nonviolent"], []),
        ("children's", ["children's", "childrens"], []),
        ("a&e", ["a&e", "a & e"], ["a and e"]),
        ("glass(ed|ing)", ["glassed", "glassing"], ["glass"]),
        ("my <partner> hits", ["my ex-partner hits", "my boyfriend hits"], ["my dad hits"]),
        ("aged <number>", ["aged 17", "aged seventeen", "aged twenty-three"], ["aged x"]),
        ("'s <partner>", ["client's partner"], []),
    ],
)
def test_the_phrase_language(phrase: str, yes: list[str], no: list[str]) -> None:
    pattern = re.compile(compile_phrase(phrase, LEXICON.words))
    for text in yes:
        assert pattern.search(text), f"{phrase!r} should match {text!r}"
    for text in no:
        assert not pattern.fullmatch(text) and not pattern.search(text), (phrase, text)


# --- Strict validation ------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "lexicon"
    shutil.copytree(lexicon_dir(), copy)
    return copy


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_a_copy_loads(folder: Path) -> None:
    assert load_lexicon(folder).entries.keys() == LEXICON.entries.keys()


@pytest.mark.parametrize(
    ("file", "old", "new", "says"),
    [
        # an unknown key, named with its entry
        ("settings.yaml", "    not_before: [prison, phone]", "    not_befor: [prison]", "'cells'"),
        # a misspelt value
        (
            "settings.yaml",
            "setting: police_custody\n    strength: strong\n    phrases: [cell",
            "setting: custdy\n    strength: strong\n    phrases: [cell",
            "'cells'",
        ),
        # fewer than two examples
        ("roles.yaml", "      - the suspect is 19\n", "", "'suspected'"),
        # an unknown word list
        ("roles.yaml", "<harmed> by", "<hamred> by", "no word list <hamred>"),
        # a bracket not closed
        ("issues.yaml", "- glass(ed|ing)", "- glass(ed|ing", "'violence_words'"),
        # the last word optional
        ("issues.yaml", "- fought\n", "- fought?\n", "the last word cannot be optional"),
        # an id used twice
        ("offences.yaml", "id: fighting", "id: violent_offence", "already in offences.yaml"),
        # not YAML
        ("wants.yaml", "want: event\n", "want: [event\n", "not valid YAML"),
    ],
)
def test_a_mistake_is_one_error_naming_the_file_and_the_entry(
    folder: Path, file: str, old: str, new: str, says: str
) -> None:
    _edit(folder / file, old, new)
    with pytest.raises(CatalogueError) as caught:
        load_lexicon(folder)
    message = str(caught.value)
    assert file in message and says in message, message


def test_a_missing_file_is_named(folder: Path) -> None:
    (folder / "time.yaml").unlink()
    with pytest.raises(CatalogueError, match=r"time\.yaml.*missing"):
        load_lexicon(folder)


def test_a_word_list_the_extractor_needs_is_required(folder: Path) -> None:
    _edit(folder / "time.yaml", "id: duration", "id: durations")
    with pytest.raises(CatalogueError, match="'duration' is missing"):
        load_lexicon(folder)


def test_word_lists_using_each_other_in_a_circle_are_refused(folder: Path) -> None:
    _edit(folder / "relationships.yaml", "      - ex-partner\n", "      - <offspring>\n")
    _edit(folder / "relationships.yaml", "phrases: [son, daughter,", "phrases: [<partner>, son,")
    with pytest.raises(CatalogueError, match="circle"):
        load_lexicon(folder)
