"""The app's view models (vrn_assistant.interfaces.views): pure functions, tested without Streamlit."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from vrn_assistant.answer import Answer, Citation, ProgrammeAnswer
from vrn_assistant.assistant import Assistant
from vrn_assistant.interfaces import views
from vrn_assistant.retrieval.chunks import SkippedFile
from vrn_assistant.retrieval.index import IngestReport
from vrn_assistant.settings import AssistantSettings, IndexSettings
from vrn_core import (
    AgeRange,
    Case,
    Gender,
    Issue,
    OffenceCategory,
    ProgrammeKind,
    Role,
    Setting,
    Truth,
    Verdict,
    default_catalogue,
)

NOVEMBER_2020 = date(2020, 11, 15)
DECEMBER_2026 = date(2026, 12, 1)  # six years after the 2020 sources: none confirms anything
README_QUESTION = "24yo arrested in Blackbun for GBH, coach available?"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """Keyword search only: quick to index, same verdicts and citations of catalogue sections."""
    path = tmp_path_factory.mktemp("ui-index")
    assistant = Assistant.from_settings(
        AssistantSettings(index=IndexSettings(path=path), dense=False)
    )
    assistant.ingest()
    return assistant


@pytest.fixture(scope="module")
def divert_answer(assistant: Assistant) -> Answer:
    return assistant.ask(README_QUESTION, NOVEMBER_2020)


def test_ui_does_not_import_streamlit() -> None:
    code = (
        "import sys, json, vrn_assistant.interfaces.views; print(json.dumps(sorted(sys.modules)))"
    )
    loaded = json.loads(subprocess.check_output([sys.executable, "-c", code], text=True))
    assert "streamlit" not in loaded


# ---------------------------------------------------------------- markdown and labels


def test_quotes_are_blockquotes_that_show_the_text_as_typed() -> None:
    assert views.quote_markdown("It *runs* in [Preston] for $5.") == (
        r"> It \*runs\* in \[Preston\] for \$5."
    )
    assert views.quote_markdown("two\nlines") == "> two\n> lines"
    assert views.markdown_text("**DIVERT** costs $0 [1].") == r"**DIVERT** costs \$0 [1]."
    assert views.markdown_text("Note: one.\nNote: two.\n\n1. **A**\n   Why.") == (
        "Note: one.  \nNote: two.\n\n1. **A**  \n   Why."
    )


def test_labels_are_words_and_none_is_unknown() -> None:
    assert views.label_of(None) == "unknown"
    assert views.label_of(Setting.police_custody) == "Police custody"
    assert views.label_of(Role.suspect) == "A person arrested or suspected of an offence"
    assert views.kind_label(None) == "any kind"


def test_redaction_note_names_the_kinds_removed_and_never_claims_there_were_none() -> None:
    assert views.redaction_note(()) == (
        "No personal details were recognised, but some may not be: please do not type "
        "names, numbers or addresses."
    )
    assert views.redaction_note(("name", "phone")) == (
        "Removed before the question was read: name, phone. Other personal details may "
        "remain: please do not type names, numbers or addresses."
    )


# ---------------------------------------------------------------- cards and checklists


def test_recommended_card_has_badge_checklist_referral_and_sources(
    assistant: Assistant, divert_answer: Answer
) -> None:
    reported = divert_answer.recommended + divert_answer.considered
    assert {p.id for p in reported} == {p.id for p in assistant.catalogue}
    divert = divert_answer.recommended[0]
    card = views.programme_card(divert)
    assert (card.name, card.badge) == ("DIVERT", "✓ Eligible")
    assert card.summary.startswith("Coaches in police custody suites")
    lines = [item.markdown() for item in card.checks]
    assert lines[0] == "✓ (met) **Aged 18 to 25**: 24 is within DIVERT's 18–25"
    assert all(item.truth is Truth.met for item in card.checks)
    assert card.checks[-1].label == "running there on that date"
    assert "Blackburn is in the area DIVERT serves" in [item.reason for item in card.checks]
    assert card.how_to_refer[0].startswith("Offered in the custody suite")
    assert card.sources == "Sources: " + ", ".join(f"[{n}]" for n in divert.citations)


def _programme(answer: Answer, programme_id: str) -> ProgrammeAnswer:
    return next(p for p in answer.recommended + answer.considered if p.id == programme_id)


def test_checklist_symbols_for_unknown_and_not_met(assistant: Assistant) -> None:
    answer = assistant.ask("arrested in Preston for assault", NOVEMBER_2020)
    items = views.checklist(_programme(answer, "divert").report)
    age = items[0]
    assert (age.symbol, age.truth) == ("?", Truth.unknown)
    assert age.markdown().startswith("? (unknown) **Aged 18 to 25**: age not known")
    old = assistant.ask(
        "arrested in Preston for assault",
        NOVEMBER_2020,
        case=answer.case.model_copy(update={"age": 30}),
    )
    items = views.checklist(_programme(old, "divert").report)
    assert items[0].markdown().startswith("✗ (not met) **Aged 18 to 25**: 30 is above")


def test_considered_programmes_are_grouped(assistant: Assistant, divert_answer: Answer) -> None:
    older = assistant.ask(
        divert_answer.question,
        NOVEMBER_2020,
        case=divert_answer.case.model_copy(update={"age": 27}),
    )
    groups = views.group_considered(older)
    assert [p.id for p in groups.near_misses] == ["divert"]
    assert groups.lines(groups.near_misses)[0].startswith(
        "**DIVERT** (✗ Not eligible): 27 is above DIVERT's 18–25."
    )
    everything = groups.near_misses + groups.not_running + groups.others
    assert sorted(p.id for p in everything) == sorted(p.id for p in older.considered)

    ended = assistant.ask("Domestic abuse victim in Burnley", date(2021, 6, 1))
    groups = views.group_considered(ended)
    assert [p.id for p in groups.not_running] == ["operation-provide"]
    assert "ended in March 2021" in groups.lines(groups.not_running)[0]


# ---------------------------------------------------------------- citations


def _citation(**changes: object) -> Citation:
    fields: dict[str, object] = {
        "number": 3,
        "source": "knowledge/corpus/divert.md",
        "title": "DIVERT custody intervention coaches",
        "locator": "Where and when",
        "quote": "Burnley is named as a future site, with no start date given.",
        "as_of": date(2020, 10, 1),
    }
    fields.update(changes)
    return Citation.model_validate(fields)


def test_citation_label_and_body() -> None:
    citation = _citation()
    assert (
        views.citation_label(citation) == "[3] DIVERT custody intervention coaches — Where and when"
    )
    body = views.citation_body(citation)
    assert body.startswith("> Burnley is named as a future site, with no start date given.")
    assert "**Section:** Where and when" in body
    assert "**Source:** `knowledge/corpus/divert.md`" in body
    assert "**Date:** October 2020" in body
    assert views.stale_note(citation, NOVEMBER_2020) is None


def test_stale_sources_are_flagged_with_their_date() -> None:
    citation = _citation(stale=True)
    assert views.citation_label(citation).endswith("(older than 12 months)")
    note = views.stale_note(citation, date(2026, 11, 26))
    assert note is not None and "Older than 12 months" in note and "October 2020" in note


def test_answer_citations_are_the_ones_the_cards_use(divert_answer: Answer) -> None:
    numbers = {c.number for c in divert_answer.citations}
    assert set(divert_answer.recommended[0].citations) <= numbers


# ---------------------------------------------------------------- the facts form


def test_form_round_trips_a_case() -> None:
    case = Case(
        age=24,
        place="Blackburn",
        setting=Setting.police_custody,
        roles=frozenset({Role.suspect}),
        issues=frozenset({Issue.violence}),
        offence=OffenceCategory.violent,
        gender=Gender.male,
        course="BA Policing",
        wants=frozenset({ProgrammeKind.service}),
    )
    form = views.form_from_case(case)
    assert form.age == 24 and form.place == "Blackburn" and form.roles == (Role.suspect,)
    assert views.case_from_form(form, case) == case


def test_form_edits_become_the_corrected_case() -> None:
    original = Case(
        age=24, place="Blackburn", without_issues=frozenset({Issue.drugs, Issue.knives})
    )
    form = views.FactsForm(age=27, place="  ", issues=(Issue.drugs,), course="")
    case = views.case_from_form(form, original)
    assert case.age == 27
    assert case.place is None and case.course is None  # empty means not known
    assert case.issues == {Issue.drugs}
    assert case.without_issues == {Issue.knives}  # drugs is now known to be involved


# ---------------------------------------------------------------- catalogue entries


def test_catalogue_entry_says_where_when_who_and_how() -> None:
    catalogue = default_catalogue()
    entry = views.catalogue_entry(catalogue.get("operation-provide"), date(2021, 6, 1), catalogue)
    assert entry.kind == "service"
    assert any("ended in March 2021" in line for line in entry.where_when)
    assert "The situation involves domestic abuse" in entry.who_for
    assert entry.how_to_refer


# ---------------------------------------------------------------- settings and uploads


@pytest.mark.parametrize(
    ("value", "enabled"),
    [
        (None, False),
        ("", False),
        ("0", False),
        ("no", False),
        ("1", True),
        ("true", True),
        ("TRUE", True),
    ],
)
def test_uploads_are_off_unless_switched_on(value: str | None, enabled: bool) -> None:
    env = {} if value is None else {"VRN_ALLOW_UPLOADS": value}
    assert AssistantSettings.from_env(env).allow_uploads is enabled


def test_the_uploads_folder_is_a_source_only_when_uploads_are_on() -> None:
    off = AssistantSettings.from_env({"VRN_INDEX_DIR": "/tmp/i"})
    assert off.sources == () and off.index.path == Path("/tmp/i")
    on = AssistantSettings.from_env({"VRN_ALLOW_UPLOADS": "1", "VRN_SOURCES": "extra"})
    assert on.sources == (Path("extra"), Path("var/uploads"))
    moved = AssistantSettings.from_env({"VRN_ALLOW_UPLOADS": "true", "VRN_UPLOAD_DIR": "/srv/docs"})
    assert moved.sources == (Path("/srv/docs"),)


@pytest.mark.parametrize(
    ("name", "saved"),
    [
        ("report.md", "report.md"),
        ("Minutes 2021.PDF", "Minutes 2021.PDF"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\me\\notes.html", "notes.html"),
        (".hidden.md", None),
        ("script.py", None),
        ("md", None),
        ("", None),
    ],
)
def test_upload_names_are_made_safe(name: str, saved: str | None) -> None:
    assert views.safe_filename(name) == saved


def test_save_upload_writes_inside_the_folder(tmp_path: Path) -> None:
    path = views.save_upload(tmp_path / "uploads", "../escape.md", b"# Title\n")
    assert path == tmp_path / "uploads" / "escape.md" and path.read_bytes() == b"# Title\n"
    with pytest.raises(ValueError, match="was not saved"):
        views.save_upload(tmp_path / "uploads", "virus.exe", b"")


def test_ingest_summary_reports_every_file_and_why_skipped() -> None:
    report = IngestReport(
        added=["var/uploads/a.md"],
        updated=["var/uploads/b.md"],
        unchanged=["knowledge/corpus/divert.md"],
        removed=[],
        skipped=[SkippedFile(path="var/uploads/c.pdf", reason="no text could be read")],
        chunks=80,
        seconds=1.25,
        dense=False,
    )
    summary = views.ingest_summary(report)
    assert summary.headline == (
        "Indexed 80 passages in 1.2 s: 1 added, 1 updated, 1 unchanged, 0 removed, "
        "1 skipped (keyword search only)."
    )
    assert summary.added == ("var/uploads/a.md",)
    assert summary.skipped == ("var/uploads/c.pdf: no text could be read",)


def test_verdict_badges_never_rely_on_colour() -> None:
    for verdict in Verdict:
        assert views.BADGES[verdict][0] in "✓✗?"
    assert views.NOT_CONFIRMED_BADGE.startswith("⚠ ")  # its own symbol, and words


# ---------------------------------------------------------------- old evidence, assumed dates


def test_on_old_evidence_the_card_says_not_confirmed_never_eligible(assistant: Assistant) -> None:
    answer = assistant.ask(README_QUESTION, DECEMBER_2026)
    divert = answer.recommended[0]
    assert divert.id == "divert" and divert.verdict is Verdict.likely_eligible
    card = views.programme_card(divert)
    assert card.badge == (
        "⚠ Likely eligible, but not confirmed since October 2020: check it still runs"
    )
    assert "✓" not in card.badge and card.badge != views.BADGES[Verdict.eligible]
    running = card.checks[-1]
    assert (running.label, running.truth) == ("running there on that date", Truth.unknown)
    assert running.markdown().startswith("? (unknown) **Running there on that date**: DIVERT")
    assert "not confirmed since October 2020" in running.reason


def test_on_old_evidence_the_answer_never_says_simply_running(assistant: Assistant) -> None:
    questions = [
        README_QUESTION,
        "What does the VRN run in Blackpool?",
        "Domestic abuse victim in Blackpool, police attended",
        "Our charity in Skelmersdale would like to become trauma informed",
    ]
    for question in questions:
        answer = assistant.ask(question, DECEMBER_2026)
        text = answer.text
        assert "is running" not in text and ": running" not in text, text
        assert "Running in" not in text, text
        assert "not confirmed since october 2020" in text.lower(), text
        for programme in answer.recommended:
            assert views.programme_card(programme).badge.startswith("⚠"), text
        for line in views.group_considered(answer).lines(answer.considered):
            assert "✓ Eligible" not in line
    fresh = assistant.ask(README_QUESTION, NOVEMBER_2020)
    assert "not confirmed" not in fresh.text
    assert views.programme_card(fresh.recommended[0]).badge == "✓ Eligible"


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n", text) if s.strip()]


def test_an_assumed_date_is_said_to_be_assumed_and_never_cited(assistant: Assistant) -> None:
    for question, day, assumed, why in [
        (
            "Blackpool man with heroin addiction keeps offending to fund his habit",
            date(2021, 1, 15),
            "November 2023",
            "a three-year pilot from its expected go-live",
        ),
        ("19yo arrested in Preston for assault, in custody", NOVEMBER_2020, "November 2020", "within weeks"),
    ]:  # fmt: skip
        text = assistant.ask(question, day).full_text()  # the text and the cards
        assert f"The {'end' if '2023' in assumed else 'start'} date, {assumed}, is assumed" in text
        assert why in text
        stating = [s for s in _sentences(text) if "assumed" in s]
        assert stating
        for claim in stating:  # no sentence stating an assumed date carries a citation
            assert not re.search(r"\[\d+\]", claim), claim
        # What the source does say is quoted beside it, and it does not state the date.
        says = [s for s in text.split("The source says: ")[1:]]
        assert says and re.match(r"“[^”]+” \[\d+\]", says[0])
        assert assumed not in says[0].split("”")[0]


def test_the_catalogue_page_says_assumed_and_not_confirmed() -> None:
    catalogue = default_catalogue()
    adder = catalogue.get("operation-adder")
    soon = views.catalogue_entry(adder, date(2021, 1, 15), catalogue)
    assert soon.where_when[0].startswith("Blackpool: running, expected from December 2020")
    assert "assumed until November 2023" in soon.where_when[0]
    assert "three-year pilot" in soon.where_when[0]
    divert = views.catalogue_entry(catalogue.get("divert"), DECEMBER_2026, catalogue)
    assert not any(": running" in line for line in divert.where_when)
    assert "Blackpool: not confirmed since October 2020 (running then, from September 2020)" in (
        divert.where_when
    )


def test_a_second_upload_of_the_same_name_keeps_both(tmp_path: Path) -> None:
    folder = tmp_path / "uploads"
    first = views.save_upload(folder, "notes.md", b"# One\n")
    second = views.save_upload(folder, "notes.md", b"# Two\n")
    again = views.save_upload(folder, "notes.md", b"# Two\n")
    assert (first.name, second.name, again) == ("notes.md", "notes (2).md", second)
    assert first.read_bytes() == b"# One\n" and second.read_bytes() == b"# Two\n"


def test_an_overlong_name_gets_a_one_line_reason_without_a_path(tmp_path: Path) -> None:
    with pytest.raises(ValueError) as refused:
        views.save_upload(tmp_path / "uploads", "x" * 300 + ".md", b"# Long\n")
    message = str(refused.value)
    assert "at most 100 characters" in message and str(tmp_path) not in message
    assert "Errno" not in message and "\n" not in message


def test_the_facts_form_keeps_a_range_until_an_exact_age_is_given() -> None:
    original = Case(age_range=AgeRange(min=20, max=23), without_roles={Role.parent})
    kept = views.case_from_form(views.form_from_case(original), original)
    assert kept.age_range == original.age_range and kept.without_roles == {Role.parent}
    exact = views.case_from_form(
        replace(views.form_from_case(original), age=21, roles=(Role.parent,)), original
    )
    assert exact.age == 21 and exact.age_range is None and not exact.without_roles


# ---------------------------------------------------------------- display: dates, danger, once


def test_each_card_says_when_and_where_its_dates_were_stated(divert_answer: Answer) -> None:
    from vrn_assistant.interfaces import display

    availability = divert_answer.recommended[0].report.availability
    line = display.stated_line(availability.stated, availability.confirmed, availability.source)
    assert line == "As stated on 1 October 2020 in divert.md (Where and when)."
    assert display.freshness_warning(availability, NOVEMBER_2020) is None


def test_a_later_confirmation_is_said_too() -> None:
    from vrn_assistant.interfaces import display
    from vrn_core import SourceRef

    source = SourceRef.model_validate("divert.md#Where and when")
    line = display.stated_line(date(2020, 10, 1), date(2021, 5, 3), source)
    assert line.endswith("; last confirmed on 3 May 2021.")
    assert display.stated_line(None, None, None) == "No source gives when or where it runs."


def test_past_the_horizon_the_card_carries_a_warning(assistant: Assistant) -> None:
    from vrn_assistant.interfaces import display

    late = assistant.ask(README_QUESTION, DECEMBER_2026)
    availability = _programme(late, "divert").report.availability
    warning = display.freshness_warning(availability, DECEMBER_2026)
    assert warning is not None
    assert warning.startswith("Not confirmed since October 2020")
    assert "Check with the provider before referring" in warning


def test_the_catalogue_dates_each_programme_and_warns_when_old() -> None:
    from vrn_assistant.interfaces import display

    divert = default_catalogue().get("divert")
    assert display.catalogue_dates(divert, NOVEMBER_2020) == (
        "As stated on 1 October 2020 in divert.md (Where and when).",
    )
    assert display.catalogue_warning(divert, NOVEMBER_2020) is None
    warning = display.catalogue_warning(divert, DECEMBER_2026)
    assert warning is not None and warning.startswith("Not confirmed since October 2020")


def test_the_emergency_box_is_call_999_then_three_short_lines() -> None:
    from vrn_assistant.interfaces import display

    assert display.EMERGENCY_HEADLINE == "Call 999 now"
    assert len(display.EMERGENCY_LINES) == 3
    assert all(len(line) <= 90 for line in display.EMERGENCY_LINES)
    assert any("55" in line for line in display.EMERGENCY_LINES)  # the Silent Solution


def test_the_emergency_advice_is_not_repeated_in_the_text(assistant: Assistant) -> None:
    from vrn_assistant.interfaces import display
    from vrn_assistant.understanding.safety import EMERGENCY_ADVICE

    urgent = assistant.ask("He has a knife and is threatening her right now in Blackpool")
    assert urgent.emergency and EMERGENCY_ADVICE in urgent.text
    shown = display.text_without_emergency(urgent, EMERGENCY_ADVICE)
    assert EMERGENCY_ADVICE not in shown and shown.strip()
    calm = urgent.model_copy(update={"emergency": False})
    assert display.text_without_emergency(calm, EMERGENCY_ADVICE) == urgent.text


def test_in_short_is_one_line_per_recommended_programme(divert_answer: Answer) -> None:
    from vrn_assistant.interfaces import display

    lines = display.in_short(divert_answer)
    assert len(lines) == len(divert_answer.recommended)
    assert lines[0] == "**DIVERT**: ✓ Eligible"
    nothing = divert_answer.model_copy(update={"recommended": ()})
    assert display.in_short(nothing) == (
        "No VRN programme in the catalogue fits these facts on 15 November 2020.",
    )
