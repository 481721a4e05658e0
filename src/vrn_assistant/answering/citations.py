"""Citations: pick a verbatim sentence from a chunk, number it, and check it.

Quotes are never written by us or by a model: they are sentences cut out of a
chunk's text, which is itself a slice of the document. `is_verbatim` checks a
quote against a text the same way the evaluation does (whitespace and case
folded), and the assistant drops any citation that fails it. A sentence longer
than `MAX_QUOTE` is quoted up to a word and marked with "…": the part shown is
still the document's own words.

`shown_title` is how a citation names its document: the catalogue's documents by
their titles, an added document by its file name (and its own title after it),
so an added file can never pass itself off as a catalogue source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import PurePosixPath

from vrn_assistant.answer import Citation
from vrn_assistant.retrieval.chunks import Chunk

__all__ = [
    "MAX_QUOTE",
    "CitationBook",
    "best_sentence",
    "best_sentences",
    "is_stale",
    "is_verbatim",
    "normalise",
    "sentences",
    "shown_title",
    "terms",
    "wraps_lines",
]

MIN_QUOTE = 20  # shorter fragments prove nothing
MAX_QUOTE = 400  # longer sentences are quoted in part, up to a word
_BREAK = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n+")
_MARKER = re.compile(r"^(?:[-*+•]\s+|\d+[.)]\s+|#+\s+)")
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    """a an and are as at be by can could do does for from has have how i in is it its
    of on or our that the their there they this to was we were what when where which who
    will with would you your any anything""".split()
)


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def is_verbatim(quote: str, text: str) -> bool:
    """True when the quote (whitespace and case folded) is part of the text."""
    wanted = normalise(quote).rstrip(".…")
    return len(wanted) >= MIN_QUOTE and wanted in normalise(text)


def sentences(text: str, *, wrapped: bool = False) -> list[str]:
    """The quotable sentences of a text, each an exact substring of it. `wrapped`: the
    text's lines are wrapped prose (a text or Markdown file), so a sentence that runs on
    over a line break is one sentence, its whitespace folded; otherwise (a web page's
    text, cut wherever its markup is) every line is quoted apart."""
    found: list[str] = []
    # Wrapped prose is quoted with its whitespace folded, so it is looked for folded too.
    within = " ".join(text.split()) if wrapped else text
    for piece in (_WRAPPED_BREAK if wrapped else _BREAK).split(text):
        piece = piece.strip()
        marker = _MARKER.match(piece)
        if marker:
            piece = piece[marker.end() :]
        if wrapped:
            piece = " ".join(piece.split())
            if _SUBTITLE.fullmatch(piece):
                continue  # "*Information for practitioners*": a subtitle, no statement
        if len(piece) >= MIN_QUOTE and piece in within:
            found.append(_shortened(piece))
    return found


# Sentences of wrapped prose: cut at a sentence's end, a blank line or a new list item or
# heading, never at a line break inside a sentence.
_WRAPPED_BREAK = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n\s*\n+|\n(?=\s*(?:[-*+•]\s|\d+[.)]\s|#))")
_SUBTITLE = re.compile(r"([*_]{1,3})[^*_.!?]+\1")


def wraps_lines(chunk: Chunk) -> bool:
    """Whether a chunk's lines are wrapped prose: all but a web page's text, whose lines
    are cut where its markup is (see retrieval/documents/html.py)."""
    name = (chunk.path or chunk.source).lower()
    return not name.endswith((".html", ".htm", ".xhtml"))


def _shortened(sentence: str) -> str:
    """The sentence, or its start up to the last whole word that fits, then '…'."""
    if len(sentence) <= MAX_QUOTE:
        return sentence
    start = sentence[: MAX_QUOTE - 1]
    if not sentence[MAX_QUOTE - 1].isspace():  # the cut falls inside a word: drop it
        space = start.rfind(" ")
        if space >= MIN_QUOTE:
            start = start[:space]
    return start.rstrip(" ,;:") + "…"


def shown_title(chunk: Chunk) -> str:
    """The document as a citation names it: a catalogue document by its title; an added
    one by its file name, then its own title when that says more ('leaflet.md — DIVERT')."""
    if chunk.from_catalogue:
        return chunk.title
    name = PurePosixPath(chunk.path or chunk.source).name
    own = chunk.title.strip()
    if own in {"", name, PurePosixPath(name).stem}:
        return name
    return f"{name} — {own}"


_SUFFIXES = ("ations", "ation", "ions", "ion", "ings", "ing", "ers", "er", "es", "ed", "ly", "s")


def _stem(word: str) -> str:
    """A crude suffix stripper: 'preventing', 'prevention' and 'prevents' meet at 'prevent'."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def terms(text: str) -> set[str]:
    """Content words, lightly stemmed: what overlap is measured in."""
    return {_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP}


def best_sentences(text: str, claim: str, limit: int, *, wrapped: bool = False) -> list[str]:
    """Up to `limit` sentences of `text` that best support `claim`, best first.

    Shared words are weighted by how few sentences of the text hold them, so a
    place name outweighs the programme's name, which every sentence repeats.
    Ties keep document order; sentences sharing nothing are not returned unless
    nothing shares anything (then the first sentence stands for the section).
    """
    candidates = sentences(text, wrapped=wrapped)
    if not candidates:
        return []
    wanted = terms(claim)
    held = [terms(sentence) & wanted for sentence in candidates]
    frequency: dict[str, int] = {}
    for words in held:
        for word in words:
            frequency[word] = frequency.get(word, 0) + 1
    scores = [sum(1.0 / frequency[word] for word in words) for words in held]
    order = sorted(range(len(candidates)), key=lambda i: (-scores[i], i))
    chosen = [candidates[i] for i in order[:limit] if scores[i] > 0]
    return chosen or candidates[:1]


def best_sentence(text: str, claim: str) -> str | None:
    """The sentence of `text` that best supports `claim` (see best_sentences)."""
    found = best_sentences(text, claim, 1)
    return found[0] if found else None


def is_stale(source_date: date | None, as_of: date) -> bool:
    """More than 12 months older than the question's date."""
    if source_date is None:
        return False
    months = (as_of.year - source_date.year) * 12 + (as_of.month - source_date.month)
    return months > 12 or (months == 12 and as_of.day > source_date.day)


class CitationBook:
    """Numbers citations in the order they are first used; the same quote keeps its number."""

    def __init__(self, as_of: date) -> None:
        self._as_of = as_of
        self._numbers: dict[tuple[str, str, str], int] = {}
        self._citations: list[Citation] = []

    def cite(self, chunk: Chunk, claim: str) -> int | None:
        """Cite the sentence of `chunk` that best supports `claim`; None if none is quotable."""
        quote = best_sentence(chunk.text, claim)
        if quote is None:
            return None
        return self.cite_quote(chunk, quote)

    def cite_quote(self, chunk: Chunk, quote: str) -> int | None:
        if not is_verbatim(quote, chunk.text):
            return None
        key = (chunk.source, chunk.locator, quote)
        if key not in self._numbers:
            number = len(self._citations) + 1
            self._numbers[key] = number
            self._citations.append(
                Citation(
                    number=number,
                    source=chunk.source,
                    title=shown_title(chunk),
                    locator=chunk.locator,
                    quote=quote,
                    as_of=chunk.as_of,
                    stale=is_stale(chunk.as_of, self._as_of),
                )
            )
        return self._numbers[key]

    @property
    def citations(self) -> tuple[Citation, ...]:
        return tuple(self._citations)

    def stale(self) -> Iterable[Citation]:
        return (citation for citation in self._citations if citation.stale)
