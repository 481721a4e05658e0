"""Request bodies are bounded: a body over the limit is refused with 413, unread."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vrn_assistant.interfaces.service.errors import problem_response

__all__ = ["MAX_BODY_BYTES", "BodyLimit"]

MAX_BODY_BYTES = 64 * 1024  # a case is a few hundred bytes, a question at most 2,000 characters


class _TooLarge(Exception):
    pass


class BodyLimit:
    """ASGI middleware: 413 when the declared length, or the bytes actually sent, pass
    `limit`. The body is counted as it arrives, so a client that sends no length (or a
    false one) is stopped at the limit too."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await self._refuse(scope, receive, send)
            return
        received = 0

        async def counting() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, counting, send)
        except _TooLarge:
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = problem_response(
            413, f"The request body is larger than {self.limit:,} bytes.", "body"
        )
        response.headers["connection"] = "close"
        await response(scope, receive, send)
