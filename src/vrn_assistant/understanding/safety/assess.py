"""Judging a message: the evidence found in it, and whether it is an emergency."""

from __future__ import annotations

from functools import cache

from vrn_assistant.understanding.safety.lexicon import (
    _lexicon,
)
from vrn_assistant.understanding.safety.model import (
    _WEAK_KEPT,
    NOW_EFFECTS,
    REASONS,
    Danger,
    Evidence,
    Kind,
    Weight,
)
from vrn_assistant.understanding.safety.reading import (
    _blocked,
    _context,
    _left_blocked,
    _matches,
    _ongoing,
    _perfect,
    _read,
)

__all__ = ["assess_danger", "context_markers", "evidence", "told_as_not_now"]


def context_markers(text: str) -> set[str]:
    """The ids of the context entries found in the text (what the tests check)."""
    lexicon = _lexicon()
    message = _read(text, lexicon)
    return _context(message, lexicon).matched if message.codes else set()


def told_as_not_now(text: str) -> bool:
    """Whether the word lists found a marker saying the message is not about now: the
    past, a habit, something dealt with or treated, a hypothetical, a general question,
    a picture or film, a rehearsal, danger over. What they judge so stays theirs: the
    check by sense (`semantic.danger`) does not overrule it."""
    return not _not_now_markers().isdisjoint(context_markers(text))


@cache
def _not_now_markers() -> frozenset[str]:
    """The ids of the shipped lexicon's context entries whose effect says not now."""
    return frozenset(rule.id for rule in _lexicon().context if rule.effect not in NOW_EFFECTS)


def evidence(text: str, *, deciding: bool = False) -> list[Evidence]:
    """Every danger phrase in the text that counts, with what it counts for.

    `deciding`: only what `assess_danger` needs. A rule stops at its first strong
    match, and keeps at most `_WEAK_KEPT` weak ones and one booster: more of the same
    changes nothing, and a message repeating a trigger costs no more to judge.
    """
    lexicon = _lexicon()
    message = _read(text, lexicon)
    if not message.codes:
        return []
    context = _context(message, lexicon)
    found = [Evidence(entry, None, "booster", start, start + 1) for entry, start in context.support]
    # (clause, present verbs so far) -> where the first event told in the past starts: what
    # follows it in the clause, with no present verb between, is that event's detail ("hit
    # her with a bottle", "assaulted her at her house"; not "who hit him IS outside").
    told_in_past: dict[tuple[int, int], int] = {}
    for rule in lexicon.danger:
        assert rule.kind is not None and rule.weight is not None
        kept: dict[Weight, int] = {"strong": 0, "weak": 0, "booster": 0}
        for start, end in _matches(rule, message):
            if deciding and (kept["strong"] or kept["weak"] >= _WEAK_KEPT):
                break
            if _left_blocked(start, message, lexicon, rule):
                continue
            if _blocked(rule.kind, start, end, message, context):
                continue
            weight = rule.weight
            clause = message.clause[start]
            stretch = (clause, context.presents[start])
            if rule.tense == "event":
                recent = clause in context.recent_clauses
                now = recent or _perfect(start, end, message, lexicon.perfect)
                if now and not recent and rule.kind in context.care and not context.support:
                    # In A&E or custody, "has been stabbed" is what brought them in.
                    now = _perfect(start, end, message, lexicon.fresh)
                if not now:
                    told_in_past[stretch] = min(told_in_past.get(stretch, start), start)
                    # Told in the past: a hint beside a present sign, unless the
                    # sentence puts it in the past ("a row last night and he punched").
                    if message.sentence[start] in context.past_sentences:
                        continue
                    weight = "booster"
            elif weight == "weak" and told_in_past.get(stretch, end) <= start:
                continue  # the weapon or the place of an event told in the past
            if _ongoing(rule.kind, start, end, message, context):
                if weight != "strong":
                    continue
                weight = "weak"
            if start < context.over_after and weight != "strong" and not context.support:
                continue  # "..., he's gone now": a weak sign told before it is no danger left
            if deciding and weight == "booster" and kept["booster"]:
                continue
            kept[weight] += 1
            found.append(Evidence(rule.id, rule.kind, weight, start, end))
    return found


def assess_danger(text: str) -> Danger | None:
    """Danger happening now, with the reasons; None for an ordinary question."""
    found = evidence(text, deciding=True)
    strong = [item for item in found if item.weight == "strong"]
    weak = [item for item in found if item.weight == "weak"]
    # Weak signs count once per stretch of words: "he's outside my house" is one sign,
    # "he's outside" and "he's got a knife" are two. Two signs that do not overlap
    # exist exactly when one starts after the earliest end (no sorting needed).
    earliest_end = min((item.end for item in weak), default=-1)
    two_weak = any(item.start >= earliest_end for item in weak)
    boosted = any(item.weight == "booster" for item in found)
    counted = strong + weak if weak and (two_weak or boosted) else strong
    first: dict[Kind, int] = {}
    for item in counted:
        if item.kind is not None and item.start < first.get(item.kind, len(text) + 1):
            first[item.kind] = item.start
    if not first:
        return None
    return Danger(reasons=tuple(REASONS[kind] for kind in sorted(first, key=first.__getitem__)))
