"""A message read once: its words as codes, and the facts of each clause and sentence the
rules are judged against."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from vrn_assistant.understanding.safety.lexicon import (
    _BOUNDARIES,
    _DIGITS,
    _OTHER,
    _PHRASE_END,
    _SENTENCE_END,
    _YEAR,
    _deletions,
    _Lexicon,
    _Rule,
)
from vrn_assistant.understanding.safety.model import (
    _AFTER_EFFECTS,
    _CLAUSE_EFFECTS,
    _MIN_TYPO_WORD,
    _ONGOING_EFFECTS,
    _PHRASE_EFFECTS,
    _SENTENCE_EFFECTS,
    Kind,
)

__all__: list[str] = []

# --- Reading a message --------------------------------------------------------------

# One pass, each alternative a single character class: words, sentence and phrase ends.
# Words, and the punctuation that ends a sentence or a phrase; a hyphen inside a
# word is skipped ("self-harm" reads as "self harm"). Each alternative is one
# character class: no backtracking.
_TOKEN = re.compile(r"[^\W_]+|[.!?;\n,:]|\ue005")
# "'s" after a word, kept apart until the lexicon says whether it is "is" ("my dad's
# outside") or part of the word ("he's", "it's", "the lad's car").
_S = "\ue005"
_APOSTROPHE_S = re.compile(r"(?<=[^\W_])'s\b")
# A dash with space (or the text's edge) on both sides ends a phrase: "custody - he is".
_SPACED_DASH = re.compile(r"(?<!\S)[-–—]+(?!\S)")
_PUNCTUATION = dict.fromkeys(".!?;\n", _SENTENCE_END) | dict.fromkeys(",:", _PHRASE_END)
_APOSTROPHES = str.maketrans({"'": None, "’": None, "‘": None, "`": None, "ʼ": None, "´": None})
# Contractions that would read as another word once the apostrophe goes ("we're" as "were").
_CONTRACTIONS = re.compile(r"\b(we|i|you|they|she|he|it)'(re|ll|d|m|ve)\b")
_EXPANDED = {"re": "are", "ll": "will", "d": "would", "m": "am", "ve": "have"}
_KEEP_JOINED = frozenset({("i", "m"), ("she", "ll"), ("he", "ll"), ("they", "re")})


@dataclass
class _Message:
    """The message as codes, and where each token sits: sentence, phrase and clause."""

    codes: str = ""
    sentence: list[int] = field(default_factory=list)
    phrase: list[int] = field(default_factory=list)
    clause: list[int] = field(default_factory=list)


def _normalise(text: str) -> str:
    text = text.casefold().replace("’", "'").replace("‘", "'")

    def expand(match: re.Match[str]) -> str:
        subject, ending = match.group(1), match.group(2)
        if (subject, ending) in _KEEP_JOINED:
            return subject + ending
        return f"{subject} {_EXPANDED[ending]}"

    return _APOSTROPHE_S.sub(" " + _S, _CONTRACTIONS.sub(expand, text)).translate(_APOSTROPHES)


def _words(text: str, lexicon: _Lexicon) -> Iterator[str]:
    """The tokens, each "'s" judged: "is", "has", dropped, or joined to its word ("hes")."""
    tokens = _TOKEN.findall(_SPACED_DASH.sub(",", _normalise(text)))
    previous = ""
    for position, token in enumerate(tokens):
        if token != _S:
            if previous:
                yield previous
            previous = token
            continue
        if previous in lexicon.people and previous + "s" not in lexicon.joined:
            yield previous
            following = tokens[position + 1] if position + 1 < len(tokens) else ""
            if following in lexicon.after_is:
                previous = "is"
            else:
                previous = "has" if following in lexicon.after_has else ""
        else:
            previous += "s"
    if previous:
        yield previous


def _read(text: str, lexicon: _Lexicon) -> _Message:
    """Tokens as codes, and the sentence, phrase and clause of each: one pass."""
    message = _Message()
    codes: list[str] = []
    sentences, phrases, clauses = message.sentence, message.phrase, message.clause
    sentence = phrase = clause = 0
    words, splits = lexicon.codes, lexicon.splits_clause
    for token in _words(text, lexicon):
        code = words.get(token) or _PUNCTUATION.get(token)
        if code is None:
            if not token.isdigit():
                code = _typo(token, lexicon) or _OTHER
            elif len(token) == 4 and token[:2] in ("19", "20"):
                code = _YEAR
            else:
                code = _DIGITS
        elif code in _BOUNDARIES:
            if codes and codes[-1] in _BOUNDARIES:  # a run of punctuation counts once
                if code == _SENTENCE_END and codes[-1] == _PHRASE_END:
                    codes[-1] = code
                    sentence += 1
                continue
            phrase += 1
            clause += 1
            if code == _SENTENCE_END:
                sentence += 1
        elif code in splits:
            clause += 1
        codes.append(code)
        sentences.append(sentence)
        phrases.append(phrase)
        clauses.append(clause)
    message.codes = "".join(codes)
    return message


def _typo(token: str, lexicon: _Lexicon) -> str | None:
    """The code of the one @typo_key word this unknown word is one edit from, if any.

    An edit is a letter added, dropped, changed or two swapped: the word and the key then
    share a one-letter deletion of each (or of one), which finds the candidates. Bounded:
    a word longer than every key by more than one letter is no typo of one, so no word
    costs more than a few keys' lengths.
    """
    if not _MIN_TYPO_WORD <= len(token) <= lexicon.longest_typo or not token.isalpha():
        return None
    found = {lexicon.typos.get(variant) for variant in {token, *_deletions(token)}}
    # A shared deletion may be two edits apart ("brething" and "breathin"): check each.
    keys = {key for key in found if key is not None and _one_edit(token, key)}
    if len(keys) != 1:
        return None
    key = keys.pop()
    return lexicon.codes[key] if key[0] == token[0] else None


def _one_edit(word: str, key: str) -> bool:
    """A letter added, dropped or changed, or two neighbours swapped (word != key)."""
    if len(word) == len(key):
        differ = [place for place in range(len(word)) if word[place] != key[place]]
        if len(differ) == 1:
            return True
        first, last = (differ[0], differ[-1]) if len(differ) == 2 else (0, 0)
        return last == first + 1 and word[first] == key[last] and word[last] == key[first]
    shorter, longer = sorted((word, key), key=len)
    return len(longer) == len(shorter) + 1 and shorter in _deletions(longer)


@dataclass
class _Context:
    """What the context entries say, per clause, phrase and sentence: computed once."""

    clause_blocks: dict[int, set[Kind]] = field(default_factory=dict)
    clause_ongoing: dict[int, set[Kind]] = field(default_factory=dict)
    # Past markers reach the rest of their clause until a present verb ("the man who
    # hit me last year is outside"), and back to its start ("was stabbed in 2019").
    past_last_start: dict[int, int] = field(default_factory=dict)  # clause -> last start
    past_reach: list[bool] = field(default_factory=list)  # token -> after a past marker
    # token -> how many present verbs (@be) up to it: two tokens of a clause with the same
    # count have no present verb between them ("the men who jumped my son ARE outside").
    presents: list[int] = field(default_factory=list)
    phrase_blocks: dict[int, set[Kind]] = field(default_factory=dict)
    sentence_blocks: dict[int, set[Kind]] = field(default_factory=dict)
    # The danger is said to be over ("he's gone now"): with no support cue, weak signs
    # told before the last such phrase count for nothing; strong ones still count, and so
    # does anything said after it ("he's gone now, his brother is outside with a knife").
    over_after: int = -1
    # phrase -> kind -> start of the first hypothetical marker blocking it: one number
    # each, so judging a match never walks a list of markers.
    after: dict[int, dict[Kind, int]] = field(default_factory=dict)
    past_sentences: set[int] = field(default_factory=set)
    recent_clauses: set[int] = field(default_factory=set)
    resolved_clauses: set[int] = field(default_factory=set)  # "police gave him a DVPN"
    # Kinds whose events a professional setting has in hand (A&E, custody): what brought
    # the person in, not news, unless told with "just".
    care: set[Kind] = field(default_factory=set)
    support: list[tuple[str, int]] = field(default_factory=list)  # (entry, token index)
    matched: set[str] = field(default_factory=set)  # context entries found (for the tests)


def _matches(rule: _Rule, message: _Message) -> Iterator[tuple[int, int]]:
    for pattern in rule.patterns:
        for match in pattern.finditer(message.codes):
            yield match.start(), match.end()


def _left_blocked(start: int, message: _Message, lexicon: _Lexicon, rule: _Rule) -> bool:
    """'was bleeding', 'arrested for stabbing', 'not threatening': the match is not about now."""
    codes, phrase = message.codes, message.phrase
    for back in (1, 2):
        position = start - back
        if position < 0 or phrase[position] != phrase[start] or codes[position] in _BOUNDARIES:
            return False
        if codes[position] in lexicon.left_block:
            return True
        if back == 1 and codes[position] in rule.not_after:
            return True
    return False


def _context(message: _Message, lexicon: _Lexicon) -> _Context:
    context = _Context()
    past_ends: list[int] = []
    for rule in lexicon.context:
        for start, end in _matches(rule, message):
            if start and message.codes[start - 1] in rule.not_after:
                continue
            context.matched.add(rule.id)
            effect = rule.effect
            if effect == "past":
                past_ends.append(end)
                for clause in {message.clause[start], message.clause[end - 1]}:
                    last = context.past_last_start.get(clause, -1)
                    context.past_last_start[clause] = max(last, start)
                context.past_sentences.add(message.sentence[start])
            elif effect in _CLAUSE_EFFECTS:
                for clause in {message.clause[start], message.clause[end - 1]}:
                    context.clause_blocks.setdefault(clause, set()).update(rule.blocks)
                    if effect == "resolved":
                        context.resolved_clauses.add(clause)
            elif effect in _ONGOING_EFFECTS:
                for clause in {message.clause[start], message.clause[end - 1]}:
                    context.clause_ongoing.setdefault(clause, set()).update(rule.blocks)
            elif effect == "recent":
                context.recent_clauses.add(message.clause[start])
            elif effect == "care":
                context.care.update(rule.blocks)
            elif effect in _AFTER_EFFECTS:
                first = context.after.setdefault(message.phrase[start], {})
                for kind in rule.blocks:
                    first[kind] = min(first.get(kind, start), start)
            elif effect in _SENTENCE_EFFECTS:
                sentence = message.sentence[start]
                context.sentence_blocks.setdefault(sentence, set()).update(rule.blocks)
            elif effect == "over":
                context.over_after = max(context.over_after, start)
            elif effect in _PHRASE_EFFECTS:
                context.phrase_blocks.setdefault(message.phrase[start], set()).update(rule.blocks)
            elif effect == "support" and not _left_blocked(start, message, lexicon, rule):
                context.support.append((rule.id, start))
    # A cue asked about is no cue: "how do i get her help" is not a cry for help; nor is
    # one in a clause told as dealt with ("the police gave him a DVPN").
    context.support = [
        (entry, start)
        for entry, start in context.support
        if min(context.after.get(message.phrase[start], {}).values(), default=start) >= start
        and message.clause[start] not in context.resolved_clauses
    ]
    # One sweep: is each token after a past marker in its clause, with no present verb since?
    size = len(message.codes)
    ends = [False] * (size + 1)
    for end in past_ends:
        ends[end] = True
    reach = [False] * size
    presents = [0] * size
    active = False
    count = 0
    for position in range(size):
        if position and message.clause[position] != message.clause[position - 1]:
            active = False
        if ends[position]:
            active = True
        if message.codes[position] in lexicon.present:
            active = False
            count += 1
        reach[position] = active
        presents[position] = count
    context.past_reach = reach
    context.presents = presents
    return context


def _blocked(kind: Kind, start: int, end: int, message: _Message, context: _Context) -> bool:
    """Past, habitual, dealt with, hypothetical, general or a picture: not about now."""
    if context.past_reach[start]:
        return True
    for clause in {message.clause[start], message.clause[end - 1]}:
        if kind in context.clause_blocks.get(clause, ()):
            return True
        if context.past_last_start.get(clause, -1) >= start:
            return True
    if kind in context.sentence_blocks.get(message.sentence[start], ()):
        return True
    phrase = message.phrase[start]
    if kind in context.phrase_blocks.get(phrase, ()):
        return True
    first = context.after.get(phrase, {}).get(kind, start)
    return first < start and not _present_since(first, start, message, context)


def _present_since(first: int, start: int, message: _Message, context: _Context) -> bool:
    """ "if i leave the house and hes sat outside watching the door": a present verb in a
    later clause than the "if" brings the words back to now."""
    clause = message.clause[start]
    if clause == message.clause[first]:
        return False
    begin = start
    while begin > 0 and message.clause[begin - 1] == clause:
        begin -= 1
    return context.presents[start] > (context.presents[begin - 1] if begin else 0)


def _ongoing(kind: Kind, start: int, end: int, message: _Message, context: _Context) -> bool:
    """'keeps hitting her', 'has been hitting me': violence going on, not an attack now."""
    clauses = {message.clause[start], message.clause[end - 1]}
    return any(kind in context.clause_ongoing.get(clause, ()) for clause in clauses)


def _perfect(start: int, end: int, message: _Message, words: frozenset[str]) -> bool:
    """'has been stabbed', 'he's punched me', 'a lad has just collapsed': a past event that
    is now. One of the words (@perfect, or @fresh for "just") in the match or up to 3 words
    before it (a bounded window)."""
    codes, phrase = message.codes, message.phrase
    for position in range(end - 1, max(-1, start - 4), -1):
        if phrase[position] != phrase[start]:
            return False
        if codes[position] in words:
            return True
    return False
