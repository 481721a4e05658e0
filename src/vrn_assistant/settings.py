"""Every setting the assistant reads from the environment, in one place.

`AssistantSettings.from_env` is what the CLI, the app and `make app` use; each
field can also be set in code.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from vrn_assistant.errors import SettingError
from vrn_assistant.retrieval.documents import MAX_BYTES
from vrn_core.paths import default_knowledge_dir

__all__ = ["DEFAULT_CHROMA_TIMEOUT", "AssistantSettings", "IndexSettings", "server_address"]

# Seconds a Chroma server has to accept a connection and to answer each request (the wait
# for a reply, and each pause while one arrives), before the index is IndexUnavailable.
DEFAULT_CHROMA_TIMEOUT = 5.0

_PREFIX = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


@dataclass(frozen=True)
class IndexSettings:
    """Where the index lives. `chroma_url` None means embedded Chroma under `path/chroma`;
    `timeout` bounds every request to a Chroma server, in seconds. A value that cannot be
    used raises SettingError naming its environment variable."""

    path: Path = Path("var/index")
    chroma_url: str | None = None
    collection_prefix: str = "vrn"
    max_bytes: int = MAX_BYTES
    timeout: float = DEFAULT_CHROMA_TIMEOUT

    def __post_init__(self) -> None:
        if not _PREFIX.fullmatch(self.collection_prefix):
            raise SettingError(
                f"collection_prefix {self.collection_prefix!r} must be 1-100 letters, digits, "
                "'.', '_' or '-', starting with a letter or digit"
            )
        if self.max_bytes < 1:
            raise SettingError(f"max_bytes must be positive, got {self.max_bytes}")
        if not _usable_seconds(self.timeout):
            raise SettingError(
                f"the Chroma timeout (VRN_CHROMA_TIMEOUT) must be a number of seconds above 0, "
                f"got {self.timeout!r}"
            )
        if self.chroma_url is not None:
            server_address(self.chroma_url)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> IndexSettings:
        """Settings from VRN_INDEX_DIR, VRN_CHROMA_URL and VRN_CHROMA_TIMEOUT (unset or
        empty: the defaults)."""
        env = os.environ if environ is None else environ
        return cls(
            path=Path(env.get("VRN_INDEX_DIR") or "var/index"),
            chroma_url=env.get("VRN_CHROMA_URL") or None,
            timeout=_seconds(env, "VRN_CHROMA_TIMEOUT", DEFAULT_CHROMA_TIMEOUT),
        )


def _usable_seconds(value: object) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value > 0
    )


def _seconds(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name, "")
    if not raw.strip():
        return default
    try:
        seconds = float(raw)
    except ValueError:
        seconds = math.nan
    if not _usable_seconds(seconds):
        raise SettingError(f"{name}={raw!r}: give a number of seconds above 0, e.g. 5")
    return seconds


_SWITCH_ON = frozenset({"1", "true"})
_SWITCH_OFF = frozenset({"0", "false"})


@dataclass(frozen=True)
class AssistantSettings:
    """Where things are, and what is allowed. `from_env` reads:

    VRN_KNOWLEDGE_DIR  the catalogue folder (default: the repository's knowledge/)
    VRN_SOURCES        extra document folders, separated by os.pathsep
    VRN_INDEX_DIR, VRN_CHROMA_URL, VRN_CHROMA_TIMEOUT   the index (see IndexSettings)
    VRN_ALLOW_UPLOADS  "1" or "true" lets the app save uploaded documents (off by default)
    VRN_UPLOAD_DIR     where uploads go (default var/uploads); a source when uploads are on
    VRN_SEMANTIC       "1" or "true" adds the sentence-encoder reading of what the word lists
                       miss (understanding/semantic; off by default: docs/benchmarks.md)
    VRN_DANGER_SENSE   "0" or "false" leaves the danger check to the word lists alone (on by
                       default: the encoder also reads what they miss, understanding/semantic/danger.py)
    VRN_USERS          who may sign in to add documents: NAME:HASH entries separated by
                       commas, each hash from `python -m vrn_assistant.interfaces.signin`
    """

    knowledge_dir: Path = field(default_factory=default_knowledge_dir)
    sources: tuple[Path, ...] = ()
    index: IndexSettings = field(default_factory=IndexSettings.from_env)
    dense: bool = True  # False: lexical retrieval only, no embedding model loaded
    # Off by default: on the tuning questions it changed no answer, and it costs about
    # 7 ms a question and a first build of several seconds (docs/benchmarks.md).
    semantic: bool = False
    # On by default: on the blind safety sets' sealed parts it raised recall from 78-94 % to
    # 91-98 %, false alarms under 5 % (docs/benchmarks.md); it needs the encoder (`dense`).
    danger_sense: bool = True
    allow_uploads: bool = False
    upload_dir: Path = Path("var/uploads")
    users: tuple[tuple[str, str], ...] = ()  # (name, scrypt hash); none: nobody can sign in

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
            semantic=env.get("VRN_SEMANTIC", "").strip().lower() in _SWITCH_ON,
            danger_sense=env.get("VRN_DANGER_SENSE", "").strip().lower() not in _SWITCH_OFF,
            users=_users(env.get("VRN_USERS", "")),
        )


def _users(raw: str) -> tuple[tuple[str, str], ...]:
    """VRN_USERS: `NAME:HASH,NAME:HASH`; SettingError (never echoing a hash) if malformed."""
    users: list[tuple[str, str]] = []
    for number, entry in enumerate((e.strip() for e in raw.split(",")), start=1):
        if not entry:
            continue
        name, _, hashed = entry.partition(":")
        if not name.strip() or not hashed.startswith("scrypt$") or hashed.count("$") != 5:
            raise SettingError(
                f"VRN_USERS entry {number} is not NAME:HASH with a hash from "
                "`python -m vrn_assistant.interfaces.signin`"
            )
        users.append((name.strip(), hashed))
    return tuple(users)


def server_address(url: str) -> tuple[str, int, bool]:
    """(host, port, ssl) of a Chroma server URL; SettingError naming VRN_CHROMA_URL if the
    URL cannot be used. The port defaults to 8000 (http) or 443 (https)."""

    def unusable(problem: str) -> SettingError:
        return SettingError(f"VRN_CHROMA_URL={url!r}: {problem}")

    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unclosed [ of an IPv6 address
        raise unusable("it must look like http://HOST:PORT") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise unusable("it must look like http://HOST:PORT")
    if parts.path not in ("", "/") or parts.query or parts.fragment or "@" in parts.netloc:
        raise unusable("give only a scheme, host and port, e.g. http://HOST:PORT")
    ssl = parts.scheme == "https"
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port is None:
        port = 443 if ssl else 8000
    if not 1 <= port <= 65535:
        raise unusable("invalid port: give one from 1 to 65535")
    return parts.hostname, port, ssl
