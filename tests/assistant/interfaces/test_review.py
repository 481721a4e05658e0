"""The review page, run headless: behind uploads and the sign-in; Accept writes into a
temporary copy of knowledge/, Reject needs a reason and is remembered."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from vrn_assistant.claims.curation import REJECTED, Verb, gather
from vrn_assistant.interfaces.pages import SIGNED_IN
from vrn_assistant.interfaces.signin import hash_password
from vrn_assistant.settings import AssistantSettings, IndexSettings
from vrn_core import load_catalogue
from vrn_core.paths import default_knowledge_dir

PAGE = "01-pcc-news-operation-provide-2021-11.html"
LEAFLET = "11-champions-mentoring-leaflet.md"  # undated; names Champions, which is not listed
LATER = Path(__file__).parents[1] / "fixtures" / "later"


@pytest.fixture
def settings(tmp_path: Path) -> AssistantSettings:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(default_knowledge_dir(), knowledge)
    added = tmp_path / "uploads"
    added.mkdir()
    shutil.copy(LATER / PAGE, added / PAGE)
    return AssistantSettings(
        knowledge_dir=knowledge,
        sources=(added,),
        index=IndexSettings(path=tmp_path / "index"),
        allow_uploads=True,
        upload_dir=added,
        users=(("reviewer", hash_password("a long pass phrase")),),
    )


def _page(settings: object) -> None:
    # Run as a script of its own by AppTest: it imports what it uses.
    from vrn_assistant.interfaces.review import review_page
    from vrn_assistant.settings import AssistantSettings

    assert isinstance(settings, AssistantSettings)
    review_page(settings)


def _run(settings: AssistantSettings, *, signed_in: bool = True) -> AppTest:
    at = AppTest.from_function(_page, kwargs={"settings": settings}, default_timeout=60)
    if signed_in:
        at.session_state[SIGNED_IN] = "reviewer"
    return at.run()


def _text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_only_where_uploads_are_allowed_and_after_signing_in(settings: AssistantSettings) -> None:
    closed = _run(AssistantSettings(knowledge_dir=settings.knowledge_dir, allow_uploads=False))
    assert "only where uploads are allowed" in closed.info[0].value
    assert not closed.button
    anonymous = _run(settings, signed_in=False)
    assert [field.label for field in anonymous.text_input] == ["Name", "Password"]
    assert not any(button.label == "Accept" for button in anonymous.button)


def test_the_proposals_show_beside_the_catalogue_and_accept_writes(
    settings: AssistantSettings,
) -> None:
    at = _run(settings)
    shown = _text(at)
    assert "Operation Provide" in [header.value for header in at.subheader]
    assert f"In: {PAGE}" in shown and "dated 11 November 2021" in shown
    assert "Now: Blackpool (running)" in shown and "Proposed: Blackpool, Fylde, Wyre" in shown
    change = next(
        p
        for p in gather(settings.knowledge_dir, settings.sources).proposals
        if p.verb is Verb.change
    )
    at.button(key=f"accept-{change.id}").click().run()
    assert "Accepted: operation-provide.yaml now cites" in at.success[0].value
    record = settings.knowledge_dir / "programmes" / "operation-provide.yaml"
    assert "town:morecambe" in record.read_text(encoding="utf-8")
    assert not any(button.key == f"accept-{change.id}" for button in at.button)


def test_reject_needs_a_reason_and_is_remembered(settings: AssistantSettings) -> None:
    at = _run(settings)
    proposal = gather(settings.knowledge_dir, settings.sources).proposals[0]
    at.button(key=f"reject-{proposal.id}").click().run()
    assert "give a reason" in at.error[0].value
    assert not (settings.knowledge_dir / REJECTED).exists()
    at.text_input(key=f"reason-{proposal.id}").input("the sidebar's town, not the scheme's")
    at.button(key=f"reject-{proposal.id}").click().run()
    assert f"Rejected {proposal.id}" in at.success[0].value
    assert proposal.id in (settings.knowledge_dir / REJECTED).read_text(encoding="utf-8")
    assert not any(button.key == f"reject-{proposal.id}" for button in at.button)


def test_a_programme_only_an_added_leaflet_names_is_listed_and_accepted(
    settings: AssistantSettings,
) -> None:
    shutil.copy(LATER / LEAFLET, settings.upload_dir / LEAFLET)
    at = _run(settings)
    shown = _text(at)
    assert "Champions" in [header.value for header in at.subheader]
    assert "Would add a new programme: Champions" in shown
    assert f"From: {LEAFLET} (undated)" in shown and "Age band: aged 10 to 25" in shown
    champions = next(
        p
        for p in gather(settings.knowledge_dir, settings.sources).proposals
        if p.verb is Verb.new_record
    )
    at.button(key=f"accept-{champions.id}").click().run()
    assert "Accepted: champions.yaml is now in the catalogue." in at.success[0].value
    assert load_catalogue(settings.knowledge_dir).get("champions").name == "Champions"
    assert not any(button.key == f"accept-{champions.id}" for button in at.button)
