"""The partners' HTTP API (`vrn serve`): Open Referral UK 3.0, eligibility and questions.

`create_app()` builds an app; `app` is one built from the environment's settings, for
any ASGI server (`uvicorn vrn_assistant.interfaces.service:app`), made on first access
so that importing this package builds nothing. See docs/api.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vrn_assistant.interfaces.service.factory import create_app
from vrn_assistant.interfaces.service.serve import serve

if TYPE_CHECKING:
    from fastapi import FastAPI

    app: FastAPI

__all__ = ["app", "create_app", "serve"]

_built: dict[str, Any] = {}


def __getattr__(name: str) -> Any:
    if name != "app":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if "app" not in _built:
        _built["app"] = create_app()
    return _built["app"]
