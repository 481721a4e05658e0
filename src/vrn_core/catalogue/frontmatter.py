"""The date a corpus document speaks for: `as_of` in its front matter.

A fact's stated date defaults to its source document's `as_of` (vrn_core.dating),
so the loader reads it once per document, never while ranking.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from vrn_core.yamlfile import YamlRefused, load_yaml_text

__all__ = ["document_as_of"]

_ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


def document_as_of(text: str) -> date | None:
    """The `as_of` date of a Markdown document's front matter; None if it gives none.

    `YYYY-MM` means the first of the month, as the assistant's reader takes it.
    ValueError, with a reason, for front matter that cannot be read or a date that
    is not one.

    >>> document_as_of("---\\ntitle: T\\nas_of: 2020-10-01\\n---\\n# T\\n")
    datetime.date(2020, 10, 1)
    >>> document_as_of("# No front matter\\n") is None
    True
    """
    lines = text.splitlines()
    if not lines or lines[0].rstrip() != "---":
        return None
    for number, line in enumerate(lines[1:], 1):
        if line.rstrip() in {"---", "..."}:
            block = "\n".join(lines[1:number])
            break
    else:
        raise ValueError("its front matter, opened with '---' on line 1, is never closed")
    try:
        meta = load_yaml_text(block)
    except YamlRefused as exc:
        raise ValueError(f"its front matter {exc}") from None
    if not isinstance(meta, dict) or meta.get("as_of") is None:
        return None
    value = meta["as_of"]
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = _ISO.match(str(value).strip())
    if match:
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3) or 1))
        except ValueError:
            pass
    raise ValueError(f"its front matter 'as_of' {value!r} is not a date (use YYYY-MM-DD)")
