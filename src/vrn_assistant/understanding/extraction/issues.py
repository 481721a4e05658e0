"""Issues (violence, domestic abuse, drugs...) and the offence, if any."""

from __future__ import annotations

import re

from vrn_assistant.understanding.extraction.cues import hits, negated, starts
from vrn_assistant.understanding.extraction.text import Prepared
from vrn_core.vocabulary import Issue, OffenceCategory, Role, Setting, describe

__all__ = ["read_issues", "read_offence"]

_ISSUES: tuple[tuple[re.Pattern[str], Issue], ...] = tuple(
    (re.compile(pattern), issue)
    for pattern, issue in (
        (
            r"\bassault\w*|\bgbh\b|\babh\b|\bwounding\b|\baffray\b|\brobber(?:y|ies)\b"
            r"|\bmugg(?:ed|ing)\b|\bstab(?:bing|bings|bed|s)?\b|\bfight(?:s|ing)?\b"
            r"(?!\s+(?:for|against|back|addiction|it))|\bfought\b|\bviolen(?:t|ce)\b"
            r"(?!\s+reduction)|\battack(?:s|ed|ing)?\b(?<!heart\sattack)(?<!panic\sattack)"
            r"|\bpunch(?:ed|ing|es)?\b|\bglass(?:ed|ing)\b|\bbeaten\b|\bbeat\s+(?:up|him|her"
            r"|them|someone)\b|\bknife\s+crime\b|\bsection\s+(?:18|20|47)\b|\bs(?:18|20|47)\b"
            r"|\bthreats?\s+to\s+kill\b|\bbrawl\w*|\bmurder\w*|\bmanslaughter\b|\bstrangl\w+"
            r"|\bshooting\b",
            Issue.violence,
        ),
        (
            r"\bdomestic\b(?!\s+burglar)|\bdv\b|\bpartner\s+abuse\b|\bintimate\s+partner\b|\bipv\b"
            r"|\babusive\s+(?:relationship|partner|husband|wife|boyfriend|girlfriend|ex)\b"
            r"|\bcontrolling\s+(?:relationship|partner|behaviou?r|husband|wife|boyfriend"
            r"|girlfriend|ex)\b|\bcoerci(?:ve|on)\b|\bidvas?\b|\bmarac\b|\bdash\s+risk\b"
            r"|\bhonou?r[\s-]+based\b|\bforced\s+marriage\b"
            r"|\b(?:assaulted|attacked|abused|beaten|hit|hurt|strangled|threatened|controlled"
            r"|stalked|harassed)\s+by\s+(?:her|his|their|my|an?|the)?\s*(?:ex[\s-]?)?(?:partner"
            r"|boyfriend|girlfriend|husband|wife|ex)\b"
            r"|\b(?:threatening|hitting|attacking|assaulting|abusing|beating|hurting|strangling"
            r"|controlling)\s+(?:his|her|their)\s+(?:partner|girlfriend|boyfriend|wife|husband"
            r"|ex)\b"
            r"|(?:\b(?:my|his|her|their|whose)|'s)\s+(?:partner|boyfriend|girlfriend|husband|wife"
            r"|ex(?:[\s-]partner)?)\s+(?:\w+\s+){0,2}?(?:hit(?:s|ting)?|beat(?:s|ing)?"
            r"|abus(?:e|es|ed|ing)|control(?:s|led|ling)?|assault(?:s|ed|ing)?|attack(?:s|ed|ing)?"
            r"|stalk(?:s|ed|ing)?|harass(?:es|ed|ing)?|follow(?:s|ed|ing)|strangl(?:e|es|ed|ing)"
            r"|threaten(?:s|ed|ing)?|hurt(?:s|ing)?|is\s+(?:violent|abusive|controlling))\b",
            Issue.domestic_abuse,
        ),
        (
            r"\bdrugs?\b|\bheroine?\b|\bcrack\b(?!\s+down)|\bcocaine\b|\bcoke\b|\bopiates?\b"
            r"|\bopioids?\b|\bspice\b|\bcannabis\b|\bweed\b|\bskunk\b|\bketamine\b|\bmdma\b"
            r"|\becstasy\b|\bmethadone\b|\bamphetamines?\b|\bcounty\s+lines?\b"
            r"|\baddict(?:ion|ed|s)?\b(?!\s+to\s+(?:gambling|gaming|alcohol|porn|social\s+media"
            r"|(?:his|her|their)\s+phones?|phones?))|\bdealing\b(?!\s+with)|\bdealers?\b"
            r"|\bsubstance\s+(?:misuse|abuse|use)\b|\boverdos\w+|\bpwits\b"
            r"|\bpossession\s+with\s+intent\b",
            Issue.drugs,
        ),
        (
            r"\bkni(?:fe|ves|fes)\b|\bblades?\b|\bbladed\b|\bmachetes?\b|\bknife\s*free\b"
            r"|\bstab(?:bing|bings|bed|s)?\b|\bweapons?\b|\bunarmed\b",
            Issue.knives,
        ),
        (
            r"\btrauma\w*|\bptsd\b|\badverse\s+childhood\s+experiences?\b",
            Issue.trauma,
        ),
        (
            r"\bpublic[\s-]+health\s+(?:approach(?:es)?|model|lens|perspective|framework"
            r"|response|in\s+policing|and\s+policing)\b",
            Issue.public_health_approach,
        ),
        (r"\bparental\s+imprisonment\b", Issue.family_imprisonment),
    )
)
_ISSUES_ORIGINAL: tuple[tuple[re.Pattern[str], Issue], ...] = (
    (re.compile(r"\bACEs?\b"), Issue.trauma),
    (re.compile(r"\bDA\b"), Issue.domestic_abuse),
)
_UNARMED = re.compile(r"\bunarmed\b")


def read_issues(text: Prepared, family: bool) -> tuple[set[Issue], set[Issue]]:
    """What the situation involves, and what it is said not to ("no violence")."""
    found: set[Issue] = {Issue.family_imprisonment} if family else set()
    absent: set[Issue] = set()
    low = text.low
    for pattern, issue in _ISSUES:
        for match in starts(pattern, low):
            if negated(low, match.start()) or _UNARMED.fullmatch(match.group()):
                absent.add(issue)
            else:
                found.add(issue)
    for pattern, issue in _ISSUES_ORIGINAL:
        if pattern.search(text.original):
            found.add(issue)
    return found, absent - found


_VIOLENT_OFFENCE = re.compile(
    r"\bassault\w*|\bgbh\b|\babh\b|\bwounding\b|\baffray\b|\brobber(?:y|ies)\b|\bmugg(?:ing|ed)\b"
    r"|\bstabbing\b|\bviolen(?:t|ce)\b(?!\s+reduction)|\bfight(?:s|ing)?\b(?!\s+(?:for|against))"
    r"|\bfought\b|\bmurder\b|\bmanslaughter\b|\bsection\s+(?:18|20|47)\b|\bs(?:18|20|47)\b"
    r"|\bthreats?\s+to\s+kill\b|\bglassing\b|\bbrawl\w*|\bpunch\w*|\bstrangulation\b"
    r"|\bkidnap\w*"
)
_DRUG_OFFENCE = re.compile(
    r"\bpossession\s+with\s+intent\b|\bpwits\b|\bsupply(?:ing)?\b|\bdealing\b(?!\s+with)"
    r"|\bdealers?\b|\bcounty\s+lines\b|\bpossession\s+of\s+(?:drugs|cannabis|cocaine|heroin|crack"
    r"|class)\b|\bdrugs?\s+(?:offences?|charges?|possession|dealing|supply)\b|\bcultivat\w+"
)
_NON_VIOLENT_OFFENCE = re.compile(
    r"\bshoplift\w*|\btheft\b|\bthieving\b|\bstealing\b|\bstole\b|\bstolen\b|\bburglar\w*"
    r"|\bcriminal\s+damage\b|\bfraud\b|\bdrink[\s-]?driv\w*|\bdrunk[\s-]?driv\w*"
    r"|\bdriving\s+(?:offences?|while|without|disqualified)\b|\bvandalism\b|\btwoc\b"
    r"|\bbreach\s+of\s+(?:bail|the\s+peace|an?\s+order)\b|\bpublic\s+order\b"
    r"|\bdrunk\s+and\s+disorderly\b|\banti[\s-]?social\s+behaviou?r\b|\bbeing\s+drunk\b"
)
# "knife crime" and "violent crime" are topics, not offences: no "crime" here.
_OFFENCE_CONTEXT = re.compile(r"\boffen[cs]es?\b|\bcharged\b|\bconvicted\b")


def read_offence(
    text: Prepared,
    roles: set[Role],
    setting: Setting | None,
    without: set[Issue],
    notes: list[str],
) -> OffenceCategory | None:
    """The kind of offence, read only where an arrest, a prisoner or a charge is involved."""
    low = text.low
    context = (
        Role.suspect in roles
        or Role.prisoner in roles
        or setting is Setting.police_custody
        or bool(starts(_OFFENCE_CONTEXT, low))
    )
    if not context:
        return None
    offence: OffenceCategory | None = None
    said = ""
    for pattern, category in (
        (_VIOLENT_OFFENCE, OffenceCategory.violent),
        (_DRUG_OFFENCE, OffenceCategory.drugs),
        (_NON_VIOLENT_OFFENCE, OffenceCategory.non_violent),
    ):
        named = hits(pattern, low)
        if named:
            offence, said = category, named[0].group()
            break
    if offence is None and Issue.violence in without:
        offence, said = OffenceCategory.non_violent, "no violence"
    if offence is not None:
        notes.append(f"offence: {describe(offence)} (from '{said}')")
    return offence
