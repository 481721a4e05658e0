"""Accepting and rejecting proposals: the only part of curation that writes.

Accepting a change writes two files: the programme's record, edited in place (a
dated `changes` entry, or a `confirmed:` date), and the added document as
Markdown in `corpus/`, so that the new source reference's section exists.
Accepting a new record writes `programmes/<id>.yaml` (see `records`) and each
document it cites. The files are first written into a temporary copy of the
knowledge folder and the whole catalogue is loaded from it with the strict
loader; only if that succeeds are the real files written (each by a temporary
file and a rename). Rejecting appends the proposal
to `curation/rejected.yaml`, whose ids are never proposed again.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from vrn_assistant.claims.curation.edits import add_change, scalar, set_confirmed
from vrn_assistant.claims.curation.new import NewRecord, propose_new
from vrn_assistant.claims.curation.proposals import Proposal, Verb, propose
from vrn_assistant.claims.curation.records import record_text
from vrn_assistant.claims.extraction import extract_claims
from vrn_assistant.errors import CurationError
from vrn_assistant.retrieval.chunks import Chunk, SkippedFile
from vrn_assistant.retrieval.documents import Root, read_corpus
from vrn_core import Catalogue, SourceRef, load_catalogue
from vrn_core.availability import Window
from vrn_core.catalogue.frontmatter import document_as_of
from vrn_core.catalogue.sections import headings
from vrn_core.criteria import AgeCriterion
from vrn_core.errors import CatalogueError
from vrn_core.yamlfile import YamlRefused, load_yaml_text

__all__ = [
    "REJECTED",
    "Accepted",
    "Added",
    "Review",
    "accept",
    "accept_new",
    "corpus_document",
    "gather",
    "reject",
    "rejected_ids",
]

REJECTED = PurePosixPath("curation") / "rejected.yaml"
"""Where rejections are kept, inside the knowledge folder."""

_REJECTED_HEADER = (
    "# Proposals the VRN team rejected (vrn curate --reject): never proposed again.\n"
    "# Each names the claim's id, why it was rejected and when.\n"
)
_SLUG = re.compile(r"[^a-z0-9]+")
_FENCE = re.compile(r"^ {0,3}(?:`{3,}|~{3,})")


@dataclass(frozen=True, slots=True)
class Accepted:
    """What accepting a proposal wrote."""

    proposal: Proposal
    record: Path  # the programme's YAML, edited
    document: Path  # the added document, in the corpus
    document_added: bool  # False: the corpus already held it (an earlier acceptance)
    source: str  # the source reference the record now cites, `document#section`


@dataclass(frozen=True, slots=True)
class Added:
    """What accepting a new record wrote."""

    proposal: NewRecord
    record: Path  # programmes/<id>.yaml, new
    documents: tuple[Path, ...]  # the corpus documents it cites
    added: tuple[Path, ...]  # those of them written now (the others were there already)


@dataclass(frozen=True)
class Review:
    """What there is to review: the catalogue, the added documents read, the proposals."""

    knowledge_dir: Path
    catalogue: Catalogue
    chunks: tuple[Chunk, ...]
    skipped: tuple[SkippedFile, ...]
    proposals: tuple[Proposal | NewRecord, ...]  # changes by programme, then new records

    def get(self, proposal_id: str) -> Proposal | NewRecord:
        """The proposal with this id; CurationError if none has it (any more)."""
        for proposal in self.proposals:
            if proposal.id == proposal_id.strip():
                return proposal
        raise CurationError(
            f"no proposal has the id {proposal_id!r} (it may be accepted, rejected, or its "
            "document not among the sources); run `vrn curate` to list them"
        )


def gather(knowledge_dir: Path, sources: Sequence[Path]) -> Review:
    """Load the catalogue, read the added documents and propose (rejections left out)."""
    for path in sources:
        if not path.exists():
            raise CurationError(f"source {path} does not exist")
    catalogue = load_catalogue(knowledge_dir)
    chunks, skipped = read_corpus([Root(path) for path in sources])
    claims = extract_claims(chunks, catalogue)
    rejected = rejected_ids(knowledge_dir)
    proposals: list[Proposal | NewRecord] = [*propose(catalogue, claims, rejected)]
    proposals += propose_new(catalogue, claims, rejected)
    return Review(knowledge_dir, catalogue, tuple(chunks), tuple(skipped), tuple(proposals))


def corpus_document(chunks: Sequence[Chunk], locator: str) -> tuple[str, str, str]:
    """(file name, Markdown text, section heading) of an added document for the corpus.

    The front matter keeps its title, original file name, date and how the date was
    found; each section of the document becomes a `## ` section with its text as
    read (a line that would read as a heading or a code fence is escaped), so the
    quote of every claim from it is in the section its reference names."""
    first = chunks[0]
    original = PurePosixPath((first.path or first.source).replace("\\", "/")).name
    name = (_SLUG.sub("-", PurePosixPath(original).stem.lower()).strip("-") or "document") + ".md"
    sections: dict[str, list[str]] = {}
    for chunk in chunks:
        sections.setdefault(" ".join(chunk.locator.split()), []).append(chunk.text)
    title = " ".join(first.title.split()) or original
    front = [
        "---",
        f"title: {scalar(title)}",
        f"original_source: {scalar(original)}",
        f"original_file: {scalar(original)}",
        f"as_of: {scalar(first.as_of)}",
        f"dated_by: {scalar(first.dated_by or 'undated')}",
        "added_by: vrn curate",
        "---",
        f"# {title}",
    ]
    body: list[str] = []
    for heading, texts in sections.items():
        body += ["", f"## {heading}", *_escaped("\n\n".join(texts))]
    text = "\n".join([*front, *body]) + "\n"
    return name, text, _section(locator)


def _section(locator: str) -> str:
    """The heading a chunk's locator becomes in its corpus document."""
    written = " ".join(locator.split())
    parsed = headings(f"## {written}\n")
    return parsed[0].text if parsed else written


def _escaped(text: str) -> list[str]:
    """The lines of a section's text, with any that Markdown would take for a heading or a
    code fence escaped by a backslash (they would cut the section short)."""
    return [
        f"\\{line}" if headings(line) or _FENCE.match(line) else line for line in text.split("\n")
    ]


def accept(
    knowledge_dir: Path, catalogue: Catalogue, proposal: Proposal, chunks: Sequence[Chunk]
) -> Accepted:
    """Write the proposal into the catalogue at `knowledge_dir` (loaded as `catalogue`),
    with its document from `chunks`; CurationError, with nothing written, if it cannot."""
    claim = proposal.claim
    parts = [chunk for chunk in chunks if chunk.source == claim.source]
    if not parts:
        raise CurationError(f"{claim.source} is not among the added documents any more")
    name, document_text, section = corpus_document(parts, claim.locator)
    reference = f"{name}#{section}"
    record = _record_path(knowledge_dir, proposal.programme)
    try:
        record_text = record.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CurationError(f"cannot read {record} ({exc})") from None
    edited = _edited(record_text, catalogue, proposal, reference)
    document = knowledge_dir / "corpus" / name
    existing = _read_or_none(document)
    if existing is not None and existing != document_text:
        raise CurationError(
            f"{document} already exists and holds another text; rename the added file "
            f"{claim.source} and try again"
        )
    _validate(knowledge_dir, {record: edited, document: document_text}, proposal.id)
    if existing is None:
        _write(document, document_text)
    _write(record, edited)
    return Accepted(proposal, record, document, existing is None, reference)


def _edited(text: str, catalogue: Catalogue, proposal: Proposal, reference: str) -> str:
    section, number = proposal.fact
    programme = catalogue.get(proposal.programme)
    fact: Window | AgeCriterion
    if section == "availability":
        fact = programme.availability[number]
    else:
        criterion = programme.criteria[number]
        if not isinstance(criterion, AgeCriterion):
            raise CurationError(f"{proposal.programme}'s criterion {number} is not an age limit")
        fact = criterion
    starts = fact.change_dates()
    day = proposal.day
    if proposal.verb is Verb.confirms:
        earlier = [n for n, start in enumerate(starts) if start <= day]
        path: tuple[str | int, ...] = (section, number)
        if earlier:
            path = (*path, "changes", earlier[-1])
        return set_confirmed(text, path, day, f"confirmed by {reference}")
    if day in starts:
        raise CurationError(
            f"{proposal.programme}'s {proposal.fact_label} already has a change from "
            f"{day.isoformat()}; edit that change by hand instead"
        )
    before = next((n for n, start in enumerate(starts) if start > day), None)
    fields = [("from", day), *proposal.update, ("source", reference)]
    return add_change(text, (section, number), fields, before)


def accept_new(
    knowledge_dir: Path,
    catalogue: Catalogue,
    proposal: NewRecord,
    chunks: Sequence[Chunk],
    on: date,
) -> Added:
    """Write the new record into the catalogue at `knowledge_dir` (loaded as `catalogue`),
    with the documents it cites from `chunks`, accepted `on` that day; CurationError, with
    nothing written, if it cannot."""
    record = knowledge_dir / "programmes" / f"{proposal.programme}.yaml"
    if record.exists():
        raise CurationError(f"{record} already exists; edit it by hand instead")
    copies: dict[str, tuple[Path, str]] = {}  # each cited document: its corpus path and text
    for source in dict.fromkeys(claim.source for claim in proposal.claims):
        parts = [chunk for chunk in chunks if chunk.source == source]
        if not parts:
            raise CurationError(f"{source} is not among the added documents any more")
        name, text, _ = corpus_document(parts, parts[0].locator)
        copies[source] = (knowledge_dir / "corpus" / name, text)
    written: list[Path] = []
    for path, text in copies.values():
        existing = _read_or_none(path)
        if existing is not None and existing != text:
            raise CurationError(
                f"{path} already exists and holds another text; rename the added file and try again"
            )
        if existing is None:
            written.append(path)
    undated = {source for source, (_, text) in copies.items() if document_as_of(text) is None}

    def cite(reference: SourceRef) -> str:
        return f"{copies[reference.document][0].name}#{_section(reference.locator)}"

    names = [path.name for path, _ in copies.values()]
    yaml_text = record_text(proposal, cite, undated, names, on, catalogue.gazetteer)
    files = {record: yaml_text, **dict(copies.values())}
    _validate(knowledge_dir, files, proposal.id)
    for path, document_text in copies.values():
        if path in written:
            _write(path, document_text)
    _write(record, yaml_text)
    documents = tuple(path for path, _ in copies.values())
    return Added(proposal, record, documents, tuple(written))


def _record_path(knowledge_dir: Path, programme: str) -> Path:
    folder = knowledge_dir / "programmes"
    named = folder / f"{programme}.yaml"
    candidates = [named] if named.is_file() else []
    candidates += sorted(p for p in folder.glob("*.yaml") if p != named)
    for path in candidates:
        try:
            data = load_yaml_text(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, YamlRefused):
            continue
        if isinstance(data, dict) and data.get("id") == programme:
            return path
    raise CurationError(f"no record in {folder} has the id {programme!r}")


def _validate(knowledge_dir: Path, files: dict[Path, str], proposal_id: str) -> None:
    """Load the whole catalogue from a temporary copy with `files` written."""
    with tempfile.TemporaryDirectory(prefix="vrn-curate-") as scratch:
        copy = Path(scratch) / "knowledge"
        shutil.copytree(knowledge_dir, copy)
        for path, text in files.items():
            target = copy / path.relative_to(knowledge_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        try:
            load_catalogue(copy)
        except CatalogueError as exc:
            reason = str(exc).replace(str(copy), str(knowledge_dir))
            raise CurationError(
                f"accepting {proposal_id} would make the catalogue invalid, so nothing was "
                f"written: {reason}"
            ) from None


def _read_or_none(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise CurationError(f"cannot read {path} ({exc})") from None


def _write(path: Path, text: str) -> None:
    """Write by a temporary file beside it and a rename: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def rejected_ids(knowledge_dir: Path) -> frozenset[str]:
    """The ids of the rejected proposals (none when nothing was rejected yet)."""
    path = knowledge_dir / REJECTED
    text = _read_or_none(path)
    if text is None:
        return frozenset()
    try:
        data = load_yaml_text(text)
    except YamlRefused as exc:
        raise CurationError(f"{path} {exc}") from None
    if data is None:
        return frozenset()
    if not isinstance(data, list) or not all(
        isinstance(item, dict) and isinstance(item.get("id"), str) for item in data
    ):
        raise CurationError(f"{path} must be a list of entries, each with an `id`")
    return frozenset(item["id"] for item in data)


def reject(knowledge_dir: Path, proposal: Proposal | NewRecord, reason: str, on: date) -> Path:
    """Record the proposal as rejected (its id, the reason and the date); the file's
    earlier entries and comments stay as they are."""
    if not reason.strip():
        raise CurationError("give a reason for rejecting it (--reason TEXT)")
    path = knowledge_dir / REJECTED
    text = _read_or_none(path) or _REJECTED_HEADER
    if proposal.id in rejected_ids(knowledge_dir):
        raise CurationError(f"{proposal.id} is already rejected")
    if isinstance(proposal, NewRecord):
        document = ", ".join(PurePosixPath(source).name for source, _, _ in proposal.documents)
        quote = proposal.claims[0].quote
    else:
        document, quote = PurePosixPath(proposal.claim.source).name, proposal.claim.quote
    entry = [
        f"- id: {scalar(proposal.id)}",
        f"  programme: {scalar(proposal.programme)}",
        f"  document: {scalar(document)}",
        f"  quote: {scalar(' '.join(quote.split()))}",
        f"  reason: {scalar(' '.join(reason.split()))}",
        f"  date: {on.isoformat()}",
    ]
    updated = (text if text.endswith("\n") else text + "\n") + "\n".join(entry) + "\n"
    try:
        load_yaml_text(updated)
    except YamlRefused as exc:
        raise CurationError(f"{path} would not read back ({exc}); nothing was written") from None
    _write(path, updated)
    return path
