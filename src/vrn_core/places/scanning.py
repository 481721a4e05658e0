"""Finding the places mentioned in a free-text question.

Exact names and aliases are taken first, longest first; then close spellings
among the words left over. Fuzzy matches need a stricter score than
`Gazetteer.resolve`, and never start or end on a small word ("in Preston" is
found as "Preston").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from vrn_core.places.model import PlaceMatch
from vrn_core.places.text import normalise, normalise_token, tokenise

__all__ = ["find_in_text"]

_FIND_THRESHOLD = 88.0
# Before an everyday name of two or more words, these say a place follows ("in south shore").
_PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "around"})
_FIND_LOWERCASE_THRESHOLD = 92.0  # "backup" is a word, not a misspelt Bacup (90.9)
_MAX_NGRAM = 5
_MIN_FIND_FUZZY_CHARS = 5  # in running text "Cone" is a word, not a misspelt Colne
_STOPWORD_TEXT = """
    a about after an and any are as at be been before but by can could do does for from had
    has have he her him his how i if in into is it its me my near no not of on or our out
    over she so some than that the their them then there they this to up us was we were what
    when where which who will with would yes you your
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


class _NameIndex(Protocol):
    """What scanning needs of the gazetteer: its name index and its two matchers."""

    @property
    def _index(self) -> Mapping[str, tuple[str, ...]]: ...

    @property
    def _capitalised_only(self) -> frozenset[str]: ...

    @property
    def _keys_by_initial(self) -> Mapping[str, list[str]]: ...

    def _exact_match(
        self, query: str, key: str, span: tuple[int, int] | None = None
    ) -> PlaceMatch: ...

    def _fuzzy_match(
        self,
        query: str,
        key: str,
        threshold: float,
        span: tuple[int, int] | None = None,
        choices: list[str] | None = None,
    ) -> PlaceMatch | None: ...


def find_in_text(names: _NameIndex, text: str) -> list[PlaceMatch]:
    """The places `names` knows that `text` mentions, in order of appearance, each once."""
    tokens = list(tokenise(text))
    words = [normalise_token(token.group()) for token in tokens]
    count = len(words)
    covered = [False] * count
    spans: list[tuple[int, int, PlaceMatch]] = []

    def take(start: int, end: int, match: PlaceMatch) -> None:
        for position in range(start, end):
            covered[position] = True
        spans.append((start, end, match))

    def capitalised(position: int) -> bool:
        return tokens[position].group()[:1].isupper()

    def proper_noun(position: int) -> bool:
        # A capital that starts a sentence says nothing ("Backup is...").
        if not capitalised(position):
            return False
        if position == 0:
            return False
        gap = text[tokens[position - 1].end() : tokens[position].start()]
        return not any(mark in gap for mark in ".!?\n")

    def named_place(start: int, end: int) -> bool:
        # An everyday word is a place only as a proper noun: "lives in Read" names the
        # village, "Read the leaflet" starts a sentence. At a sentence's start it counts
        # only standing alone, as a place typed on its own ("Church, in Hyndburn").
        if proper_noun(start):
            return True
        if end - start > 1 and start > 0 and words[start - 1] in _PLACE_PREPOSITIONS:
            return True  # typed in lower case, a name of two words after "in" is the place
        if not capitalised(start):
            return False
        after = text[tokens[end - 1].end() :].lstrip(" ")
        return not after or after[0] in ",;\n"

    def phrase(start: int, end: int) -> tuple[str, tuple[int, int]]:
        first, last = tokens[start].start(), tokens[end - 1].end()
        return text[first:last], (first, last)

    # Exact names and aliases; the longest phrase wins where two overlap.
    exact: list[tuple[int, int, str]] = []
    for start in range(count):
        for end in range(min(count, start + _MAX_NGRAM), start, -1):
            key = " ".join(words[start:end])
            if key in names._index:
                if key in names._capitalised_only and not named_place(start, end):
                    continue
                exact.append((start, end, key))
                break
    for start, end, key in sorted(exact, key=lambda hit: (hit[0] - hit[1], hit[0])):
        if not any(covered[start:end]):
            query, span = phrase(start, end)
            take(start, end, names._exact_match(query, key, span))

    # Close spellings, best score first, among the words left over.
    fuzzy: list[tuple[float, int, int, PlaceMatch]] = []
    for start in range(count):
        if covered[start] or not _fuzzy_word(words[start]):
            continue
        for end in range(start + 1, min(count, start + _MAX_NGRAM) + 1):
            if covered[end - 1]:
                break
            if not _fuzzy_word(words[end - 1]):
                continue
            key = " ".join(words[start:end])
            if len(key) - (end - start - 1) < _MIN_FIND_FUZZY_CHARS:
                continue
            # Typos seldom touch the first letter; requiring it keeps "nearby"
            # from becoming Earby, and only that letter's names are compared.
            choices = names._keys_by_initial.get(key[0])
            if not choices:
                continue
            threshold = _FIND_THRESHOLD if proper_noun(start) else _FIND_LOWERCASE_THRESHOLD
            query, span = phrase(start, end)
            match = names._fuzzy_match(query, key, threshold, span, choices)
            if match is None:
                continue
            if normalise(match.matched_text) in names._capitalised_only and not named_place(
                start, end
            ):
                continue
            fuzzy.append((match.score, start, end, match))
    for _score, start, end, match in sorted(fuzzy, key=lambda hit: (-hit[0], hit[1] - hit[2])):
        if not any(covered[start:end]):
            take(start, end, match)

    results: list[PlaceMatch] = []
    seen: set[tuple[str, ...]] = set()
    for _start, _end, match in sorted(spans, key=lambda item: item[0]):
        identity = _identity(match)
        if identity not in seen:
            seen.add(identity)
            results.append(match)
    return results


def _fuzzy_word(word: str) -> bool:
    # Small words and anything with a digit ("24yo", "2024") never start or
    # end a fuzzy phrase.
    return word not in _STOPWORDS and not any(ch.isdigit() for ch in word)


def _identity(match: PlaceMatch) -> tuple[str, ...]:
    if match.place is not None:
        return (match.place.id,)
    return tuple(sorted(place.id for place in match.alternatives))
