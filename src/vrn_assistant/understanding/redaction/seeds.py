"""Where a name starts: the rules that say one word is a name on its own evidence (its
case, a title, a role, an introducer, an age or a verb after it)."""

from __future__ import annotations

from vrn_assistant.understanding.redaction.cues import _Cued
from vrn_assistant.understanding.redaction.tokens import (
    _AFTER_VERBS,
    _AGE_WORDS,
    _CLAUSE_BREAKS,
    _DETERMINERS,
    _FAMILY_GROUPS,
    _NAMEISH,
    _PLACE_PREPOSITIONS,
    _PLAIN_TITLES,
    _POSSESSIVES,
    _SENTENCE_ENDS,
    _Class,
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
_KISSES = frozenset({"x", "xx", "xxx"})  # "Dawn x" signing off
# Before an organisation named in passing: "I work for Calico housing".
_BEFORE_AN_EMPLOYER = frozenset("for at with from by".split())
# Before a writer's name: "Hi, Shaz here", "morning - kez from the YOT here".
_GREETINGS = frozenset("hi hiya hello hey morning afternoon evening alright ey yo".split())
# Before the name of the person a message is written to: "hi jo,", "thanks frank,".
_ADDRESSING = frozenset("hi hiya hello hey dear thanks cheers ta morning evening".split())
_WHERE_FROM_TOKENS = 8  # "from the Early Help team in Rossendale here"
# Where people are held or kept: "bill's in custody", "dale is on remand".
_HELD = frozenset(
    "custody prison jail gaol cells remand bail hospital care court rehab hmp hmyoi yoi"
    " a&e foster".split()
)
# What is done to a person: "kez's been arrested", "jay's gone missing".
_DONE_TO_A_PERSON = frozenset(
    "arrested charged nicked lifted released bailed remanded sentenced excluded expelled"
    " stabbed attacked assaulted beaten groomed exploited bullied threatened jumped robbed"
    " mugged sectioned cautioned convicted recalled kicked punched missing glassed"
    " slashed raped abused hurt injured".split()
)


# What two people named together are said to be: "Mark and Will are brothers".
_PAIRS = frozenset("brothers sisters twins siblings cousins stepbrothers stepsisters".split())


# Words that make the "lives" before them a plural noun, not a verb ("lives are lost").
_VERBS_AFTER_A_NOUN = frozenset(
    {"are", "were", "have", "had", "matter", "matters", "lost", "saved", "changed", "will"}
)


class _Seeding(_Cued):
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
            or self._names_themselves(i, token)
            or self._a_plain_subject(i, token)
            or self._subject_of_a_question(i, token)
        ):
            self._name[i] = True
        elif self._function_word_name_here(i, token) or self._a_pair_said_to_be_kin(i, token):
            self._name[i] = True  # "Will's mum rang", "Will, 17", "Said has", "Can Will go?"
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

        if self._organisation_follows(i) or self._organisation_in_lower_case(i):
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

    def _organisation_in_lower_case(self, i: int) -> bool:
        """ "I work for Calico housing", "referred by Nugent care": a word in no list after
        "for", "at", "with", "from" or "by", then an organisation's word in lower case."""
        after = self._word(i + 1)
        return (
            self._tokens[i].cls is _Class.unknown
            and self._key(i - 1) in _BEFORE_AN_EMPLOYER
            and after is not None
            and after.case == "lower"
            and after.key in self._lex.organisation_words
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
        if token.cls is not _Class.place and self._key(i + 1) in _FAMILY_GROUPS:
            return True  # "O'Neill brothers both in custody", "Begum sisters"

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
            if after.key == "lives" and self._key(i + 2) in _VERBS_AFTER_A_NOUN:
                return False  # "precious lives are being lost": a noun, not a verb
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
        if self._key(i + 1) == "from" and token.cls in _NAMEISH:
            # "hiya its Shaz from the school office", "HI ITS SHAZ FROM CUSTODY"
            # in plain writing a word's given name after a greeting: "hi it's bill from"
            greeted = self._key(i - 2) in _GREETINGS or self._key(i - 3) in _GREETINGS
            plain = self._plain(token) and (token.cls is not _Class.word_name or greeted)
            return self._capital(token) or plain
        if token.cls in (_Class.given, _Class.word_name):
            return self._key(i + 1) in (",", "")
        greeted = self._key(i - 2) in _GREETINGS or self._key(i - 3) in _GREETINGS
        if greeted and token.cls is _Class.unknown and self._key(i + 1) in (",", ""):
            return True  # "hi its kez, my partner is in HMP Kirkham": the writer
        # "hi this is nikki, SENCO at ...": a word in no list, then what the writer is
        after = self._word(i + 2) if self._key(i + 1) == "," else None
        return (
            token.cls is _Class.unknown
            and after is not None
            and (after.cls is _Class.role or after.case in ("upper", "title"))
        )

    def _names_themselves(self, i: int, token: _Token) -> bool:
        """ "Shaz from custody here", "SHAZ FROM CUSTODY HERE", "hiya, kez here from the
        YOT", "Hi, Rose here.": opening a message or sentence (or after a greeting), a word
        that may be a name, then "from" and where the writer is from, then "here" -- or
        "here" right after it -- is the writer naming themselves. A word in no list
        needs "from": "Update here," is no one. An acronym ("IDVA here") is no name."""
        if token.cls not in _NAMEISH or self._plural(token) or token.raw != token.key:
            return False
        if not (self._capital(token) or self._plain(token)):
            return False
        before = self._word(i - 1) if self._key(i - 1) not in (",", "-", "–") else self._word(i - 2)
        greeted = before is not None and before.key in _GREETINGS
        if not (token.initial or greeted):
            return False
        if self._key(i + 1) == "here":
            if self._key(i + 2) == "from":
                return True
            ends = self._key(i + 2) in ("", *_CLAUSE_BREAKS, *_SENTENCE_ENDS)
            return ends and (token.cls is not _Class.unknown or greeted)  # "hi, shilan here"
        if self._key(i + 1) != "from":
            return False
        tokens = self._tokens
        for j in range(i + 2, min(i + 2 + _WHERE_FROM_TOKENS, len(tokens))):
            if tokens[j].newline or tokens[j].text in _SENTENCE_ENDS:
                return False
            if tokens[j].key == "here":
                return j > i + 2 and self._key(j + 1) in ("", *_CLAUSE_BREAKS, *_SENTENCE_ENDS)
        return False

    def _a_plain_subject(self, i: int, token: _Token) -> bool:
        """ "bill's in custody again", "kez and his brother got lifted", "dale is on remand":
        a plain word opening a sentence or clause is a person when what follows can only be
        said of one -- "and" their kin, or "is"/"'s" and where people are held, or what is
        done to people ("'s been arrested") -- not "work's been busy"."""
        if not self._plain(token) or token.cls not in (_Class.unknown, _Class.word_name):
            return False
        if not self._opens_a_clause(i) or self._plural(token):
            return False
        if self._key(i + 1) in ("and", "&") and self._key(i + 2) in _POSSESSIVES:
            kin = self._word(i + 3)
            return kin is not None and kin.cls is _Class.role and token.raw == token.key
        if token.raw == f"{token.key}'s":
            k = i + 1  # "bill's": "bill is" or "bill has"
        elif self._key(i + 1) in ("is", "was") and token.raw == token.key:
            k = i + 2
        else:
            return False
        return self._said_of_a_person(k)

    def _a_pair_said_to_be_kin(self, i: int, token: _Token) -> bool:
        """ "Mark and Will are brothers, 19 and 22": two words opening a sentence, said to
        be brothers, sisters, twins or a couple, are two people's names."""
        first = i if self._key(i + 1) in ("and", "&") else i - 2
        if first < 0 or self._key(first + 1) not in ("and", "&") or not self._opens_a_clause(first):
            return False
        if self._key(first + 3) not in ("are", "were") or self._key(first + 4) not in _PAIRS:
            return False
        pair = (self._word(first), self._word(first + 2))
        # any word, even "Will" or "Mark", but capitalised and no role or place
        return all(
            word is not None
            and self._capital(word)
            and word.cls not in (_Class.role, _Class.place)
            and not word.kept
            for word in pair
        )

    def _said_of_a_person(self, k: int) -> bool:
        """After "is": "in custody", "on remand", "inside", "been arrested", "missing"."""
        key = self._key(k)
        if key in ("inside", "missing"):
            return self._key(k + 1) in ("", "again", "now", *_CLAUSE_BREAKS, *_SENTENCE_ENDS)
        if key in ("in", "on"):
            held = k + 2 if self._key(k + 1) in ("the", "a") else k + 1
            return self._key(held) in _HELD
        if key in ("been", "being", "getting", "got", "gone"):
            return self._key(k + 1) in _DONE_TO_A_PERSON
        return False

    def _addressed(self, i: int, token: _Token) -> bool:
        """ "Rich, the training was great": a given name opening the text, then a comma,
        is the person the message is written to; so is a given name that is a word too,
        in plain writing, between a greeting and a comma ("hi jo,", "THANKS FRANK,")."""
        greeting = self._word(i - 1)
        if (
            greeting is not None
            and greeting.key in _ADDRESSING
            and self._opens_a_clause(i - 1)
            and self._plain(token)
            and token.cls is _Class.word_name
            and self._key(i + 1) in (",", "!", "")
        ):
            return True
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
