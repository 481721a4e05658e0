"""Citing one claim at a time: the marker of the best quote from its source section."""

from __future__ import annotations

from collections.abc import Callable

from vrn_assistant.answering.citations import CitationBook
from vrn_assistant.retrieval.chunks import Chunk
from vrn_core import SourceRef

__all__ = ["Citer", "SectionLookup", "marked"]

SectionLookup = Callable[[SourceRef], Chunk | None]


class Citer:
    """Cites claims about one programme, remembering which citations it used."""

    def __init__(self, section: SectionLookup, book: CitationBook, programme: str) -> None:
        self._section = section
        self._book = book
        self._programme = programme
        self.used: list[int] = []

    def __call__(self, claim: str, source: SourceRef | None) -> str:
        """The claim with the marker of the best quote from the source's section, if any."""
        chunk = self._section(source) if source is not None else None
        # Every sentence of the programme's document names it: choose the quote on the
        # rest of the claim (the place, the age, the date).
        words = claim.replace(self._programme, "")
        number = self._book.cite(chunk, words) if chunk is not None else None
        if number is None:
            return claim
        self.used.append(number)
        return marked(claim, number)

    def quote(self, claim: str, source: SourceRef | None) -> str | None:
        """The source's sentence that best fits the claim, quoted with its marker:
        '“...” [3]', for a claim the answer does not attach a citation to itself."""
        chunk = self._section(source) if source is not None else None
        if chunk is None:
            return None
        number = self._book.cite(chunk, claim.replace(self._programme, ""))
        if number is None:
            return None
        self.used.append(number)
        return f"“{self._book.citations[number - 1].quote}” [{number}]"


def marked(sentence: str, number: int) -> str:
    """'It runs.' -> 'It runs [3].': the marker belongs to the sentence it supports."""
    if sentence.endswith((".", "!", "?")):
        return f"{sentence[:-1]} [{number}]{sentence[-1]}"
    return f"{sentence} [{number}]"
