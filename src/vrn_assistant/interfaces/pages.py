"""The app's other pages, laid out with Streamlit: the catalogue, coverage, and adding
documents (behind a sign-in). Like app.py, this only lays out what views, display and
coverage work out; nothing here decides anything."""

from __future__ import annotations

from datetime import date
from pathlib import PurePath
from typing import Any

import streamlit as st

from vrn_assistant.assistant import Assistant
from vrn_assistant.errors import IndexUnavailable
from vrn_assistant.interfaces import display, views
from vrn_assistant.interfaces.coverage import LEGEND, coverage_view
from vrn_assistant.interfaces.signin import check_sign_in
from vrn_assistant.settings import AssistantSettings
from vrn_core.browse import area_match, filter_programmes
from vrn_core.places import MatchStatus
from vrn_core.wording import format_day

__all__ = ["SIGNED_IN", "catalogue_page", "coverage_page", "signed_in", "upload_page"]

SIGNED_IN = "vrn_signed_in"  # the signed-in name, in this browser session only


def _bullets(lines: Any) -> str:
    return "\n".join(f"- {line}" for line in lines)


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
            warning = display.catalogue_warning(programme, as_of)
            if warning:
                st.warning(warning, icon="⚠️")
            st.markdown(views.markdown_text(entry.summary))
            st.markdown("**Where and when**")
            st.markdown(_bullets(entry.where_when))
            st.markdown(_bullets(display.catalogue_dates(programme, as_of)))
            st.markdown("**Who it is for**")
            st.markdown(_bullets(entry.who_for))
            st.markdown("**How to refer**")
            st.markdown(_bullets(views.markdown_text(step) for step in entry.how_to_refer))


# ---------------------------------------------------------------- Coverage


def coverage_page(assistant: Assistant, as_of: date) -> None:
    view = coverage_view(assistant.catalogue, as_of)
    st.header("Coverage")
    st.caption(
        f"Which programme runs in which district of Lancashire on {format_day(as_of)} "
        "(change the date in the sidebar), from the catalogue's dated facts."
    )
    st.markdown(LEGEND)
    with st.container(key="coverage-grid"):
        st.table(view.table())
    st.subheader("Where each programme runs, and the sources")
    for programme in view.programmes:
        with st.expander(programme.name):
            if programme.cells:
                st.markdown(_bullets(programme.cells))
            else:
                st.markdown(f"Not offered in any district on {format_day(as_of)}.")
            st.markdown("**Timeline**")
            st.markdown(_bullets(programme.timeline))


# ---------------------------------------------------------------- Sign-in and uploads


def signed_in(settings: AssistantSettings) -> str | None:
    """The signed-in name, or None after showing the sign-in form (or why there is none)."""
    state = st.session_state
    name = state.get(SIGNED_IN)
    if isinstance(name, str):
        if st.sidebar.button("Sign out", key="sign_out"):
            del state[SIGNED_IN]
            st.rerun()
        return name
    if not settings.users:
        st.warning(
            "Nobody can sign in yet: whoever runs the app lists who may add documents in "
            "VRN_USERS (see the README, 'Adding documents')."
        )
        return None
    with st.form(key="sign-in"):
        st.markdown("Sign in to add documents.")
        user = st.text_input("Name", autocomplete="username", key="sign_in_name")
        password = st.text_input(
            "Password", type="password", autocomplete="current-password", key="sign_in_password"
        )
        submitted = st.form_submit_button("Sign in", type="primary")
    if submitted:
        if check_sign_in(settings.users, user, password):
            state[SIGNED_IN] = user.strip()
            st.rerun()
        st.error("That name and password do not match.")
    return None


def upload_page(assistant: Assistant, settings: AssistantSettings) -> None:
    st.header("Add documents")
    if signed_in(settings) is None:
        return
    st.markdown(
        "Documents added here are kept on the server, then searched and quoted alongside the "
        "catalogue's sources. They are not given verdicts: the rules cover catalogue "
        "programmes only."
    )
    files = st.file_uploader(
        "Documents to add (Markdown, text, PDF or HTML)",
        type=list(views.UPLOAD_TYPES),
        accept_multiple_files=True,
        key="upload_files",
    )
    if not st.button("Add to the index", disabled=not files):
        return
    for upload in files or []:
        try:
            views.save_upload(settings.upload_dir, upload.name, upload.getvalue())
        except ValueError as exc:
            st.warning(str(exc))
    try:
        with st.status("Indexing…", expanded=True) as status:
            bar = st.progress(0.0, text="Starting…")

            def update(done: int, total: int, _source: str) -> None:
                bar.progress(done / total if total else 1.0, text=f"Indexing {done} of {total}")

            report = assistant.ingest(update)
            status.update(label="Indexing finished", state="complete", expanded=False)
    except IndexUnavailable as exc:
        st.error(f"The search index cannot be reached: {exc}")
        return
    summary = views.ingest_summary(report)
    st.success(summary.headline)
    for title, items in (
        ("Added", summary.added),
        ("Updated", summary.updated),
        ("Removed", summary.removed),
    ):
        if items:
            st.subheader(title)
            st.markdown(_bullets(views.escape_markdown(_shown(item)) for item in items))
    if report.skipped:
        st.subheader("Skipped, and why")
        st.markdown(
            _bullets(views.escape_markdown(f"{_shown(s.path)}: {s.reason}") for s in report.skipped)
        )


def _shown(source: str) -> str:
    """A document as the user knows it: its file name, never where the server keeps it."""
    return PurePath(source.replace("\\", "/")).name
