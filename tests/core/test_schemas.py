"""The JSON Schemas committed under docs/schemas/ match the models."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT
from vrn_core.cli import json_schema


@pytest.mark.parametrize("which", ["case", "report"])
def test_committed_schema_is_current(which: str) -> None:
    path = ROOT / "docs" / "schemas" / f"{which}.schema.json"
    assert path.is_file(), f"missing {path}; run: vrn schema {which} > {path}"
    committed = json.loads(path.read_text())
    assert committed == json_schema(which), (
        f"{path} is stale; regenerate: vrn schema {which} > docs/schemas/{which}.schema.json"
    )
