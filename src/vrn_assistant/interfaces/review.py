"""The review page: what the added documents would change in the catalogue, each proposal
beside the current fact, and each programme known only from them as the new record it
would make, with Accept and Reject. Only where uploads are allowed, and only
after signing in (the uploads page's sign-in). Like the other pages it only lays out:
`vrn_assistant.claims.curation` proposes, validates and writes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st

from vrn_assistant.claims.curation import (
    NewRecord,
    Proposal,
    Review,
    Verb,
    accept,
    accept_new,
    by_programme,
    gather,
    reject,
)
from vrn_assistant.claims.curation.new import document_date
from vrn_assistant.interfaces.pages import signed_in
from vrn_assistant.interfaces.views import escape_markdown
from vrn_assistant.settings import AssistantSettings
from vrn_core.errors import VrnError
from vrn_core.wording import format_day

__all__ = ["REVIEW", "review_page"]

REVIEW = "Review added documents"
_DONE = "vrn_review_done"  # what the last Accept or Reject did, shown after the rerun


def review_page(settings: AssistantSettings) -> None:
    st.header(REVIEW)
    if not settings.allow_uploads:
        st.info("Reviewing added documents is available only where uploads are allowed.")
        return
    if signed_in(settings) is None:
        return
    st.markdown(
        "Each proposal puts what an added document says beside what the catalogue holds; a "
        "new record is a programme only the added documents name, with each fact it would "
        "record and where it is said. "
        "**Accept** writes it into the catalogue (checked first: if the catalogue would not "
        "load, nothing is written); **Reject** records it, and it is not proposed again. "
        "Answers use accepted facts once the app restarts."
    )
    done = st.session_state.pop(_DONE, None)
    if isinstance(done, str):
        st.success(done)
    try:
        review = gather(settings.knowledge_dir, settings.sources)
    except VrnError as exc:
        st.error(f"The proposals cannot be worked out: {exc}")
        return
    if not review.proposals:
        st.info(
            "Nothing to review: the added documents change nothing the catalogue holds and "
            "name no programme it lacks."
        )
        return
    for proposals in by_programme(review.proposals).values():
        st.subheader(proposals[0].programme_name)
        for proposal in proposals:
            if isinstance(proposal, NewRecord):
                _new_record(review, proposal, settings)
            else:
                _proposal(review, proposal, settings)


def _new_record(review: Review, proposal: NewRecord, settings: AssistantSettings) -> None:
    documents = "; ".join(
        f"{_file_name(source)} ({document_date(day, how)})"
        for source, day, how in proposal.documents
    )
    lines = [
        f"**Would add a new programme: {escape_markdown(proposal.programme_name)}** "
        f"(`{proposal.id}`)",
        "",
        f"- From: {escape_markdown(documents)}",
    ]
    for fact in proposal.facts:
        lines.append(f"- {fact.label.capitalize()}: {escape_markdown(fact.value)}")
        if fact.claim is not None:
            quote = escape_markdown(" ".join(fact.claim.quote.split()))
            where = escape_markdown(f"{_file_name(fact.claim.source)}, {fact.claim.locator}")
            lines.append(f"  - “{quote}” ({where})")
    with st.container(border=True):
        st.markdown("\n".join(lines))

        def written() -> str:
            added = accept_new(
                settings.knowledge_dir, review.catalogue, proposal, review.chunks, date.today()
            )
            return f"Accepted: {added.record.name} is now in the catalogue."

        _decide(proposal, settings, written)


def _proposal(review: Review, proposal: Proposal, settings: AssistantSettings) -> None:
    claim = proposal.claim
    source = proposal.current_source
    stated = format_day(proposal.current_stated) if proposal.current_stated else "undated"
    verb = "Confirms" if proposal.verb is Verb.confirms else "Would change"
    with st.container(border=True):
        st.markdown(
            "\n".join(
                [
                    f"**{verb} {escape_markdown(proposal.fact_label)}** (`{proposal.id}`)",
                    "",
                    f"- Now: {escape_markdown(proposal.current)} "
                    f"({escape_markdown(f'{source.document}, {source.locator}')}, {stated})",
                    f"- Proposed: {escape_markdown(proposal.proposed)}, "
                    f"from {format_day(proposal.day)}",
                    f"- The document says: “{escape_markdown(' '.join(claim.quote.split()))}”",
                    f"- In: {escape_markdown(_file_name(claim.source))}, "
                    f"{escape_markdown(claim.locator)} (dated {format_day(proposal.day)}, "
                    f"by its {escape_markdown(claim.dated_by)})",
                ]
            )
        )

        def written() -> str:
            accepted = accept(settings.knowledge_dir, review.catalogue, proposal, review.chunks)
            return f"Accepted: {accepted.record.name} now cites {accepted.source}."

        _decide(proposal, settings, written)


def _decide(
    proposal: Proposal | NewRecord, settings: AssistantSettings, accepted: Callable[[], str]
) -> None:
    """The reason field and the Accept and Reject buttons; `accepted` writes and says what."""
    reason = st.text_input("Why reject it (needed to reject)", key=f"reason-{proposal.id}")
    left, right = st.columns(2)
    if left.button("Accept", key=f"accept-{proposal.id}", type="primary"):
        try:
            done = accepted()
        except VrnError as exc:
            st.error(str(exc))
        else:
            st.session_state[_DONE] = done
            st.rerun()
    if right.button("Reject", key=f"reject-{proposal.id}"):
        try:
            reject(settings.knowledge_dir, proposal, reason, date.today())
        except VrnError as exc:
            st.error(str(exc))
        else:
            st.session_state[_DONE] = f"Rejected {proposal.id}: it will not be proposed again."
            st.rerun()


def _file_name(source: str) -> str:
    """A document as the user knows it: its file name, never where the server keeps it."""
    return source.replace("\\", "/").rsplit("/", 1)[-1]
