"""What the words around a candidate say: an age after it, a person's verb after it, a
function word that is a given name too ("Will"), a plural role. Shared by the rules that
seed a name on its own evidence and by those that take the word after a cue."""

from __future__ import annotations

from vrn_assistant.understanding.redaction.tokens import (
    _AFTER_VERBS,
    _AGE_WORDS,
    _CLAUSE_BREAKS,
    _NOT_AGES,
    _PLURAL_ROLES,
    _TIME_WORDS,
    _Class,
    _Reading,
    _Token,
)

__all__: list[str] = []

# Auxiliaries that open a yes/no question, its subject right after: "Can Will get help?"
_QUESTION_AUXILIARIES = frozenset(
    "can could will would should shall might must may does did do has had is was".split()
)
# The modal ones, after which only a bare verb can follow the subject.
_MODALS = frozenset("can could will would should shall might must may does did do".split())
# What may open a sentence before its question's auxiliary: "So can Will ...", "When can".
_BEFORE_A_QUESTION = frozenset("so and but when how where why what then also".split())
# Function words that are verbs a question's subject can be followed by: "Can Will be".
_BARE_FUNCTION_VERBS = frozenset("be been have do go".split())
# Adverbs between a question's subject and its verb: "Can Will still go?"
_BEFORE_A_VERB = frozenset("still also just ever even really actually not now".split())
# Verbs of what a person asked about does: "can rose get help?", "does kez need".
_HELP_VERBS = frozenset(
    "get go come see attend join access use apply stay start speak talk refer"
    " self-refer need want qualify".split()
)
# Person's verbs no subject of a finite verb is followed by: the modals, "and".
_NOT_FINITE = frozenset(
    "and will would could should might must may can cannot does did shall".split()
)


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

    def _written_as_a_name(self, word: _Token) -> bool:
        """Capitalised, or in a sentence in capitals, where nothing else says otherwise."""
        return self._capital(word) or (word.shout and word.case == "upper")

    def _opens_a_clause(self, i: int) -> bool:
        before = self._tokens[i - 1] if i > 0 else None
        return self._tokens[i].initial or before is None or before.text in _CLAUSE_BREAKS

    def _function_word_name_here(self, i: int, token: _Token) -> bool:
        """Is word i a function word that is a given name too ("Will", "Said", "Can"), where
        only a name fits: with a possessive or an age ("Will's mum", "Will, 17"), as the
        subject of a finite verb opening a clause ("Said has been in the UK", "WILL GOT
        ARRESTED"), or as the subject of a yes/no question ("Can Will get on DIVERT?")?"""
        if token.kept or token.key not in self._lex.function_word_names or len(token.key) < 2:
            return False
        if self._capital(token) and (token.raw != token.key or self._age_at(i + 1)):
            return True
        if self._written_as_a_name(token) and token.key not in _TIME_WORDS:
            after = self._word(i + 1)  # "May was busy" is a month's
            if (
                after is not None
                and self._opens_a_clause(i)
                and after.key in self._lex.person_verbs
                and after.key not in _NOT_FINITE
                and (after.case == "lower" or after.shout)
            ):
                return True
        return self._asked_about(i, token)

    def _asked_about(self, i: int, token: _Token) -> bool:
        """ "Can Will get on DIVERT?", "does will need a referral", "CAN WILL GO": a function
        word that is a name, right after the auxiliary opening a question and before a bare
        verb, is the question's subject ("will he get help?" has a pronoun there)."""
        aux = self._question_auxiliary(i)
        if aux is None or aux.key == token.key:
            return False
        timely = token.key in _TIME_WORDS  # "Is May too late?", "Will May be busy?"
        if timely and (aux.key not in _MODALS or token.case == "lower"):
            return False
        if not (self._written_as_a_name(token) or (token.case == "lower" and aux.key in _MODALS)):
            return False
        j = i + 2 if self._key(i + 1) in _BEFORE_A_VERB else i + 1
        verb = self._word(j)
        if verb is None or verb.kept or not (verb.case == "lower" or verb.shout):
            return False
        if verb.cls is _Class.function:
            return not timely and verb.key in _BARE_FUNCTION_VERBS
        return verb.cls is not _Class.role

    def _question_auxiliary(self, i: int) -> _Token | None:
        """The auxiliary right before word i that opens a question ("Can", "so does")."""
        aux = self._word(i - 1)
        if aux is None or aux.key not in _QUESTION_AUXILIARIES:
            return None
        if not self._opens_a_clause(i - 1):
            opener = self._word(i - 2)
            if opener is None or opener.key not in _BEFORE_A_QUESTION:
                return None
            if not self._opens_a_clause(i - 2):
                return None
        return aux

    def _subject_of_a_question(self, i: int, token: _Token) -> bool:
        """ "can rose get help?", "CAN TATENDA GET HELP?": in plain writing, a word that may
        be a name between a modal opening a question and a verb a person does to get help
        is the question's subject ("can charity shops take ..." has a noun there)."""
        if not self._plain(token) or token.cls not in (_Class.unknown, _Class.word_name):
            return False
        if self._plural(token) or token.raw != token.key:
            return False
        aux = self._question_auxiliary(i)
        if aux is None or aux.key not in _MODALS:
            return False
        j = i + 2 if self._key(i + 1) in _BEFORE_A_VERB else i + 1
        surname = self._word(i + 1)  # "can rocky price get support?"
        if (
            surname is not None
            and self._plain(surname)
            and self._free(surname)
            and (
                surname.cls in (_Class.unknown, _Class.given)
                or surname.key in self._lex.word_surnames
            )
        ):
            j = i + 2
        verb = self._word(j)
        return verb is not None and (verb.case == "lower" or verb.shout) and verb.key in _HELP_VERBS

    def _verb_like(self, j: int) -> bool:
        """Is the plain word j followed by what follows verbs, not names ("him", "the")?"""
        token = self._tokens[j]
        return token.cls is _Class.unknown and self._key(j + 1) in _AFTER_VERBS

    def _plural(self, token: _Token) -> bool:
        key = token.key
        return key in _PLURAL_ROLES or (key.endswith("s") and key[:-1] in self._lex.roles)
