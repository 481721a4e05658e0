"""vrn_core: which Lancashire VRN programme fits this person, and why.

    >>> from datetime import date
    >>> from vrn_core import Case, default_catalogue, rank
    >>> best = rank(default_catalogue(), Case(age=24, place="Blackburn",
    ...             setting="police_custody", offence="violent"), date(2020, 11, 15))[0]
    >>> best.programme_id, best.verdict.value
    ('divert', 'eligible')

Depends on pydantic, rapidfuzz and PyYAML only: never on langchain, chromadb
or streamlit (a test keeps it so).
"""

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
