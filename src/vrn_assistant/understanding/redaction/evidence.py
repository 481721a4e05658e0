"""What the words around a candidate say: an age after it, a person's verb after it, a
function word that is a given name too ("Will"), a plural role. Shared by the rules that
seed a name on its own evidence and by those that take the word after a cue."""

from __future__ import annotations

from vrn_assistant.understanding.redaction.tokens import (
    _AFTER_VERBS,
    _AGE_WORDS,
    _NOT_AGES,
    _PLURAL_ROLES,
    _Class,
    _Reading,
    _Token,
)

__all__: list[str] = []


class _Evidence(_Reading):
    """Questions about the tokens near a word, asked by every name rule."""

    def _next_name_word(self, i: int) -> int | None:
        """The index of the next word after i, over particles ("Tomás Ó Briain")."""
        j = i + 1
        while (word := self._word(j)) is not None and word.key in self._lex.particles:
            j += 1
        return j if self._word(j) is not None else None

    def _person_follows(self, i: int) -> bool:
        """A verb whose subject is a person, or an age, follows word i."""
        after = self._word(i + 1)
        if (
            after is not None
            and after.key in self._lex.person_verbs
            and after.key != "and"
            and (after.case == "lower" or after.shout)
        ):
            return True
        return self._age_at(i + 1)

    def _age_at(self, j: int) -> bool:
        """ ", 19", " (15)", " 17 came in", " aged 17", " is 20": an age starts at token j."""
        if j >= len(self._tokens):
            return False
        first = self._tokens[j]
        if first.text == "," and self._age_number(j + 1):
            return True
        if first.text == "(" and self._age_number(j + 1) and self._key(j + 2) == ")":
            return True
        if first.key in ("aged", "age", "is") and self._age_number(j + 1):
            return True
        if first.kind != "number" or j == 0 or self._tokens[j - 1].end == first.start:
            return False  # "PR1", "M6", "24yo" are no ages
        return self._age_number(j) and self._key(j + 1) != ","

    def _age_number(self, j: int) -> bool:
        tokens = self._tokens
        if j >= len(tokens) or tokens[j].kind != "number" or len(tokens[j].text) > 3:
            return False
        if not tokens[j].text.isdecimal():  # '¹' is a digit to str.isdigit, not to int()
            return False
        if not 0 < int(tokens[j].text) <= 110:
            return False
        after = self._key(j + 1).lower()
        if after in _NOT_AGES or (after in ("/", ".", "-", ":") and self._is_number(j + 2)):
            return False
        return (
            after == ""
            or after in _AGE_WORDS
            or self._word(j + 1) is None
            or after in self._lex.person_verbs
            or after in ("with", "from", "in", "at", "who", "whose", "but", "on")
        )

    def _plainly_an_age(self, j: int) -> bool:
        """Is the number at j an age and nothing else: "19 years old", "19.", "19 and
        lives", not "20 and a half minutes"?"""
        after = self._key(j + 1)
        if after in _AGE_WORDS or after in (",", ".", ""):
            return True
        later = self._word(j + 2)
        if after != "and" or later is None:
            return False
        # "19 and lives", "14 and mixing with older lads": what a person does
        return later.key in self._lex.person_verbs or (
            later.case == "lower" and len(later.key) > 4 and later.key.endswith("ing")
        )

    def _is_number(self, j: int) -> bool:
        return 0 <= j < len(self._tokens) and self._tokens[j].kind == "number"

    def _function_word_name(self, j: int) -> bool:
        """Is word j a capitalised function word that is a given name too ("Will")?"""
        word = self._word(j)
        return (
            word is not None
            and not word.kept
            and self._capital(word)
            and word.key in self._lex.function_word_names
        )

    def _verb_like(self, j: int) -> bool:
        """Is the plain word j followed by what follows verbs, not names ("him", "the")?"""
        token = self._tokens[j]
        return token.cls is _Class.unknown and self._key(j + 1) in _AFTER_VERBS

    def _plural(self, token: _Token) -> bool:
        key = token.key
        return key in _PLURAL_ROLES or (key.endswith("s") and key[:-1] in self._lex.roles)
