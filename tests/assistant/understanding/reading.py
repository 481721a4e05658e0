"""A question read as the assistant reads it, against the shipped gazetteer: the one
helper the extraction tests share."""

from __future__ import annotations

from vrn_assistant.understanding.extraction import Extraction, extract
from vrn_core import default_catalogue
from vrn_core.case import Case

GAZETTEER = default_catalogue().gazetteer


def read(question: str) -> Extraction:
    return extract(question, GAZETTEER)


def case_of(question: str) -> Case:
    """The case of the (first) person in need."""
    return read(question).case
