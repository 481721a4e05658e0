"""Reading the catalogue's YAML files: errors name the file, the line, the record, the field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from vrn_core.errors import CatalogueError

__all__ = ["YamlRefused", "load_yaml_text", "read_yaml", "validation_error"]


def read_yaml(path: Path) -> Any:
    """Parse a YAML file; every failure becomes one CatalogueError naming it."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError(f"cannot read the file ({exc})", path=str(path)) from exc
    try:
        return load_yaml_text(text)
    except YamlRefused as exc:
        raise CatalogueError(str(exc), path=str(path)) from exc


class YamlRefused(ValueError):
    """YAML text that is not read: invalid, using aliases, or holding an impossible value."""


def load_yaml_text(text: str) -> Any:
    """Parse YAML safely: no tags beyond plain data, and no aliases.

    An alias (`*name`) lets a few lines expand to gigabytes (a "billion laughs"
    bomb); nothing we read needs one, so any alias is refused before building.
    """
    import yaml  # here: `import vrn_core` should not pay for a parser it may never use

    # The C loader and parser when PyYAML has them: several times faster on the gazetteer.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent):
                line = event.start_mark.line + 1 if event.start_mark else "?"
                raise YamlRefused(f"uses a YAML alias at line {line}; write the value out instead")
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark is not None else ""
        raise YamlRefused(f"is not valid YAML{line}: {exc}") from exc
    except (ValueError, OverflowError, RecursionError) as exc:
        if isinstance(exc, YamlRefused):
            raise
        # e.g. 2020-13-45 looks like a date to YAML, which then cannot build it
        raise YamlRefused(f"has a value that cannot be read ({exc})") from exc


def validation_error(
    exc: ValidationError, *, path: Path | str, record: str | None
) -> CatalogueError:
    """The first pydantic error as one CatalogueError with a dotted field path."""
    first = exc.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or None
    count = exc.error_count()
    more = f" (and {count - 1} more problem{'s' if count > 2 else ''})" if count > 1 else ""
    return CatalogueError(first["msg"] + more, path=str(path), record=record, field=field)
