"""The app in a real headless Chromium, started exactly as `make app` starts it.

Four practitioners (a custody sergeant, an A&E nurse, a school safeguarding lead and an
IDVA) each ask a question, correct a fact, copy the referral summary and open the print
view, on a desktop and on a 390 px phone; axe-core (bundled with axe-selenium-python,
no network) finds no serious or critical accessibility issue on any page they see.

Needs Debian's chromium and chromium-driver (scripts/browser-setup.sh installs them).
One app server and one browser serve the whole module. VRN_UPDATE_SCREENSHOT=1 also
saves the pictures: docs/screenshot.png and docs/screenshots/<user>-<desktop|phone>.png.
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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from vrn_assistant.interfaces.launch import streamlit_argv

# One worker runs the whole module under `make test`: its app server and browser start once.
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
BIN = Path(sys.executable).parent  # the venv's bin: streamlit and vrn live beside python
README_QUESTION = "24yo arrested in Blackbun for GBH, coach available?"
SCREENSHOT = ROOT / "docs" / "screenshot.png"
SCREENSHOTS = ROOT / "docs" / "screenshots"
WAIT = 60  # seconds
DESKTOP = (1400, 1000)
PHONE = (390, 844)
AXE_BLOCKING = ("serious", "critical")


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


@pytest.fixture(scope="module")
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
    for name in ("VRN_CHROMA_URL", "VRN_SOURCES", "VRN_ALLOW_UPLOADS", "VRN_LLM", "VRN_USERS"):
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


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory, app_url: str) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tmp_path_factory.mktemp("chromium-profile")
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
        f"--user-data-dir={profile}",
        f"--window-size={DESKTOP[0]},{DESKTOP[1]}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.execute_cdp_cmd(
        "Browser.grantPermissions",
        {"origin": app_url.rstrip("/"), "permissions": ["clipboardReadWrite"]},
    )
    try:
        yield driver
    finally:
        driver.quit()


# ---------------------------------------------------------------- helpers


def _by() -> Any:
    from selenium.webdriver.common.by import By

    return By


def _until(driver: Any, condition: Callable[[Any], Any], timeout: float = WAIT) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(condition)


def _body(driver: Any) -> str:
    text: str = driver.find_element(_by().TAG_NAME, "body").text
    return text


def _has_text(driver: Any, text: str) -> bool:
    found: bool = driver.execute_script(
        "return document.body.innerText.includes(arguments[0])", text
    )
    return found


def _cards(driver: Any) -> list[str]:
    """The recommended programmes' names (the cards' h3 headings)."""
    names: list[str] = driver.execute_script(
        "return Array.from(document.querySelectorAll('.st-key-answer h3'))"
        ".map(h => h.innerText.trim())"
    )
    return names


def _button(driver: Any, label: str) -> Any:
    found = [b for b in driver.find_elements(_by().TAG_NAME, "button") if b.text.strip() == label]
    return found[0] if found else None


def _click(driver: Any, element: Any) -> None:
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    driver.execute_script("arguments[0].click();", element)


def _type_into(driver: Any, label: str, text: str) -> None:
    """Type into the field with this label, as a user would (select all, then type); again
    if Streamlit re-renders the field meanwhile."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.keys import Keys

    for _ in range(3):
        try:
            field = _until(
                driver, lambda d: d.find_element(_by().CSS_SELECTOR, f"input[aria-label='{label}']")
            )
            # Scrolling to the field is a user's scroll: the app stops bringing the answer back.
            driver.execute_script(
                "window.dispatchEvent(new WheelEvent('wheel'));"
                "arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();",
                field,
            )
            field.send_keys(Keys.CONTROL, "a")
            field.send_keys(Keys.BACKSPACE)
            field.send_keys(text)
            return
        except StaleElementReferenceException:
            time.sleep(0.3)
    pytest.fail(f"could not type into {label!r}: the page kept changing")


def _axe_problems(driver: Any) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now."""
    from axe_selenium_python import Axe

    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    return [
        f"{v['impact']} {v['id']}: {v['help']} at {[n['html'][:120] for n in v['nodes']][:3]}"
        for v in results["violations"]
        if v["impact"] in AXE_BLOCKING
    ]


def _visible_top(driver: Any, css: str) -> float:
    top: float = driver.execute_script(
        f"return document.querySelector({css!r}).getBoundingClientRect().top"
    )
    return top


def _save(driver: Any, tmp_path: Path, name: str, target: Path | None = None) -> None:
    time.sleep(0.3)  # let the last re-render settle before the picture
    shot = tmp_path / f"{name}.png"
    assert driver.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("VRN_UPDATE_SCREENSHOT") == "1":
        destination = target or SCREENSHOTS / f"{name}.png"
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, destination)


# ---------------------------------------------------------------- the four practitioners


@dataclass(frozen=True)
class Practitioner:
    name: str
    question: str
    card: str  # the first recommended programme
    field: str  # the fact they correct (the form field's label)
    value: str
    after: Callable[[str], bool]  # what the corrected answer shows (the page's text)


def _in_short(page: str) -> str:
    return page.split("In short", 1)[1].split("Referral summary", 1)[0]


PRACTITIONERS = (
    Practitioner(
        "custody-sergeant",
        "22 year old man held in Blackpool custody for a violent assault, could a coach see "
        "him before release?",
        "DIVERT",
        "Age (years)",
        "27",  # DIVERT is for 18 to 25
        lambda page: "DIVERT" not in _in_short(page),
    ),
    Practitioner(
        "ae-nurse",
        "17 year old treated in A&E at Blackpool Victoria Hospital after being stabbed, what "
        "support can we offer?",
        "ED Navigators",
        "Place (town, district or site)",
        "Royal Preston Hospital",  # ED Navigators works at Blackpool Victoria only
        lambda page: "ED Navigators" not in _in_short(page),
    ),
    Practitioner(
        "school-safeguarding-lead",
        "I'm the safeguarding lead at a primary school in Preston; a pupil's father has gone "
        "to prison, what support is there for the family?",
        "Training for agencies supporting children of prisoners",
        "Place (town, district or site)",
        "Blackpool",
        lambda page: "Support for prisoners' families" in _in_short(page) and "Blackpool" in page,
    ),
    Practitioner(
        "idva",
        "I'm an IDVA in Burnley supporting a woman who is a victim of domestic abuse, what can "
        "I refer her to?",
        "Operation Provide",
        "Place (town, district or site)",
        "Preston",  # Operation Provide runs in Blackpool and Pennine Lancashire
        lambda page: "Operation Provide" not in _in_short(page),
    ),
)


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("who", PRACTITIONERS, ids=[p.name for p in PRACTITIONERS])
def test_a_practitioner_asks_corrects_copies_and_prints(
    app_url: str, browser: Any, tmp_path: Path, who: Practitioner, size: tuple[int, int]
) -> None:
    from selenium.webdriver.common.keys import Keys

    driver = browser
    by = _by()
    phone = size == PHONE
    driver.set_window_size(*size)
    driver.get(app_url)  # a new session
    box = _until(
        driver, lambda d: d.find_element(by.CSS_SELECTOR, "[data-testid='stChatInputTextArea']")
    )
    # The date applies as it is typed: no Enter, no clicking away.
    _type_into(driver, "As of (DD/MM/YYYY)", "15/11/2020")
    _until(driver, lambda d: _has_text(d, "Judged on 15 November 2020."), timeout=15)
    box.send_keys(who.question)
    box.send_keys(Keys.ENTER)
    _until(driver, lambda d: who.card in _cards(d))
    # What they see after asking is the answer, not the facts form (at 390 px the form
    # is stacked under it, and the chat box would otherwise leave them at the foot).
    try:
        _until(driver, lambda d: -5 <= _visible_top(d, ".st-key-answer") < size[1] / 2, 15)
    except Exception:
        pytest.fail(
            f"the answer is not in view: its top is at {_visible_top(driver, '.st-key-answer')}"
        )
    page = _body(driver)
    assert "As stated on 1 October 2020 in" in page  # where each card's dates come from
    assert not _axe_problems(driver), _axe_problems(driver)
    _save(driver, tmp_path, f"{who.name}-{'phone' if phone else 'desktop'}")

    # The facts correction: the "Update answer" button, reached by keyboard focus, is in
    # view above the chat box, and the corrected answer replaces the first.
    _type_into(driver, who.field, who.value)
    update = _button(driver, "Update answer")
    driver.execute_script("arguments[0].focus();", update)
    time.sleep(0.2)
    chat_top = _visible_top(driver, "[data-testid='stBottom']")
    assert update.rect["y"] + update.rect["height"] <= chat_top + 1, "hidden behind the chat box"
    # Pressed from the keyboard, as it was reached: focus can leave it under the page's
    # sticky header, where a mouse click would land on the header instead.
    from selenium.webdriver.common.keys import Keys

    update.send_keys(Keys.ENTER)
    _until(driver, lambda d: who.after(_body(d)), timeout=20)

    # The referral summary, copied to the clipboard as plain text.
    summary = next(
        s
        for s in driver.find_elements(by.CSS_SELECTOR, "[data-testid='stExpander'] summary")
        if "Referral summary" in s.text
    )
    _click(driver, summary)
    code = _until(driver, lambda d: d.find_element(by.CSS_SELECTOR, "[data-testid='stCode']"))
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", code)
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).move_to_element(code).perform()
    copy = _until(
        driver,
        lambda d: code.find_element(by.CSS_SELECTOR, "button[aria-label='Copy to clipboard']"),
    )
    driver.execute_script(  # what the button hands the clipboard (headless has no focus)
        "const clip = navigator.clipboard, write = clip.writeText.bind(clip);"
        "clip.writeText = (text) => { window.vrnCopied = text; return write(text).catch(() => {}); };"
    )
    _click(driver, copy)
    copied = _until(driver, lambda d: d.execute_script("return window.vrnCopied || ''"), 10)
    assert copied.startswith("Referral summary, as of 15 November 2020"), copied[:200]
    assert "**" not in copied and who.value in copied  # plain text, the corrected facts

    # The print view: the answer alone, every source open, and nothing to fill in.
    _click(driver, _button(driver, "Print view"))
    _until(
        driver,
        lambda d: (
            d.find_elements(by.CSS_SELECTOR, ".st-key-print")
            and not d.find_elements(
                by.CSS_SELECTOR, "[data-testid='stChatInput'], [data-testid='stForm']"
            )
        ),
        timeout=15,
    )
    assert "print=1" in driver.current_url
    printed = driver.find_element(by.CSS_SELECTOR, ".st-key-print").text
    assert "Sources" in printed and "[1] " in printed and "Facts as read" in printed
    if who == PRACTITIONERS[0]:  # the print view is the same page for everyone
        assert not _axe_problems(driver), _axe_problems(driver)
        driver.execute_script("document.querySelector('.stMain').scrollTop = 0")
        _save(driver, tmp_path, f"print-view-{'phone' if phone else 'desktop'}")


def test_readme_question_in_a_real_browser(app_url: str, browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.keys import Keys

    driver = browser
    by = _by()
    driver.set_window_size(*DESKTOP)
    driver.get(app_url)
    box = _until(
        driver, lambda d: d.find_element(by.CSS_SELECTOR, "[data-testid='stChatInputTextArea']")
    )
    box.send_keys(README_QUESTION)
    box.send_keys(Keys.ENTER)
    _until(
        driver,
        lambda d: any(h.text.strip() == "DIVERT" for h in d.find_elements(by.TAG_NAME, "h3")),
    )
    page = _body(driver)
    # Asked today on the 2020 newsletter alone: a lead to check, never simply "Eligible",
    # with a warning that says so, not small print.
    assert "not confirmed since October 2020" in page
    _until(
        driver, lambda d: _has_text(d, "Not confirmed since October 2020: no source"), timeout=10
    )

    # Open the first source: its verbatim quote is a blockquote.
    first = _until(
        driver,
        lambda d: next(
            (
                e
                for e in d.find_elements(by.CSS_SELECTOR, "[data-testid='stExpander'] summary")
                if "[1] " in e.text
            ),
            None,
        ),
    )
    _click(driver, first)
    details = first.find_element(by.XPATH, "./ancestor::details")
    quoted: str = _until(
        driver,
        lambda d: d.execute_script(
            "const q = arguments[0].querySelector('blockquote');"
            "return q && arguments[0].open ? q.innerText.trim() : '';",
            details,
        ),
        timeout=10,
    )
    corpus = " ".join(
        " ".join(path.read_text(encoding="utf-8").split())
        for path in (ROOT / "knowledge" / "corpus").glob("*.md")
    )
    assert " ".join(quoted.split()) in corpus  # verbatim
    driver.execute_script("document.querySelector('.st-key-answer').scrollIntoView()")
    _save(driver, tmp_path, "screenshot", SCREENSHOT)
