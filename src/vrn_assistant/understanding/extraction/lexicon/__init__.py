"""The lexicon: the words and phrases that signal each fact, read from `knowledge/lexicon/`.

The words are data a VRN officer reviews and extends (`knowledge/lexicon/README.md`);
how they are matched stays here. Each file holds named word lists (`words`, used in
phrases as `<name>`) and entries saying what a phrase signals (a setting, a role, an
issue...). Every list carries example sentences, which the tests check it matches.

A phrase is written in a small pattern language, compiled here to a regular expression:

    arrest[ed|s]        endings: arrest, arrested, arrests
    assault*            any ending: assault, assaults, assaulted, assaulting
    (in|into|to) jail   one of several; an alternative may hold spaces ("(doing a|on a)")
    (a|an|the)? knife   a word or group that may be missing (never the last)
    serving .. sentence up to two other words between (one dot each: "...." four)
    couple ...., hits   the same, the words between may carry commas ("couple in Nelson, both drunk, hits")
    my <partner> hits   any phrase of the named word list
    <number>            a number in digits or words (built in); <digits>: digits only
    non-violent         a hyphen inside a word: a hyphen, a space or nothing
    children's          an apostrophe inside a word may be missing
    a&e                 "&" with or without spaces around it

Words match whole words, case-insensitively (an entry `case_sensitive: true` matches
the question as written: "ED", "DA"), and the words of a phrase may be separated by
spaces or hyphens. An entry's `not_before` and `not_after` phrases cancel a match
they come just before or after ("child custody" is no police custody); its `unless`
names the readings of the surrounding words that cancel it (see `cues`).

Files are read once (`lexicon()`), validated strictly: an unknown key, a misspelt
value, an unknown `<name>`, a phrase that does not compile or an entry without two
examples is one `CatalogueError` naming the file and the entry.
"""

from vrn_assistant.understanding.extraction.lexicon.compiled import Cue, Lexicon
from vrn_assistant.understanding.extraction.lexicon.loading import (
    lexicon,
    lexicon_dir,
    load_lexicon,
)
from vrn_assistant.understanding.extraction.lexicon.phrases import compile_phrase
from vrn_assistant.understanding.extraction.lexicon.shapes import Context, Entry, Words

__all__ = [
    "Context",
    "Cue",
    "Entry",
    "Lexicon",
    "Words",
    "compile_phrase",
    "lexicon",
    "lexicon_dir",
    "load_lexicon",
]
