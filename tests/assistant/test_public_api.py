"""The assistant's public surface, pinned."""

from __future__ import annotations

import vrn_assistant

PINNED = [
    "Answer",
    "Assistant",
    "AssistantSettings",
    "Citation",
    "CorpusIndex",
    "DocumentFinding",
    "IndexSettings",
    "IndexUnavailable",
    "IngestReport",
    "ProgrammeAnswer",
    "ReadFact",
    "VrnRetriever",
]


def test_all_is_pinned() -> None:
    assert sorted(vrn_assistant.__all__) == sorted(PINNED)
    for name in vrn_assistant.__all__:
        assert hasattr(vrn_assistant, name), name
