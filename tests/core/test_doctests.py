"""The examples in the docstrings run as written."""

from __future__ import annotations

import doctest

import pytest

import vrn_core
import vrn_core.browse


@pytest.mark.parametrize("module", [vrn_core, vrn_core.browse])
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.attempted > 0 and result.failed == 0
