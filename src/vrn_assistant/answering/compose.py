"""Write the answer: deterministic plain English, every factual sentence cited.

The verdicts come from vrn_core's rules; this module only puts them into words
and attaches, to each sentence, a quote from the document section the fact is
sourced to. Sections are looked up through `SectionLookup`, so the composer
needs no index and stays a pure function of its inputs.

Two kinds of statement are never cited as if a source said them:

- a date no source states (`assumed` in the catalogue): the sentence that uses
  it carries no citation, says "assumed" and gives the reasoning, and is followed
  by what the source does say, quoted ("The source says: “...” [n]");
- a programme running on evidence older than the freshness horizon: it reads
  "not confirmed since <month>, check before referring", never simply "running".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from vrn_assistant.answer import (
    Answer,
    DocumentFinding,
    ProgrammeAnswer,
    ReachRoute,
)
from vrn_assistant.answering.citations import (
    CitationBook,
    best_sentences,
    shown_title,
    wraps_lines,
)
from vrn_assistant.answering.citer import Citer, SectionLookup
from vrn_assistant.answering.facts import about_a_person, facts_line, read_facts
from vrn_assistant.answering.routes import (
    COVERAGE,
    EXAMPLE_QUESTIONS,
    child_step,
    cited_contact,
    needs_child_safeguarding,
    no_phone_or_email,
    usual_needs,
    usual_routes,
)
from vrn_assistant.retrieval.chunks import Chunk
from vrn_assistant.understanding.extraction import Extraction
from vrn_assistant.understanding.safety import EMERGENCY_ADVICE, Danger
from vrn_core import (
    Assessment,
    Catalogue,
    CriterionResult,
    Pathway,
    Programme,
    SourceRef,
    Status,
    Truth,
    Verdict,
)
from vrn_core.availability import TimelineEntry, timeline_entries
from vrn_core.programme import UsualRoute
from vrn_core.report import deciding_missing, deciding_results, programme_report
from vrn_core.vocabulary import VERDICT_WORDS, Asker, describe
from vrn_core.window_words import confirmed_month
from vrn_core.wording import format_day, sentence

__all__ = ["EMERGENCY_LEAD", "NO_PASSAGES", "Composer", "Passages", "SectionLookup"]

# Lines on what newer added documents say about the programmes assessed (vrn_assistant.claims).
Notes = Callable[[Sequence[Assessment], date, CitationBook], list[str]]

EMERGENCY_LEAD = f"**Emergency.** {EMERGENCY_ADVICE}"  # an answer's first line, in danger
QUOTES_PER_FINDING = 2  # sentences quoted from each passage of an added document


@dataclass(frozen=True)
class Passages:
    """What retrieval found for a question: passages of added documents, and of the
    catalogue's own corpus (shown only when no programme fits)."""

    added: Sequence[Chunk] = ()
    catalogue: Sequence[Chunk] = ()


NO_PASSAGES = Passages()

_MISSING_WORDS = {
    "age": "their age",
    "place": "where they are (town or district)",
    "setting": "where they are now (custody, hospital, prison, school ...)",
    "roles": "who they are in this (victim, parent, prisoner, practitioner ...)",
    "issues": "what is involved (domestic abuse, drugs, knives ...)",
    "offence": "the offence",
    "gender": "their gender",
    "sector": "the sector they work in",
    "course": "their course of study",
}


@dataclass(frozen=True)
class Composer:
    catalogue: Catalogue
    section: SectionLookup
    notes: Notes | None = None

    def compose(
        self,
        *,
        question: str,
        as_of: date,
        redacted: tuple[str, ...],
        danger: Danger | None,
        extraction: Extraction,
        assessments: Sequence[Assessment],
        passages: Callable[[], Passages],
        dense_retrieval: bool,
    ) -> Answer:
        """`passages` is called once, after the programmes are written (or first thing for
        a question with no facts, which needs them to tell whether it is off topic):
        retrieval waits for the query vector, and the composing before overlaps that wait.
        Citation numbers are the same either way: passages are cited after programmes."""
        book = CitationBook(as_of)
        retrieved = cache(passages)  # called once, whichever part needs it first

        lines: list[str] = []
        if danger is not None:
            lines += [EMERGENCY_LEAD, ""]
        facts = read_facts(extraction)
        recommended = [a for a in assessments if a.recommended]
        off_topic = (
            not facts
            and not recommended
            and not extraction.asked_about
            and not any(
                best_sentences(c.text, question, 1)
                for c in (*retrieved().added, *retrieved().catalogue)
            )
        )
        if off_topic:
            lines += [COVERAGE, "For example:", *(f"- “{q}”" for q in EXAMPLE_QUESTIONS)]
        else:
            lines.append(facts_line(facts, as_of))
        lines.append("")
        matched = extraction.place.place if extraction.place is not None else None
        place_id = matched.id if matched is not None else None
        routes: list[ReachRoute] = []
        safeguarding: str | None = None
        if needs_child_safeguarding(extraction.case):
            step, child_routes = child_step(
                self.catalogue, extraction.case, place_id, self.section, book
            )
            safeguarding = step[0]
            lines += ["**Child safeguarding**", *step, ""]
            routes += child_routes

        waiting = [a for a in assessments if a.verdict is Verdict.not_available and a.relevant]
        near = [a for a in assessments if a.verdict is Verdict.not_eligible and a.relevant]
        answers: dict[str, ProgrammeAnswer] = {}
        listing: list[str] = []

        if recommended:
            lines.append("**Recommended**")
            for number, assessment in enumerate(recommended, 1):
                card = self._recommended(assessment, book, as_of, extraction.asker)
                lines.append(f"{number}. " + card.lines[0])  # one line; the card has the rest
                answers[assessment.programme_id] = self._programme_answer(
                    assessment, card.used, card
                )
        else:
            place = extraction.place.place if extraction.place is not None else None
            if place is not None and not about_a_person(extraction.case):
                listing = self._running_in(place.name, assessments, book, as_of)
            if listing:
                lines.append(
                    "The question names a place but nobody's circumstances, so here is what "
                    "the sources say runs there; describe the person to check whether a "
                    "programme fits them."
                )
                lines += listing
            elif not off_topic:
                lines.append(
                    f"No VRN programme in the catalogue fits these facts on {format_day(as_of)}."
                )
                needs = [
                    n
                    for n in usual_needs(extraction.case)
                    if safeguarding is None or n is not UsualRoute.child_safeguarding
                ]
                if needs:
                    lines += ["", "**Usual routes**"]
                for need in needs:
                    block, usual = usual_routes(self.catalogue, need, place_id, self.section, book)
                    lines += ["- " + line for line in block]
                    routes += usual
        for title, group in (
            ("**Would fit, but not running there or then**", waiting),
            ("**Near misses**", near),
        ):
            if group:
                lines += ["", title]
                for assessment in group:
                    line, used = self._short(assessment, book, as_of)
                    lines.append("- " + line)
                    answers[assessment.programme_id] = self._programme_answer(assessment, used)
        if self.notes is not None:
            noted = self.notes(assessments, as_of, book)
            lines += ["", *noted] if noted else []
        found = self._findings(retrieved().added, question, book)
        if found:
            lines += ["", "**From other documents**"]
            lines += ["- " + line for _, line in found]
        if not recommended and not listing and not off_topic:
            # Nothing fits by the rules; passages that match the words may still help.
            related = self._findings(retrieved().catalogue, question, book)
            if related:
                lines += ["", "**Related passages** (not a recommendation: no programme fits)"]
                lines += ["- " + line for _, line in related]
        stale: dict[date | None, list[int]] = {}
        for citation in book.stale():
            stale.setdefault(citation.as_of, []).append(citation.number)
        if stale:
            lines.append("")
            lines += [_stale_note(dated, numbers, as_of) for dated, numbers in stale.items()]
        if not dense_retrieval:
            lines += ["", "(Search ran on keywords only: the embedding model is not installed.)"]

        considered = [
            answers.get(a.programme_id) or self._programme_answer(a, ())
            for a in assessments
            if not a.recommended
        ]
        return Answer(
            question=question,
            as_of=as_of,
            text="\n".join(lines).strip(),
            emergency=danger is not None,
            redacted=redacted,
            case=extraction.case,
            facts=facts,
            notes=extraction.notes,
            safeguarding=safeguarding,
            routes=tuple(routes),
            recommended=tuple(answers[a.programme_id] for a in recommended),
            considered=tuple(considered),
            documents=tuple(finding for finding, _ in found),
            citations=book.citations,
            dense_retrieval=dense_retrieval,
        )

    # ---------------------------------------------------------------- pieces

    def _running_in(
        self, where: str, assessments: Sequence[Assessment], book: CitationBook, as_of: date
    ) -> list[str]:
        """For "what runs in Chorley?": the programmes running there, local offers first;
        then those that would be running but that no recent source confirms."""
        here = [a for a in assessments if a.area.truth is Truth.met]
        running = [a for a in here if a.status.status is Status.running]
        unconfirmed = [a for a in here if a.status.status is Status.not_confirmed]
        lines: list[str] = []
        for group, title in (
            (running, f"**Running in {where} on {format_day(as_of)}**"),
            (unconfirmed, f"**May still run in {where}: not confirmed recently**"),
        ):
            if not group:
                continue
            lines += ["", title]  # local offers come first
            for assessment in group:
                programme = assessment.programme
                cite = self._citer(programme, book)
                line = f"- **{programme.name}**: " + cite(
                    sentence(programme.summary.text), programme.summary.source
                )
                if assessment.status.status is Status.not_confirmed:
                    line += " " + sentence(_not_confirmed(assessment))
                lines.append(line)
        return lines

    def _citer(self, programme: Programme, book: CitationBook) -> Citer:
        return Citer(self.section, book, programme.name)

    def _timeline(self, assessment: Assessment, as_of: date) -> list[TimelineEntry]:
        return timeline_entries(
            assessment.edition.availability,
            as_of,
            self.catalogue.gazetteer,
            assessment.stale_before,
        )

    def _where_and_when(
        self,
        entries: Sequence[TimelineEntry],
        cited: Citer,
        source: SourceRef | None,
        said: set[str],
    ) -> list[str]:
        """Where and when, cited; the entries resting on assumed dates apart, uncited,
        with why each date is assumed (unless `said` already holds that reasoning)."""
        stated = [str(entry) for entry in entries if not entry.assumptions]
        assumed = [entry for entry in entries if entry.assumptions]
        lines: list[str] = []
        if stated:
            lines.append(cited(_where_and_when(stated), source))
        if assumed:
            reasons = [r for e in assumed for r in e.assumptions if r not in said]
            said.update(reasons)
            listed = "; ".join(str(entry) for entry in assumed)
            text = f"Where and when, on assumed dates (no source states them): {listed}."
            lines.append(" ".join([text, *dict.fromkeys(reasons)]))
        return lines

    def _status_sentences(self, assessment: Assessment, cited: Citer, said: set[str]) -> str:
        """The programme's state on the date, cited; if it rests on a date no source
        states, uncited, with the reasoning, then what the source does say, quoted."""
        status = assessment.status
        source = _window_source(assessment)
        if not status.assumptions:
            return cited(sentence(status.reason), source)
        said.update(status.assumptions)
        parts = [sentence(status.reason), *status.assumptions]
        quoted = cited.quote(" ".join([status.reason, *status.assumptions]), source)
        if quoted is not None:
            parts.append(f"The source says: {quoted}.")
        return " ".join(parts)

    def _recommended(
        self, assessment: Assessment, book: CitationBook, as_of: date, asker: Asker | None
    ) -> _Card:
        programme = assessment.programme
        cited = self._citer(programme, book)
        verdict = VERDICT_WORDS[assessment.verdict]
        if assessment.status.status is Status.not_confirmed:
            verdict += f" — {_not_confirmed(assessment)}"
        lines = [
            f"**{programme.name}** ({verdict}). "
            + cited(sentence(programme.summary.text), programme.summary.source)
        ]
        results = deciding_results(assessment)  # no unknown alternative beside "eligible"
        met = [r for r in results if r.truth is Truth.met]
        if met:
            lines.append("Why it fits: " + self._grouped(met, cited))
        unknown = [r for r in results if r.truth is Truth.unknown]
        if unknown:
            missing = ", ".join(_MISSING_WORDS.get(m, m) for m in deciding_missing(assessment))
            lines.append("Still to check: " + self._grouped(unknown, cited))
            if missing:
                lines.append(f"Knowing {missing} would settle it.")
        said: set[str] = set()
        lines.append(self._status_sentences(assessment, cited, said))
        windows = assessment.edition.availability
        lines += self._where_and_when(
            self._timeline(assessment, as_of), cited, windows[0].source, said
        )
        pathway = assessment.edition.pathway
        advice = pathway.advice_for(asker)
        advised = None
        if advice is not None and asker is not None:  # what the asker can do comes first
            advised = cited(sentence(advice.text), advice.source)
            lines.append(f"For you ({describe(asker)}): {advised}")
        lines.append(cited(_how_to_refer(pathway), pathway.source))
        routes: list[ReachRoute] = []
        for contact in programme.contacts:
            line, found = cited_contact(contact, cited)
            if line is not None:
                lines.append("How to reach them: " + line)
                routes += found
        no_contact = no_phone_or_email(programme.name, programme.contacts, pathway.in_person)
        if no_contact is not None:
            lines.append(no_contact)
        return _Card(lines, cited.used, advised, tuple(routes), no_contact)

    def _grouped(self, results: Sequence[CriterionResult], cited: Citer) -> str:
        """One sentence per source section, so each carries the citation that supports it."""
        groups: dict[SourceRef | None, list[str]] = {}
        for result in results:
            groups.setdefault(result.source, []).append(result.reason)
        return " ".join(
            cited(sentence("; ".join(reasons)), source) for source, reasons in groups.items()
        )

    def _short(
        self, assessment: Assessment, book: CitationBook, as_of: date
    ) -> tuple[str, list[int]]:
        programme = assessment.programme
        cited = self._citer(programme, book)
        said: set[str] = set()
        if assessment.verdict is Verdict.not_available:
            source = _window_source(assessment)
            sentences = [self._status_sentences(assessment, cited, said)]
        else:
            failing = [r for r in assessment.results() if r.truth is Truth.not_met]
            source = failing[0].source if failing else None
            sentences = [cited(sentence("; ".join(r.reason for r in failing)), source)]
        wrong_place_or_time = (
            assessment.verdict is Verdict.not_available or assessment.area.truth is Truth.not_met
        )
        places = self._timeline(assessment, as_of)
        if wrong_place_or_time and len(places) > 1:  # it runs elsewhere, or another time
            sentences += self._where_and_when(places, cited, source, said)
        return f"**{programme.name}**: " + " ".join(sentences), cited.used

    def _programme_answer(
        self, assessment: Assessment, used: Sequence[int], card: _Card | None = None
    ) -> ProgrammeAnswer:
        programme = assessment.programme
        pathway = assessment.edition.pathway
        return ProgrammeAnswer(
            report=programme_report(assessment),
            summary=programme.summary.text,
            how_to_refer=(pathway.summary, *pathway.next_steps),
            advice=card.advice if card else None,
            routes=card.routes if card else (),
            no_contact=card.no_contact if card else None,
            details=tuple(card.lines[1:]) if card else (),
            citations=tuple(dict.fromkeys(used)),
        )

    def _findings(
        self, findings: Sequence[Chunk], question: str, book: CitationBook
    ) -> list[tuple[DocumentFinding, str]]:
        shown: list[tuple[DocumentFinding, str]] = []
        for chunk in findings:
            quoted: list[tuple[str, int]] = []
            for quote in best_sentences(
                chunk.text, question, QUOTES_PER_FINDING, wrapped=wraps_lines(chunk)
            ):
                number = book.cite_quote(chunk, quote)
                if number is not None:
                    quoted.append((quote, number))
            if not quoted:
                continue
            finding = DocumentFinding(
                name=shown_title(chunk),
                source=chunk.source,
                locator=chunk.locator,
                citations=tuple(number for _, number in quoted),
            )
            quotes = " ".join(f"“{quote}” [{number}]" for quote, number in quoted)
            shown.append((finding, f"**{finding.name}** ({chunk.locator}): {quotes}"))
        return shown


@dataclass(frozen=True)
class _Card:
    """A recommended programme's block: its cited lines and what the answer adds."""

    lines: list[str]
    used: list[int]
    advice: str | None
    routes: tuple[ReachRoute, ...]
    no_contact: str | None


def _stale_note(dated: date | None, numbers: Sequence[int], as_of: date) -> str:
    """One line per source date: 'Note: sources [1] and [2] are dated October 2020, ...'."""
    marks = [f"[{number}]" for number in numbers]
    which = marks[0] if len(marks) == 1 else ", ".join(marks[:-1]) + " and " + marks[-1]
    plural = len(marks) > 1
    when = dated.strftime("%B %Y") if dated else "an unknown date"
    return (
        f"Note: source{'s' if plural else ''} {which} {'are' if plural else 'is'} dated {when}, "
        f"more than 12 months before {format_day(as_of)}; check that "
        f"{'they are' if plural else 'it is'} still current."
    )


def _where_and_when(places: Sequence[str]) -> str:
    return "Where and when: " + "; ".join(places) + "."


def _how_to_refer(pathway: Pathway) -> str:
    steps = dict.fromkeys(sentence(step) for step in (pathway.summary, *pathway.next_steps))
    return "How to refer: " + " ".join(steps)


def _not_confirmed(assessment: Assessment) -> str:
    """'not confirmed since October 2020, check before referring'."""
    window = assessment.status.window
    since = confirmed_month(window) if window is not None else "an unknown date"
    return f"not confirmed since {since}, check before referring"


def _window_source(assessment: Assessment) -> SourceRef | None:
    window = assessment.status.window
    return window.source if window is not None else assessment.area.source
