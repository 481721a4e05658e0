"""The claims of one index generation: read once from its chunks, with the revised
catalogue they make and a way back from a claim's source to its words.

Claims are recomputed from the stored chunks rather than stored beside them:
reading them is linear in the documents (see benchmarks/claims.py) and takes
well under a second for a folder of saved pages, and a generation's chunks
are exactly what its claims must cite.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from vrn_assistant.claims.extraction import extract_claims
from vrn_assistant.claims.model import Claim
from vrn_assistant.claims.overlay import Overlay, overlay
from vrn_assistant.retrieval.chunks import Chunk
from vrn_core import Catalogue, SourceRef

__all__ = ["ClaimBook"]


@dataclass(frozen=True)
class ClaimBook:
    claims: tuple[Claim, ...]
    overlay: Overlay
    chunks: dict[str, Chunk]  # by id: the chunks claims were read from
    sections: dict[tuple[str, str], Chunk]  # (document, section) -> its text, whole

    @classmethod
    def build(cls, catalogue: Catalogue, chunks: Sequence[Chunk]) -> ClaimBook:
        added = [chunk for chunk in chunks if not chunk.from_catalogue]
        claims = tuple(extract_claims(added, catalogue))
        grouped: dict[tuple[str, str], list[Chunk]] = {}
        for chunk in added:
            grouped.setdefault((chunk.source, chunk.locator), []).append(chunk)
        sections = {
            key: parts[0]
            if len(parts) == 1
            else parts[0].model_copy(update={"text": "\n\n".join(p.text for p in parts)})
            for key, parts in grouped.items()
        }
        return cls(
            claims=claims,
            overlay=overlay(catalogue, claims),
            chunks={chunk.id: chunk for chunk in added},
            sections=sections,
        )

    @property
    def catalogue(self) -> Catalogue:
        """The catalogue as the added documents revise it (provisional records included)."""
        return self.overlay.catalogue

    def section(self, source: SourceRef) -> Chunk | None:
        """The added document's section a revised fact cites (all its text, in order)."""
        return self.sections.get((source.document, source.locator))

    def chunk(self, claim: Claim) -> Chunk | None:
        return self.chunks.get(claim.chunk_id)

    def about(self, programme: str) -> list[Claim]:
        return [claim for claim in self.claims if claim.programme == programme]
