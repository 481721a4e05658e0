"""Running the app on uvicorn, with a log that carries nothing about requests.

uvicorn's access log is off (it prints query strings and client addresses); ours
(`access.AccessLog`) writes method, path, status and time to stderr instead.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from vrn_assistant.interfaces.service.access import ACCESS_LOGGER

__all__ = ["LOG_CONFIG", "serve"]

LOG_CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "stream": "ext://sys.stderr",
        }
    },
    "loggers": {
        "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "uvicorn.error": {"level": "INFO"},
        "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
        "vrn.service": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        ACCESS_LOGGER: {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}


def serve(app: FastAPI, host: str = "127.0.0.1", port: int = 8000) -> int:
    """Serve `app` until stopped (Ctrl-C); the exit code."""
    import uvicorn

    uvicorn.run(
        app,
        host=host,
        port=port,
        workers=1,
        access_log=False,
        log_config=LOG_CONFIG,
        server_header=False,
        proxy_headers=False,
    )
    return 0
