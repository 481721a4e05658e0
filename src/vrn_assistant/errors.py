"""The assistant's exception tree, described once.

    VrnError (vrn_core)            anything the project raises on purpose
    ├── UsageError (vrn_core)      a command-line argument or setting that cannot be used
    │   └── SettingError           a setting (VRN_* variable or settings field) that cannot be
    │                              used; also a ValueError, as bad values passed in code are
    └── AssistantError             anything vrn_assistant raises on purpose
        ├── IndexUnavailable       the index cannot be used (Chroma server unreachable, damaged state)
        ├── QuestionTooLong        a question longer than MAX_QUESTION_CHARS, refused unread
        ├── EmbeddingModelMissing  the embedding model or tokenizer is absent or not the pinned file
        ├── DocumentError          a document that cannot be turned into chunks (`reason` says why)
        ├── CurationError          a proposal that cannot be accepted or rejected (nothing written)
        └── LanguageModelError     the configured language model cannot be set up

Every message is one sentence a user can act on; the CLI prints it on one line.
"""

from __future__ import annotations

from vrn_core.errors import UsageError, VrnError

__all__ = [
    "AssistantError",
    "CurationError",
    "DocumentError",
    "EmbeddingModelMissing",
    "IndexUnavailable",
    "LanguageModelError",
    "QuestionTooLong",
    "SettingError",
    "UsageError",
    "VrnError",
]


class AssistantError(VrnError):
    """Base class of every error vrn_assistant raises on purpose."""


class IndexUnavailable(AssistantError):
    """The index cannot be used: the Chroma server is unreachable, or the state is damaged."""


class SettingError(UsageError, ValueError):
    """A setting that cannot be used; the message names the environment variable."""


class QuestionTooLong(AssistantError):
    """A question longer than the assistant reads; refused before any of it is processed."""

    def __init__(self, length: int, limit: int) -> None:
        super().__init__(
            f"the question is {length:,} characters long; at most {limit:,} are allowed: shorten it"
        )
        self.length = length
        self.limit = limit


class EmbeddingModelMissing(AssistantError):
    """The embedding model or tokenizer is not installed, or is not the pinned file."""


class DocumentError(AssistantError):
    """A document that cannot be turned into chunks; `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class CurationError(AssistantError):
    """A proposal that cannot be accepted or rejected; nothing was written."""


class LanguageModelError(AssistantError):
    """The configured language model cannot be set up (package missing, bad setting)."""
