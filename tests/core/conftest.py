"""What the gazetteer tests share: the shipped gazetteer, loaded once, and matches as ids."""

from __future__ import annotations

import pytest

from tests.conftest import KNOWLEDGE
from vrn_core.places import Gazetteer, PlaceMatch

PLACES = KNOWLEDGE / "places.yaml"


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.load(PLACES)


def found_ids(matches: list[PlaceMatch]) -> list[str]:
    """Each match as its place id, or 'ambiguous'/'unknown'."""
    return [m.place.id if m.place is not None else m.status.value for m in matches]
