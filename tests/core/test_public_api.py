"""The public surface partner teams build on: pinned, and free of heavy imports."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import vrn_core

PINNED = [
    "RECOMMENDABLE",
    "AgeRange",
    "Assessment",
    "Case",
    "CaseError",
    "Catalogue",
    "CatalogueError",
    "CheckReport",
    "Criterion",
    "CriterionResult",
    "ExportError",
    "ExportFormat",
    "Gazetteer",
    "Gender",
    "Issue",
    "MatchStatus",
    "OffenceCategory",
    "Pathway",
    "Place",
    "PlaceKind",
    "PlaceMatch",
    "ProgrammeReport",
    "Programme",
    "ProgrammeKind",
    "ReferralRoute",
    "Role",
    "Sector",
    "Setting",
    "SourceRef",
    "Status",
    "StatusResult",
    "Truth",
    "UnknownProgramme",
    "UsageError",
    "Verdict",
    "VrnError",
    "Window",
    "WindowStatus",
    "assess",
    "check",
    "default_catalogue",
    "export_catalogue",
    "filter_programmes",
    "load_catalogue",
    "rank",
]


def test_all_is_pinned() -> None:
    assert sorted(vrn_core.__all__) == sorted(PINNED)
    for name in vrn_core.__all__:
        assert hasattr(vrn_core, name), name


def test_importing_vrn_core_loads_no_assistant_dependency() -> None:
    code = (
        "import sys, json, vrn_core; from vrn_core import default_catalogue; default_catalogue();"
        "print(json.dumps(sorted(m.split('.')[0] for m in sys.modules)))"
    )
    loaded = set(json.loads(subprocess.check_output([sys.executable, "-c", code], text=True)))
    assert not loaded & {"langchain", "langchain_core", "chromadb", "streamlit", "bm25s", "numpy"}


def test_the_partner_example_runs() -> None:
    from tests.conftest import ROOT

    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "partner_check.py")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Recommended: DIVERT (eligible)" in result.stdout
    assert "Preston" in result.stdout


def test_every_public_name_loads_from_its_module() -> None:
    """Names load on first use: each one in __all__ must have a home and resolve."""
    assert set(vrn_core._HOME) == set(vrn_core.__all__)
    for name in vrn_core.__all__:
        assert getattr(vrn_core, name) is not None
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        vrn_core.Nope  # noqa: B018
