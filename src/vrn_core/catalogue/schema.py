"""JSON Schemas of the files a VRN officer edits: programme records and shared contacts.

Published under docs/schemas/ (kept current by a test), so an editor with a YAML
language server offers completion and flags mistakes while a programme is edited;
each programme file names its schema on its first line.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import TypeAdapter

from vrn_core.programme import Contact, Programme

__all__ = ["contacts_file_schema", "programme_file_schema"]

_SHORT_SOURCE = {
    "type": "string",
    "pattern": r"^[^#]+#.+$",
    "description": "Short form: DOCUMENT#SECTION, e.g. 'divert.md#Who it is for'.",
}
_CONTACT_ID = {
    "type": "string",
    "description": "The id of a shared contact in knowledge/contacts.yaml, e.g. 'lancashire-vrn'.",
}


def _with_short_sources(schema: dict[str, Any]) -> dict[str, Any]:
    """Let every SourceRef be written as an object or in its short string form."""
    definitions = schema.setdefault("$defs", {})
    definitions["SourceRef"] = {"anyOf": [definitions["SourceRef"], _SHORT_SOURCE]}
    return schema


def programme_file_schema() -> dict[str, Any]:
    """One programme file (knowledge/programmes/*.yaml), as the loader accepts it."""
    schema = _with_short_sources(copy.deepcopy(TypeAdapter(Programme).json_schema()))
    contacts = schema["properties"]["contacts"]
    contacts["items"] = {"anyOf": [contacts["items"], _CONTACT_ID]}
    schema["title"] = "A Lancashire VRN programme record"
    return schema


def contacts_file_schema() -> dict[str, Any]:
    """knowledge/contacts.yaml: shared contacts by id."""
    contact = _with_short_sources(copy.deepcopy(TypeAdapter(Contact).json_schema()))
    definitions = contact.pop("$defs")
    return {
        "title": "Contacts shared by several programme records",
        "type": "object",
        "propertyNames": {"pattern": "^[a-z0-9][a-z0-9-]*$"},
        "additionalProperties": contact,
        "$defs": definitions,
    }
