"""The JSON Schemas committed under docs/schemas/ match the models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from tests.conftest import KNOWLEDGE, ROOT
from vrn_core.cli import SCHEMAS, json_schema


@pytest.mark.parametrize("which", list(SCHEMAS))
def test_committed_schema_is_current(which: str) -> None:
    path = ROOT / "docs" / "schemas" / f"{which}.schema.json"
    assert path.is_file(), f"missing {path}; run: vrn schema {which} > {path}"
    committed = json.loads(path.read_text())
    assert committed == json_schema(which), (
        f"{path} is stale; regenerate: vrn schema {which} > docs/schemas/{which}.schema.json"
    )


def _as_an_editor_reads(path: Path) -> Any:
    """YAML as a language server sees it: dates are strings in ISO form."""
    return json.loads(json.dumps(yaml.safe_load(path.read_text()), default=str))


def test_every_programme_file_is_valid_against_the_published_schema() -> None:
    """What an editor checks while a VRN officer types is what the loader accepts."""
    schema = json.loads((ROOT / "docs" / "schemas" / "programme.schema.json").read_text())
    validator = Draft202012Validator(schema)
    files = sorted((KNOWLEDGE / "programmes").glob("*.yaml"))
    assert files
    for path in files:
        errors = [error.message for error in validator.iter_errors(_as_an_editor_reads(path))]
        assert not errors, f"{path.name}: {errors}"
        first_line = path.read_text().splitlines()[0]
        assert (
            first_line == "# yaml-language-server: $schema=../../docs/schemas/programme.schema.json"
        )


def test_the_schema_flags_a_misspelt_key_as_the_loader_does() -> None:
    schema = json.loads((ROOT / "docs" / "schemas" / "programme.schema.json").read_text())
    record = yaml.safe_load((KNOWLEDGE / "programmes" / "divert.yaml").read_text())
    record["summery"] = record.pop("summary")
    messages = [error.message for error in Draft202012Validator(schema).iter_errors(record)]
    assert any("summery" in message for message in messages)
    assert any("'summary' is a required property" in message for message in messages)


def test_shared_contacts_validate_against_their_schema() -> None:
    schema = json.loads((ROOT / "docs" / "schemas" / "contacts.schema.json").read_text())
    contacts = yaml.safe_load((KNOWLEDGE / "contacts.yaml").read_text())
    assert not list(Draft202012Validator(schema).iter_errors(contacts))
