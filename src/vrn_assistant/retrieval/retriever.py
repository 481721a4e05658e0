"""The corpus index as a LangChain retriever."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from langchain_core.callbacks import (
    AsyncCallbackManagerForRetrieverRun,
    CallbackManagerForRetrieverRun,
)
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables.config import run_in_executor
from pydantic import ConfigDict, Field

from vrn_assistant.retrieval.index import CorpusIndex, Hit, SearchMode

__all__ = ["VrnRetriever", "hit_to_document"]


def hit_to_document(hit: Hit) -> Document:
    """A search hit as a Document whose metadata is enough to cite it."""
    chunk = hit.chunk
    return Document(
        id=chunk.id,
        page_content=chunk.text,
        metadata={
            "id": chunk.id,
            "source": chunk.source,
            "title": chunk.title,
            "locator": chunk.locator,
            "as_of": chunk.as_of.isoformat() if chunk.as_of else None,
            "score": hit.score,
        },
    )


class VrnRetriever(BaseRetriever):
    """Hybrid (or lexical, or dense) search over a `CorpusIndex`.

    `k`, `mode` and `boost_ids` can also be given per call:
    `retriever.invoke(question, k=8, boost_ids=[...])`.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    index: CorpusIndex
    k: int = Field(default=4, ge=1)
    mode: SearchMode = "hybrid"

    def _get_relevant_documents(
        self,
        query: str,
        *,
        run_manager: CallbackManagerForRetrieverRun,
        k: int | None = None,
        mode: SearchMode | None = None,
        boost_ids: Sequence[str] = (),
        **_: Any,  # LangChain forwards its own invoke options (e.g. verbose) here too
    ) -> list[Document]:
        return self._search(query, k, mode, boost_ids)

    async def _aget_relevant_documents(
        self,
        query: str,
        *,
        run_manager: AsyncCallbackManagerForRetrieverRun,
        k: int | None = None,
        mode: SearchMode | None = None,
        boost_ids: Sequence[str] = (),
        **_: Any,
    ) -> list[Document]:
        # The base class would drop k, mode and boost_ids; search is blocking, so use a thread.
        return await run_in_executor(None, self._search, query, k, mode, boost_ids)

    def _search(
        self, query: str, k: int | None, mode: SearchMode | None, boost_ids: Sequence[str]
    ) -> list[Document]:
        hits = self.index.search(
            query, self.k if k is None else k, mode=mode or self.mode, boost_ids=boost_ids
        )
        return [hit_to_document(hit) for hit in hits]
