"""The assistant: a practitioner's question in, a checked and cited answer out.

    question ─▶ redact ─▶ danger check ─▶ extract case ─▶ vrn_core rules (rank)
                                             │
                                             └─▶ hybrid retrieval ─▶ compose ─▶ (optional) phrase

Personal details are redacted before any other step sees the text, and the
original question is never stored or logged. The danger check is the word lists of
`safety` and, for what they miss, a classifier by sense (`semantic.danger`), which can
only add the emergency advice, never take it away. The rules alone decide verdicts;
an optional language model may only rephrase, and its sentences must cite
quotes we hold (see `phrasing`).
"""

from __future__ import annotations

import dataclasses
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from vrn_assistant.answer import Answer
from vrn_assistant.answering.citations import CitationBook, terms
from vrn_assistant.answering.compose import NO_PASSAGES, Composer, Passages
from vrn_assistant.answering.people import answer_people
from vrn_assistant.answering.phrasing import Phraser
from vrn_assistant.claims import ClaimBook, claim_notes
from vrn_assistant.errors import QuestionTooLong
from vrn_assistant.retrieval.chunks import Chunk
from vrn_assistant.retrieval.documents import Root
from vrn_assistant.retrieval.embeddings import (
    EmbeddingModelMissing,
    MiniLMEmbeddings,
    locate_model_files,
)
from vrn_assistant.retrieval.index import CorpusIndex, IngestReport, Query
from vrn_assistant.settings import AssistantSettings
from vrn_assistant.understanding.extraction import Extraction, PersonReading, extract
from vrn_assistant.understanding.extraction.birth import with_age_from_birth
from vrn_assistant.understanding.extraction.unknown_places import unknown_place_note, unknown_places
from vrn_assistant.understanding.redaction import protected_names, redact
from vrn_assistant.understanding.safety import assess_danger
from vrn_assistant.understanding.semantic import DangerReader, SemanticReader, fill
from vrn_core import Assessment, Case, Catalogue, SourceRef, load_catalogue, rank

__all__ = ["MAX_QUESTION_CHARS", "Assistant", "AssistantSettings", "encodable"]

# The longest question read, in characters (code points); a longer one is refused unread.
# Practitioners' questions are a few sentences; the app's chat input uses the same cap.
MAX_QUESTION_CHARS = 2000


Progress = Callable[[int, int, str], None]

FINDINGS = 2  # passages shown at most, from added documents and from the catalogue's corpus
FINDING_TERMS = 2  # words a passage must share with the question to be shown
# Code points that cannot be encoded as UTF-8: the surrogates, which a terminal's bytes
# that are not UTF-8 become (surrogateescape), and which JSON's "\udcff" escapes give.
_UNENCODABLE = re.compile("[\ud800-\udfff]")


class Assistant:
    """Build once, ask many times; safe to share between threads (Streamlit sessions)."""

    def __init__(
        self,
        catalogue: Catalogue,
        index: CorpusIndex,
        roots: Sequence[Path],
        *,
        phraser: Phraser | None = None,
        model_problem: str | None = None,
        semantic: SemanticReader | None = None,
        danger_reader: DangerReader | None = None,
    ) -> None:
        self.catalogue = catalogue
        self.index = index
        self.roots = tuple(roots)
        self.phraser = phraser
        self.model_problem = model_problem
        self.semantic = semantic  # None: the word lists alone read the question
        self.danger_reader = danger_reader  # None: the word lists alone judge danger
        self._names = {p.id: p.names() for p in catalogue}
        self._protected = protected_names(catalogue)  # this catalogue's, not the default's
        self._guarded = frozenset(name.lower() for name in self._protected)
        # The catalogue's corpus among the roots is indexed as such: its chunks record
        # root CATALOGUE and their path in it, which is how SourceRefs find them.
        corpus = catalogue.corpus_dir.resolve()
        self._roots = tuple(Root(root, catalogue=root.resolve() == corpus) for root in roots)
        self._boosts = _boost_targets(catalogue)
        self._lookup: _CorpusLookup | None = None
        self._claims: tuple[str | None, ClaimBook] | None = None  # (generation, its claims)
        self._lock = threading.Lock()

    @classmethod
    def from_settings(
        cls, settings: AssistantSettings | None = None, *, phraser: Phraser | None = None
    ) -> Assistant:
        settings = settings or AssistantSettings.from_env()
        catalogue = load_catalogue(settings.knowledge_dir)
        embeddings: MiniLMEmbeddings | None = None
        problem: str | None = None
        if settings.dense:
            try:
                embeddings = MiniLMEmbeddings(locate_model_files())
                embeddings.load()  # a wrong hash shows now, not halfway through an ingest
            except EmbeddingModelMissing as exc:
                embeddings = None
                problem = str(exc)
        index = CorpusIndex(settings.index, embeddings)
        roots = (catalogue.corpus_dir, *settings.sources)
        semantic = danger_reader = None
        cache = settings.index.path / "semantic"
        if embeddings is not None and settings.semantic:
            semantic = SemanticReader(embeddings, catalogue.gazetteer, cache_dir=cache)
        if embeddings is not None and settings.danger_sense:
            danger_reader = DangerReader(embeddings, cache_dir=cache)
        return cls(
            catalogue,
            index,
            roots,
            phraser=phraser,
            model_problem=problem,
            semantic=semantic,
            danger_reader=danger_reader,
        )

    # ------------------------------------------------------------- index

    def ingest(self, progress: Progress | None = None) -> IngestReport:
        """Bring the index up to date with the corpus and the added sources (and build the
        danger check's classifier, so that the first question does not wait for it)."""
        report = self.index.ingest(self._roots, progress=progress)
        if self.danger_reader is not None:
            self.danger_reader.prepare()
        return report

    def _corpus(self) -> _CorpusLookup:
        generation = self.index.generation  # another process may have ingested since
        with self._lock:
            if self._lookup is None or self._lookup.generation != generation:
                self._lookup = _CorpusLookup.build(self.index.chunks(), generation)
            return self._lookup

    def _section(self, source: SourceRef) -> Chunk | None:
        """The catalogue corpus's chunk a catalogue record cites (its section's first);
        for a fact an added document revised, that document's section."""
        found = self._corpus().sections.get((source.document, source.locator))
        return found[0] if found else self._claim_book().section(source)

    def _claim_book(self) -> ClaimBook:
        """The added documents' claims and the catalogue they revise, once per generation."""
        generation = self.index.generation
        with self._lock:
            if self._claims is None or self._claims[0] != generation:
                self._claims = (generation, ClaimBook.build(self.catalogue, self.index.chunks()))
            return self._claims[1]

    # ------------------------------------------------------------- asking

    def ask(self, question: str, as_of: date | None = None, *, case: Case | None = None) -> Answer:
        """Answer one question. `case`, when given, replaces the facts read from the text
        (the user corrected them). A question longer than MAX_QUESTION_CHARS raises
        QuestionTooLong; characters that cannot be encoded as UTF-8 are read as U+FFFD."""
        if len(question) > MAX_QUESTION_CHARS:
            raise QuestionTooLong(len(question), MAX_QUESTION_CHARS)
        with self.index.pinned():  # one generation of the index for the whole answer
            return self._answer(question, as_of, case)

    def _answer(self, question: str, as_of: date | None, case: Case | None) -> Answer:
        day = as_of if as_of is not None else date.today()
        redaction = redact(encodable(question), protected=self._protected)
        text = redaction.text
        query = self.index.prepare(text)  # its vector is computed while the rules run
        danger = assess_danger(text)
        extraction = extract(text, self.catalogue.gazetteer, self._names)
        born = redaction.birth_dates[0].age_on(day) if len(redaction.birth_dates) == 1 else None
        if born is not None:  # one date of birth: whose is clear enough, its age is read
            extraction = with_age_from_birth(extraction, born)
        if case is not None:
            extraction = _corrected(extraction, case, self.catalogue)
        elif self.semantic is not None:  # what the word lists left unknown, by sense
            extraction = fill(extraction, self.semantic.read(text))
        if case is None:  # a place the gazetteer lacks is said, never silently dropped
            unknown = unknown_places(
                text, self.catalogue.gazetteer, extraction.places, self._guarded
            )
            if unknown:
                said = (*extraction.notes, *map(unknown_place_note, unknown))
                extraction = dataclasses.replace(extraction, notes=said)
        claims = self._claim_book()
        assessments = rank(
            claims.catalogue,
            extraction.case,
            day,
            place=extraction.place,
            asked_about=extraction.people[0].asked_about
            if extraction.people
            else extraction.asked_about,
        )
        if danger is None and self.danger_reader is not None:  # what the word lists missed
            danger = self.danger_reader.assess(text, query.vector)  # its vector is ready now

        def notes(found: Sequence[Assessment], on: date, book: CitationBook) -> list[str]:
            return claim_notes(claims, found, on, book, self._section, extraction.asked_about)

        composer = Composer(claims.catalogue, self._section, notes)
        answer = composer.compose(
            question=text,
            as_of=day,
            redacted=redaction.found,
            danger=danger,
            extraction=extraction,
            assessments=assessments,
            passages=lambda: self._search(query, extraction),
            dense_retrieval=self.index.dense_available,
        )

        def another(reading: Extraction, ranked: Sequence[Assessment]) -> Answer:
            return composer.compose(
                question=text,
                as_of=day,
                redacted=redaction.found,
                danger=None,  # the emergency advice leads the first person's part
                extraction=reading,
                assessments=ranked,
                passages=lambda: NO_PASSAGES,
                dense_retrieval=self.index.dense_available,
            )

        def rank_person(person: PersonReading) -> list[Assessment]:
            asked = person.asked_about
            return rank(claims.catalogue, person.case, day, place=person.place, asked_about=asked)

        # Several people in need: each ranked and answered in turn; and the deciding fact.
        answer = answer_people(extraction, assessments, answer, another, rank_person)
        if self.phraser is not None:
            answer = self.phraser.phrase(answer)
        return answer

    def _search(self, query: Query, extraction: Extraction) -> Passages:
        """Passages that answer the question, from added documents and from the catalogue's
        corpus. Each must share words with the question; at most FINDINGS of each."""
        corpus = self._corpus()
        # Programmes named in the question (fuzzily, by name or alias) lift what they cite.
        boost = [
            chunk.id
            for programme_id in extraction.asked_about
            for target in self._boosts.get(programme_id, ())
            for chunk in corpus.find(target)
        ]
        hits = self.index.search(query, k=6, boost_ids=boost)
        wanted = terms(query.text)
        added: list[Chunk] = []
        catalogue: list[Chunk] = []
        for hit in hits:
            chunk = hit.chunk
            if len(wanted & terms(chunk.title + " " + chunk.text)) < FINDING_TERMS:
                continue
            found = catalogue if chunk.from_catalogue else added
            if len(found) < FINDINGS:
                found.append(chunk)
        return Passages(added=tuple(added), catalogue=tuple(catalogue))


def encodable(text: str) -> str:
    """`text` with each character that cannot be encoded as UTF-8 replaced by U+FFFD."""
    return _UNENCODABLE.sub("\ufffd", text)


_Target = tuple[str, str | None]  # (document, locator); locator None: the whole document


@dataclass(frozen=True)
class _CorpusLookup:
    """The catalogue corpus's chunks by document, and by (document, heading), as
    `SourceRef` names them; built once per index version."""

    sections: dict[tuple[str, str], list[Chunk]]
    documents: dict[str, list[Chunk]]
    generation: str | None

    @classmethod
    def build(cls, chunks: Sequence[Chunk], generation: str | None) -> _CorpusLookup:
        sections: dict[tuple[str, str], list[Chunk]] = {}
        documents: dict[str, list[Chunk]] = {}
        for chunk in chunks:
            if chunk.from_catalogue and chunk.path is not None:
                sections.setdefault((chunk.path, chunk.locator), []).append(chunk)
                documents.setdefault(chunk.path, []).append(chunk)
        return cls(sections=sections, documents=documents, generation=generation)

    def find(self, target: _Target) -> list[Chunk]:
        """A whole document's chunks (locator None), or one section's, in document order."""
        document, locator = target
        if locator is None:
            return self.documents.get(document, [])
        return self.sections.get((document, locator), [])


def _boost_targets(catalogue: Catalogue) -> dict[str, list[_Target]]:
    """What a programme named in a question lifts in the search, from what its record
    cites (`Programme.sources`): the documents only its record cites, whole; failing
    those, the sections it cites. A document other records cite too (the network's
    contact page, which every record cites) is not about this programme, so it is not
    lifted whole."""
    citing: dict[str, set[str]] = {}
    for programme in catalogue:
        for source in programme.sources():
            citing.setdefault(source.document, set()).add(programme.id)
    targets: dict[str, list[_Target]] = {}
    for programme in catalogue:
        sources = programme.sources()
        own = dict.fromkeys(s.document for s in sources if citing[s.document] == {programme.id})
        if own:
            targets[programme.id] = [(document, None) for document in own]
        else:
            targets[programme.id] = list(dict.fromkeys((s.document, s.locator) for s in sources))
    return targets


def _corrected(extraction: Extraction, case: Case, catalogue: Catalogue) -> Extraction:
    place = extraction.place
    if case.place != extraction.case.place:
        place = catalogue.gazetteer.resolve(case.place) if case.place else None
    return Extraction(
        case=case,
        place=place,
        places=extraction.places,
        asked_about=extraction.asked_about,
        notes=(*extraction.notes, "facts corrected by the user"),
    )
