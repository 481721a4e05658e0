"""Editing a programme's YAML by inserting lines, so its comments and layout stay.

The file is parsed for positions only (PyYAML's node marks); the edit inserts a
`changes` entry, or sets `confirmed:`, at the indentation the file already uses.
The edited text is read back with the project's YAML reader (no aliases) before
anyone writes it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

import yaml

from vrn_assistant.errors import CurationError
from vrn_core.yamlfile import YamlRefused, load_yaml_text

__all__ = ["add_change", "scalar", "set_confirmed"]

Path = tuple[str | int, ...]
_PLAIN_START = frozenset("[]{}&*!|>'\"%@`#-?:,")


def scalar(value: object) -> str:
    """A value as YAML text on one line: dates ISO, lists in flow style, text plain when
    it reads back the same, else double-quoted (JSON's quoting is valid YAML)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return "[" + ", ".join(scalar(item) for item in value) + "]"
    text = str(value)
    if text and text[0] not in _PLAIN_START and text == text.strip() and "\n" not in text:
        try:
            if load_yaml_text(f"k: {text}") == {"k": text} and " #" not in text:
                return text
        except YamlRefused:
            pass
    return json.dumps(text, ensure_ascii=False)


def add_change(
    text: str, fact: Path, fields: Sequence[tuple[str, object]], before: int | None
) -> str:
    """`text` with a `changes` entry of `fields` added to the mapping at `fact`: before
    its change number `before`, or after the last one (None)."""
    lines = text.splitlines(keepends=True)
    node = _mapping(_root(text), fact)
    keys = _column(node)
    changes = _value(node, "changes")
    if changes is None:
        at, dash = _last_line(node) + 1, keys + 2
        entry = [" " * keys + "changes:\n"]
    elif isinstance(changes, yaml.SequenceNode) and not changes.flow_style and changes.value:
        first = changes.value[0]
        dash = lines[first.start_mark.line].rfind("-", 0, first.start_mark.column)
        if before is not None and before < len(changes.value):
            at = changes.value[before].start_mark.line
        else:
            at = _last_line(changes.value[-1]) + 1
        entry = []
    else:
        raise CurationError(
            f"the record's {'.'.join(map(str, fact))}.changes is not a block list; "
            "write it as one (`- from: ...` lines) and accept again"
        )
    for number, (key, value) in enumerate(fields):
        lead = " " * dash + ("- " if number == 0 else "  ")
        entry.append(f"{lead}{key}: {scalar(value)}\n")
    return _checked(_inserted(lines, at, entry))


def set_confirmed(text: str, fact: Path, day: date, note: str) -> str:
    """`text` with `confirmed: <day>  # <note>` on the mapping at `fact` (replacing the
    date of a `confirmed:` already there), after its `source` line."""
    lines = text.splitlines(keepends=True)
    node = _mapping(_root(text), fact)
    existing = _value(node, "confirmed")
    comment = f"  # {' '.join(note.split())}"
    if isinstance(existing, yaml.ScalarNode):
        start, end = existing.start_mark, existing.end_mark
        line = lines[start.line]
        ending = "\n" if line.endswith("\n") else ""
        kept = line[end.column :].rstrip("\n")
        tail = kept if "#" in kept else comment
        lines[start.line] = line[: start.column] + day.isoformat() + tail + ending
        return _checked("".join(lines))
    source = _value(node, "source")
    at = (_last_line(source) if source is not None else _last_line(node)) + 1
    entry = [" " * _column(node) + f"confirmed: {day.isoformat()}{comment}\n"]
    return _checked(_inserted(lines, at, entry))


def _root(text: str) -> yaml.Node:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise CurationError(f"the record cannot be read as YAML ({exc})") from None
    if node is None:
        raise CurationError("the record is empty")
    return node


def _mapping(node: yaml.Node, path: Path) -> yaml.MappingNode:
    for step in path:
        if isinstance(step, int) and isinstance(node, yaml.SequenceNode):
            if step >= len(node.value):
                raise CurationError(f"the record has no item {step} there")
            node = node.value[step]
        elif isinstance(step, str) and isinstance(node, yaml.MappingNode):
            found = _value(node, step)
            if found is None:
                raise CurationError(f"the record has no {step!r}")
            node = found
        else:
            raise CurationError(f"the record's layout is not as expected at {step!r}")
    if not isinstance(node, yaml.MappingNode) or node.flow_style or not node.value:
        raise CurationError("the fact is not written as a block mapping; write it as one")
    return node


def _value(node: yaml.MappingNode, key: str) -> yaml.Node | None:
    for name, value in node.value:
        if isinstance(name, yaml.ScalarNode) and name.value == key:
            return value  # type: ignore[no-any-return]
    return None


def _column(node: yaml.MappingNode) -> int:
    return int(node.value[0][0].start_mark.column)


def _last_line(node: yaml.Node) -> int:
    """The (0-based) line a node's text ends on."""
    blocks = yaml.MappingNode | yaml.SequenceNode
    if isinstance(node, blocks) and not node.flow_style and node.value:
        last = node.value[-1]
        return _last_line(last[1] if isinstance(node, yaml.MappingNode) else last)
    start, end = node.start_mark, node.end_mark
    if end.column == 0 and end.line > start.line:
        return int(end.line) - 1  # a block scalar ends at the start of the next line
    return int(end.line)


def _inserted(lines: list[str], at: int, entry: list[str]) -> str:
    if at > 0 and at <= len(lines) and not lines[at - 1].endswith("\n"):
        lines[at - 1] += "\n"
    return "".join([*lines[:at], *entry, *lines[at:]])


def _checked(text: str) -> str:
    try:
        load_yaml_text(text)
    except YamlRefused as exc:
        raise CurationError(f"the edited record would not read back ({exc})") from None
    return text
