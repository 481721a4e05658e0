"""Reading added documents' chunks for claims about programmes.

Two linear passes over the chunks: the first gathers the names of programmes
the documents introduce (so that "Champions" in one document is recognised in
another), the second reads every statement. A statement is about the first
programme it names; one that names none is about the programme the statement
before it in the same section was about, else the one its section heading or
the document's title names. A heading in capitals inside a chunk (a plain-text
copy's "[p.19] TRAINING") starts a new section. A document that names no place in Lancashire (nor
Lancashire itself) is not about the Lancashire VRN, so nothing in it is a claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from vrn_assistant.claims.eligibility import eligibility
from vrn_assistant.claims.model import Claim, ClaimKind
from vrn_assistant.claims.naming import Mention, Names, new_programme_names
from vrn_assistant.claims.reading import (
    Statement,
    age_bands,
    contacts,
    places,
    referral,
    statements,
    status,
)
from vrn_assistant.retrieval.chunks import Chunk
from vrn_core import Catalogue
from vrn_core.places import MatchStatus

__all__ = ["catalogue_names", "extract_claims"]

_LANCASHIRE = re.compile(r"\b(?:Lancashire|Lancs)\b")
_PAGES = (".html", ".htm", ".xhtml")
_TERM = re.compile(r"[a-z0-9]+")
_ITEM = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+", re.MULTILINE)
# A heading in capitals inside a chunk ("[p.19] TRAUMA INFORMED WORKFORCE DEVELOPMENT"),
# as plain-text copies of reports and pages keep them.
_CAPITALS = re.compile(r"(?:\[[^\]\n]{1,12}\]\s*)?[^a-z.!?\n]*[A-Z]{2}[^a-z.!?\n]*")
MIN_QUOTE = 20  # as the citation book: a shorter fragment proves nothing


def catalogue_names(catalogue: Catalogue) -> Names:
    return Names(catalogue={programme.id: programme.names() for programme in catalogue})


def extract_claims(chunks: Iterable[Chunk], catalogue: Catalogue) -> list[Claim]:
    """Every claim in the added documents' chunks (the catalogue's own corpus is skipped)."""
    documents: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        if not chunk.from_catalogue:
            documents.setdefault(chunk.source, []).append(chunk)
    names = catalogue_names(catalogue)
    relevant = [parts for parts in documents.values() if _about_lancashire(parts, catalogue)]
    for parts in relevant:
        titles = [parts[0].title, *dict.fromkeys(chunk.locator for chunk in parts)]
        names.add_new(new_programme_names(titles, [(c.locator, c.text) for c in parts]))
    claims: list[Claim] = []
    for parts in relevant:
        claims += _document_claims(parts, names, catalogue)
    return claims


def _about_lancashire(chunks: Sequence[Chunk], catalogue: Catalogue) -> bool:
    gazetteer = catalogue.gazetteer
    for chunk in chunks:
        if _LANCASHIRE.search(chunk.text) or _LANCASHIRE.search(chunk.title):
            return True
        for match in gazetteer.find_in_text(chunk.text):
            if (
                match.status is MatchStatus.matched
                and match.place is not None
                and gazetteer.in_lancashire(match.place.id)
            ):
                return True
    return False


def _document_claims(chunks: Sequence[Chunk], names: Names, catalogue: Catalogue) -> list[Claim]:
    title = _subject(names.find(chunks[0].title))
    claims: list[Claim] = []
    for chunk in chunks:
        section = _subject(names.find(chunk.locator)) or title
        current = section
        for statement in statements(chunk.text):
            named = _subject(names.find(statement.text))
            if named is None and _CAPITALS.fullmatch(statement.text):
                current = section  # a new section: what came before is not its subject
                continue
            current = named or current
            if current is not None:
                claims += _claims(statement, current, chunk, catalogue)
    return claims


def _subject(mentions: list[Mention]) -> Mention | None:
    return mentions[0] if mentions else None


def _claims(
    statement: Statement, about: Mention, chunk: Chunk, catalogue: Catalogue
) -> list[Claim]:
    text = statement.text
    common = {
        "programme": about.programme,
        "programme_name": about.name,
        "new": about.new,
        "quote": text,
        "source": chunk.source,
        "locator": chunk.locator,
        "chunk_id": chunk.id,
        "offset": statement.start,
        "day": chunk.as_of,
        # A chunk from before dates were recorded: its date came from front matter.
        "dated_by": chunk.dated_by or ("front matter" if chunk.as_of else "undated"),
    }
    found = _read(statement, chunk, catalogue, common)
    page = chunk.source.lower().endswith(_PAGES)
    if "\n" not in text or not (page or _ITEM.search(text)):
        return found
    return [_on_one_line(claim, statement) for claim in found]


def _on_one_line(claim: Claim, statement: Statement) -> Claim:
    """A saved page's statement spanning markup, or a list: quote its line that best holds
    the value (each line of a page's chunk is written as is in the saved file; see
    documents.html)."""
    wanted = set(_TERM.findall(claim.value.lower()))
    best: tuple[int, int, int, str] | None = None
    position = 0
    for line in statement.text.split("\n"):
        start = statement.text.index(line, position)
        position = start + len(line)
        piece = _ITEM.sub("", line).strip()
        if len(piece) < MIN_QUOTE:
            continue
        score = len(wanted & set(_TERM.findall(piece.lower())))
        if best is None or (score, len(piece)) > (best[0], best[1]):
            best = (score, len(piece), start + line.index(piece), piece)
    if best is None:
        return claim
    return claim.model_copy(update={"quote": best[3], "offset": statement.start + best[2]})


def _read(
    statement: Statement, chunk: Chunk, catalogue: Catalogue, common: dict[str, Any]
) -> list[Claim]:
    text = statement.text
    found: list[Claim] = []
    for band in age_bands(text):
        found.append(
            Claim(
                kind=ClaimKind.age_band,
                value=band.words(),
                min_age=band.min_age,
                max_age=band.max_age,
                **common,
            )
        )
    listed = places(text, catalogue.gazetteer)
    if listed is not None:
        found.append(
            Claim(
                kind=ClaimKind.place,
                value=", ".join(listed.names),
                places=listed.ids,
                complete=listed.complete,
                **common,
            )
        )
    state = status(text)
    if state is not None:
        found.append(
            Claim(
                kind=ClaimKind.status,
                value=state.words(),
                status=state.status,
                until=state.until,
                **common,
            )
        )
    if referral(text):
        found.append(Claim(kind=ClaimKind.referral, value=text, **common))
    for route in contacts(text):
        found.append(Claim(kind=ClaimKind.contact, value=route, **common))
    who = eligibility(text)
    if who is not None:
        found.append(
            Claim(
                kind=ClaimKind.eligibility,
                value=who.words,
                accepts=who.accepts,
                also=who.also,
                only=who.only,
                **common,
            )
        )
    return found
