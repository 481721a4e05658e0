"""One error shape for every failure, and the handlers that produce it.

ORUK 3.0 defines no error body, so every error here is the same small JSON
object, after RFC 9457 ("problem details"): `status`, `title`, `detail`, and for
bad input `field`, the parameter or body field at fault (`page`,
`body.age`). No handler ever puts a traceback, an exception's text from a library
or the request's own values into a response.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "ApiError",
    "CatchAll",
    "Problem",
    "install_error_handlers",
    "problem_response",
    "validation_problem",
]

_log = logging.getLogger("vrn.service")


class Problem(BaseModel):
    """The body of every error response."""

    status: int = Field(description="The HTTP status code, repeated.")
    title: str = Field(description="The status in words, e.g. 'Not Found'.")
    detail: str = Field(description="What went wrong, in one sentence.")
    field: str | None = Field(
        default=None,
        description="The parameter or body field at fault ('page', 'body.age'), for bad input.",
    )


class ApiError(Exception):
    """Raised by a route: becomes a Problem response with this status."""

    def __init__(self, status: int, detail: str, field: str | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.field = field


def problem_response(status: int, detail: str, field: str | None = None) -> JSONResponse:
    problem = Problem(status=status, title=HTTPStatus(status).phrase, detail=detail, field=field)
    return JSONResponse(problem.model_dump(exclude_none=True), status_code=status)


def _location(loc: Sequence[Any]) -> str:
    """'page' for a query parameter, 'id' for a path one, 'body.age' for a body field."""
    parts = [str(part) for part in loc]
    if parts and parts[0] in ("query", "path", "header", "cookie"):
        parts = parts[1:]
    return ".".join(parts) or "body"


def validation_problem(errors: Sequence[Any]) -> JSONResponse:
    """The first of FastAPI's errors, naming its field, without the value sent."""
    first: dict[str, Any] = errors[0] if errors else {"loc": (), "msg": "invalid input"}
    field = _location(first.get("loc", ()))
    message = str(first.get("msg", "invalid input"))
    if first.get("type") == "extra_forbidden":
        message = "unknown field"
    return problem_response(422, f"{field}: {message}", field)


async def _on_api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return problem_response(exc.status, exc.detail, exc.field)


async def _on_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return validation_problem(list(exc.errors()))


async def _on_http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    try:
        phrase = HTTPStatus(exc.status_code).phrase
    except ValueError:
        phrase = "Error"
    detail = exc.detail if isinstance(exc.detail, str) else phrase
    response = problem_response(exc.status_code, detail)
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _on_api_error)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(HTTPException, _on_http)


class CatchAll:
    """ASGI middleware: any exception becomes a 500 Problem, and goes no further.

    Starlette's own last resort answers too, but then re-raises, and the server logs
    the traceback, whose message may quote the request. Here only the exception's
    type is logged, with the method and path."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception as exc:
            _log.error(
                "internal error in %s %s: %s", scope["method"], scope["path"], type(exc).__name__
            )
            if not started:
                response = problem_response(
                    500, "The service failed to answer; the failure has been logged."
                )
                await response(scope, receive, send)
