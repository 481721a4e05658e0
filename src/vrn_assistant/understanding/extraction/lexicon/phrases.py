"""The phrase language (see the package's docstring), compiled to regular expressions."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from vrn_assistant.understanding.extraction.numbers import NUMBER_WORD

__all__ = ["PhraseError", "compile_phrase"]

# --- The phrase language -----------------------------------------------------------

SEPARATOR = r"[\s-]+"
_EDGE = r"\b"
# A word a gap steps over, bracketed too: "her partner (22) hit her".
_GAP_WORD = r"\(?[\w'&-]+\)?[\s-]+"
# The same, where the gap may cross commas ("....,"): "couple in Nelson, both using, and he hits her".
_GAP_WORD_COMMA = r"\(?[\w'&-]+\)?,?[\s-]+"
_BUILT_IN = {"number": rf"(?:\d{{1,3}}|{NUMBER_WORD})", "digits": r"\d{1,3}"}


class PhraseError(ValueError):
    """A phrase the pattern language cannot read."""


def _tokens(phrase: str) -> list[str]:
    """Split on spaces outside brackets: "(doing a|on a) degree" is two tokens."""
    tokens: list[str] = []
    depth = 0
    current = ""
    for char in phrase:
        if char in "([<":
            depth += 1
        elif char in ")]>":
            depth -= 1
            if depth < 0:
                raise PhraseError(f"'{char}' without its opening bracket")
        if char.isspace() and depth == 0:
            if current:
                tokens.append(current)
            current = ""
        else:
            current += char
    if depth != 0:
        raise PhraseError("a bracket is not closed")
    if current:
        tokens.append(current)
    return tokens


def _closing(token: str, start: int, opener: str, closer: str) -> int:
    depth = 0
    for index in range(start, len(token)):
        if token[index] == opener:
            depth += 1
        elif token[index] == closer:
            depth -= 1
            if depth == 0:
                return index
    raise PhraseError(f"'{opener}' is not closed")


def _split_alternatives(inner: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    current = ""
    for char in inner:
        if char in "([<":
            depth += 1
        elif char in ")]>":
            depth -= 1
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    if any(not part.strip() for part in parts):
        raise PhraseError("an empty alternative in '(...|...)'")
    return [part.strip() for part in parts]


def _token(token: str, words: Mapping[str, str], first: bool) -> str:
    out: list[str] = []
    index = 0
    while index < len(token):
        char = token[index]
        if char == "<":
            end = _closing(token, index, "<", ">")
            name = token[index + 1 : end]
            if name in _BUILT_IN:
                out.append(_BUILT_IN[name])
            elif name in words:
                out.append(f"(?:{words[name]})")
            else:
                raise PhraseError(f"no word list <{name}>")
            index = end + 1
        elif char == "(":
            end = _closing(token, index, "(", ")")
            options = _split_alternatives(token[index + 1 : end])
            # Whole words get their edges: "(in|to) jail"; endings do not: "glass(ed|ing)".
            left, right = index == 0, end == len(token) - 1
            compiled = [compile_phrase(o, words, left=left, right=right) for o in options]
            out.append(_either(compiled))
            index = end + 1
        elif char == "[":
            end = _closing(token, index, "[", "]")
            endings = _split_alternatives(token[index + 1 : end])
            if any(not re.fullmatch(r"[a-z']+", ending) for ending in endings):
                raise PhraseError(f"endings '[{token[index + 1 : end]}]' must be letters")
            out.append("(?:" + "|".join(re.escape(e) for e in endings) + ")?")
            index = end + 1
        elif char == "*":
            out.append(r"\w*")
            index += 1
        elif char == "-" and 0 < index < len(token) - 1:
            out.append(r"[\s-]?")
            index += 1
        elif char == "'" and not (first and index == 0):
            out.append("'?")
            index += 1
        elif char == "&":
            out.append(r"\s*&\s*")
            index += 1
        elif char in ")]>|?":
            raise PhraseError(f"'{char}' out of place in '{token}'")
        else:
            out.append(re.escape(char))
            index += 1
    return "".join(out)


def compile_phrase(
    phrase: str, words: Mapping[str, str], *, left: bool = True, right: bool = True
) -> str:
    """One phrase of the pattern language as a regular expression (source text); `left`
    and `right` say whether it must start and end at a word's edge."""
    tokens = _tokens(phrase)
    if not tokens:
        raise PhraseError("an empty phrase")
    units: list[tuple[str, bool, bool]] = []  # (regex, optional, gap)
    for position, token in enumerate(tokens):
        if set(token) == {"."}:
            units.append((f"(?:{_GAP_WORD}){{0,{len(token)}}}?", False, True))
            continue
        if len(token) > 1 and token.endswith(",") and set(token[:-1]) == {"."}:
            units.append((f"(?:{_GAP_WORD_COMMA}){{0,{len(token) - 1}}}?", False, True))
            continue
        optional = token.endswith("?") and len(token) > 1
        body = token[:-1] if optional else token
        units.append((_token(body, words, position == 0), optional, False))
    if units[0][2] or units[-1][2]:
        raise PhraseError("a phrase cannot start or end with '..'")
    if units[-1][1]:
        raise PhraseError("the last word cannot be optional: write the phrase twice")
    pieces = []
    for regex, optional, gap in units[:-1]:
        if gap:
            pieces.append(regex)
        elif optional:
            pieces.append(f"(?:{regex}{SEPARATOR})?")
        else:
            pieces.append(f"{regex}{SEPARATOR}")
    pieces.append(units[-1][0])
    source = "".join(pieces)
    first, last = tokens[0], tokens[-1].rstrip("?")
    if left and first[0].isalnum():
        source = r"\b" + source
    if right and (last[-1].isalnum() or last[-1] == "]"):
        source += r"\b"
    return source


def _either(sources: Sequence[str]) -> str:
    """Alternatives as one group. The word edge most start with is said once, before
    them: the regex engine then skips an alternative at its first letter."""
    edged = [source[len(_EDGE) :] for source in sources if source.startswith(_EDGE)]
    if len(edged) < 2:
        return "(?:" + "|".join(sources) + ")"
    rest = [source for source in sources if not source.startswith(_EDGE)]
    grouped = _EDGE + "(?:" + "|".join(edged) + ")"
    return f"(?:{'|'.join([grouped, *rest])})" if rest else grouped


def _alternation(phrases: Sequence[str], words: Mapping[str, str], lower: bool) -> str:
    return _either([compile_phrase(p.lower() if lower else p, words) for p in phrases])


def _not_after(phrases: Sequence[str], words: Mapping[str, str]) -> str:
    if not phrases:
        return ""
    glued = [compile_phrase(p.lower(), words) for p in phrases if p.startswith("'")]
    spaced = [compile_phrase(p.lower(), words) for p in phrases if not p.startswith("'")]
    options = [f"{SEPARATOR}(?:{'|'.join(spaced)})"] if spaced else []
    options += glued
    return f"(?!{'|'.join(options)})"
