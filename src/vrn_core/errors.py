"""The exception tree, described once.

    VrnError                      anything vrn_core raises on purpose
    ├── CatalogueError            a catalogue or gazetteer file is missing or malformed
    ├── CaseError                 case facts that cannot be read (bad JSON, unknown field, bad value)
    ├── UnknownProgramme          no programme has that id (also a KeyError)
    ├── ExportError               the catalogue cannot be expressed in an export format
    └── UsageError                a command-line argument or setting that cannot be used

Every message is one plain sentence a user can act on: it names the file, the
record and the field where there is one.
"""

from __future__ import annotations

__all__ = [
    "CaseError",
    "CatalogueError",
    "ExportError",
    "UnknownProgramme",
    "UsageError",
    "VrnError",
]


class VrnError(Exception):
    """Base class of every error vrn_core raises on purpose."""


class CatalogueError(VrnError):
    """A catalogue or gazetteer file is missing or malformed.

    `path`, `record` and `field` say where; any of them may be None when the
    problem is not tied to one.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        record: str | None = None,
        field: str | None = None,
    ) -> None:
        self.path = path
        self.record = record
        self.field = field
        where = ", ".join(
            part
            for part in (
                f"file {path}" if path else "",
                f"record {record!r}" if record else "",
                f"field {field!r}" if field else "",
            )
            if part
        )
        super().__init__(f"{where}: {message}" if where else message)


class CaseError(VrnError):
    """Case facts that cannot be read."""


class ExportError(VrnError):
    """The catalogue cannot be expressed in the requested export format."""


class UsageError(VrnError):
    """A command-line argument or setting that cannot be used (a bad date, a missing folder)."""


class UnknownProgramme(VrnError, KeyError):
    """No programme in the catalogue has this id. A KeyError too, as a failed lookup is."""

    def __init__(self, programme_id: str, known: tuple[str, ...]) -> None:
        super().__init__(f"no programme {programme_id!r}; known: {', '.join(known)}")
        self.programme_id = programme_id

    def __str__(self) -> str:
        return str(self.args[0])  # KeyError would quote the message
