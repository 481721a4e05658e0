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
from vrn_assistant.retrieval.documents.encoding import decode

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
    refused: str | None = None  # why it is not read before opening it (a link out of the root)


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
                refused=refused,
            )
            for relative, refused in _walk(root.path)
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


def _walk(root: Path) -> list[tuple[PurePosixPath, str | None]]:
    """Every file under root, with why it is refused before reading (a link out of root).

    os.walk does not follow folder links, so a link loop cannot recurse forever; a
    link to a folder inside root is left out (its files are found where they are),
    one to a folder outside is reported, like a link to a file outside.
    """
    base_folder = root.resolve()
    found: list[tuple[PurePosixPath, str | None]] = []
    for folder, dirnames, filenames in os.walk(root):
        here = Path(folder)
        base = PurePosixPath(here.relative_to(root).as_posix())
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        for name in filenames:
            if not name.startswith("."):
                found.append((base / name, _outside(here / name, base_folder)))
        for name in dirnames:
            if (here / name).is_symlink():
                refused = _outside(here / name, base_folder)
                if refused is not None:
                    found.append((base / name, refused))
    return sorted(found)


def _outside(path: Path, base_folder: Path) -> str | None:
    """Why a link is not followed: it leads out of the folder, or nowhere; None otherwise."""
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # broken, or a loop of links
        return "a link that leads nowhere (its target is missing or loops)"
    if target.is_relative_to(base_folder):
        return None
    kind = "folder" if target.is_dir() else "file"
    return f"a link to a {kind} outside the folder being added; not followed"


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
