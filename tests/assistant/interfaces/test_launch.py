"""The app's settings hold wherever it is started from (Streamlit reads its config
file only from the working directory, so they travel on the command line)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from vrn_assistant.interfaces.launch import APP, STREAMLIT_OPTIONS, streamlit_argv


def test_the_command_runs_our_app_with_every_setting() -> None:
    argv = streamlit_argv("127.0.0.1", 8600)
    assert argv[:5] == [sys.executable, "-m", "streamlit", "run", str(APP)]
    assert APP.is_file()
    for name, value in STREAMLIT_OPTIONS.items():
        assert f"--{name}={value}" in argv
    assert "--server.port=8600" in argv and "--server.address=127.0.0.1" in argv


def test_streamlit_takes_the_settings_from_another_directory(tmp_path: Path) -> None:
    flags = [flag for flag in streamlit_argv() if flag.startswith("--")]
    shown = subprocess.run(
        [sys.executable, "-m", "streamlit", "config", "show", *flags],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "HOME": str(tmp_path)},
    ).stdout
    assert "\nmaxUploadSize = 5\n" in shown
    assert "\ngatherUsageStats = false\n" in shown
    assert '\ntoolbarMode = "viewer"\n' in shown


@pytest.mark.slow
def test_started_elsewhere_it_collects_no_usage_statistics(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "streamlit.log"
    env = {**os.environ, "HOME": str(tmp_path), "VRN_INDEX_DIR": str(tmp_path / "index")}
    with log.open("wb") as out:
        server = subprocess.Popen(
            streamlit_argv(port=port),
            cwd=tmp_path,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                    break
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None, log.read_text()
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.3)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    assert "Collecting usage statistics" not in log.read_text()
