"""vrn_assistant: from a practitioner's question to a checked, cited answer.

    >>> from vrn_assistant import Assistant
    >>> assistant = Assistant.from_settings()
    >>> assistant.ingest()                                   # doctest: +SKIP
    >>> answer = assistant.ask("24yo arrested in Blackbun for GBH, coach available?")

Built on vrn_core's rules: the rules decide verdicts, retrieval finds the
passages, and every citation is a verbatim quote with its section.
"""

import os

# onnxruntime (our encoder, and chromadb's) records usage telemetry and a device id
# under ~/.cache unless told not to before it initialises: nothing leaves or stays.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

from vrn_assistant.answer import Answer, Citation, DocumentFinding, ProgrammeAnswer, ReadFact
from vrn_assistant.assistant import Assistant
from vrn_assistant.errors import IndexUnavailable
from vrn_assistant.retrieval.index import CorpusIndex, IngestReport
from vrn_assistant.retrieval.retriever import VrnRetriever
from vrn_assistant.settings import AssistantSettings, IndexSettings

__all__ = [
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
