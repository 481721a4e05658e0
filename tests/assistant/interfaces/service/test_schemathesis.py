"""Property-based tests of the running service (uvicorn on loopback), from two documents:
our own OpenAPI and the official ORUK 3.0 one (made offline: its remote `$ref`s point at
the schema files of ../shared).

From ours: no 5xx, only documented status codes and content types, and every response
valid against the schema we publish, for valid and for invalid requests. From ORUK's: no
5xx, and every 200 valid against the official schemas (ORUK documents no error status,
so a 404 or 422 is allowed there but not checked against anything).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from tests.assistant.interfaces.service.conftest import LiveServer, start_server
from tests.conftest import KNOWLEDGE, shared_path
from vrn_assistant.assistant import Assistant
from vrn_assistant.settings import AssistantSettings, IndexSettings

pytestmark = pytest.mark.slow

# Examples per operation and mode: 12 operations, two modes, two documents, bounded so
# the whole module stays well under a minute on a busy two-core machine.
EXAMPLES = 12
_REMOTE = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"
_OURS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
_NEGATIVE = [*_OURS, negative_data_rejection]
_ORUK = [not_a_server_error, response_schema_conformance]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    # A keyword-only index, quick to build, so /ask answers (a 503 would count as a failure).
    tmp = tmp_path_factory.mktemp("schemathesis")
    index = IndexSettings(path=tmp / "index")
    Assistant.from_settings(
        AssistantSettings(knowledge_dir=KNOWLEDGE, index=index, dense=False)
    ).ingest()
    live = start_server(tmp, {"VRN_INDEX_DIR": str(index.path)})
    # The first question builds the server's assistant (seconds on a busy machine).
    warm = httpx.post(live.url + "/ask", json={"question": "Is DIVERT running?"}, timeout=120)
    assert warm.status_code == 200, warm.text
    yield live
    live.stop()


def _run(
    operation: Any,
    mode: GenerationMode,
    base_url: str,
    checks: list[Callable[..., Any]],
    **fixed: Any,
) -> None:
    @given(case=operation.as_strategy(generation_mode=mode, **fixed))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def check(case: Any) -> None:
        case.call_and_validate(base_url=base_url, checks=checks, timeout=30)

    try:
        check()
    except Unsatisfiable:
        # Nothing to get wrong: a path id is any text, so no request breaks its schema.
        assert mode is GenerationMode.NEGATIVE, operation.label


def _operations(schema: Any) -> list[Any]:
    operations = [result.ok() for result in schema.get_all_operations()]
    assert operations
    return operations


def test_our_openapi_holds_for_any_request(server: LiveServer) -> None:
    document = httpx.get(server.url + "/openapi.json", timeout=10).json()
    schema = schemathesis.openapi.from_dict(document)
    operations = _operations(schema)
    assert {op.path for op in operations} >= {"/services", "/eligibility", "/ask"}
    for operation in operations:
        _run(operation, GenerationMode.POSITIVE, server.url, _OURS)
        _run(operation, GenerationMode.NEGATIVE, server.url, _NEGATIVE)


def _inline(node: Any, folder: Path) -> Any:
    """`node` with every remote or bare-file `$ref` replaced by the local file it names."""
    if isinstance(node, list):
        return [_inline(item, folder) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and not ref.startswith("#"):
        target = folder / ref.removeprefix(_REMOTE)
        loaded = json.loads(target.read_text(encoding="utf-8"))
        return _inline(loaded, target.parent if target.parent != folder else folder)
    return {key: _inline(value, folder) for key, value in node.items()}


def _oruk_document() -> dict[str, Any]:
    folder = shared_path("standards", "hsds", "oruk-3.0", "schema")
    document = copy.deepcopy(json.loads((folder / "openapi.json").read_text(encoding="utf-8")))
    document = _inline(document, folder)
    # start_time and end_time have "type": "time", which is not a JSON Schema type.
    for parameter in document["components"]["parameters"].values():
        if parameter["schema"].get("type") == "time":
            parameter["schema"] = {"type": "string", "format": "time"}
    document["servers"] = [{"url": "/"}]
    return document


def test_the_official_oruk_document_holds(server: LiveServer) -> None:
    schema = schemathesis.openapi.from_dict(_oruk_document())
    operations = _operations(schema)
    services = httpx.get(server.url + "/services", timeout=10).json()["contents"]
    terms = httpx.get(server.url + "/taxonomy_terms", timeout=10).json()["contents"]
    known = {"/services/{id}": services[0]["id"], "/taxonomy_terms/{id}": terms[0]["id"]}
    for operation in operations:
        _run(operation, GenerationMode.POSITIVE, server.url, _ORUK)
        if operation.path in known:  # the real records too, not only unknown ids
            _run(
                operation,
                GenerationMode.POSITIVE,
                server.url,
                _ORUK,
                path_parameters={"id": known[operation.path]},
            )
