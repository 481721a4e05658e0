"""The practitioners' web app: `vrn app` (or `make app`).

This file only lays things out. The rules (vrn_core) decide every verdict, the
assistant (vrn_assistant.assistant) reads the question and cites the sources,
and vrn_assistant.interfaces.views, display and coverage turn both into what is
shown; pages.py lays out the catalogue, coverage and upload pages, facts.py the
facts form.

Privacy: the question is redacted by the assistant before anything reads it;
only the redacted text (`answer.question`) is kept, in this session's
`st.session_state`, and it is never logged or written anywhere. The Assistant
is shared by all sessions (`st.cache_resource`) and holds no question or answer.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from typing import Any

import streamlit as st

from vrn_assistant.answer import Answer
from vrn_assistant.answering.phrasing import Phraser, chat_model_from_env
from vrn_assistant.answering.summary import referral_summary
from vrn_assistant.assistant import MAX_QUESTION_CHARS, Assistant
from vrn_assistant.errors import IndexUnavailable, LanguageModelError
from vrn_assistant.interfaces import display, pages, views
from vrn_assistant.interfaces.facts import ANSWER, CASE, QUESTION, ROUND, facts_form
from vrn_assistant.settings import AssistantSettings
from vrn_assistant.understanding.safety import EMERGENCY_ADVICE
from vrn_core import VrnError
from vrn_core.wording import format_day

TITLE = "Which VRN programme fits?"
PAGES = ("Ask", "Catalogue", "Coverage")
UPLOADS = "Add documents"  # pages only when uploads are on, each behind the sign-in
REVIEW = "Review added documents"  # vrn_assistant.interfaces.review.REVIEW
EXAMPLE = "24yo arrested in Blackbun for GBH, coach available?"
PRINT = "print"  # ?print=1: the answer alone, ready to print
SHOWN = "vrn_shown"  # the round last scrolled into view
AS_OF = "vrn_as_of_day"  # the last date typed in full
NONCE = "vrn_scrolls"  # how many answers were brought into view

# The chat box is fixed at the foot of the page: keep what keyboard focus or a scroll
# brings into view clear of it (and of the header). Streamlit's own chrome never prints;
# in the print view the sidebar is hidden too.
_CSS = """
<style>
.stMain { scroll-padding-bottom: 10rem; scroll-padding-top: 4.5rem; }
.st-key-answer { scroll-margin-top: 4.5rem; }
[data-testid="stMainBlockContainer"] { padding-bottom: 14rem; }
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stBottom"],
  [data-testid="stToolbar"], .st-key-print-actions { display: none !important; }
}
</style>
"""
_PRINT_VIEW_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] { display: none; }
</style>
"""


@dataclass
class Service:
    """What all sessions share: the assistant and whether this process synced the index."""

    assistant: Assistant
    synced: bool = False


@st.cache_resource(show_spinner="Loading the catalogue and the search model…")
def load_service(key: str, _settings: AssistantSettings) -> Service:
    """One Assistant per process (per settings `key`)."""
    del key  # only part of the cache key
    model = chat_model_from_env()
    phraser = Phraser(model) if model is not None else None
    return Service(Assistant.from_settings(_settings, phraser=phraser))


def main() -> None:
    st.set_page_config(page_title=TITLE, page_icon=None, layout="wide")
    st.html(_CSS)
    try:
        settings = AssistantSettings.from_env()
        service = load_service(repr(settings), settings)
    except (LanguageModelError, VrnError, ValueError) as exc:
        st.title(TITLE)
        st.error(f"The assistant cannot start: {exc}")
        st.stop()
    if st.query_params.get(PRINT) == "1" and st.session_state.get(ANSWER) is not None:
        print_view(st.session_state[ANSWER])
        return

    st.title(TITLE)
    st.markdown(
        "Describe the person and the situation; the answer says which Lancashire Violence "
        "Reduction Network programmes fit, and why, with quotes from the sources."
    )
    st.info(
        "**Do not enter personal details** (names, dates of birth, addresses, phone or "
        "reference numbers). Any that are typed are redacted before the question is read, "
        "and nothing is stored."
    )
    with st.sidebar:
        st.header("Sections")
        choices = (*PAGES, UPLOADS, REVIEW) if settings.allow_uploads else PAGES
        page = st.selectbox("Go to", choices, key="vrn_page")
    as_of = as_of_control()  # on the page itself, where a phone user sees it

    assistant = service.assistant
    if assistant.model_problem:
        st.warning(
            f"Keyword search only: {assistant.model_problem}. Verdicts are unaffected; "
            "document search matches words rather than meaning."
        )
    try:
        _ensure_index(service, settings)
    except IndexUnavailable as exc:
        st.error(f"The search index cannot be reached: {exc}")
        st.stop()

    if page == "Catalogue":
        pages.catalogue_page(assistant, as_of)
    elif page == "Coverage":
        pages.coverage_page(assistant, as_of)
    elif page == UPLOADS:
        pages.upload_page(assistant, settings)
    elif page == REVIEW:
        from vrn_assistant.interfaces.review import review_page  # only where uploads are on

        review_page(settings)
    else:
        ask_page(assistant, as_of)


def as_of_control() -> date:
    """The date to judge on, applied as it is typed (after a short pause), no need to
    leave the field; a date still being typed keeps the last one."""
    today = date.today()
    earliest, latest = date(2015, 1, 1), date(today.year + 5, 12, 31)
    typed = st.text_input(
        "As of (DD/MM/YYYY)",
        value=today.strftime("%d/%m/%Y"),
        key="vrn_as_of",
        live="600ms",
        width=260,
        help="Whether a programme is running is judged on this date.",
    )
    day, problem = display.read_as_of(typed or "", earliest, latest)
    if day is None:
        st.warning(problem or "")
        day = st.session_state.get(AS_OF, today)
    st.session_state[AS_OF] = day
    st.caption(f"Judged on {format_day(day)}.")
    return day


def _ensure_index(service: Service, settings: AssistantSettings) -> None:
    """Build the index when it is empty; with uploads on, bring it up to date once per process
    (`vrn ingest` without the uploads folder would have left uploaded documents out)."""
    assistant = service.assistant
    if settings.allow_uploads:
        with suppress(OSError):  # if it cannot be made, the ingest report says it is missing
            settings.upload_dir.mkdir(parents=True, exist_ok=True)
    empty = not assistant.index.chunks()
    if not empty and (service.synced or not settings.sources):
        return
    label = "Building the search index (first run)…" if empty else "Checking added documents…"
    with st.status(label, expanded=True) as status:
        bar = st.progress(0.0, text="Starting…")
        report = assistant.ingest(_progress(bar))
        service.synced = True
        status.update(label=views.ingest_summary(report).headline, state="complete", expanded=False)


def _progress(bar: Any) -> views.Progress:
    def update(done: int, total: int, source: str) -> None:
        bar.progress(done / total if total else 1.0, text=f"Indexing {done} of {total}: {source}")

    return update


# ---------------------------------------------------------------- Ask


def ask_page(assistant: Assistant, as_of: date) -> None:
    state = st.session_state
    state.setdefault(ROUND, 0)
    question = st.chat_input("Describe the person and the situation", max_chars=MAX_QUESTION_CHARS)
    answer: Answer | None
    try:
        if question:
            answer = assistant.ask(question, as_of)
            del question  # only the redacted text is kept
            state[QUESTION] = answer.question
            state[CASE] = None
            state[ANSWER] = answer
            state[ROUND] += 1
        answer = state.get(ANSWER)
        if answer is not None and answer.as_of != as_of:  # the date control moved
            answer = state[ANSWER] = assistant.ask(state[QUESTION], as_of, case=state[CASE])
    except IndexUnavailable as exc:
        st.error(f"The search index cannot be reached: {exc}")
        return
    if answer is None:
        st.markdown(f"For example: *{EXAMPLE}*")
        return

    with st.container(key="answer"):
        if answer.emergency:
            emergency_box()
        with st.container(border=True, key="question"):
            st.markdown("**Your question, as read** (personal details removed)")
            st.markdown(views.quote_markdown(answer.question))
            st.caption(views.redaction_note(answer.redacted))
        main, side = st.columns([2, 1], gap="large")
        with side:
            try:
                answer = facts_form(assistant, answer, as_of) or answer
            except IndexUnavailable as exc:
                st.error(f"The search index cannot be reached: {exc}")
        with main:
            show_answer(answer)
    if state.get(SHOWN) != (state[ROUND], answer.as_of, answer.case):
        state[SHOWN] = (state[ROUND], answer.as_of, answer.case)
        state[NONCE] = state.get(NONCE, 0) + 1
        _scroll_to_answer(state[NONCE])


def emergency_box() -> None:
    """'Call 999 now', large, then three short lines; said once, first."""
    with st.container(key="emergency"):
        st.error(
            f"## {display.EMERGENCY_HEADLINE}\n\n"
            + "\n".join(f"- {line}" for line in display.EMERGENCY_LINES)
        )


def _scroll_to_answer(nonce: int) -> None:
    """Bring the top of a new answer into view: on a phone the page would otherwise stay
    at its foot, the facts form, where the chat box left it. (`nonce` makes each answer's
    script new, so the browser runs it again.)"""
    st.html(f"<script>/* answer {nonce} */</script>" + _SCROLL_SCRIPT, unsafe_allow_javascript=True)


# Streamlit keeps a chat pinned to the page's foot while it renders: for up to five
# seconds, whenever the page has stopped growing and the answer is out of view, bring its
# top back; stop once it has settled in view, or when the user scrolls, clicks or types.
_SCROLL_SCRIPT = """<script>
(() => {
  let last = -1, still = 0, ticks = 0, stop = false, shown = false;
  const quit = () => { stop = true; };
  for (const name of ["wheel", "touchmove", "keydown", "mousedown"]) {
    window.addEventListener(name, quit, {once: true, capture: true});
  }
  const timer = setInterval(() => {
    const box = document.querySelector(".st-key-answer");
    const main = document.querySelector(".stMain");
    const height = main ? main.scrollHeight : 0;
    still = height === last ? still + 1 : 0;
    last = height;
    ticks += 1;
    if (box && still >= 2 && !stop) {
      const top = box.getBoundingClientRect().top;
      if (top < -5 || top > window.innerHeight / 2) {
        box.scrollIntoView({block: "start"});
        shown = true;
      } else if (shown && still >= 6) {
        stop = true;  // in view, and the page has settled: leave the scrolling to the user
      }
    }
    if (stop || ticks > 50) { clearInterval(timer); }
  }, 100);
})();
</script>"""


def show_answer(answer: Answer) -> None:
    st.header("In short")
    st.markdown(views.markdown_text("\n".join(display.in_short(answer))))
    with st.container(key="answer-actions"):
        summary = referral_summary(answer)
        with st.expander("Referral summary, to copy as plain text", expanded=False):
            st.caption("The copy button is at the top right of the text.")
            st.code(summary.text, language=None, wrap_lines=True)
        if st.button("Print view", key="open_print", help="The answer alone, ready to print"):
            st.query_params[PRINT] = "1"
            st.rerun()

    if answer.recommended:
        st.header("Recommended programmes")
    for programme in answer.recommended:
        programme_card(programme, answer.as_of)

    with st.expander("The answer in full, as written", expanded=False):
        st.markdown(views.markdown_text(display.text_without_emergency(answer, EMERGENCY_ADVICE)))

    groups = views.group_considered(answer)
    for title, programmes in (
        ("Near misses", groups.near_misses),
        ("Would fit, but not running there or then", groups.not_running),
        ("Also considered", groups.others),
    ):
        if programmes:
            with st.expander(f"{title} ({len(programmes)})", expanded=False):
                st.markdown("\n".join(f"- {line}" for line in groups.lines(programmes)))

    documents(answer)
    if answer.citations:
        st.header("Sources")
        for citation in answer.citations:
            with st.expander(views.citation_label(citation)):
                source(answer, citation)


def programme_card(programme: Any, as_of: date) -> None:
    card = views.programme_card(programme)
    availability = programme.report.availability
    with st.container(border=True):
        st.subheader(card.name)
        st.markdown(f"**{card.badge}**")
        warning = display.freshness_warning(availability, as_of)
        if warning:
            st.warning(warning, icon="⚠️")
        st.caption(
            display.stated_line(availability.stated, availability.confirmed, availability.source)
        )
        st.markdown(views.markdown_text(card.summary))
        if card.checks:
            st.markdown("**Checklist**")
            st.markdown("\n".join(f"- {item.markdown()}" for item in card.checks))
        st.markdown("**How to refer**")
        st.markdown("\n".join(f"- {views.markdown_text(step)}" for step in card.how_to_refer))
        st.caption(card.sources)


def documents(answer: Answer) -> None:
    if not answer.documents:
        return
    st.header("From added documents")
    quotes = {c.number: c for c in answer.citations}
    for finding in answer.documents:
        with st.container(border=True):
            st.subheader(finding.name)
            st.caption(f"{finding.locator} · {finding.source}")
            for number in finding.citations:
                if number in quotes:
                    st.markdown(views.quote_markdown(quotes[number].quote) + f"\n\n[{number}]")


def source(answer: Answer, citation: Any) -> None:
    st.markdown(views.citation_body(citation))
    note = views.stale_note(citation, answer.as_of)
    if note:
        st.warning(note)


# ---------------------------------------------------------------- Print view


def print_view(answer: Answer) -> None:
    """The answer alone: no form, no chat box, no sidebar, every source open."""
    st.html(_PRINT_VIEW_CSS)
    with st.container(key="print-actions", horizontal=True):
        if st.button("Back to the answer", key="close_print"):
            del st.query_params[PRINT]
            st.rerun()
        st.html(
            '<button type="button" onclick="window.print()">Print</button>',
            unsafe_allow_javascript=True,
            width="content",
        )
    with st.container(key="print"):
        st.title(referral_summary(answer).title)
        if answer.emergency:
            emergency_box()
        st.markdown("**Question, as read (personal details removed)**")
        st.markdown(views.quote_markdown(answer.question))
        for section in referral_summary(answer).sections:
            if section.heading == "Emergency":
                continue  # the box above says it
            st.subheader(section.heading)
            st.markdown(views.markdown_text("\n".join(map(views.escape_markdown, section.lines))))
        documents(answer)
        if answer.citations:
            st.header("Sources")
            for citation in answer.citations:
                st.subheader(views.citation_label(citation))
                source(answer, citation)


main()
