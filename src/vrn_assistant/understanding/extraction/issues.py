"""Issues (violence, domestic abuse, drugs...) and the offence, if any; the words are in
the lexicon (issues.yaml, offences.yaml)."""

from __future__ import annotations

import re
from functools import cache

from vrn_assistant.understanding.extraction.cues import hits, negated, starts
from vrn_assistant.understanding.extraction.lexicon import lexicon
from vrn_assistant.understanding.extraction.text import Prepared
from vrn_core.vocabulary import Issue, OffenceCategory, Role, Setting, describe

__all__ = ["read_issues", "read_offence"]


def read_issues(text: Prepared, family: bool) -> tuple[set[Issue], set[Issue]]:
    """What the situation involves, and what it is said not to ("no violence")."""
    found: set[Issue] = {Issue.family_imprisonment} if family else set()
    absent: set[Issue] = set()
    low = text.low
    for (issue, says), cue in lexicon().issues:
        if cue.case_sensitive:  # "ACEs", "DA": as written; "no DA" is none
            for match in cue.finditer(text.original):
                (absent if negated(text.plain, match.start()) else found).add(issue)
            continue
        for match in starts(cue, low):
            if says == "absent" or negated(low, match.start()):
                absent.add(issue)
            else:
                found.add(issue)
    if Issue.domestic_abuse not in found | absent and _abused_by_an_unnamed_him(low):
        found.add(Issue.domestic_abuse)
    return found, absent - found


@cache
def _unnamed_him() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = lexicon()
    # "he held a knife to her throat", "he threatened to kill her", "he's smashing the
    # windows in and the kids are upstairs": a man hurting or threatening her, the writer
    # or a household with children, in one clause
    harm = (
        rf"\bhe(?:'s|s|\s+is|\s+has|\s+had|\s+was|'ll|\s+will)?\s+(?:[\w']+\s+){{0,3}}?"
        rf"(?P<harm>{words.word('harming')}|{words.word('menacing')})"
        r"[^.;!?\n]{0,40}?\b(?:her|me|us|the\s+kids|my\s+kids|the\s+children|my\s+children)\b"
    )
    return re.compile(harm), re.compile(words.word("someone_named"))


def _abused_by_an_unnamed_him(low: str) -> bool:
    """A man, never named as a partner, relative or stranger, hurting or threatening her,
    the writer or their children: as practitioners read it, and as the VRN's domestic
    abuse car is asked about, abuse at home ("he held a knife to her throat last week,
    shes at her mums now"). Said of anyone named (`someone_named` in issues.yaml), it is
    not read so."""
    harm, named = _unnamed_him()
    found = harm.search(low)
    return found is not None and not negated(low, found.start("harm")) and named.search(low) is None


_PRECEDENCE = (OffenceCategory.violent, OffenceCategory.drugs, OffenceCategory.non_violent)


@cache
def _offence_context() -> re.Pattern[str]:
    # "knife crime" and "violent crime" are topics, not offences: no "crime" here.
    return re.compile(lexicon().word("offence_context"))


def read_offence(
    text: Prepared,
    roles: set[Role],
    setting: Setting | None,
    without: set[Issue],
    notes: list[str],
) -> OffenceCategory | None:
    """The kind of offence, read only where an arrest, a prisoner or a charge is involved."""
    low = text.low
    if Role.victim in roles and not roles & {Role.suspect, Role.prisoner}:
        return None  # "assaulted by her partner, he's in custody": his offence, not hers
    context = (
        Role.suspect in roles
        or Role.prisoner in roles
        or setting is Setting.police_custody
        or bool(hits(_offence_context(), low))  # "wasn't charged" is none
    )
    if not context:
        return None
    offence: OffenceCategory | None = None
    said = ""
    cues = dict(lexicon().offences)
    for category in _PRECEDENCE:  # "robbery and theft" is a violent offence
        named = hits(cues[category], low) if category in cues else []
        if named:
            offence, said = category, min(named, key=lambda m: m.start()).group()
            break
    if offence is None and Issue.violence in without:
        offence, said = OffenceCategory.non_violent, "no violence"
    if offence is not None:
        notes.append(f"offence: {describe(offence)} (from '{said}')")
    return offence
