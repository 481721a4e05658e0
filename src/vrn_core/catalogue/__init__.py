"""Loading the catalogue: one YAML file per programme, read strictly.

A broken file stops the load with one CatalogueError that names the file, the
record and the field. References are checked too: every source must point at
an existing corpus document and one of its section headings, and every place
id at the gazetteer.

Each fact's stated date defaults to its source document's `as_of` (front
matter): the documents' dates are read once, before the records, and passed to
validation; every dated fact must end up with a date.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from types import MappingProxyType

from pydantic import ValidationError

from vrn_core.catalogue.frontmatter import document_as_of
from vrn_core.catalogue.sections import headings as headings_in
from vrn_core.dating import DOCUMENT_DATES
from vrn_core.errors import CatalogueError, UnknownProgramme
from vrn_core.paths import default_knowledge_dir
from vrn_core.places import Gazetteer
from vrn_core.programme import Contact, Edition, Programme, UsualRoute
from vrn_core.sources import SourceRef
from vrn_core.yamlfile import read_yaml, validation_error

__all__ = ["Catalogue", "default_catalogue", "load_catalogue"]


@dataclass(frozen=True)
class Catalogue:
    """The programmes, the gazetteer they refer to, and the corpus they cite."""

    programmes: tuple[Programme, ...]
    gazetteer: Gazetteer
    corpus_dir: Path
    contacts: Mapping[str, Contact] = field(default_factory=dict)
    """The shared contacts of contacts.yaml by id, including the usual routes (police,
    children's social care) an answer gives when no programme fits."""
    _by_id: dict[str, Programme] = field(init=False, repr=False, compare=False)
    _dated: tuple[tuple[Programme, tuple[date, ...], tuple[Edition, ...]], ...] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {p.id: p for p in self.programmes})
        dated = tuple(
            (p, tuple(e.since for e in p.editions()[1:] if e.since), p.editions())
            for p in self.programmes
        )
        object.__setattr__(self, "_dated", dated)

    def in_force(self, day: date) -> list[tuple[Programme, Edition]]:
        """Each programme with its facts in force on `day` (`Programme.on`, for all at once)."""
        return [
            (programme, editions[bisect_right(starts, day)] if starts else editions[0])
            for programme, starts, editions in self._dated
        ]

    def __iter__(self) -> Iterator[Programme]:
        return iter(self.programmes)

    def __len__(self) -> int:
        return len(self.programmes)

    def get(self, programme_id: str) -> Programme:
        """The programme with this id; `UnknownProgramme` names the known ones if none has it."""
        try:
            return self._by_id[programme_id]
        except KeyError:
            raise UnknownProgramme(programme_id, tuple(self._by_id)) from None

    def usual_routes(self, need: UsualRoute, place_id: str | None = None) -> tuple[Contact, ...]:
        """The shared contacts that are the usual route for `need`: for a known place, the
        ones whose area may hold it ("Lancashire" may be any council's), or that serve
        everywhere; for no place, all of them."""
        found = []
        for contact in self.contacts.values():
            if need not in contact.usual_for:
                continue
            serves = (
                place_id is None
                or not contact.areas
                or any(self.gazetteer.within(place_id, area) is not False for area in contact.areas)
            )
            if serves:
                found.append(contact)
        return tuple(found)

    def document_path(self, source: SourceRef) -> Path:
        return self.corpus_dir / source.document


def load_catalogue(knowledge_dir: Path | None = None) -> Catalogue:
    """Load `programmes/*.yaml`, `places.yaml` and check them against `corpus/`."""
    root = knowledge_dir if knowledge_dir is not None else default_knowledge_dir()
    programme_dir = root / "programmes"
    if not programme_dir.is_dir():
        raise CatalogueError("no programmes folder here", path=str(programme_dir))
    gazetteer = Gazetteer.load(root / "places.yaml")
    shared = _read_shared_contacts(root / "contacts.yaml")
    corpus_dir = root / "corpus"
    texts = _read_corpus(corpus_dir)
    dates = {name: day for name, (_, day) in texts.items() if day is not None}
    headings: dict[str, frozenset[str]] = {}
    _check_shared_contacts(shared, root / "contacts.yaml", corpus_dir, headings, texts, gazetteer)
    programmes: list[Programme] = []
    seen: dict[str, Path] = {}
    for path in sorted(programme_dir.glob("*.yaml")):
        programme = _read_programme(path, shared, dates)
        if programme.id in seen:
            raise CatalogueError(
                f"duplicate id, also used in {seen[programme.id]}",
                path=str(path),
                record=programme.id,
                field="id",
            )
        seen[programme.id] = path
        _check_sources(programme, path, corpus_dir, headings, texts)
        _check_places(programme, path, gazetteer)
        _check_dates(programme, path)
        programmes.append(programme)
    if not programmes:
        raise CatalogueError("no programme files (*.yaml) found", path=str(programme_dir))
    return Catalogue(
        programmes=tuple(programmes),
        gazetteer=gazetteer,
        corpus_dir=corpus_dir,
        contacts=MappingProxyType(shared),
    )


@cache
def default_catalogue() -> Catalogue:
    """The shipped catalogue, loaded once per process."""
    return load_catalogue()


def _read_shared_contacts(path: Path) -> dict[str, Contact]:
    """knowledge/contacts.yaml, if there is one: contacts several programmes name by id."""
    if not path.is_file():
        return {}
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise CatalogueError("must hold one mapping of contact ids to contacts", path=str(path))
    contacts: dict[str, Contact] = {}
    for contact_id, raw in data.items():
        try:
            contacts[str(contact_id)] = Contact.model_validate(raw)
        except ValidationError as exc:
            raise validation_error(exc, path=path, record=str(contact_id)) from exc
    return contacts


def _read_corpus(corpus_dir: Path) -> dict[str, tuple[str, date | None]]:
    """Each Markdown document of the corpus: its text and its front matter's `as_of`."""
    found: dict[str, tuple[str, date | None]] = {}
    if not corpus_dir.is_dir():
        return found
    for document in sorted(corpus_dir.glob("*.md")):
        text = _text_of(document)
        try:
            found[document.name] = (text, document_as_of(text))
        except ValueError as exc:
            raise CatalogueError(str(exc), path=str(document), field="as_of") from None
    return found


def _read_programme(
    path: Path, shared: dict[str, Contact], dates: dict[str, date] | None = None
) -> Programme:
    data = read_yaml(path)
    record = path.stem
    if isinstance(data, dict) and isinstance(data.get("id"), str):
        record = data["id"]
    if not isinstance(data, dict):
        raise CatalogueError("must hold one mapping (a programme record)", path=str(path))
    contacts = data.get("contacts")
    if isinstance(contacts, list):
        data = {
            **data,
            "contacts": [_shared(item, n, shared, path, record) for n, item in enumerate(contacts)],
        }
    try:
        return Programme.model_validate(data, context={DOCUMENT_DATES: dates or {}})
    except ValidationError as exc:
        raise validation_error(exc, path=path, record=record) from exc


def _shared(
    item: object, number: int, shared: dict[str, Contact], path: Path, record: str
) -> object:
    """A contact named by id becomes the shared contact; anything else is left to validation."""
    if not isinstance(item, str):
        return item
    if item not in shared:
        known = ", ".join(shared) or "none: there is no contacts.yaml"
        raise CatalogueError(
            f"names contact {item!r}, which contacts.yaml does not define (known: {known})",
            path=str(path),
            record=record,
            field=f"contacts.{number}",
        )
    return shared[item]


def _text_of(document: Path) -> str:
    try:
        return document.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogueError(
            f"is not UTF-8 text (byte {exc.start}); save it as UTF-8", path=str(document)
        ) from None
    except OSError as exc:
        raise CatalogueError(f"cannot read the file ({exc})", path=str(document)) from None


def _check_shared_contacts(
    shared: Mapping[str, Contact],
    path: Path,
    corpus_dir: Path,
    headings: dict[str, frozenset[str]],
    texts: dict[str, tuple[str, date | None]],
    gazetteer: Gazetteer,
) -> None:
    """Each shared contact's source must be a section of the corpus, its areas places."""
    for contact_id, contact in shared.items():
        _check_refs((contact.source,), path, contact_id, corpus_dir, headings, texts)
        for number, place_id in enumerate(contact.areas):
            if place_id not in gazetteer:
                raise CatalogueError(
                    f"unknown place id {place_id!r} (see places.yaml)",
                    path=str(path),
                    record=contact_id,
                    field=f"areas.{number}",
                )


def _check_sources(
    programme: Programme,
    path: Path,
    corpus_dir: Path,
    headings: dict[str, frozenset[str]],
    texts: dict[str, tuple[str, date | None]],
) -> None:
    _check_refs(programme.sources(), path, programme.id, corpus_dir, headings, texts)


def _check_refs(
    sources: Iterable[SourceRef],
    path: Path,
    record: str,
    corpus_dir: Path,
    headings: dict[str, frozenset[str]],
    texts: dict[str, tuple[str, date | None]],
) -> None:
    for source in sources:
        document = corpus_dir / source.document
        if source.document not in headings:
            if source.document in texts:
                text = texts[source.document][0]
            elif document.is_file():
                text = _text_of(document)
            else:
                raise CatalogueError(
                    f"cites {source.document}, which is not in {corpus_dir}",
                    path=str(path),
                    record=record,
                    field="source.document",
                )
            headings[source.document] = frozenset(heading.text for heading in headings_in(text))
        if source.locator not in headings[source.document]:
            raise CatalogueError(
                f"cites section {source.locator!r} of {source.document}, which has no such heading",
                path=str(path),
                record=record,
                field="source.locator",
            )


def _check_places(programme: Programme, path: Path, gazetteer: Gazetteer) -> None:
    for index, window in enumerate(programme.availability):
        for number, version in enumerate(window.versions()):
            for place_id in version.places:
                try:
                    gazetteer.get(place_id)
                except KeyError:
                    where = "" if number == 0 else f".changes.{number - 1}"
                    raise CatalogueError(
                        f"unknown place id {place_id!r} (see places.yaml)",
                        path=str(path),
                        record=programme.id,
                        field=f"availability.{index}{where}.places",
                    ) from None


def _check_dates(programme: Programme, path: Path) -> None:
    """Every fact must have a date: its own `stated`, or its document's `as_of`."""
    for fact in programme.dated_facts():
        for version in fact.versions():
            if version.last_confirmed is None:
                raise CatalogueError(
                    f"a fact citing {version.source} has no date: give the document an "
                    "`as_of` in its front matter, or the fact a `stated:` date",
                    path=str(path),
                    record=programme.id,
                    field="stated",
                )
