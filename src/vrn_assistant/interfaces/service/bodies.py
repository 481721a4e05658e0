"""Reading a JSON request body into a model: every failure is a 422 naming the field.

The body is parsed by `vrn_core.jsontext.load_json` (deep nesting and huge numbers
are one clear error, not a crash) and validated by the model, whose errors name the
field (`body.age`) but never repeat the value sent.
"""

from __future__ import annotations

from typing import Any, TypeVar

from fastapi import Request
from pydantic import BaseModel, ValidationError

from vrn_assistant.interfaces.service.errors import ApiError, Problem
from vrn_core.errors import CaseError
from vrn_core.jsontext import load_json

__all__ = ["BODY_ERRORS", "json_body", "read_body"]

Model = TypeVar("Model", bound=BaseModel)

# The answers of a route whose body `read_body` reads, besides its own.
BODY_ERRORS: dict[int | str, dict[str, Any]] = {
    413: {"model": Problem, "description": "The body is over the size limit."},
    422: {"model": Problem, "description": "A body that cannot be read; `field` names it."},
}


def json_body(model: type[BaseModel]) -> dict[str, Any]:
    """`openapi_extra` for a route whose body `read_body` reads as `model`: FastAPI does
    not see that body, so the document is told it is required JSON of that schema."""
    schema = {"$ref": f"#/components/schemas/{model.__name__}"}
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


def _field(loc: tuple[int | str, ...]) -> str:
    return ".".join(["body", *(str(part) for part in loc)])


async def read_body(request: Request, model: type[Model]) -> Model:
    """The request's JSON object as `model`, or ApiError 422."""
    raw = await request.body()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(422, "body: not UTF-8 text", "body") from None
    if not text.strip():
        raise ApiError(422, "body: empty; send a JSON object", "body")
    try:
        loaded = load_json(text, what="the JSON body")
    except CaseError as exc:
        raise ApiError(422, f"body: {exc}", "body") from None
    if not isinstance(loaded, dict):
        raise ApiError(422, "body: must be a JSON object", "body")
    try:
        return model.model_validate(loaded)
    except ValidationError as exc:
        first = exc.errors(include_input=False, include_url=False)[0]
        field = _field(tuple(first["loc"]))
        message = "unknown field" if first["type"] == "extra_forbidden" else first["msg"]
        raise ApiError(422, f"{field}: {message}", field) from None
