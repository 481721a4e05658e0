"""The app in a real headless Chromium, started exactly as `make app` starts it.

Needs Debian's chromium and chromium-driver (scripts/browser-setup.sh installs them).
VRN_UPDATE_SCREENSHOT=1 also copies the screenshot to docs/screenshot.png.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from vrn_assistant.interfaces.launch import streamlit_argv

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
BIN = Path(sys.executable).parent  # the venv's bin: streamlit and vrn live beside python
README_QUESTION = "24yo arrested in Blackbun for GBH, coach available?"
SCREENSHOT = ROOT / "docs" / "screenshot.png"
WAIT = 60  # seconds


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"streamlit exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.25)
    pytest.fail(f"{url} did not answer within {WAIT} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app as `make app` starts it (`vrn ingest`, then `streamlit_argv`), from a folder
    outside the repository."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip(
            f"{CHROMIUM} or {CHROMEDRIVER} is missing: run scripts/browser-setup.sh "
            "(apt-get install chromium chromium-driver)"
        )
    folder = tmp_path_factory.mktemp("browser")
    env = {
        **os.environ,
        "VRN_INDEX_DIR": str(folder / "index"),
        "HOME": str(folder / "home"),
        "ANONYMIZED_TELEMETRY": "False",
    }
    for name in ("VRN_CHROMA_URL", "VRN_SOURCES", "VRN_ALLOW_UPLOADS", "VRN_LLM"):
        env.pop(name, None)
    subprocess.run([str(BIN / "vrn"), "ingest"], cwd=ROOT, env=env, check=True, capture_output=True)
    port = _free_port()
    log = folder / "streamlit.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            streamlit_argv(port=port),
            cwd=folder,  # not the repository: the app's settings must not depend on where it starts
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, ended at teardown
        )
    try:
        _wait_healthy(f"http://127.0.0.1:{port}/_stcore/health", server, log)
        yield f"http://127.0.0.1:{port}/"
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=10)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        "--window-size=1400,1000",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_window_size(1400, 1000)
    try:
        yield driver
    finally:
        driver.quit()


def test_readme_question_in_a_real_browser(app_url: str, browser: object, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    assert isinstance(browser, WebDriver)
    driver = browser
    wait = WebDriverWait(driver, WAIT)
    driver.get(app_url)
    title = wait.until(ready.visibility_of_element_located((By.TAG_NAME, "h1")))
    assert "Which VRN programme fits?" in title.text

    box = wait.until(
        ready.element_to_be_clickable((By.CSS_SELECTOR, "[data-testid='stChatInputTextArea']"))
    )
    box.send_keys(README_QUESTION)
    box.send_keys(Keys.ENTER)

    # The recommended card is an h3 naming DIVERT; the sources follow as [n] expanders.
    wait.until(
        lambda d: any(h.text.strip() == "DIVERT" for h in d.find_elements(By.TAG_NAME, "h3"))
    )
    expanders = wait.until(
        lambda d: [
            e
            for e in d.find_elements(By.CSS_SELECTOR, "[data-testid='stExpander'] summary")
            if "[1] " in e.text
        ]
    )
    page = driver.find_element(By.TAG_NAME, "body").text
    assert "Recommended programmes" in page
    # Asked today on the 2020 newsletter alone: a lead to check, never simply "Eligible".
    assert "DIVERT" in page and "not confirmed since October 2020" in page
    assert "[1]" in page

    # Open the first source: its verbatim quote is a blockquote.
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", expanders[0])
    expanders[0].click()
    quote = wait.until(
        ready.visibility_of_element_located(
            (By.CSS_SELECTOR, "[data-testid='stExpander'] details[open] blockquote")
        )
    )
    corpus = " ".join(
        " ".join(path.read_text(encoding="utf-8").split())
        for path in (ROOT / "knowledge" / "corpus").glob("*.md")
    )
    assert quote.text.strip() and " ".join(quote.text.split()) in corpus  # verbatim

    # Back up to the question and the recommended card. Streamlit scrolls its own
    # containers and keeps a chat pinned to the bottom as it re-renders, so scroll every
    # scrolling ancestor, let it settle, and do it again.
    for _ in range(3):
        driver.execute_script(
            """
            const question = document.querySelector("[data-testid='stChatMessage']");
            for (let box = question.parentElement; box; box = box.parentElement) {
                if (box.scrollHeight > box.clientHeight + 10) {
                    box.scrollTop += question.getBoundingClientRect().top - 70;
                }
            }
            """
        )
        time.sleep(0.7)
    time.sleep(0.5)  # let the scroll settle before the picture
    shot = tmp_path / "screenshot.png"
    assert driver.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("VRN_UPDATE_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT)
