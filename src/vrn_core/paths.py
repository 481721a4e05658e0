"""Where the shipped knowledge lives, overridable for deployments and tests."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["default_knowledge_dir"]


def default_knowledge_dir() -> Path:
    """`$VRN_KNOWLEDGE_DIR` if set; else the copy an installed wheel carries beside this
    module; else the `knowledge/` folder of the source checkout."""
    configured = os.environ.get("VRN_KNOWLEDGE_DIR")
    if configured:
        return Path(configured)
    here = Path(__file__).resolve().parent
    installed = here / "knowledge"
    if installed.is_dir():
        return installed
    return here.parents[1] / "knowledge"
