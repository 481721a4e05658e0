"""Every package says what it exports (`__all__`), and those names are pinned here.

A name added to or dropped from a package's public surface must be added to or dropped
from this list too, so a change of API is always a visible decision.
"""

from __future__ import annotations

import importlib

import pytest

EXPORTS: dict[str, list[str]] = {
    "vrn_assistant.answering": [],
    "vrn_assistant.claims": [
        "Applied",
        "Claim",
        "ClaimBook",
        "ClaimKind",
        "ClaimStatus",
        "NOT_REVIEWED",
        "Overlay",
        "claim_notes",
        "extract_claims",
        "overlay",
        "provisional_record",
    ],
    "vrn_assistant.claims.curation": [
        "Accepted",
        "Added",
        "NewFact",
        "NewRecord",
        "Proposal",
        "REJECTED",
        "Review",
        "Verb",
        "accept",
        "accept_new",
        "by_programme",
        "corpus_document",
        "describe",
        "describe_new",
        "gather",
        "propose",
        "propose_new",
        "reject",
        "rejected_ids",
    ],
    "vrn_assistant.interfaces": [],
    "vrn_assistant.interfaces.service": ["app", "create_app", "serve"],
    "vrn_assistant.retrieval": [],
    "vrn_assistant.retrieval.documents": [
        "CorpusFile",
        "DocumentError",
        "MAX_BYTES",
        "MAX_TITLE_CHARS",
        "Root",
        "SUPPORTED",
        "display_path",
        "iter_corpus",
        "iter_documents",
        "load_chunks",
        "load_file",
        "read_corpus",
    ],
    "vrn_assistant.understanding": [],
    "vrn_assistant.understanding.extraction": ["Extraction", "PersonReading", "extract"],
    "vrn_assistant.understanding.extraction.lexicon": [
        "Context",
        "Cue",
        "Entry",
        "Lexicon",
        "Words",
        "compile_phrase",
        "lexicon",
        "lexicon_dir",
        "load_lexicon",
    ],
    "vrn_assistant.understanding.redaction": [
        "BirthDate",
        "NameLexicon",
        "Redaction",
        "load_lexicon",
        "protected_names",
        "redact",
    ],
    "vrn_assistant.understanding.safety": [
        "Danger",
        "EMERGENCY_ADVICE",
        "Evidence",
        "REASONS",
        "assess_danger",
        "context_markers",
        "danger_lexicon_path",
        "evidence",
        "load_lexicon",
        "told_as_not_now",
    ],
    "vrn_assistant.understanding.semantic": [
        "CONFIDENT_PRECISION",
        "COVERED",
        "Calibration",
        "Clause",
        "DangerReader",
        "DangerSense",
        "Example",
        "GUESS_PRECISION",
        "Guess",
        "Kind",
        "SemanticReader",
        "fill",
        "labelled_examples",
        "split_clauses",
    ],
    "vrn_core.catalogue": ["Catalogue", "default_catalogue", "load_catalogue"],
    "vrn_core.places": [
        "Country",
        "Gazetteer",
        "LANCASHIRE",
        "MatchStatus",
        "Place",
        "PlaceKind",
        "PlaceMatch",
        "normalise",
    ],
}


@pytest.mark.parametrize("package", sorted(EXPORTS))
def test_the_public_names_are_pinned(package: str) -> None:
    module = importlib.import_module(package)
    assert sorted(module.__all__) == sorted(EXPORTS[package])
    for name in module.__all__:
        assert hasattr(module, name), f"{package}.{name} is in __all__ but not defined"


def test_every_package_is_pinned() -> None:
    import tomllib

    from tests.conftest import ROOT

    listed = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    packages = {p for p in listed["packages"] if p != "vrn_core.knowledge"}
    assert packages == set(EXPORTS) | {"vrn_core", "vrn_assistant"}
