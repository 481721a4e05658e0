"""Every setting the assistant reads from the environment, in one place.

`AssistantSettings.from_env` is what the CLI, the app and `make app` use; each
field can also be set in code.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from vrn_assistant.retrieval.documents import MAX_BYTES
from vrn_core.paths import default_knowledge_dir

__all__ = ["AssistantSettings", "IndexSettings", "server_address"]

_PREFIX = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


@dataclass(frozen=True)
class IndexSettings:
    """Where the index lives. `chroma_url` None means embedded Chroma under `path/chroma`."""

    path: Path = Path("var/index")
    chroma_url: str | None = None
    collection_prefix: str = "vrn"
    max_bytes: int = MAX_BYTES

    def __post_init__(self) -> None:
        if not _PREFIX.fullmatch(self.collection_prefix):
            raise ValueError(
                f"collection_prefix {self.collection_prefix!r} must be 1-100 letters, digits, "
                "'.', '_' or '-', starting with a letter or digit"
            )
        if self.max_bytes < 1:
            raise ValueError(f"max_bytes must be positive, got {self.max_bytes}")
        if self.chroma_url is not None:
            server_address(self.chroma_url)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> IndexSettings:
        """Settings from VRN_INDEX_DIR and VRN_CHROMA_URL (unset or empty: the defaults)."""
        env = os.environ if environ is None else environ
        return cls(
            path=Path(env.get("VRN_INDEX_DIR") or "var/index"),
            chroma_url=env.get("VRN_CHROMA_URL") or None,
        )


_SWITCH_ON = frozenset({"1", "true"})


@dataclass(frozen=True)
class AssistantSettings:
    """Where things are, and what is allowed. `from_env` reads:

    VRN_KNOWLEDGE_DIR  the catalogue folder (default: the repository's knowledge/)
    VRN_SOURCES        extra document folders, separated by os.pathsep
    VRN_INDEX_DIR, VRN_CHROMA_URL   the index (see IndexSettings)
    VRN_ALLOW_UPLOADS  "1" or "true" lets the app save uploaded documents (off by default)
    VRN_UPLOAD_DIR     where uploads go (default var/uploads); a source when uploads are on
    """

    knowledge_dir: Path = field(default_factory=default_knowledge_dir)
    sources: tuple[Path, ...] = ()
    index: IndexSettings = field(default_factory=IndexSettings.from_env)
    dense: bool = True  # False: lexical retrieval only, no embedding model loaded
    allow_uploads: bool = False
    upload_dir: Path = Path("var/uploads")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> AssistantSettings:
        env = os.environ if environ is None else environ
        sources = tuple(Path(p) for p in env.get("VRN_SOURCES", "").split(os.pathsep) if p)
        allow_uploads = env.get("VRN_ALLOW_UPLOADS", "").strip().lower() in _SWITCH_ON
        upload_dir = Path(env.get("VRN_UPLOAD_DIR") or "var/uploads")
        if allow_uploads and upload_dir not in sources:
            sources = (*sources, upload_dir)  # so `vrn ingest` and the app index the same
        return cls(
            knowledge_dir=Path(env["VRN_KNOWLEDGE_DIR"])
            if env.get("VRN_KNOWLEDGE_DIR")
            else default_knowledge_dir(),
            sources=sources,
            index=IndexSettings.from_env(env),
            allow_uploads=allow_uploads,
            upload_dir=upload_dir,
        )


def server_address(url: str) -> tuple[str, int, bool]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"chroma_url {url!r} must look like http://HOST:PORT")
    ssl = parts.scheme == "https"
    try:
        port = parts.port or (443 if ssl else 8000)
    except ValueError:
        raise ValueError(f"chroma_url {url!r} has an invalid port") from None
    return parts.hostname, port, ssl
