"""The practitioners' web app: `streamlit run src/vrn_assistant/interfaces/app.py` (or `make app`).

This file only lays things out. The rules (vrn_core) decide every verdict, the
assistant (vrn_assistant.assistant) reads the question and cites the sources,
and vrn_assistant.interfaces.views turns both into what is shown.

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
from vrn_assistant.assistant import MAX_QUESTION_CHARS, Assistant
from vrn_assistant.errors import IndexUnavailable, LanguageModelError
from vrn_assistant.interfaces import views
from vrn_assistant.settings import AssistantSettings
from vrn_assistant.understanding.safety import EMERGENCY_ADVICE
from vrn_core import Case, Gender, Issue, OffenceCategory, Role, Sector, Setting, VrnError
from vrn_core.browse import area_match, filter_programmes
from vrn_core.places import MatchStatus
from vrn_core.wording import format_day

TITLE = "Which VRN programme fits?"
PAGES = ("Ask", "Catalogue", "Add documents")
EXAMPLE = "24yo arrested in Blackbun for GBH, coach available?"

# Session-state keys (per browser session; nothing here is shared).
QUESTION = "vrn_question"  # the REDACTED question
CASE = "vrn_case"  # the facts as the user corrected them, or None
ANSWER = "vrn_answer"
ROUND = "vrn_round"  # bumps with each new question, so the facts form starts afresh


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
        page = st.radio("Go to", PAGES, key="vrn_page")
        st.header("Date")
        as_of = st.date_input(
            "As of",
            value=date.today(),
            min_value=date(2015, 1, 1),
            max_value=date(date.today().year + 5, 12, 31),
            format="DD/MM/YYYY",
            help="Whether a programme is running is judged on this date.",
            key="vrn_as_of",
        )

    try:
        settings = AssistantSettings.from_env()
        service = load_service(repr(settings), settings)
    except (LanguageModelError, VrnError, ValueError) as exc:
        st.error(f"The assistant cannot start: {exc}")
        st.stop()
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
        catalogue_page(assistant, as_of)
    elif page == "Add documents":
        upload_page(assistant, settings)
    else:
        ask_page(assistant, as_of)


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
            st.error(EMERGENCY_ADVICE, icon=":material/emergency:")
        with st.chat_message("user"):
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


def facts_form(assistant: Assistant, answer: Answer, as_of: date) -> Answer | None:
    """The facts read from the question, editable; returns the new answer on 'Update answer'."""
    st.header("Facts read")
    st.caption(
        "Correct anything misread, then update the answer. Empty or unknown means not known."
    )
    current = views.form_from_case(answer.case)
    n = st.session_state[ROUND]
    with st.form(key=f"facts-{n}", border=True):
        age = st.number_input(
            "Age (years)",
            min_value=0,
            max_value=120,
            value=current.age,
            step=1,
            placeholder="unknown",
            key=f"age-{n}",
        )
        place = st.text_input(
            "Place (town, district or site)", value=current.place, key=f"place-{n}"
        )
        setting = _choice("Setting (where they are now)", Setting, current.setting, f"setting-{n}")
        roles = st.multiselect(
            "Roles",
            list(Role),
            default=list(current.roles),
            format_func=views.label_of,
            key=f"roles-{n}",
        )
        issues = st.multiselect(
            "Issues involved",
            list(Issue),
            default=list(current.issues),
            format_func=views.label_of,
            key=f"issues-{n}",
        )
        offence = _choice("Offence", OffenceCategory, current.offence, f"offence-{n}")
        gender = _choice("Gender", Gender, current.gender, f"gender-{n}")
        sector = _choice("Sector (for practitioners)", Sector, current.sector, f"sector-{n}")
        course = st.text_input("Course (for students)", value=current.course, key=f"course-{n}")
        submitted = st.form_submit_button("Update answer", type="primary")
    if answer.notes:
        with st.expander("How the question was read"):
            st.markdown("\n".join(f"- {views.escape_markdown(note)}" for note in answer.notes))
    if not submitted:
        return None
    form = views.FactsForm(
        age=int(age) if age is not None else None,
        place=place,
        setting=setting,
        roles=tuple(roles),
        issues=tuple(issues),
        offence=offence,
        gender=gender,
        sector=sector,
        course=course,
    )
    case: Case = views.case_from_form(form, answer.case)
    state = st.session_state
    updated = assistant.ask(state[QUESTION], as_of, case=case)
    state[CASE] = case
    state[ANSWER] = updated
    return updated


def _choice(label: str, values: Any, current: Any, key: str) -> Any:
    options = [None, *values]
    return st.selectbox(
        label, options, index=options.index(current), format_func=views.label_of, key=key
    )


def show_answer(answer: Answer) -> None:
    st.header("Recommended programmes")
    if not answer.recommended:
        st.markdown(
            f"No VRN programme in the catalogue fits these facts on {format_day(answer.as_of)}."
        )
    for programme in answer.recommended:
        card = views.programme_card(programme)
        with st.container(border=True):
            st.subheader(card.name)
            st.markdown(f"**{card.badge}**")
            st.markdown(views.markdown_text(card.summary))
            if card.checks:
                st.markdown("**Checklist**")
                st.markdown("\n".join(f"- {item.markdown()}" for item in card.checks))
            st.markdown("**How to refer**")
            st.markdown("\n".join(f"- {views.markdown_text(step)}" for step in card.how_to_refer))
            st.caption(card.sources)

    st.header("Answer")
    st.markdown(views.markdown_text(answer.text))

    groups = views.group_considered(answer)
    for title, programmes in (
        ("Near misses", groups.near_misses),
        ("Would fit, but not running there or then", groups.not_running),
        ("Also considered", groups.others),
    ):
        if programmes:
            with st.expander(f"{title} ({len(programmes)})", expanded=False):
                st.markdown("\n".join(f"- {line}" for line in groups.lines(programmes)))

    if answer.documents:
        st.header("From added documents")
        quotes = {c.number: c for c in answer.citations}
        for finding in answer.documents:
            with st.container(border=True):
                st.subheader(finding.name)
                st.caption(f"{finding.locator} · {finding.source}")
                for number in finding.citations:
                    if number in quotes:
                        st.markdown(views.quote_markdown(quotes[number].quote) + f"\n\n[{number}]")

    if answer.citations:
        st.header("Sources")
        for citation in answer.citations:
            with st.expander(views.citation_label(citation)):
                st.markdown(views.citation_body(citation))
                note = views.stale_note(citation, answer.as_of)
                if note:
                    st.warning(note)


# ---------------------------------------------------------------- Catalogue


def catalogue_page(assistant: Assistant, as_of: date) -> None:
    catalogue = assistant.catalogue
    st.header("Catalogue")
    st.caption(
        f"Every programme in the catalogue, with where and when it runs on {format_day(as_of)}."
    )
    left, middle, right = st.columns(3)
    with left:
        area = st.text_input("Area (town, district or site)", key="cat_area")
    with middle:
        age = st.number_input(
            "Age (years)",
            min_value=0,
            max_value=120,
            value=None,
            step=1,
            placeholder="any age",
            key="cat_age",
        )
    with right:
        kind = st.selectbox(
            "Kind", views.KIND_CHOICES, format_func=views.kind_label, key="cat_kind"
        )
    match = area_match(catalogue.gazetteer, area)
    if match is not None:
        if match.status is MatchStatus.unknown:
            st.warning(
                f"'{area}' is not a place the gazetteer knows: showing only programmes "
                "not tied to one area."
            )
        else:
            st.caption("Area: " + match.describe())
    programmes = filter_programmes(
        catalogue,
        area=area or None,
        age=int(age) if age is not None else None,
        kind=kind,
    )
    st.markdown(f"**{len(programmes)} of {len(catalogue)} programmes**")
    for programme in programmes:
        entry = views.catalogue_entry(programme, as_of, catalogue)
        with st.container(border=True):
            st.subheader(entry.name)
            st.caption(f"Kind: {entry.kind}")
            st.markdown(views.markdown_text(entry.summary))
            st.markdown("**Where and when**")
            st.markdown("\n".join(f"- {line}" for line in entry.where_when))
            st.markdown("**Who it is for**")
            st.markdown("\n".join(f"- {line}" for line in entry.who_for))
            st.markdown("**How to refer**")
            st.markdown("\n".join(f"- {views.markdown_text(step)}" for step in entry.how_to_refer))


# ---------------------------------------------------------------- Add documents


def upload_page(assistant: Assistant, settings: AssistantSettings) -> None:
    st.header("Add documents")
    if not settings.allow_uploads:
        st.info(
            "Uploads are turned off. An administrator can enable them with VRN_ALLOW_UPLOADS=1."
        )
        return
    folder = settings.upload_dir
    st.markdown(
        f"Documents added here are saved in `{folder}` and searched and quoted alongside the "
        "catalogue's sources. They are not given verdicts: the rules cover catalogue programmes only."
    )
    files = st.file_uploader(
        "Documents to add (Markdown, text, PDF or HTML)",
        type=list(views.UPLOAD_TYPES),
        accept_multiple_files=True,
        key="upload_files",
    )
    if not st.button("Add to the index", disabled=not files):
        return
    refused: list[str] = []
    for upload in files or []:
        try:
            views.save_upload(folder, upload.name, upload.getvalue())
        except (ValueError, OSError) as exc:
            refused.append(str(exc))
    for message in refused:
        st.warning(message)
    try:
        with st.status("Indexing…", expanded=True) as status:
            bar = st.progress(0.0, text="Starting…")
            report = assistant.ingest(_progress(bar))
            summary = views.ingest_summary(report)
            status.update(label=summary.headline, state="complete")
    except IndexUnavailable as exc:
        st.error(f"The search index cannot be reached: {exc}")
        return
    st.success(summary.headline)
    for title, items in (
        ("Added", summary.added),
        ("Updated", summary.updated),
        ("Removed", summary.removed),
        ("Skipped, and why", summary.skipped),
    ):
        if items:
            st.subheader(title)
            st.markdown("\n".join(f"- {views.escape_markdown(item)}" for item in items))


main()
