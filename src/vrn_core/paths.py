"""Where the shipped knowledge lives, overridable for deployments and tests."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["default_knowledge_dir"]


def default_knowledge_dir() -> Path:
    """`$VRN_KNOWLEDGE_DIR` if set, else the repository's `knowledge/` folder."""
    configured = os.environ.get("VRN_KNOWLEDGE_DIR")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2] / "knowledge"
