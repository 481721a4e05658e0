"""The YAML text of a new programme record, written from a `NewRecord` (pure).

It holds what the provisional record holds (the rules assess the programme the
same way once it is accepted), in the catalogue's own words instead of "not
reviewed": every fact cites the corpus copy of its document (`name.md#Section`).
A fact whose document states no date is given the day it was accepted as its
`confirmed:` date (the catalogue needs a date for each fact; the review is it).
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Collection, Sequence
from datetime import date

from vrn_assistant.claims.curation.edits import scalar
from vrn_assistant.claims.curation.new import NewRecord
from vrn_assistant.claims.curation.proposals import age_label
from vrn_assistant.claims.model import ClaimKind
from vrn_core import SourceRef
from vrn_core.criteria import AgeCriterion
from vrn_core.places import Gazetteer
from vrn_core.vocabulary import WindowStatus

__all__ = ["SCHEMA_LINE", "record_text"]

SCHEMA_LINE = "# yaml-language-server: $schema=../../docs/schemas/programme.schema.json"
_NEXT_STEP = "Check the route with the provider before referring."

Cite = Callable[[SourceRef], str]  # a claim's reference -> `corpus-name.md#Section`


def record_text(
    proposal: NewRecord,
    cite: Cite,
    undated: Collection[str],
    documents: Sequence[str],
    day: date,
    gazetteer: Gazetteer,
) -> str:
    """The record's YAML: a header naming `documents` (the corpus copies) and `day`, then
    the programme; facts citing a document in `undated` are confirmed on `day`."""
    record = proposal.record
    age = record.criteria[0]
    assert isinstance(age, AgeCriterion)  # a provisional record's one criterion
    window = record.availability[0]
    pathway = record.pathway
    first = record.delivered_by[0].source
    provider = f"the provider named in {cite(first).partition('#')[0]}"

    def dated(indent: str, source: SourceRef) -> list[str]:
        if source.document not in undated:
            return []
        return [f"{indent}confirmed: {day.isoformat()}  # accepted; its document is undated"]

    places = ", ".join(gazetteer.get(place).name for place in window.places)
    lines = [
        SCHEMA_LINE,
        *textwrap.wrap(
            f"{record.name}: added by vrn curate on {day.isoformat()} from "
            f"{', '.join(documents)}. Written from what those documents say: check the "
            "wording, and name who delivers it, before relying on it.",
            width=88,
            initial_indent="# ",
            subsequent_indent="# ",
            break_on_hyphens=False,
        ),
        f"id: {scalar(record.id)}",
        f"name: {scalar(record.name)}",
        f"kind: {record.kind.value}",
        "summary:",
        f"  text: {scalar(f'{record.name} is for people {age_label(age.min, age.max)}.')}",
        f"  source: {scalar(cite(age.source))}",
        "delivered_by:",
        f"  - name: {scalar(provider)}",
        f"    source: {scalar(cite(first))}",
        "criteria:",
        "  - id: age",
        "    type: age",
        f"    label: {scalar(age_label(age.min, age.max))}",
        *([f"    min: {age.min}"] if age.min is not None else []),
        *([f"    max: {age.max}"] if age.max is not None else []),
        "    defining: true",
        f"    source: {scalar(cite(age.source))}",
        *dated("    ", age.source),
        "availability:",
        f"  - label: {scalar(places)}",
        *(["    status: paused"] if window.status is WindowStatus.paused else []),
        f"    places: {scalar(window.places)}",
        *([f"    note: {scalar(' '.join(window.note.split()))}"] if window.note else []),
        f"    source: {scalar(cite(window.source))}",
        *dated("    ", window.source),
    ]
    if window.changes:
        lines.append("    changes:")
        for change in window.changes:
            assert change.stated is not None  # dated stops only (provisional_record)
            lines += [
                f"      - from: {change.stated.isoformat()}",
                "        status: paused",
                f"        source: {scalar(cite(change.source))}",
            ]
    lines += [
        "pathway:",
        f"  summary: {scalar(_pathway_summary(proposal))}",
        f"  routes: {scalar(tuple(route.value for route in pathway.routes))}",
        "  next_steps:",
        f"    - {scalar(_NEXT_STEP)}",
        f"  source: {scalar(cite(pathway.source))}",
        *dated("  ", pathway.source),
    ]
    if proposal.contacts:
        lines.append("contacts:")
        for field, value, claim in proposal.contacts:
            lines += [
                f"  - name: {scalar(record.name)}",
                f"    {field}: {scalar(value)}",
                f"    source: {scalar(cite(SourceRef(document=claim.source, locator=claim.locator)))}",
            ]
    return "\n".join(lines) + "\n"


def _pathway_summary(proposal: NewRecord) -> str:
    """What the pathway's document says about referring, verbatim but for bold marks."""
    source = proposal.record.pathway.source
    said = [
        " ".join(claim.quote.replace("**", "").split())
        for claim in proposal.claims
        if claim.kind is ClaimKind.referral and claim.source == source.document
    ]
    return " ".join(dict.fromkeys(said)) or "Ask the provider how to refer."
