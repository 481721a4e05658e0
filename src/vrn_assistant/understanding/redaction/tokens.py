"""A text's words as the name rules see them: each word's class, case and place in its
sentence, and the questions the rules ask of a word."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from vrn_assistant.understanding.redaction.protected import _Index, _place_words
from vrn_assistant.understanding.redaction.words import NameLexicon, _base, _normal
from vrn_assistant.understanding.safety.lexicon import danger_words

__all__: list[str] = []

# --- Names ------------------------------------------------------------------------------------


class _Class(Enum):
    """What a word is, as far as names go."""

    function = "function"  # never a name; a name never runs through it
    role = "role"  # "client", "son": never a name, may introduce one
    ordinary = "ordinary"  # not a name on its own, even capitalised
    place = "place"  # a word of a place or programme: a surname only after a given name
    word_name = "word name"  # a given name that is an ordinary word too ("Grace")
    given = "given"  # a given name that is no ordinary word ("Niamh")
    unknown = "unknown"  # in no list: a name when its case or neighbours say so


_NAMEISH = frozenset({_Class.given, _Class.word_name, _Class.unknown})
# Endings of ordinary English words, for words in no list ("retracting", "recently").
_ORDINARY_ENDINGS = (
    "ing",
    "ings",
    "ed",
    "ly",
    "tion",
    "tions",
    "sion",
    "ment",
    "ments",
    "ness",
    "ity",
    "ous",
    "ive",
    "ful",
    "less",
    "able",
    "ible",
    "ism",
    "ist",
    "ists",
    "ship",
    "ance",
    "ence",
    "ency",
    "ancy",
    "ities",
    "ised",
    "ized",
)
_DETERMINERS = frozenset(
    "the a an this that these those our your their its every each any some no another".split()
)
# Before a capitalised word these point to a place: "in Fleetwood", "on Friargate".
_PLACE_PREPOSITIONS = frozenset(
    "in at on near from outside into around across towards toward via off to through"
    " within opposite past beyond behind round".split()
)
_CLAUSE_BREAKS = frozenset({",", ";", "-", "–", "—", "(", ":"})
_SENTENCE_ENDS = frozenset({".", "!", "?", "…"})
_ABBREVIATIONS = frozenset("st mr mrs ms dr prof no etc approx vs eg ie mt".split())
_QUOTES = frozenset("\"'“”‘’")
_AGE_WORDS = frozenset("year years yr yrs yo y old".split())
_NOT_AGES = frozenset(
    "% am pm : times time minutes mins hours hrs days weeks months ago pounds kids children"
    " people pupils schools agencies".split()
)
_COORDINATORS = frozenset({"and", "&", "or"})
# After a capitalised word these make it a club or a place: "Chelsea fan".
_FOLLOWERS = frozenset("fan fans supporter supporters".split())
_OFFICE_WORDS = range(1, 5)  # "PCC" ... "Police and Crime Commissioner"
_MAX_PUBLIC_NAME_WORDS = 3  # "PCC Clive Grunshaw": the name after a public office
_MAX_STREET_WORDS = 3  # "Mellor Brook Road": the words of a street's name before its type
_MAX_NAME_WORDS = 5  # a name runs on over at most this many words after its first


_MARKS = "\"'“”‘’,;:()!?.…&/\\-–—"
_TOKEN = re.compile(
    r"\[[a-zA-Z][a-zA-Z ]{0,19}\]"  # a placeholder of an earlier step or pass
    r"|[^\W\d_]+(?:['’\-][^\W\d_]+)*+['’]?"  # a word: O'Neill, Begum-Choudhury, Miah's
    r"|\d++"
    rf"|[{_MARKS}]"  # a mark the rules read
    rf"|[^\w\s{_MARKS}]++|_++"  # any other run of symbols, as one token
)


@dataclass(slots=True)
class _Token:
    text: str
    start: int
    end: int  # of the name part: a possessive 's stays outside the placeholder
    kind: str  # "word", "number", "mark", "placeholder"
    key: str = ""  # lower case, ' for apostrophes, no possessive
    raw: str = ""  # lower case with its possessive
    case: str = ""  # "lower", "title", "upper", "letter" (one capital letter)
    cls: _Class = _Class.function
    initial: bool = False  # first word of a sentence
    shout: bool = False  # in a sentence written in capitals
    kept: bool = False  # inside a protected name
    newline: bool = False  # a line break before it


_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april"
    " may june july august september october november december today tonight".split()
)
_AFTER_VERBS = frozenset(
    "him her them me us it the a an his their my your our this that these those".split()
)
_PLURAL_ROLES = frozenset("children men women people kids grandchildren in-laws".split())
_POSSESSIVES = frozenset("my our your his her their".split())
# After "the" and a capitalised word, a group of one family: "the Okafor twins".
_FAMILY_GROUPS = frozenset(
    "family families kids children boys girls brothers sisters twins household lads".split()
)
_PLAIN_TITLES = frozenset("mr mrs ms miss mx".split())
# Before a prison's name: "HMP Styal", "HMYOI Wetherby".
_PRISON_PREFIXES = frozenset("hmp hmyoi yoi hmpyoi".split())
# Short forms that protected names are written with: "Op Provide" is Operation Provide.
_SHORT_FORMS = {"op": "operation", "opp": "operation"}


class _Reading:
    """One text's words, read once: what each is and where it stands."""

    def __init__(self, text: str, index: _Index, lexicon: NameLexicon) -> None:
        self._lex = lexicon
        self._places = _place_words()
        self._classes: dict[str, _Class] = {}
        self._words: dict[str, tuple[str, str, int, str, _Class]] = {}
        self._tokens = list(self._tokenise(text))
        self._mark_sentences()
        self._mark_kept(index)
        self._name = [False] * len(self._tokens)

    # --- reading the text

    def _tokenise(self, text: str) -> Iterator[_Token]:
        words = self._words
        last = 0
        for match in _TOKEN.finditer(text):
            value, start, end = match.group(), match.start(), match.end()
            newline = text.find("\n", last, start) >= 0
            last = end
            first = value[0]
            if first.isalpha():
                known = words.get(value)
                if known is None:
                    known = words[value] = self._read_word(value)
                raw, key, length, case, cls = known
                yield _Token(
                    value, start, start + length, "word", key, raw, case, cls, newline=newline
                )
            elif first.isdigit():
                yield _Token(value, start, end, "number", value, newline=newline)
            elif first == "[" and len(value) > 1:
                yield _Token(value, start, end, "placeholder", value, newline=newline)
            else:
                yield _Token(value, start, end, "mark", value, newline=newline)

    def _read_word(self, value: str) -> tuple[str, str, int, str, _Class]:
        raw = _normal(value)
        key = _base(raw)
        length = len(key) if len(key) < len(raw) else len(value)
        case, cls = _case(value[:length]), self._classify(key)
        if case == "lower" and cls is _Class.unknown and key in danger_words():
            cls = _Class.ordinary  # "lips blue", "seeing double": signs of danger, not a name
        return raw, key, length, case, cls

    def _classify(self, key: str) -> _Class:
        cls = self._classes.get(key)
        if cls is None:
            cls = self._classes[key] = self._class_of(key)
        return cls

    def _class_of(self, key: str) -> _Class:
        if len(key) > _LONGEST_WORD:
            return _Class.unknown  # "ssss..." x 3,000: no word, and no plural to strip
        lex = self._lex
        if not key.isascii():  # "Gráinne", "Zoë", "José": as the lists spell them unaccented
            plain = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
            if plain and plain != key:
                cls = self._classify(plain)
                if cls is not _Class.unknown:
                    return cls
        if key in lex.function_words:
            return _Class.function
        if key in lex.roles or key in lex.titles:
            return _Class.role
        if key in lex.first_names:
            return _Class.word_name if key in self._places else _Class.given
        if key in lex.word_first_names:
            return _Class.word_name
        if key in lex.ordinary_words or key in lex.peoples or key in lex.organisation_words:
            return _Class.ordinary
        if key in self._places:
            return _Class.place
        if "-" in key:
            parts = {self._classify(part) for part in key.split("-") if part}
            for cls in (_Class.given, _Class.unknown, _Class.word_name, _Class.place):
                if cls in parts:
                    return cls
            return _Class.ordinary
        if _surname_shaped(key, lex.name_endings):
            return _Class.given  # "kowalczyk", "Popescu", "Tkachenko"
        if len(key) >= 6 and key.endswith(_ORDINARY_ENDINGS) and "'" not in key:
            return _Class.ordinary
        if len(key) > 3 and key.endswith("s") and self._classify(key[:-1]) is _Class.ordinary:
            return _Class.ordinary  # plurals and third persons
        if (
            len(key) > 4
            and key.endswith("ies")
            and self._classify(f"{key[:-3]}y") is _Class.ordinary
        ):
            return _Class.ordinary  # "applies", "supplies"
        return _Class.unknown

    def _mark_sentences(self) -> None:
        """Which words start a sentence, and which sentences are written in capitals."""
        sentences: list[list[_Token]] = []
        sentence: list[_Token] = []
        starting = True
        previous: _Token | None = None
        for token in self._tokens:
            if token.newline and sentence:
                sentences.append(sentence)
                sentence, starting = [], True
            if token.kind == "word":
                token.initial = starting
                starting = False
                sentence.append(token)
            elif token.text in _SENTENCE_ENDS and not (
                token.text == "."
                and previous is not None
                and (previous.key in _ABBREVIATIONS or _an_initial(previous))
            ):
                sentences.append(sentence)
                sentence, starting = [], True
            elif token.kind in ("placeholder", "number"):
                starting = False
            previous = token
        sentences.append(sentence)
        # In a text written in capitals, a short sentence in capitals is shouted too:
        # "... ANY COURSE. THANKS, MARY" -- its capitals say no more than the rest's.
        shouted = _in_capitals([token for sentence in sentences for token in sentence], 6)
        for sentence in sentences:
            if _in_capitals(sentence, 1 if shouted else 3):
                for token in sentence:
                    token.shout = True

    def _mark_kept(self, index: _Index) -> None:
        tokens = self._tokens
        words = [i for i, token in enumerate(tokens) if token.kind in ("word", "number")]
        keys = [_SHORT_FORMS.get(tokens[i].key, tokens[i].key) for i in words]
        for position, key in enumerate(keys):
            for name in index.get(key, ()):
                if tuple(keys[position : position + len(name)]) == name:
                    for i in words[position : position + len(name)]:
                        tokens[i].kept = True
                    break
        self._mark_prisons()
        self._mark_named_laws()
        self._mark_streets()
        self._mark_public_figures()

    def _mark_prisons(self) -> None:
        """ "HMP Styal", "HMYOI Werrington", "hmp haverigg": the words after a prison's
        prefix name the prison, even one the gazetteer does not know."""
        tokens = self._tokens
        for i, token in enumerate(tokens):
            if token.key not in _PRISON_PREFIXES:
                continue
            for j in range(i + 1, min(i + 3, len(tokens))):
                word = tokens[j]
                if word.kind != "word" or word.cls in (_Class.function, _Class.role):
                    break
                if j > i + 1 and (word.case == "lower") != (tokens[i + 1].case == "lower"):
                    break  # "HMP Styal visits": the prison ends where the capitals do
                word.kept = True
                if word.case == "lower":
                    break  # in lower case only the first word is sure to be the prison's

    def _mark_named_laws(self) -> None:
        """ "Clare's Law", "Sarah's Law", "Martyn's Law": a capitalised possessive before a
        capitalised "Law" names a law after the person it was made for, and is kept."""
        tokens = self._tokens
        for i, token in enumerate(tokens[:-1]):
            law = tokens[i + 1]
            if (
                token.kind == "word"
                and token.case == "title"
                and token.raw == f"{token.key}'s"
                and law.key == "law"
                and law.case == "title"
            ):
                token.kept = law.kept = True

    def _mark_public_figures(self) -> None:
        """ "PCC Clive Grunshaw", "Police and Crime Commissioner Clive Grunshaw": the
        capitalised words after a public office name someone in a public role, kept."""
        tokens, offices = self._tokens, self._lex.public_offices
        last_words = {phrase.rsplit(" ", 1)[-1] for phrase in offices}
        for i, token in enumerate(tokens):
            if token.kind != "word" or token.case == "lower" or token.key not in last_words:
                continue  # only an office's last word can end one
            ending = (" ".join(t.key for t in tokens[i - n + 1 : i + 1]) for n in _OFFICE_WORDS)
            if not any(phrase in offices for phrase in ending):
                continue
            token.kept = True  # an office is no name either: "Sam Jones and Mayor Andy Burnham"
            for word in tokens[i + 1 : i + 1 + _MAX_PUBLIC_NAME_WORDS]:
                if word.kind != "word" or word.case != "title" or word.cls is _Class.function:
                    break
                word.kept = True

    def _mark_streets(self) -> None:
        """ "Rose Street", "Lord Street", "Mellor Brook Road", "Chelsea fan": capitalised
        words before a capitalised street word name a street, one before "fan" a club;
        neither is a person, unless an age or a surname follows ("Sarah Lane, 19")."""
        tokens = self._tokens
        for i, token in enumerate(tokens):
            street = token.key in self._lex.street_words and self._capital(token)
            if i == 0 or not (street or (token.key in _FOLLOWERS and token.case == "lower")):
                continue
            if street and (self._age_at_next(i + 1) or self._surname_at(i + 1)):
                continue  # "Sarah Lane, 19", "Penny Lane Mellor": a person's name
            start = i
            while start > 0 and i - start < (_MAX_STREET_WORDS if street else 1):
                before = tokens[start - 1]
                if before.kind != "word" or not self._capital(before):
                    break
                if before.cls in (_Class.function, _Class.role) and before.raw not in (
                    self._lex.titles
                ):
                    break
                start -= 1
            if start < i:
                for word in tokens[start : i + 1 if street else i]:
                    word.kept = True

    def _surname_at(self, j: int) -> bool:
        word = self._tokens[j] if j < len(self._tokens) else None
        return (
            word is not None
            and word.kind == "word"
            and self._capital(word)
            and word.cls in (_Class.given, _Class.unknown, _Class.word_name)
        )

    def _age_at_next(self, j: int) -> bool:
        """Does ", 19" or " (19)" start at token j?"""
        tokens = self._tokens
        if j + 1 >= len(tokens) or tokens[j].text not in (",", "("):
            return False
        number = tokens[j + 1]
        return number.kind == "number" and number.text.isdecimal() and len(number.text) <= 2

    # --- what a word may be

    def _word(self, i: int) -> _Token | None:
        if 0 <= i < len(self._tokens) and self._tokens[i].kind == "word":
            return self._tokens[i]
        return None

    def _key(self, i: int) -> str:
        return self._tokens[i].key if 0 <= i < len(self._tokens) else ""

    @staticmethod
    def _capital(token: _Token) -> bool:
        """Capitalised where capitals mean something: not in a sentence in capitals."""
        return token.case == "title" and not token.shout

    @staticmethod
    def _plain(token: _Token) -> bool:
        """Written without telling capitals: lower case, or in a sentence in capitals."""
        return token.case == "lower" or (token.shout and token.case in ("upper", "title"))

    def _free(self, token: _Token | None) -> bool:
        """A word that may be a name at all."""
        return (
            token is not None
            and not token.kept
            and token.case != "letter"
            and len(token.key) > 1
            and token.cls not in (_Class.function, _Class.role)
            and token.raw not in self._lex.introducers
        )

    def _nameish(self, i: int) -> _Token | None:
        """Word i if it is free and in no list but the names'."""
        token = self._word(i)
        return token if self._free(token) and token is not None and token.cls in _NAMEISH else None

    def _is_name(self, i: int) -> bool:
        return 0 <= i < len(self._tokens) and (self._name[i] or self._tokens[i].text == "[name]")


def _in_capitals(words: list[_Token], least: int) -> bool:
    """Are at least `least` words (of two letters or more) there, 70 % of them in capitals?"""
    if len(words) < least:
        return False
    longer = [token for token in words if len(token.key) > 1]
    upper = sum(token.case == "upper" for token in longer)
    return len(longer) >= least and upper >= 0.7 * len(longer)


# Longer than any word or name the lists know: judged no further (the plural rule
# strips one letter at a time, so a run of "s" would recurse once per letter).
_LONGEST_WORD = 40


def _surname_shaped(key: str, endings: frozenset[str]) -> bool:
    """Does the word end like a surname and like no English word ("-czyk", "-escu")?"""
    return any(key.endswith(ending) and len(key) >= max(6, len(ending) + 3) for ending in endings)


def _an_initial(token: _Token) -> bool:
    """ "J." in "Mrs J. Whitworth", "T.B.": one capital letter, so its full stop ends
    no sentence."""
    return token.kind == "word" and token.case == "letter" and token.text.isupper()


def _case(word: str) -> str:
    """ "lower", "upper", "title" ("McDonald", "O'Neill") or "letter" (one capital)."""
    if word.islower():
        return "lower"
    if len(word) == 1 or (len(word) == 2 and not word[1].isalpha()):
        return "letter"
    if word.isupper():
        return "upper"
    return "title" if word[0].isupper() else "lower"
