"""The layering docs/architecture.md promises, read from the imports of every module.

vrn_core never imports vrn_assistant (partner teams embed it without the assistant),
and the assistant's stage folders (understanding, retrieval, answering, claims,
interfaces) import one another in one direction only. Every import counts: at the top
of a module, inside a function, or only for type checking.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

from tests.conftest import ROOT

SRC = ROOT / "src"


def _module_name(path: Path, src: Path = SRC) -> str:
    parts = list(path.relative_to(src).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path, src: Path = SRC) -> Iterator[str]:
    """The absolute name of every module `path` imports (relative imports resolved)."""
    package = _module_name(path, src).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                yield ".".join([*base, *([node.module] if node.module else [])])
            elif node.module is not None:
                yield node.module


def _stage(module: str) -> str | None:
    """The stage folder of a vrn_assistant module (None for its top-level modules)."""
    parts = module.split(".")
    if parts[0] != "vrn_assistant" or len(parts) < 2:
        return None
    return parts[1] if (SRC / "vrn_assistant" / parts[1]).is_dir() else None


def test_every_form_of_import_is_read(tmp_path: Path) -> None:
    # The reader the tests below rely on: a cycle hidden in any of these would be missed.
    module = tmp_path / "pkg" / "sub" / "mod.py"
    module.parent.mkdir(parents=True)
    module.write_text(
        "import os.path\n"
        "from . import sibling\n"
        "from ..other import thing\n"
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from typed.only import Name\n"
        "def later() -> None:\n"
        "    from lazy.module import value\n",
        encoding="utf-8",
    )
    assert set(imported(module, tmp_path)) == {
        "os.path",
        "pkg.sub",
        "pkg.other",
        "typing",
        "typed.only",
        "lazy.module",
    }


def test_vrn_core_never_imports_vrn_assistant() -> None:
    modules = sorted((SRC / "vrn_core").rglob("*.py"))
    assert len(modules) > 20
    offending = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in modules
        for name in imported(path)
        if name == "vrn_assistant" or name.startswith("vrn_assistant.")
    ]
    assert offending == []


def test_the_assistants_stages_import_each_other_in_one_direction() -> None:
    graph: dict[str, set[str]] = {}
    for path in sorted((SRC / "vrn_assistant").rglob("*.py")):
        stage = _stage(_module_name(path))
        if stage is None:
            continue
        graph.setdefault(stage, set())
        graph[stage] |= {
            other
            for name in imported(path)
            if (other := _stage(name)) is not None and other != stage
        }
    assert {"understanding", "retrieval", "answering", "claims", "interfaces"} <= set(graph)
    assert "retrieval" in graph["answering"]  # the edges are read
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as cycle:
        pytest.fail(f"the stage folders import each other in a circle: {cycle.args[1]}")
    assert order.index("understanding") < order.index("interfaces")
