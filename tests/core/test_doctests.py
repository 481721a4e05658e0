"""The examples in the docstrings run as written."""

from __future__ import annotations

import doctest

import pytest

import vrn_core
import vrn_core.browse
import vrn_core.catalogue.frontmatter
import vrn_core.catalogue.sections
import vrn_core.dating
import vrn_core.vocabulary
import vrn_core.wording


@pytest.mark.parametrize(
    "module",
    [
        vrn_core,
        vrn_core.browse,
        vrn_core.catalogue.frontmatter,
        vrn_core.catalogue.sections,
        vrn_core.dating,
        vrn_core.vocabulary,
        vrn_core.wording,
    ],
)
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.attempted > 0 and result.failed == 0
