"""vrn_core: which Lancashire VRN programme fits this person, and why.

    >>> from datetime import date
    >>> from vrn_core import Case, default_catalogue, rank
    >>> best = rank(default_catalogue(), Case(age=24, place="Blackburn",
    ...             setting="police_custody", offence="violent"), date(2020, 11, 15))[0]
    >>> best.programme_id, best.verdict.value
    ('divert', 'eligible')

Depends on pydantic, rapidfuzz and PyYAML only: never on langchain, chromadb
or streamlit (a test keeps it so). Names load on first use (PEP 562), so
`import vrn_core` costs almost nothing until a name is used; a tool that only
needs the errors or the vocabulary never pays for the rules' models.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vrn_core.assessment import RECOMMENDABLE, Assessment, assess, rank
    from vrn_core.availability import StatusResult, Window
    from vrn_core.browse import filter_programmes
    from vrn_core.case import AgeRange, Case
    from vrn_core.catalogue import Catalogue, default_catalogue, load_catalogue
    from vrn_core.criteria import Criterion, CriterionResult
    from vrn_core.errors import (
        CaseError,
        CatalogueError,
        ExportError,
        UnknownProgramme,
        UsageError,
        VrnError,
    )
    from vrn_core.export import ExportFormat, export_catalogue
    from vrn_core.places import Gazetteer, MatchStatus, Place, PlaceKind, PlaceMatch
    from vrn_core.programme import Pathway, Programme, ReferralRoute
    from vrn_core.report import CheckReport, ProgrammeReport, check
    from vrn_core.sources import SourceRef
    from vrn_core.vocabulary import (
        Gender,
        Issue,
        OffenceCategory,
        ProgrammeKind,
        Role,
        Sector,
        Setting,
        Status,
        Truth,
        Verdict,
        WindowStatus,
    )

_HOME = {
    "AgeRange": "vrn_core.case",
    "Assessment": "vrn_core.assessment",
    "Case": "vrn_core.case",
    "CaseError": "vrn_core.errors",
    "Catalogue": "vrn_core.catalogue",
    "CatalogueError": "vrn_core.errors",
    "CheckReport": "vrn_core.report",
    "Criterion": "vrn_core.criteria",
    "CriterionResult": "vrn_core.criteria",
    "ExportError": "vrn_core.errors",
    "ExportFormat": "vrn_core.export",
    "Gazetteer": "vrn_core.places",
    "Gender": "vrn_core.vocabulary",
    "Issue": "vrn_core.vocabulary",
    "MatchStatus": "vrn_core.places",
    "OffenceCategory": "vrn_core.vocabulary",
    "Pathway": "vrn_core.programme",
    "Place": "vrn_core.places",
    "PlaceKind": "vrn_core.places",
    "PlaceMatch": "vrn_core.places",
    "Programme": "vrn_core.programme",
    "ProgrammeKind": "vrn_core.vocabulary",
    "ProgrammeReport": "vrn_core.report",
    "RECOMMENDABLE": "vrn_core.assessment",
    "ReferralRoute": "vrn_core.programme",
    "Role": "vrn_core.vocabulary",
    "Sector": "vrn_core.vocabulary",
    "Setting": "vrn_core.vocabulary",
    "SourceRef": "vrn_core.sources",
    "Status": "vrn_core.vocabulary",
    "StatusResult": "vrn_core.availability",
    "Truth": "vrn_core.vocabulary",
    "UnknownProgramme": "vrn_core.errors",
    "UsageError": "vrn_core.errors",
    "Verdict": "vrn_core.vocabulary",
    "VrnError": "vrn_core.errors",
    "Window": "vrn_core.availability",
    "WindowStatus": "vrn_core.vocabulary",
    "assess": "vrn_core.assessment",
    "check": "vrn_core.report",
    "default_catalogue": "vrn_core.catalogue",
    "export_catalogue": "vrn_core.export",
    "filter_programmes": "vrn_core.browse",
    "load_catalogue": "vrn_core.catalogue",
    "rank": "vrn_core.assessment",
}


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is asked for."""
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'vrn_core' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
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
    "Programme",
    "ProgrammeKind",
    "ProgrammeReport",
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
