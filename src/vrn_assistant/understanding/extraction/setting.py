"""The setting: where the subject is when the practitioner meets them."""

from __future__ import annotations

from collections.abc import Sequence

from vrn_assistant.understanding.extraction.cues import allowed, before, hits, patterns
from vrn_assistant.understanding.extraction.lexicon import lexicon
from vrn_assistant.understanding.extraction.text import Prepared
from vrn_core.places import PlaceMatch
from vrn_core.vocabulary import Role, Setting, describe

__all__ = ["police_custody_said", "read_setting"]


def police_custody_said(text: Prepared) -> bool:
    """Does the question say police custody outright ("in the cells", "custody suite")?"""
    for (setting, strength), cue in lexicon().settings:
        if setting is Setting.police_custody and strength == "strong" and not cue.case_sensitive:
            rest = text.rest
            if any(allowed(cue.entry(m), rest, m.start()) for m in hits(cue, rest)):
                return True
    return False


def read_setting(
    text: Prepared,
    places: Sequence[PlaceMatch],
    place: PlaceMatch | None,
    roles: set[Role],
    notes: list[str],
) -> Setting | None:
    """Where the subject is: a setting said in words, strong ones ("custody") before weak
    ("arrested"); else the setting of a place named ("Royal Preston Hospital"); else a
    university for a student."""
    family_only = Role.prisoner_family in roles and Role.prisoner not in roles
    words = lexicon()
    found: list[tuple[int, Setting, str]] = []
    weak: list[tuple[int, Setting, str]] = []
    said_student = False
    at_home: tuple[int, str] | None = None
    for (setting, strength), cue in words.settings:
        if cue.case_sensitive:  # "ED": as written, never negated
            found += [(m.start(), setting, m.group()) for m in cue.finditer(text.original)]
            continue
        for match in hits(cue, text.rest):
            if not allowed(cue.entry(match), text.rest, match.start()):
                continue
            if strength == "strong":
                if setting is Setting.prison and family_only:
                    continue
                found.append((match.start(), setting, match.group()))
            elif strength == "weak":
                weak.append((match.start(), setting, match.group()))
            elif strength == "home":
                at_home = at_home or (match.start(), match.group())
            else:
                said_student = True
    if found:
        # "arrested, now in HMP Preston": a setting said to be current wins; else the first.
        now = patterns().now_before
        current = [hit for hit in found if before(now, text.rest, hit[0], 30)]
        _, setting, said = sorted(current)[-1] if current else sorted(found)[0]
        notes.append(f"setting: {describe(setting)} (from '{said.strip()}')")
        return setting
    if weak:
        _, setting, said = sorted(weak)[0]
        notes.append(f"setting: {describe(setting)} (from '{said.strip()}')")
        return setting
    ordered = [place, *places] if place is not None else list(places)
    for candidate in ordered:
        site = candidate.place
        if site is None or site.setting is None:
            continue
        if site.setting is Setting.prison and family_only:
            continue
        notes.append(f"setting: {describe(site.setting)} (from the place {site.display})")
        return site.setting
    if said_student:
        notes.append("setting: a university (from 'student')")
        return Setting.university
    if at_home is not None:
        notes.append(f"setting: {describe(Setting.home)} (from '{at_home[1].strip()}')")
        return Setting.home
    return None
