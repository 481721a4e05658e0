"""The word after a cue: a title ("Mr Pritchard"), a role ("my son jamal"), an introducer
("his name is callum") or a verb of talking to someone ("spoke to zanele")."""

from __future__ import annotations

from vrn_assistant.understanding.redaction.evidence import _Evidence
from vrn_assistant.understanding.redaction.tokens import (
    _CLAUSE_BREAKS,
    _NAMEISH,
    _PLAIN_TITLES,
    _POSSESSIVES,
    _QUOTES,
    _TIME_WORDS,
    _Class,
    _Token,
)

__all__: list[str] = []

# Before a role, a word of a workplace makes the role a job title ("custody nurse",
# "school nurse", "A&E sister"): a place's word after it is where the job is.
_WORKPLACE_WORDS = frozenset("custody cells ed ae a&e hospital ward school prison station".split())
# Introducers of what a person is called by others, a nickname: after one even a
# capitalised ordinary word is a name ("they call me Cash"); "called" and "known as" are
# not among them ("I called Social Services", "known as County Lines").
_NICKNAMERS = frozenset(
    "nicknamed, call me, calls me, call him, calls him, call her, calls her, call them,"
    " goes by, go by".split(", ")
)


class _Cued(_Evidence):
    """The rules that mark the word a cue points at as a name."""

    def _after_title(self, i: int) -> None:
        """ "Mr Pritchard", "MS ZOFIA WIŚNIEWSKA", "PC Gary Ainsworth", "mrs patel"."""
        j = i + 2 if self._key(i + 1) == "." else i + 1
        collar = self._is_number(j) and len(self._tokens[j].text) <= 5
        collar = collar or (j < len(self._tokens) and self._tokens[j].text == "[reference]")
        if collar and self._word(j + 1):
            j += 1  # a collar number, or where one was: "PC 2231 Mellor", "PC [reference] Mellor"
        for _ in range(3):  # "Mrs A. Whitworth", "Dr T.B. Shah": over initials
            initial = self._word(j)
            if initial is None or initial.case != "letter" or not initial.text.isupper():
                break
            j += 2 if self._key(j + 1) == "." else 1
        word = self._word(j)
        if not self._free(word) or word is None:
            return
        if word.case == "lower" and self._tokens[i].raw not in _PLAIN_TITLES:
            return
        if word.case == "lower" and word.cls not in _NAMEISH:
            return
        self._name[j] = True

    def _after_role(self, i: int, token: _Token) -> None:
        """ "my son jamal", "my client, Dariusz", "patient is Kayden", "client SKYE
        MORRISON", "brother, "Big Tony"", "Patient MS ZOFIA": the word after a role."""
        j = i + 1
        if self._key(j) in (",", ":", "("):
            j += 1
        opened = self._key(j - 1) if j > i + 1 else ""
        closer = {"(": ")", ",": ","}.get(opened, "")
        bridged = self._key(j) in ("is", "was")
        if bridged:
            j += 1
        while 0 <= j < len(self._tokens) and self._tokens[j].text in _QUOTES:
            j += 1
        after = self._word(j)
        if after is not None and after.raw in self._lex.titles and after.case != "lower":
            self._after_title(j)
            return
        word = self._word(j)
        if self._given_but_a_word(j) or self._function_word_name(j):
            self._name[j] = True  # "my client Will Thompson", "my son Will": a name here
            return
        if not self._free(word) or word is None:
            return
        if word.cls is _Class.place and self._key(i - 1) in _WORKPLACE_WORDS:
            return  # "custody nurse blackpool, 23yo in for ...": a job, then where it is
        if word.cls is _Class.place and not self._plural(token):
            # "my son Carlisle is 21", "my lad preston got arrested", "her grandson Marton
            # Haworth", "our client (Marton)", "my son, Marton, is": no one's son is a place
            capital = self._capital(word)
            # set off by commas only after someone's role ("my son, Marton, is"): "DA
            # victim, Fleetwood, wants IDVA support" lists where
            set_off = (
                closer
                and self._key(j + 1) == closer
                and (opened == "(" or _POSSESSIVES & {self._key(i - 1), self._key(i - 2)})
            )
            if self._person_follows(j) or (capital and (self._surname_after(j) or set_off)):
                self._name[j] = True
            return
        if (
            word.cls is _Class.ordinary
            and self._capital(word)
            and not word.initial
            and not self._plural(token)
            and (self._age_at(j + 1) or self._person_follows(j))
        ):
            self._name[j] = True  # "my daughter India is 11": no one's daughter is a country
            return
        if word.cls not in _NAMEISH:
            return
        if self._plural(token) and not (self._capital(word) or word.cls is _Class.given):
            return  # "pupils view the video", not "kids Shannon and Patrick"
        if self._plain(word) and self._verb_like(j):
            return  # "her ex stalks her": a verb, not a name
        if bridged and word.case == "lower" and word.cls is _Class.unknown:
            later = self._word(j + 1)  # "detainee is wojciech kowalczyk", not "is unwell"
            named = later is not None and self._plain(later) and later.cls in _NAMEISH
            if not named and not self._age_at(j + 1):
                return
        self._name[j] = True

    def _surname_after(self, j: int) -> bool:
        """Is the word after j capitalised and one that may be a surname?"""
        after = self._word(j + 1)
        return (
            after is not None
            and self._free(after)
            and self._capital(after)
            and after.cls in (*_NAMEISH, _Class.place)
        )

    def _given_but_a_word(self, j: int) -> bool:
        """ "Will Thompson", "May Li": a capitalised function word inside a sentence, right
        before a capitalised word in no list, is a given name."""
        word, after = self._word(j), self._nameish(j + 1)
        return (
            word is not None
            and after is not None
            and word.cls is _Class.function
            and not word.kept
            and not word.initial
            and self._capital(word)
            and self._capital(after)
            and len(word.key) > 2
        )

    def _after_introducer(self, i: int, token: _Token) -> None:
        """ "named John Smith", "is called Rocky Price", "his name is callum mckenzie",
        "Client name: Sabina"."""
        lex = self._lex
        phrase = token.raw
        if token.raw in lex.introducers or (token.key == "name" and self._key(i + 1) == ":"):
            j = i + 1
        elif self._name_in_a_list(i, token):
            j = i + 1  # "lad from Chorley, 18, name deano"
        elif (after := self._word(i + 1)) is not None and (
            f"{token.raw} {after.raw}" in lex.introducers
        ):
            j, phrase = i + 2, f"{token.raw} {after.raw}"
        else:
            return
        while 0 <= j < len(self._tokens) and self._tokens[j].text in (*_QUOTES, ":", ","):
            j += 1
        if self._key(j) in ("is", "was") and token.raw in lex.introducers:
            j += 1  # "her surname is Whalley"
        word = self._word(j)
        if self._function_word_name(j):
            self._name[j] = True  # "lad called Will, 17"
        if not self._free(word) or word is None:
            return
        if word.cls in _NAMEISH or (word.cls is _Class.place and not self._plain(word)):
            self._name[j] = True
        elif (
            phrase in _NICKNAMERS
            and word.cls is _Class.ordinary
            and self._capital(word)
            and word.key not in _TIME_WORDS
        ):
            self._name[j] = True  # "my mates call me Cash", "nicknamed Tiny"

    def _name_in_a_list(self, i: int, token: _Token) -> bool:
        """ ", name deano.": "name" between clause breaks, then one word before the next."""
        if token.key != "name" or (i > 0 and self._tokens[i - 1].text not in _CLAUSE_BREAKS):
            return False
        end = self._key(i + 2)
        return self._word(i + 1) is not None and (
            end in (",", ".", ";", "!", "?", "") or end == ")"
        )

    def _after_contact_verb(self, i: int) -> None:
        """ "spoke to zanele", "refer ellie-mae to": a plain word in no list after a verb of
        talking to or about someone."""
        j = i + 2 if self._key(i + 1) in ("to", "with") else i + 1
        word = self._word(j)
        if (
            self._free(word)
            and word is not None
            and self._plain(word)
            and word.cls in (_Class.unknown, _Class.given)
            and not self._verb_like(j)
        ):
            self._name[j] = True
