"""VrnRetriever: LangChain's standard retriever suite, and the metadata needed to cite."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from langchain_core.documents import Document
from langchain_tests.integration_tests import RetrieversIntegrationTests

from tests.assistant.conftest import HashEmbeddings, markdown
from vrn_assistant.retrieval.index import CorpusIndex
from vrn_assistant.retrieval.retriever import VrnRetriever
from vrn_assistant.settings import IndexSettings

pytestmark = pytest.mark.allow_hosts(["127.0.0.1"])


@pytest.fixture(scope="module")
def shared_index(tmp_path_factory: pytest.TempPathFactory) -> CorpusIndex:
    """Six chunks in two documents: enough for the suite's k=3 with any query."""
    root = tmp_path_factory.mktemp("retriever")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "mentoring.md").write_text(
        markdown(
            {
                "Who it is for": "Young people aged 10 to 17 at risk of exploitation.",
                "How to refer": "Schools refer through the online form.",
                "What happens": "A mentor meets the young person weekly.",
            },
            title="Youth Mentoring",
            as_of="2026-02-01",
        )
    )
    (corpus / "boxing.md").write_text(
        markdown(
            {
                "Sessions": "Boxing sessions in Preston on Saturday mornings.",
                "Who can come": "Anyone aged 12 to 18, referred or not.",
                "Cost": "Free of charge.",
            }
        )
    )
    index = CorpusIndex(IndexSettings(path=root / "index"), HashEmbeddings())
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)  # so that sources read "corpus/<name>"
        index.ingest([Path("corpus")])
    return index


class TestVrnRetrieverStandard(RetrieversIntegrationTests):
    @pytest.fixture(autouse=True)
    def _use_index(self, shared_index: CorpusIndex) -> None:
        self.index = shared_index

    @property
    def retriever_constructor(self) -> type[VrnRetriever]:
        return VrnRetriever

    @property
    def retriever_constructor_params(self) -> dict[str, Any]:
        return {"index": self.index, "k": 2}

    @property
    def retriever_query_example(self) -> str:
        return "who can be referred to mentoring?"


def test_documents_carry_what_a_citation_needs(shared_index: CorpusIndex) -> None:
    retriever = VrnRetriever(index=shared_index)
    (document,) = retriever.invoke("mentor meets weekly", k=1)
    chunk = shared_index.search("mentor meets weekly", 1)[0].chunk
    assert document == Document(
        id=chunk.id,
        page_content="A mentor meets the young person weekly.",
        metadata={
            "id": chunk.id,
            "source": "corpus/mentoring.md",
            "title": "Youth Mentoring",
            "locator": "What happens",
            "as_of": "2026-02-01",
            "score": pytest.approx(shared_index.search("mentor meets weekly", 1)[0].score),
        },
    )


def test_mode_and_boost_ids_per_call(shared_index: CorpusIndex) -> None:
    retriever = VrnRetriever(index=shared_index, mode="lexical", k=4)
    assert len(retriever.invoke("saturday")) == 1  # one chunk has the word
    cost = next(c for c in shared_index.chunks() if c.locator == "Cost")
    boosted = retriever.invoke("saturday", boost_ids=[cost.id])
    assert sorted(d.metadata["locator"] for d in boosted) == ["Cost", "Sessions"]
    assert [d.metadata["as_of"] for d in boosted] == [None, None]
    assert len(retriever.invoke("saturday", mode="dense")) == 4


async def test_ainvoke_honours_k(shared_index: CorpusIndex) -> None:
    retriever = VrnRetriever(index=shared_index, k=5)
    assert len(await retriever.ainvoke("boxing in Preston")) == 5
    assert len(await retriever.ainvoke("boxing in Preston", k=2)) == 2


def test_k_must_be_positive(shared_index: CorpusIndex) -> None:
    with pytest.raises(ValueError, match="greater than or equal to 1"):
        VrnRetriever(index=shared_index, k=0)
