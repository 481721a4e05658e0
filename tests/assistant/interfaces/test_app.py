"""The Streamlit app, run headless with AppTest against a real index built by the app itself."""

from __future__ import annotations

import re
import shutil
import socket
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block, ChatInput, Error
from streamlit.testing.v1.element_tree import Warning as WarningBox

from tests.conftest import ROOT
from vrn_assistant.answer import Answer
from vrn_assistant.answering.summary import referral_summary
from vrn_assistant.interfaces import views
from vrn_assistant.interfaces.review import REVIEW
from vrn_assistant.interfaces.signin import hash_password
from vrn_assistant.understanding.safety import EMERGENCY_ADVICE
from vrn_core import ProgrammeKind

pytestmark = pytest.mark.slow

APP = ROOT / "src" / "vrn_assistant" / "interfaces" / "app.py"
README_QUESTION = "24yo arrested in Blackbun for GBH, coach available?"
EMERGENCY_QUESTION = "He has a knife and is threatening his girlfriend right now in Blackpool"
DA_QUESTION = "Domestic abuse victim in Burnley"
NOVEMBER_2020 = date(2020, 11, 15)
PASSWORD = "correct horse battery"
PASSWORD_HASH = hash_password(PASSWORD)


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh, empty index folder for this module; the app's first run builds it."""
    folder = tmp_path_factory.mktemp("app-index")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("VRN_INDEX_DIR", str(folder))
        for name in ("VRN_CHROMA_URL", "VRN_SOURCES", "VRN_ALLOW_UPLOADS", "VRN_LLM", "VRN_USERS"):
            patch.delenv(name, raising=False)
        yield folder


@pytest.fixture(scope="module")
def first_run(index_dir: Path) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def app(first_run: AppTest) -> AppTest:
    """A new session (the index is built by then)."""
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception, at.exception
    return at


def set_day(at: AppTest, day: date) -> AppTest:
    at.text_input(key="vrn_as_of").set_value(day.strftime("%d/%m/%Y")).run()
    assert not at.exception, at.exception
    return at


def ask(at: AppTest, question: str, as_of: date | None = None) -> AppTest:
    if as_of is not None:
        set_day(at, as_of)
    at.chat_input[0].set_value(question).run()
    assert not at.exception, at.exception
    return at


def answer_of(at: AppTest) -> Answer:
    answer = at.session_state["vrn_answer"]
    assert isinstance(answer, Answer)
    return answer


def cards(at: AppTest) -> list[str]:
    """Names of the recommended programmes' cards (h3 inside bordered containers)."""
    block = at.get_by_key("answer")
    assert isinstance(block, Block)
    return [node.value for node in block if getattr(node, "type", None) == "subheader"]


def texts(node: Block | AppTest) -> str:
    """Everything the app shows (the chat box's own value is what the test typed: skipped)."""
    return "\n".join(
        str(n.value) for n in node if hasattr(n, "value") and not isinstance(n, ChatInput)
    )


def expander(at: AppTest, starts: str) -> Block:
    found = [e for e in at.expander if e.label.startswith(starts)]
    assert found, [e.label for e in at.expander]
    return found[0]


def test_the_app_builds_an_empty_index_with_a_progress_bar(
    first_run: AppTest, index_dir: Path
) -> None:
    assert (index_dir / "manifest.json").is_file()
    assert first_run.title[0].value == "Which VRN programme fits?"
    assert "Do not enter personal details" in first_run.info[0].value
    status = first_run.status[0]
    assert status.label.startswith("Indexed ")
    day = first_run.text_input(key="vrn_as_of")
    assert day.label == "As of (DD/MM/YYYY)" and day.value == date.today().strftime("%d/%m/%Y")
    assert first_run.chat_input[0].placeholder == "Describe the person and the situation"


def test_recommended_programme_card_with_checklist_and_verbatim_citations(app: AppTest) -> None:
    ask(app, README_QUESTION, NOVEMBER_2020)
    answer = answer_of(app)
    assert cards(app)[0] == "DIVERT"
    card_text = texts(app.get_by_key("answer"))
    assert "✓ Eligible" in card_text
    assert "✓ (met) **Aged 18 to 25**: 24 is within DIVERT's 18–25" in card_text
    assert "Tell the custody staff" in card_text
    # Where the card's dates come from, and (still fresh in November 2020) no warning.
    assert "As stated on 1 October 2020 in divert.md (Where and when)." in card_text
    assert not app.warning
    assert answer.citations
    corpus = {
        path.relative_to(ROOT).as_posix(): " ".join(path.read_text(encoding="utf-8").split())
        for path in (ROOT / "knowledge" / "corpus").glob("*.md")
    }
    for citation in answer.citations:
        block = expander(app, f"[{citation.number}] {citation.title} — {citation.locator}")
        assert views.quote_markdown(citation.quote) in texts(block)
        assert " ".join(citation.quote.split()) in corpus[citation.source]  # verbatim
    assert re.search(r"\[1\]", texts(app.get_by_key("answer")))
    # Only the redacted question is kept, with what was removed said.
    assert "vrn_question" in app.session_state
    assert "No personal details were recognised, but some may not be" in texts(
        app.get_by_key("answer")
    )


def test_personal_details_are_redacted_before_they_are_shown_or_kept(app: AppTest) -> None:
    ask(
        app, "My client John Smith, 07700 900123, 24yo arrested in Blackburn for GBH", NOVEMBER_2020
    )
    shown = texts(app)
    assert "John Smith" not in shown and "07700" not in shown
    assert "John Smith" not in str(app.session_state["vrn_question"])
    assert "Removed before the question was read: " in shown
    assert cards(app)[0] == "DIVERT"


def test_emergency_box_comes_first_says_call_999_and_is_not_repeated(app: AppTest) -> None:
    ask(app, EMERGENCY_QUESTION)
    block = app.get_by_key("answer")
    first = block.children[0]
    assert isinstance(first, Block) and first.key == "emergency"
    box = first.children[0]
    assert isinstance(box, Error)
    assert box.value.startswith("## Call 999 now\n\n")
    lines = box.value.split("\n\n", 1)[1].splitlines()
    assert len(lines) <= 3 and all(len(line) < 100 for line in lines)
    assert any("press 55" in line for line in lines)
    # The long advice is said nowhere else on the page, and no card follows it unasked.
    assert all(EMERGENCY_ADVICE not in m.value for m in app.markdown)
    assert len(app.error) == 1


def test_editing_a_fact_changes_the_verdict(app: AppTest) -> None:
    ask(app, README_QUESTION, NOVEMBER_2020)
    assert cards(app)[0] == "DIVERT"
    age = app.number_input[0]
    assert age.label == "Age (years)" and age.value == 24
    age.set_value(27)
    [update] = [b for b in app.button if b.label == "Update answer"]
    update.click().run()
    assert not app.exception
    assert "DIVERT" not in cards(app)
    near = expander(app, "Near misses")
    assert "DIVERT" in texts(near) and "27 is above DIVERT's 18–25" in texts(near)
    assert answer_of(app).case.age == 27
    # The question was not retyped: the same redacted question, the corrected case.
    assert app.session_state["vrn_question"] == README_QUESTION


def test_the_date_control_changes_availability(app: AppTest) -> None:
    ask(app, DA_QUESTION, NOVEMBER_2020)
    assert "Operation Provide" in cards(app)
    set_day(app, date(2021, 6, 1))
    assert not app.exception
    assert answer_of(app).as_of == date(2021, 6, 1)
    assert "Operation Provide" not in cards(app)
    waiting = texts(expander(app, "Would fit, but not running"))
    assert "Operation Provide" in waiting and "ended in March 2021" in waiting


def test_catalogue_browser_filters(app: AppTest) -> None:
    app.sidebar.selectbox(key="vrn_page").set_value("Catalogue").run()
    assert not app.exception
    every = [s.value for s in app.subheader]
    assert len(every) == 12
    app.text_input(key="cat_area").set_value("Blackpool").run()
    blackpool = [s.value for s in app.subheader]
    assert {"DIVERT", "Operation ADDER"} <= set(blackpool)
    assert "Strength Inside and Out" not in blackpool  # runs in prisons elsewhere
    app.number_input(key="cat_age").set_value(30).run()
    thirty = [s.value for s in app.subheader]
    assert "DIVERT" not in thirty and "Operation ADDER" in thirty
    app.text_input(key="cat_area").set_value("").run()
    app.number_input(key="cat_age").set_value(None).run()
    app.selectbox(key="cat_kind").set_value(ProgrammeKind.training).run()
    training = [s.value for s in app.subheader]
    assert training and len(training) < len(every)
    assert all("Kind: training" in c.value for c in app.caption if c.value.startswith("Kind:"))
    assert "Where and when" in texts(app) and "How to refer" in texts(app)


def test_uploads_are_off_by_default_and_not_in_the_menu(app: AppTest) -> None:
    assert list(app.sidebar.selectbox(key="vrn_page").options) == ["Ask", "Catalogue", "Coverage"]
    assert len(app.file_uploader) == 0


def sign_in(at: AppTest, name: str, password: str) -> AppTest:
    at.text_input(key="sign_in_name").set_value(name)
    at.text_input(key="sign_in_password").set_value(password)
    at.button[0].click().run()  # "Sign in"
    assert not at.exception, at.exception
    return at


def test_uploads_when_enabled_are_indexed_reported_and_quoted(
    first_run: AppTest, index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = tmp_path / "index"
    shutil.copytree(index_dir, index)  # a copy: the module's index stays as it was
    uploads = tmp_path / "uploads"
    monkeypatch.setenv("VRN_INDEX_DIR", str(index))
    monkeypatch.setenv("VRN_ALLOW_UPLOADS", "1")
    monkeypatch.setenv("VRN_UPLOAD_DIR", str(uploads))
    monkeypatch.setenv("VRN_USERS", f"idva:{PASSWORD_HASH}")
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    at.sidebar.selectbox(key="vrn_page").set_value("Add documents").run()
    assert not at.exception, at.exception
    assert len(at.file_uploader) == 0  # not before signing in
    sign_in(at, "idva", "not the password")
    assert [e.value for e in at.error] == ["That name and password do not match."]
    assert len(at.file_uploader) == 0
    sign_in(at, "idva", PASSWORD)
    assert len(at.file_uploader) == 1
    assert str(uploads) not in texts(at) and str(tmp_path) not in texts(at)
    note = (
        "---\ntitle: Preston youth boxing club\nas_of: 2020-10-01\n---\n\n"
        "## Sessions\n\nThe Preston youth boxing club runs free evening boxing sessions "
        "for young people at risk of knife crime.\n"
    )
    at.file_uploader[0].set_value(
        [
            ("boxing.md", note.encode(), "text/markdown"),
            ("broken.pdf", b"not really a pdf", "application/pdf"),
        ]
    ).run()
    at.button[0].click().run()  # "Add to the index"
    assert not at.exception, at.exception
    assert (uploads / "boxing.md").read_text() == note
    shown = texts(at)
    assert "1 added" in at.success[0].value and "1 skipped" in at.success[0].value
    assert shown.count(at.success[0].value) == 1  # each result said once
    assert "boxing.md" in shown
    skipped = [m.value for m in at.markdown if "broken.pdf" in m.value]
    assert skipped and ":" in skipped[0]  # the file and the reason
    assert str(uploads) not in shown and str(tmp_path) not in shown  # no server path

    at.sidebar.selectbox(key="vrn_page").set_value("Ask").run()
    ask(at, "Free boxing sessions in Preston for young people at risk of knife crime?")
    assert answer_of(at).documents
    assert "From added documents" in [h.value for h in at.header]
    assert "free evening boxing sessions" in texts(at.get_by_key("answer"))


def test_two_sessions_do_not_see_each_other(first_run: AppTest) -> None:
    custody = "19 year old held in Preston custody for assault"
    one = AppTest.from_file(str(APP), default_timeout=60).run()
    two = AppTest.from_file(str(APP), default_timeout=60).run()
    ask(one, custody, NOVEMBER_2020)
    two.run()
    assert "vrn_answer" not in two.session_state and "vrn_question" not in two.session_state
    assert "Preston" not in texts(two)
    ask(two, DA_QUESTION, NOVEMBER_2020)
    one.run()
    assert answer_of(one).question == custody and answer_of(two).question == DA_QUESTION
    assert DA_QUESTION not in texts(one) and custody not in texts(two)
    assert views.quote_markdown(custody) in texts(one.get_by_key("question")).splitlines()
    assert views.quote_markdown(DA_QUESTION) in texts(two.get_by_key("question")).splitlines()
    assert cards(one)[0] == "DIVERT" and "Operation Provide" in cards(two)


def test_unreachable_chroma_server_is_a_clear_error(
    first_run: AppTest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("VRN_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("VRN_CHROMA_URL", f"http://127.0.0.1:{port}")
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception, at.exception
    assert any("cannot be reached" in e.value and str(port) in e.value for e in at.error)


def test_the_question_box_stops_at_the_question_cap(app: AppTest) -> None:
    from vrn_assistant.assistant import MAX_QUESTION_CHARS

    assert app.chat_input[0].proto.max_chars == MAX_QUESTION_CHARS


def test_past_the_freshness_horizon_the_card_warns_with_the_source_date(app: AppTest) -> None:
    ask(app, README_QUESTION, date(2022, 3, 1))
    assert cards(app)[0] == "DIVERT"
    warnings = [w.value for w in app.get_by_key("answer") if isinstance(w, WarningBox)]
    assert any(w.startswith("Not confirmed since October 2020") for w in warnings), warnings
    assert "As stated on 1 October 2020 in divert.md" in texts(app.get_by_key("answer"))


def test_the_answer_is_said_once_a_summary_above_the_cards(app: AppTest) -> None:
    ask(app, README_QUESTION, NOVEMBER_2020)
    answer = answer_of(app)
    headers = [h.value for h in app.header]
    assert headers.index("In short") < headers.index("Recommended programmes")
    shown = [m.value for m in app.markdown]
    assert not any(answer.text[:200] in m for m in shown[: shown.index("**Checklist**")])
    full = expander(app, "The answer in full")
    assert not full.proto.expanded


def test_the_referral_summary_is_plain_text_to_copy(app: AppTest) -> None:
    ask(app, README_QUESTION, NOVEMBER_2020)
    [code] = app.code
    assert code.value == referral_summary(answer_of(app)).text.rstrip("\n")
    assert code.language in (None, "", "plaintext", "text")
    assert "**" not in code.value


def test_the_print_view_has_no_form_no_chat_box_and_every_source_open(app: AppTest) -> None:
    ask(app, README_QUESTION, NOVEMBER_2020)
    answer = answer_of(app)
    app.button(key="open_print").click().run()
    assert not app.exception, app.exception
    assert app.query_params.get("print") in ("1", ["1"])
    assert len(app.chat_input) == 0 and len(app.number_input) == 0 and not app.expander
    assert app.title[0].value == referral_summary(answer).title
    body = texts(app.get_by_key("print"))
    for citation in answer.citations:
        assert views.citation_label(citation) in body
        assert views.quote_markdown(citation.quote) in body
    app.button(key="close_print").click().run()
    assert len(app.chat_input) == 1 and "print" not in app.query_params


def test_the_coverage_page_shows_programmes_by_district_with_sources(app: AppTest) -> None:
    set_day(app, NOVEMBER_2020)
    app.sidebar.selectbox(key="vrn_page").set_value("Coverage").run()
    assert not app.exception, app.exception
    [table] = app.table
    frame = table.value
    assert list(frame.columns)[:2] == ["Programme", "Burnley"] and len(frame) == 12
    divert = frame[frame["Programme"] == "DIVERT"].iloc[0]
    assert divert["Blackpool"] == "✓ running" and divert["Wyre"] == "–"
    body = texts(expander(app, "DIVERT"))
    assert "**Blackpool**: ✓ running" in body and "divert.md (Where and when)" in body
    assert "not confirmed since October 2020" in body  # the timeline's last state


def test_signing_in_needs_users_set_by_the_deployer(
    first_run: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VRN_ALLOW_UPLOADS", "1")
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    at.sidebar.selectbox(key="vrn_page").set_value("Add documents").run()
    assert not at.exception, at.exception
    assert any("Nobody can sign in yet" in w.value for w in at.warning)
    menu = at.sidebar.selectbox(key="vrn_page")
    assert list(menu.options) == ["Ask", "Catalogue", "Coverage", "Add documents", REVIEW]
    menu.set_value(REVIEW).run()
    assert not at.exception, at.exception
    assert any("Nobody can sign in yet" in w.value for w in at.warning)
    assert "sign_in_name" not in [t.key for t in at.text_input]
    assert len(at.file_uploader) == 0
    assert "sign_in_name" not in [t.key for t in at.text_input]


def test_a_date_still_being_typed_keeps_the_last_one(app: AppTest) -> None:
    ask(app, DA_QUESTION, NOVEMBER_2020)
    app.text_input(key="vrn_as_of").set_value("15/11/20").run()  # year not finished
    assert not app.exception, app.exception
    assert answer_of(app).as_of == NOVEMBER_2020
    assert any("DD/MM/YYYY" in w.value for w in app.warning)
    app.text_input(key="vrn_as_of").set_value("15/11/1920").run()
    assert any("Give a date from 1 January 2015" in w.value for w in app.warning)
    app.text_input(key="vrn_as_of").set_value("not a date").run()
    assert any("DD/MM/YYYY" in w.value for w in app.warning)
    set_day(app, date(2021, 6, 1))
    assert answer_of(app).as_of == date(2021, 6, 1) and not app.warning
