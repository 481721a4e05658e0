"""The partners' HTTP API: `create_app` builds it, `vrn serve` runs it on uvicorn.

One app holds one catalogue (loaded when the app is built, so a broken catalogue
fails at start, not on a partner's request) and, once someone asks a question,
one assistant. The ORUK endpoints and /eligibility use vrn_core alone.

Layers, outermost first: the access log (method, path, status, time only), the
catch-all that turns any failure into a 500 Problem, the body size limit, then
FastAPI's routes and error handlers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

from vrn_assistant.interfaces.service import ask, eligibility, oruk
from vrn_assistant.interfaces.service.access import AccessLog
from vrn_assistant.interfaces.service.errors import CatchAll, install_error_handlers
from vrn_assistant.interfaces.service.limits import MAX_BODY_BYTES, BodyLimit
from vrn_assistant.interfaces.service.state import ServiceState
from vrn_assistant.settings import AssistantSettings
from vrn_core.catalogue import Catalogue, load_catalogue

if TYPE_CHECKING:
    from vrn_assistant.assistant import Assistant

__all__ = ["TITLE", "create_app"]

TITLE = "Lancashire VRN programmes: Open Referral UK 3.0 and eligibility"
_DESCRIPTION = (
    "Read the Lancashire Violence Reduction Network's programmes as Open Referral UK 3.0, "
    "check which fit a case (`POST /eligibility`), or ask a question (`POST /ask`). "
    "Errors are one JSON object: `status`, `title`, `detail` and, for bad input, `field`. "
    "See docs/api.md."
)
# Request bodies documented by a model but read by the routes themselves (bodies.py).
_BODY_MODELS: tuple[type[BaseModel], ...] = (eligibility.EligibilityRequest, ask.AskRequest)


def _assistant_from(settings: AssistantSettings) -> Callable[[], Assistant]:
    from vrn_assistant.answering.phrasing import Phraser, chat_model_from_env

    model = chat_model_from_env()  # now: a VRN_LLM that cannot be used stops the start
    phraser = Phraser(model) if model is not None else None

    def build() -> Assistant:
        # Imported here: chromadb and onnxruntime take a second to load.
        from vrn_assistant.assistant import Assistant

        return Assistant.from_settings(settings, phraser=phraser)

    return build


def create_app(
    settings: AssistantSettings | None = None,
    *,
    catalogue: Catalogue | None = None,
    assistant: Callable[[], Assistant] | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
) -> FastAPI:
    """The app. `settings` default to the environment's (as the CLI reads them);
    `catalogue` to the one they name; `assistant` builds the assistant on the first
    question (default: from `settings`, with VRN_LLM's model if one is set)."""
    settings = settings if settings is not None else AssistantSettings.from_env()
    catalogue = catalogue if catalogue is not None else load_catalogue(settings.knowledge_dir)
    app = FastAPI(title=TITLE, description=_DESCRIPTION, version="3.0")
    app.state.vrn = ServiceState(catalogue, assistant or _assistant_from(settings))
    install_error_handlers(app)
    for module in (oruk, eligibility, ask):
        app.include_router(module.router)
    app.add_middleware(BodyLimit, limit=max_body_bytes)
    app.add_middleware(CatchAll)
    app.add_middleware(AccessLog)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            schemas = document.setdefault("components", {}).setdefault("schemas", {})
            for model in _BODY_MODELS:
                schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
                for name, definition in schema.pop("$defs", {}).items():
                    schemas.setdefault(name, definition)
                schemas[model.__name__] = schema
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
