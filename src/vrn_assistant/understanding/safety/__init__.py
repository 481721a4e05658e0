"""Immediate danger first: does the question describe someone at risk right now?

`assess_danger` looks for danger happening now: a weapon being used or
threatened, someone seriously hurt, a child at risk, someone about to take
their own life, or violence in progress. When it finds danger, the answer leads
with `EMERGENCY_ADVICE`.

The words are data, the grammar is here. `knowledge/lexicon/danger.yaml` lists,
with examples for each entry, the phrases that signal danger (`danger`) and the
phrases that say a danger phrase is not about now (`context`: the past, a habit,
something already dealt with, a hypothetical, a general or training question, a
picture or film) or that it is (`support`: "right now", "i can hear him", a cry
for help). This module reads the grammar of "now" around each match:

* a danger phrase preceded by "was", "would", "might", "not", "for", "after"...
  ("was bleeding", "arrested for stabbing") is not about now;
* a past-tense event ("stabbed", "has taken 30 tablets", "locked her in")
  counts as now only in the present perfect or with "just" ("has been stabbed",
  "just got stabbed"), or "20 mins ago"; told plainly in the past it is only a
  hint, worth something beside a present sign ("he hit her, he's still here"),
  and the weak signs after it in its clause, with no present verb between, are its
  detail ("hit her with a bottle", "assaulted her at her house");
* violence going on for a while ("keeps hitting me", "has been hitting her") is
  abuse to refer: in its clause a strong sign counts as weak, a weak one not at all;
* in A&E or custody, with no support cue, "has been stabbed" is what brought the
  person in (a hint); "has just collapsed" is still news;
* a past marker ("last year", "in 2019", "used to") covers its clause back to the
  start and forward until a present verb: "the man who hit me last year IS
  outside" is now; a habit, something dealt with ("arrested", "stable") or a
  vague future covers its clause; "if", "what to do when", "how do we" cover
  what follows in the phrase; training, figures, news and jokes ("signs of",
  "lol") cover the whole phrase, pictures (weapon and violence only) their clause;
* "<person>'s" reads as "<person> is" before a word of where or how they are ("my
  dad's outside"), as "<person> has" before a past participle ("the lad's been
  glassed"), and as a possessive otherwise ("my dad's car"): the lexicon's
  `after_is` and `after_has` classes say which words;
* an unknown word one edit from a `typo_key` word ("brething", "hiting") reads as
  it, unless it is itself a lexicon word (the real words of `typo_real`: "cooking"
  is never "choking");
* a support cue asked about is none: "how do i get her help" is no cry for help;
* `strong` phrases ("not breathing", "he is strangling her") are an emergency
  on their own; `weak` ones ("he has a knife", "he's outside", "the doors are
  locked") only with a second weak one, a `booster` ("he's drunk", "I'm
  scared") or a `support` cue.

Linear time, by construction (issue 12). Each word of the message becomes one
character of a code string (one code per lexicon word; every other word shares
one code), and each lexicon pattern becomes a regular expression over those codes
made only of character classes, optional classes and gaps of at most
`_MAX_GAP` codes: no nested or unbounded repetition, so a match tried at one
position explores a bounded number of paths and scanning is linear in the
message for every pattern. Every match is then judged in constant time against
per-clause facts computed once, never by rescanning the sentence.
"""

from vrn_assistant.understanding.safety.assess import (
    assess_danger,
    context_markers,
    evidence,
    told_as_not_now,
)
from vrn_assistant.understanding.safety.lexicon import danger_lexicon_path, load_lexicon
from vrn_assistant.understanding.safety.model import EMERGENCY_ADVICE, REASONS, Danger, Evidence

__all__ = [
    "EMERGENCY_ADVICE",
    "REASONS",
    "Danger",
    "Evidence",
    "assess_danger",
    "context_markers",
    "danger_lexicon_path",
    "evidence",
    "load_lexicon",
    "told_as_not_now",
]
