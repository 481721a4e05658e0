"""Files: which documents a root holds, what each is called, and reading one safely.

Every document is named twice (see `vrn_assistant.retrieval.chunks`): by
`root` and `relative`, which identify it whatever the working directory, and
by `source`, which is how citations and ingest reports show it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from vrn_assistant.errors import DocumentError
from vrn_assistant.retrieval.chunks import CATALOGUE, CATALOGUE_LABEL

__all__ = [
    "MAX_BYTES",
    "SUPPORTED",
    "CorpusFile",
    "Root",
    "decode",
    "display_path",
    "iter_documents",
    "read_bytes",
]

MAX_BYTES = 5 * 1024 * 1024
SUPPORTED = frozenset({".md", ".markdown", ".txt", ".pdf", ".html", ".htm"})


@dataclass(frozen=True)
class Root:
    """A folder (or a single file) to index. `catalogue` marks the catalogue's own corpus:
    its documents get root CATALOGUE and sources under CATALOGUE_LABEL."""

    path: Path
    catalogue: bool = False


class CorpusFile(NamedTuple):
    """One file under a root: where it is, and its names."""

    path: Path
    source: str  # as shown: the root's label (or given path), then the path inside it
    root: str  # CATALOGUE, or the added folder's resolved absolute path
    relative: str  # the path inside the root, POSIX separators


def iter_documents(roots: Sequence[Path | Root]) -> Iterator[CorpusFile]:
    """Every file under the roots, in a stable order (see `iter_corpus`)."""
    seen: set[Path] = set()
    for given in roots:
        root = given if isinstance(given, Root) else Root(given)
        for found in _files(root):
            # Overlapping roots would otherwise index a file twice; the first root wins.
            key = found.path.resolve()
            if key not in seen:
                seen.add(key)
                yield found


def _files(root: Root) -> list[CorpusFile]:
    shown = CATALOGUE_LABEL if root.catalogue else display_path(root.path)
    if root.path.is_dir():
        name = CATALOGUE if root.catalogue else root.path.resolve().as_posix()
        return [
            CorpusFile(
                path=root.path / relative,
                source=(PurePosixPath(shown) / relative).as_posix(),
                root=name,
                relative=relative.as_posix(),
            )
            for relative in _walk(root.path)
        ]
    # A single file (or a missing path, which load_chunks reports): named by its folder.
    resolved = root.path.resolve()
    name = CATALOGUE if root.catalogue else resolved.parent.as_posix()
    return [CorpusFile(path=root.path, source=shown, root=name, relative=resolved.name)]


def display_path(root: Path) -> str:
    """A root as sources name it: as given, or relative to the working directory if inside it."""
    if root.is_absolute():
        try:
            return root.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return root.as_posix()
    return root.as_posix()


def _walk(root: Path) -> list[PurePosixPath]:
    found: list[PurePosixPath] = []
    # os.walk does not follow directory symlinks, so a link loop cannot recurse forever.
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        base = PurePosixPath(Path(folder).relative_to(root).as_posix())
        found.extend(base / name for name in filenames if not name.startswith("."))
    return sorted(found)


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of a supported regular file within the size limit; else DocumentError."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise DocumentError("file not found") from None
    except OSError as error:
        raise DocumentError(f"cannot read the file: {error.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise DocumentError("is a directory, not a document")
    if not stat.S_ISREG(info.st_mode):
        # Reading a FIFO or device would block or never end.
        raise DocumentError("not a regular file")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise DocumentError(
            f"unsupported file type {suffix or '(no extension)'}; "
            f"supported: {', '.join(sorted(SUPPORTED))}"
        )
    if info.st_size == 0:
        raise DocumentError("empty file")
    if info.st_size > max_bytes:
        raise DocumentError(
            f"too large: {_megabytes(info.st_size)} is over the {_megabytes(max_bytes)} limit"
        )
    try:
        return path.read_bytes()
    except OSError as error:
        raise DocumentError(f"cannot read the file: {error.strerror}") from None


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def decode(data: bytes) -> str:
    """UTF-8 text (a byte order mark is dropped); DocumentError for anything else."""
    if b"\x00" in data:
        raise DocumentError("binary content (NUL bytes) in a text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1].hex().upper()
        raise DocumentError(
            f"not UTF-8 text (byte 0x{bad} at offset {error.start}); save the file as UTF-8"
        ) from None
    if not text.strip():
        raise DocumentError("empty file (only whitespace)")
    return text
