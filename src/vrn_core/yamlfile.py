"""Reading the catalogue's YAML files, with errors that name the file and the line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vrn_core.errors import CatalogueError

__all__ = ["read_yaml"]


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
