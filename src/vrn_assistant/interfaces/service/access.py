"""The access log: method, path, status and time taken, and nothing else.

No query string (a search may hold a name), no body, no client address, no
headers. uvicorn's own access log, which prints the query string and the client's
address, is turned off by `vrn serve`.
"""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["ACCESS_LOGGER", "AccessLog"]

ACCESS_LOGGER = "vrn.service.access"
_MAX_PATH = 200  # characters of the path logged; a longer one is cut, marked with "…"

_log = logging.getLogger(ACCESS_LOGGER)


class AccessLog:
    """ASGI middleware writing one line per HTTP request: 'GET /services 200 3.1 ms'."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500  # if the application fails before answering

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            path = str(scope["path"])
            if len(path) > _MAX_PATH:
                path = path[:_MAX_PATH] + "…"
            millis = (time.perf_counter() - start) * 1000
            _log.info("%s %s %d %.1f ms", scope["method"], path, status, millis)
