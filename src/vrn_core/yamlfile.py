"""Reading the catalogue's YAML files: errors name the file, the line, the record, the field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from vrn_core.errors import CatalogueError

__all__ = ["read_yaml", "validation_error"]


def read_yaml(path: Path) -> Any:
    """Parse a YAML file; every failure becomes one CatalogueError naming it."""
    # Imported here: `import vrn_core` should not pay for a parser it may never use.
    import yaml

    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError(f"cannot read the file ({exc})", path=str(path)) from exc
    try:
        # The C loader when PyYAML has it: several times faster on the gazetteer.
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark is not None else ""
        raise CatalogueError(f"is not valid YAML{line}: {exc}", path=str(path)) from exc


def validation_error(
    exc: ValidationError, *, path: Path | str, record: str | None
) -> CatalogueError:
    """The first pydantic error as one CatalogueError with a dotted field path."""
    first = exc.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or None
    count = exc.error_count()
    more = f" (and {count - 1} more problem{'s' if count > 2 else ''})" if count > 1 else ""
    return CatalogueError(first["msg"] + more, path=str(path), record=record, field=field)
