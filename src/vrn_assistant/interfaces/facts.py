"""The facts form of the Ask page: the facts read from the question, for the user to
correct. Laid out with Streamlit; `views.case_from_form` turns it back into a Case."""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from vrn_assistant.answer import Answer
from vrn_assistant.assistant import Assistant
from vrn_assistant.interfaces import views
from vrn_core import Case, Gender, Issue, OffenceCategory, Role, Sector, Setting

__all__ = ["ANSWER", "CASE", "QUESTION", "ROUND", "facts_form"]

# Session-state keys (per browser session; nothing here is shared).
QUESTION = "vrn_question"  # the REDACTED question
CASE = "vrn_case"  # the facts as the user corrected them, or None
ANSWER = "vrn_answer"
ROUND = "vrn_round"  # bumps with each new question, so the facts form starts afresh


def facts_form(assistant: Assistant, answer: Answer, as_of: date) -> Answer | None:
    """The facts read from the question, editable; returns the new answer on 'Update answer'."""
    st.header("Facts read")
    st.caption(
        "Correct anything misread, then update the answer. Empty or unknown means not known."
    )
    current = views.form_from_case(answer.case)
    n = st.session_state.get(ROUND, 0)
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
        roles = _choices("Roles", Role, current.roles, f"roles-{n}")
        issues = _choices("Issues involved", Issue, current.issues, f"issues-{n}")
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


def _choices(label: str, values: Any, current: Any, key: str) -> Any:
    return st.multiselect(
        label, list(values), default=list(current), format_func=views.label_of, key=key
    )
