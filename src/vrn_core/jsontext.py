"""Reading JSON that someone typed or piped in: every failure is one CaseError.

The standard library raises more than JSONDecodeError on hostile input: a
RecursionError for deeply nested arrays and a ValueError for an integer longer
than Python will convert. Both become the same clear error.
"""

from __future__ import annotations

import json
from typing import Any

from vrn_core.errors import CaseError

__all__ = ["MAX_JSON_CHARS", "load_json"]

MAX_JSON_CHARS = 1_000_000  # a case or a batch line is a few hundred characters


def load_json(text: str, *, what: str = "case JSON") -> Any:
    """Parse `text`, or raise CaseError saying why it cannot be used."""
    if len(text) > MAX_JSON_CHARS:
        raise CaseError(
            f"{what} is too long ({len(text):,} characters; at most {MAX_JSON_CHARS:,})"
        )
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseError(f"{what} is not valid: {exc.msg} (line {exc.lineno})") from None
    except RecursionError:
        raise CaseError(f"{what} is nested too deeply") from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise CaseError(f"{what} has a value that cannot be read: {exc}") from None
