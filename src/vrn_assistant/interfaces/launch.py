"""Starting the Streamlit app with its settings, from any working directory.

Streamlit reads `.streamlit/config.toml` only from the directory it is started
in, so the settings practitioners rely on (no usage statistics, the upload
limit, no developer menu) are passed on its command line instead: `vrn app`
and `make app` both start the app through `streamlit_argv`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from vrn_assistant.retrieval.documents import MAX_BYTES

__all__ = ["APP", "STREAMLIT_OPTIONS", "launch", "streamlit_argv"]

APP = Path(__file__).with_name("app.py")

STREAMLIT_OPTIONS: dict[str, str] = {
    "server.headless": "true",
    "browser.gatherUsageStats": "false",  # nothing about a session leaves the machine
    "server.maxUploadSize": str(MAX_BYTES // (1024 * 1024)),  # the index skips larger files
    "client.toolbarMode": "viewer",  # no Deploy button, no developer options in the menu
}


def streamlit_argv(address: str = "127.0.0.1", port: int = 8501) -> list[str]:
    """The command that starts the app with our settings, wherever it is run from."""
    options = {**STREAMLIT_OPTIONS, "server.address": address, "server.port": str(port)}
    flags = [f"--{name}={value}" for name, value in options.items()]
    return [sys.executable, "-m", "streamlit", "run", str(APP), *flags]


def launch(address: str = "127.0.0.1", port: int = 8501) -> int:
    """Run the app until it is stopped; its exit code."""
    return subprocess.call(streamlit_argv(address, port))
