"""Names in a text: the seeds, grown over surnames, nicknames, "and" and later mentions,
as spans to replace."""

from __future__ import annotations

from vrn_assistant.understanding.redaction.protected import _Index
from vrn_assistant.understanding.redaction.seeds import _Seeding
from vrn_assistant.understanding.redaction.tokens import (
    _COORDINATORS,
    _DETERMINERS,
    _MAX_NAME_WORDS,
    _NAMEISH,
    _PLACE_PREPOSITIONS,
    _QUOTES,
    _TIME_WORDS,
    _Class,
    _Token,
)
from vrn_assistant.understanding.redaction.words import _lexicon

__all__: list[str] = []

_POINTS_TO_A_PLACE = _PLACE_PREPOSITIONS | _DETERMINERS | {"st", "saint", "hmp"}


class _Names(_Seeding):
    """One text's words and the rules that say which of them are names."""

    def spans(self) -> list[tuple[int, int]]:
        """Where the names are, as (start, end) offsets, in order, merged."""
        for i, token in enumerate(self._tokens):
            if token.kind == "word" and not token.kept:
                self._seed(i, token)
        self._grow()
        return self._merged()

    # --- growing names: surnames, nicknames, "and", later mentions

    def _grow(self) -> None:
        for _ in range(4):
            before = sum(self._name)
            self._extend()
            self._coordinate()
            self._propagate()
            if sum(self._name) == before:
                break

    def _extend(self) -> None:
        """Names run on over surnames, particles and a quoted nickname, and back over a
        capitalised given name before a surname ("Paris Holden (15)")."""
        tokens = self._tokens
        i = 0
        while i < len(tokens):
            if not self._is_name(i):
                i += 1
                continue
            first, j, taken = tokens[i], i + 1, 0
            while j < len(tokens) and taken < _MAX_NAME_WORDS:
                step = self._continues(first, j)
                if step == 0:
                    break
                for k in range(j, j + step):
                    if tokens[k].kind == "word":
                        self._name[k] = True
                j += step
                taken += 1
            i = j
        for i in range(len(tokens) - 1, 0, -1):
            if tokens[i].newline:
                continue  # nor does a name run back over a line break: "Regards\nGrace"
            if self._name[i] and not self._is_name(i - 1) and self._capital(tokens[i]):
                before = self._nameish(i - 1) or self._place_before_a_name(i - 1)
                named = before is not None and self._capital(before)
                if named or self._nickname_word(i - 1):  # "Big Mick"
                    self._name[i - 1] = True

    def _place_before_a_name(self, i: int) -> _Token | None:
        """ "24, Carlisle Murray": a place's word before a surname is a given name when
        nothing before it points to a place ("in", "the")."""
        token = self._word(i)
        if token is None or token.cls is not _Class.place or token.kept or token.initial:
            return None
        if i > 0 and self._tokens[i - 1].text not in (",", "(", ":", ";"):
            return None
        return token

    def _nickname_word(self, i: int) -> bool:
        """ "Big Mick", "Lil Jay": a capitalised nickname word right before a name."""
        token = self._word(i)
        return (
            token is not None
            and not token.kept
            and self._capital(token)
            and token.key in self._lex.nickname_words
        )

    def _continues(self, first: _Token, j: int) -> int:
        """How many tokens from j carry on the name that `first` starts; 0 if none."""
        tokens = self._tokens
        token = tokens[j]
        if token.newline:
            return 0  # a name ends with its line: "Rose Mellor\nFamily Support Worker"
        if token.text in _QUOTES:  # Chukwuemeka "Emeka" Okafor
            inner = self._word(j + 1)
            if (
                inner is not None
                and self._free(inner)
                and self._capital(inner)
                and j + 2 < len(tokens)
                and tokens[j + 2].text in _QUOTES
            ):
                return 3
            return 0
        if token.kind != "word" or token.kept:
            return 0
        if token.key in self._lex.particles:  # bin, van der, Ó
            later = self._next_name_word(j - 1)
            if later is not None and self._surname(first, tokens[later]):
                return later - j + 1
            return 0
        # a title that is a surname too ("Lord") is free only after a name
        free = self._free(token) or (
            token.cls is _Class.role and token.key in self._lex.word_surnames
        )
        return 1 if free and self._surname(first, token) else 0

    def _surname(self, first: _Token, token: _Token) -> bool:
        lex = self._lex
        if token.kept or token.case == "letter":
            return False
        if (
            token.key in lex.word_surnames
            and token.key not in _TIME_WORDS
            and (first.kind == "placeholder" or self._capital(first))
            and self._capital(token)
        ):
            return True  # "DC Rachel Lord": a title or a word, capitalised after a name
        if token.cls in (_Class.function, _Class.role):
            return False
        if token.key in lex.organisation_words:
            return False
        if token.key in lex.peoples and token.key not in lex.word_surnames:
            return False  # "Jamal from Bolton" is kept; "Mark Bolton" is not
        if token.key in _TIME_WORDS:
            return False
        if first.kind == "placeholder" or self._capital(first):
            return self._capital(token)
        if first.case == "upper" and not first.shout:  # client SKYE MORRISON
            return token.case == "upper" and (
                token.cls in (*_NAMEISH, _Class.place) or token.key in lex.word_surnames
            )
        if self._plain(first):
            return self._plain(token) and (
                token.cls in (_Class.unknown, _Class.given, _Class.place)
                or token.key in lex.word_surnames
            )
        return False

    def _coordinate(self) -> None:
        """ "Mark and Frank Sutton", "Tyler and Mason", "kids Shannon and Patrick"."""
        for j, token in enumerate(self._tokens):
            if token.key not in _COORDINATORS:
                continue
            if self._is_name(j - 1) and self._joins(j - 1, j + 1):
                self._name[j + 1] = True
            elif self._is_name(j + 1) and self._joins(j + 1, j - 1):
                self._name[j - 1] = True

    def _joins(self, named: int, other: int) -> bool:
        token = self._nameish(other)
        if token is None or self._name[other]:
            return False
        known = self._tokens[named]
        if known.kind == "placeholder":
            return self._capital(token)
        if token.case == "upper" and len(token.key) <= 3 and token.cls is _Class.unknown:
            return self._capital(known) and not token.shout  # "JT and Kyle": initials
        if self._capital(token) != self._capital(known):
            return False
        if self._capital(token) or token.cls is not _Class.word_name:
            return True
        if token.key in self._lex.first_names:
            return True  # "MICHAEL AND RHIANNON": a given name that is only a place's word
        # "(kayla and mason)": a plain word that is a given name too, ending the list
        return other > named and self._key(other + 1) in (")", ",", ".", "")

    def _propagate(self) -> None:
        """A name found once goes everywhere it appears ("Leanne ... Leanne is scared");
        a given name that is also a word only where it is written the same way."""
        anyhow: set[str] = set()
        written: set[tuple[str, bool]] = set()
        for i, token in enumerate(self._tokens):
            if self._name[i] and token.kind == "word":
                if token.cls in (_Class.given, _Class.unknown):
                    anyhow.add(token.key)
                elif token.cls is _Class.word_name:
                    written.add((token.key, self._capital(token)))
                elif token.cls is _Class.place and self._capital(token):
                    written.add((token.key, True))  # "Carlisle Murray ... Carlisle"
        if not anyhow and not written:
            return
        for i, token in enumerate(self._tokens):
            if self._name[i] or not self._free(token) or token.cls is _Class.ordinary:
                continue
            if token.cls is _Class.place and self._key(i - 1) in _POINTS_TO_A_PLACE:
                continue  # "Jack Nelson, 22, arrested in Nelson"
            if token.key in anyhow or (token.key, self._capital(token)) in written:
                self._name[i] = True

    # --- the result

    def _merged(self) -> list[tuple[int, int]]:
        """Runs of name words (with the particles, quotes and spaces between) as spans."""
        tokens = self._tokens
        spans: list[tuple[int, int]] = []
        i = 0
        while i < len(tokens):
            if not self._name[i]:
                i += 1
                continue
            start, end, j = tokens[i].start, tokens[i].end, i + 1
            while j < len(tokens):
                if self._name[j]:
                    end, j = tokens[j].end, j + 1
                elif tokens[j].text in _QUOTES and j + 1 < len(tokens) and self._name[j + 1]:
                    j += 1
                elif tokens[j].text in _QUOTES and self._inside_quotes(i, j):
                    end, j = tokens[j].end, j + 1
                else:
                    break
            spans.append((start, end))
            i = j
        return spans

    def _inside_quotes(self, first: int, j: int) -> bool:
        """Does the quote at j close one opened inside the name that starts at `first`?"""
        opened = sum(self._tokens[k].text in _QUOTES for k in range(first, j))
        return opened % 2 == 1 and j + 1 < len(self._tokens) and self._name[j + 1]


def _replace_names(text: str, index: _Index) -> str:
    spans = _Names(text, index, _lexicon()).spans()
    if not spans:
        return text
    pieces, last = [], 0
    for start, end in spans:
        pieces += [text[last:start], "[name]"]
        last = end
    return "".join([*pieces, text[last:]])
