"""Where a name starts: the rules that say one word is a name on its own evidence (its
case, a title, a role, an introducer, an age or a verb after it)."""

from __future__ import annotations

from vrn_assistant.understanding.redaction.tokens import (
    _AFTER_VERBS,
    _AGE_WORDS,
    _CLAUSE_BREAKS,
    _DETERMINERS,
    _FAMILY_GROUPS,
    _NAMEISH,
    _NOT_AGES,
    _PLACE_PREPOSITIONS,
    _PLAIN_TITLES,
    _PLURAL_ROLES,
    _POSSESSIVES,
    _QUOTES,
    _Class,
    _Reading,
    _surname_shaped,
    _Token,
)

__all__: list[str] = []

# After "the" and a place's word, a word for one family: "the Fleetwood family".
_ONE_FAMILY = frozenset("family families household twins".split())
# After a given name that is a word too, these say a person, not a place, was meant.
_AFTER_A_PERSON = frozenset("at for who whose".split())
_SIGNATURE_TOKENS = 6  # a name and a role after it: "Rose Mellor (Family Support, CSC)"
_SIGNATURE_MARKS = frozenset(".,!()-–—/&")
# Before a role, a word of a workplace makes the role a job title ("custody nurse",
# "school nurse", "A&E sister"): a place's word after it is where the job is.
_WORKPLACE_WORDS = frozenset("custody cells ed ae a&e hospital ward school prison station".split())
_KISSES = frozenset({"x", "xx", "xxx"})  # "Dawn x" signing off


class _Seeding(_Reading):
    """The rules that mark the first word of a name."""

    def _seed(self, i: int, token: _Token) -> None:
        if self._free(token) and (
            self._capitalised_inside(i, token)
            or self._at_sentence_start(i, token)
            or self._given_on_sight(i, token)
            or self._subject_of_a_verb(i, token)
            or self._before_an_age(i, token)
            or self._two_unknown_words(i, token)
            or self._before_an_apposition(i, token)
            or self._after_a_self_introducer(i, token)
            or self._addressed(i, token)
            or self._after_an_initial(i, token)
            or self._a_signature(i, token)
            or self._initials_before_an_age(i, token)
            or self._whose_family(i, token)
            or self._a_family_named_for_a_place(i, token)
            or self._surname_first(i, token)
        ):
            self._name[i] = True
        elif self._function_word_name(i) and (token.raw != token.key or self._age_at(i + 1)):
            self._name[i] = True  # "Will's mum rang", "Will, 17", "Will is 14"
        lex = self._lex
        if token.raw in _PLAIN_TITLES or (
            token.raw in lex.titles and token.key not in lex.roles and token.case != "lower"
        ):
            self._after_title(i)
        elif token.cls is _Class.role or (token.key == "case" and self._key(i - 1) in _POSSESSIVES):
            self._after_role(i, token)
        self._after_introducer(i, token)
        if token.key in lex.contact_verbs:
            self._after_contact_verb(i)

    def _capitalised_inside(self, i: int, token: _Token) -> bool:
        """ "spoke to Zanele", "Can Florence get help?": a capital inside a sentence on a
        word that is no ordinary word -- unless the words around make it a place or an
        organisation ("in Friargate", "the Vic", "Calico Housing Trust")."""
        if token.initial or not self._capital(token) or token.cls not in _NAMEISH:
            return False
        before = self._word(i - 1)
        if before is not None and before.key == "the" and self._key(i + 1) in _FAMILY_GROUPS:
            return True  # "the Kowalski kids", "the Begum family"
        if before is not None and before.key == "its" and token.cls is _Class.given:
            pass  # "hiya its Paula from the centre": "it's", not a determiner
        elif before is not None and before.key == "our" and self._our_family(i, token):
            return True  # "worried about our Destiny, she's 13": the north's "our"
        elif before is not None and (before.key in _DETERMINERS or before.key in ("st", "saint")):
            return False
        if self._key(i - 1) == "." and self._key(i - 2) in ("st", "saint"):
            return False
        if before is not None and before.key == "of" and self._proper_noun_before(i - 2):
            return False  # "Isle of Skye", "University of Central Lancashire"

        if self._organisation_follows(i):
            return False
        if token.cls is _Class.given:
            return True
        if token.cls is _Class.word_name and self._a_verb_opening_a_clause(i):
            return False  # "Hi all, Hope this helps", "Thanks, Mark it as read"
        if before is not None and self._capital(before) and before.cls is _Class.ordinary:
            return False  # a proper noun's second word: "Operation Adderr", "Calico Homes"
        if (
            before is not None
            and self._capital(before)
            and before.cls is _Class.place
            and not self._name[i - 1]
        ):
            return False  # a place's second word: "Hutton Grammar", "Accrington Stanley"
        # "in Fleetwood", "took her to Pakistan": a place, unless a second name word
        # follows ("delivered to Adebayo Ogunleye") or "to" follows a verb of talking.
        if before is not None and before.key in _PLACE_PREPOSITIONS:
            if before.key == "to" and self._key(i - 2) in self._lex.contact_verbs:
                return True
            if token.cls is _Class.word_name and self._key(i + 1) in _AFTER_A_PERSON:
                return True  # "got your name from Penny at the hub", "thanks to Joy for"
            after = self._word(i + 1)
            surname = after is not None and (
                after.cls in _NAMEISH
                or (after.cls is _Class.place and token.cls is not _Class.unknown)
            )
            return surname and after is not None and self._free(after) and self._capital(after)
        return True

    def _our_family(self, i: int, token: _Token) -> bool:
        """After "our": a given name, or a word's given name with a comma, an age or a
        person's verb after it."""
        if token.cls is _Class.given:
            return True
        return token.cls is _Class.word_name and (
            self._key(i + 1) == "," or self._person_follows(i)
        )

    def _a_verb_opening_a_clause(self, i: int) -> bool:
        """Is word i the verb of a clause it opens: a pronoun or article after it?"""
        before = self._tokens[i - 1] if i > 0 else None
        if before is not None and before.text not in _CLAUSE_BREAKS:
            return False
        return self._key(i + 1) in _AFTER_VERBS or self._key(i + 1) in ("you", "we", "i")

    def _proper_noun_before(self, i: int) -> bool:
        """Is word i a capitalised word of a place or a thing, not a person's name?"""
        token = self._word(i)
        return (
            token is not None
            and self._capital(token)
            and not self._name[i]
            and token.cls in (_Class.ordinary, _Class.place, _Class.unknown)
        )

    def _organisation_follows(self, i: int) -> bool:
        for j in range(i + 1, min(i + 5, len(self._tokens))):
            after = self._word(j)
            if after is None or not self._capital(after) or after.newline:
                return False
            if after.key in self._lex.organisation_words:
                return True
        return False

    def _at_sentence_start(self, i: int, token: _Token) -> bool:
        """ "Kwabena Mensah was arrested", "Hope was brought in", "Connor was": a capital
        that may only mark the sentence's start, so it needs a second sign."""
        if not token.initial or not self._capital(token):
            return False
        if token.cls not in _NAMEISH and token.cls is not _Class.place:
            return False
        if self._organisation_follows(i):
            return False
        if token.cls is _Class.given:
            return True
        if token.cls is _Class.place:
            return self._place_as_a_given_name(i)
        after = self._next_name_word(i)
        if after is not None:
            second = self._tokens[after]
            if self._capital(second) and self._free(second) and not second.newline:
                if second.cls in _NAMEISH:
                    return True
                if second.cls is _Class.place and token.cls is _Class.word_name:
                    return True
        if self._key(i + 1) == "and" and self._key(i + 2) in _POSSESSIVES:
            return True  # "Destiny and her mum came to the ED"
        if token.cls is _Class.word_name and self._key(i + 1) == "from":
            return True  # "Rose from the women's centre asked me": who, and from where
        return self._person_follows(i) or token.raw.endswith("'s")

    def _place_as_a_given_name(self, i: int) -> bool:
        """ "Preston Walker got stabbed": a place's word opening a sentence is a given
        name when a capitalised surname in no list and a person's verb or age follow."""
        after = self._word(i + 1)
        return (
            after is not None
            and self._free(after)
            and self._capital(after)
            and after.cls in (_Class.given, _Class.unknown, _Class.place)
            and self._person_follows(i + 1)
        )

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

    def _given_on_sight(self, i: int, token: _Token) -> bool:
        """ "oscar", "ABDUL KARIM MIAH": a given name that is no ordinary word, in lower
        case or in capitals; a capitalised one inside a sentence is a name already."""
        if token.cls is not _Class.given or self._key(i - 1) in ("st", "saint"):
            return False
        if self._plain(token):
            return True
        if token.case == "upper":  # capitals in a mixed text: an acronym unless paired
            if _surname_shaped(token.key, self._lex.name_endings):
                return True  # "WIŚNIEWSKA": no acronym ends so
            after = self._word(i + 1)
            return after is not None and after.case == "upper" and self._free(after)
        return False

    def _subject_of_a_verb(self, i: int, token: _Token) -> bool:
        """ "siobhán came in", ", siobhán says", "jamal is 19": a plain word in no list, at
        the start of a sentence or clause, then a verb whose subject is a person."""
        if not self._plain(token) or token.cls not in (_Class.unknown, _Class.word_name):
            return False
        before = self._tokens[i - 1] if i > 0 else None
        if not (token.initial or before is None or before.text in _CLAUSE_BREAKS):
            return False
        after = self._word(i + 1)
        if after is not None and after.key in self._lex.person_verbs:
            return after.key not in ("and", "is", "can", "will", "may", "did", "does")
        return token.cls is _Class.unknown and self._age_at(i + 1)

    def _before_an_age(self, i: int, token: _Token) -> bool:
        """ "Tell me about jamal, 19", "amber, 14", "Dean Hesketh, 40": the words right
        before an age, if one of them is no ordinary word."""
        if token.cls not in (*_NAMEISH, _Class.place) or not self._age_at(i + 1):
            return False
        if self._key(i + 1) == "is":
            if token.cls is _Class.place:  # "Lancaster is 19 and lives in Morecambe"
                return token.initial and self._capital(token) and self._plainly_an_age(i + 2)
            if token.cls is _Class.word_name and token.initial:
                return self._plainly_an_age(i + 2)  # "grace is 15 and pregnant"
            return self._capital(token) or token.cls is _Class.given
        if token.cls is _Class.place:  # a surname that is a place: Dean Hesketh, 40
            before = self._nameish(i - 1)
            if before is not None and self._capital(before) == self._capital(token):
                self._name[i - 1] = True
                return True
            return False
        return True

    def _before_an_apposition(self, i: int, token: _Token) -> bool:
        """ "victoria (my niece) is 17", "Hunter, my 19yo, is": a word before a person
        named by what they are to the writer, set off by brackets or commas."""
        if token.cls not in _NAMEISH or self._key(i + 1) not in ("(", ","):
            return False
        if self._key(i + 2) not in _POSSESSIVES:
            return False
        k = i + 3
        if self._is_number(k) and self._age_number(k):
            k += 1
            while self._key(k) in _AGE_WORDS and k < i + 7:
                k += 1
        if (word := self._word(k)) is not None and word.cls is _Class.role:
            k += 1
        closing = ")" if self._key(i + 1) == "(" else ","
        return k > i + 3 and self._key(k) == closing

    def _after_a_self_introducer(self, i: int, token: _Token) -> bool:
        """ "hiya i'm summer, 15", "it's grace, her mum": the word after "i'm" or "this
        is", with an age or a comma after it, is the writer's name, even an ordinary word;
        so is a capitalised word before "from" ("its Shaz from the school office")."""
        before, two_before = self._word(i - 1), self._word(i - 2)
        introduced = before is not None and (
            before.raw in self._lex.self_introducers
            or (
                two_before is not None
                and f"{two_before.raw} {before.raw}" in self._lex.self_introducers
            )
        )
        if not introduced or token.cls is _Class.place:
            return False
        if self._age_at(i + 1):
            return True
        if self._key(i + 1) == "from" and self._capital(token) and token.cls in _NAMEISH:
            return True  # "hiya its Shaz from the school office"
        if token.cls in (_Class.given, _Class.word_name):
            return self._key(i + 1) in (",", "")
        # "hi this is nikki, SENCO at ...": a word in no list, then what the writer is
        after = self._word(i + 2) if self._key(i + 1) == "," else None
        return (
            token.cls is _Class.unknown
            and after is not None
            and (after.cls is _Class.role or after.case in ("upper", "title"))
        )

    def _addressed(self, i: int, token: _Token) -> bool:
        """ "Rich, the training was great": a given name opening the text, then a comma,
        is the person the message is written to."""
        return (
            i == 0
            and self._capital(token)
            and token.cls in (_Class.given, _Class.word_name)
            and self._key(i + 1) == ","
        )

    def _after_an_initial(self, i: int, token: _Token) -> bool:
        """ "DSL Mrs A. Whitworth", "J. Haworth rang": a capitalised surname right after
        an initial and its full stop."""
        if not self._capital(token) or token.cls not in (*_NAMEISH, _Class.place):
            return False
        initial = self._word(i - 2)
        return (
            self._key(i - 1) == "."
            and initial is not None
            and initial.case == "letter"
            and initial.text.isupper()
            and initial.text != "I"
        )

    def _function_word_name(self, j: int) -> bool:
        """Is word j a capitalised function word that is a given name too ("Will")?"""
        word = self._word(j)
        return (
            word is not None
            and not word.kept
            and self._capital(word)
            and word.key in self._lex.function_word_names
        )

    def _whose_family(self, i: int, token: _Token) -> bool:
        """ "hunter's dad is in prison", "zak's mum here": a possessive before a role
        word is the person whose family it is."""
        if token.raw == token.key or token.cls not in _NAMEISH:
            return False
        after = self._word(i + 1)
        return after is not None and after.cls is _Class.role and after.case == "lower"

    def _a_family_named_for_a_place(self, i: int, token: _Token) -> bool:
        """ "the Fleetwood family", "the Preston twins": a place's word between "the" and
        a word for one family is the family's surname ("the Burnley lads" are a place's)."""
        return (
            token.cls is _Class.place
            and self._capital(token)
            and self._key(i - 1) == "the"
            and self._key(i + 1) in _ONE_FAMILY
        )

    def _surname_first(self, i: int, token: _Token) -> bool:
        """ "Haworth, Jack - DOB ...", "Name: Bolton, Mark": a capitalised word opening a
        line or a field, then a comma and a given name that ends the entry, is a surname."""
        if not self._capital(token) or token.cls not in (*_NAMEISH, _Class.place):
            return False
        if not (token.initial or token.newline or self._key(i - 1) == ":"):
            return False
        given = self._word(i + 2)
        return (
            self._key(i + 1) == ","
            and given is not None
            and given.cls in (_Class.given, _Class.word_name)
            and self._capital(given)
            and (
                i + 3 >= len(self._tokens)
                or self._tokens[i + 3].newline
                or self._key(i + 3) in ("-", "–", "(", ",", ".", ";")
            )
        )

    def _initials_before_an_age(self, i: int, token: _Token) -> bool:
        """ "JT is 15", "KM, 9": two or three capitals, in no list, before an age."""
        return (
            token.case == "upper"
            and not token.shout
            and token.cls is _Class.unknown
            and len(token.key) <= 3
            and self._age_at(i + 1)
        )

    def _a_signature(self, i: int, token: _Token) -> bool:
        """ "Regards,\nRose", "Rose\nFamily Support Worker", "Hope this helps. Storm",
        "- Destiny (IDVA)": a given name that opens a line, or the text's last sentence, or
        follows a dash, with at most a few capitalised words after it to the line's end."""
        if not self._capital(token) or token.cls not in (_Class.given, _Class.word_name):
            return False
        dashed = i > 0 and self._key(i - 1) in ("-", "–", "—")
        if not (token.newline or token.initial or dashed) or self._organisation_follows(i):
            return False
        tokens, j = self._tokens, i + 1
        lower = False  # a lower-case word after it: only in a dashed sign-off ending the text
        while j < len(tokens) and not tokens[j].newline:
            after = tokens[j]
            if j > i + _SIGNATURE_TOKENS:
                return False
            if after.kind == "word" and not (
                after.case in ("title", "upper")
                or after.kept
                or after.cls is _Class.role  # "- Jo, solicitor"
                or after.key in _KISSES
            ):
                if not dashed:
                    return False
                lower = True  # "- Jo, solicitor's office"
            if after.kind not in ("word", "placeholder") and after.text not in _SIGNATURE_MARKS:
                return False
            j += 1
        if lower:
            return j == len(tokens)
        return token.newline or dashed or j == len(tokens)

    def _two_unknown_words(self, i: int, token: _Token) -> bool:
        """ "kacper nowak", "wojciech kowalczyk": two plain words in no list together."""
        kinds = (_Class.unknown, _Class.given)
        if not self._plain(token) or token.cls not in kinds or len(token.key) < 3:
            return False
        after = self._word(i + 1)
        return (
            after is not None
            and self._free(after)
            and self._plain(after)
            and after.cls in kinds
            and len(after.key) >= 3
            and _Class.unknown in (token.cls, after.cls)
        )

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
            if self._person_follows(j) or (
                capital and (self._surname_after(j) or (closer and self._key(j + 1) == closer))
            ):
                self._name[j] = True
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

    def _plural(self, token: _Token) -> bool:
        key = token.key
        return key in _PLURAL_ROLES or (key.endswith("s") and key[:-1] in self._lex.roles)

    def _after_introducer(self, i: int, token: _Token) -> None:
        """ "named John Smith", "is called Rocky Price", "his name is callum mckenzie",
        "Client name: Sabina"."""
        lex = self._lex
        if token.raw in lex.introducers or (token.key == "name" and self._key(i + 1) == ":"):
            j = i + 1
        elif self._name_in_a_list(i, token):
            j = i + 1  # "lad from Chorley, 18, name deano"
        elif (after := self._word(i + 1)) is not None and (
            f"{token.raw} {after.raw}" in lex.introducers
        ):
            j = i + 2
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

    def _verb_like(self, j: int) -> bool:
        """Is the plain word j followed by what follows verbs, not names ("him", "the")?"""
        token = self._tokens[j]
        return token.cls is _Class.unknown and self._key(j + 1) in _AFTER_VERBS
