"""The referral summary a practitioner copies: facts read, each programme, sources."""

from __future__ import annotations

import re
from datetime import date

from vrn_assistant import Assistant
from vrn_assistant.answering.summary import referral_summary

AS_OF = date(2020, 11, 15)


def test_a_divert_summary_says_why_it_fits_how_to_refer_and_its_dated_sources(
    assistant: Assistant,
) -> None:
    answer = assistant.ask("24yo arrested in Blackpool for GBH, coach available?", AS_OF)
    summary = referral_summary(answer)
    headings = [section.heading for section in summary.sections]
    assert headings == ["Facts as read (check them)", "1. DIVERT (eligible)"]
    assert summary.text.startswith("Referral summary, as of 15 November 2020\n\n")
    divert = summary.sections[1]
    assert "- age: 24" in summary.sections[0].lines
    assert any(line.startswith("Why it fits: 24 is within DIVERT's 18–25") for line in divert.lines)
    assert any(
        line.startswith("How to refer: Offered in the custody suite") for line in divert.lines
    )
    refer = next(line for line in divert.lines if line.startswith("How to refer: "))
    assert re.search(r"\[\d+\]\.$", refer)  # cited, as on the card
    sources = divert.lines[divert.lines.index("Sources:") + 1 :]
    assert sources[0].startswith(
        "[1] DIVERT custody intervention coaches, What it is "
        "(knowledge/corpus/divert.md; stated October 2020): “"
    )
    # Every marker in the programme's lines is one of its listed sources.
    listed = {re.match(r"\[(\d+)\]", line).group(1) for line in sources}  # type: ignore[union-attr]
    body = " ".join(divert.lines[: divert.lines.index("Sources:")])
    assert set(re.findall(r"\[(\d+)\]", body)) <= listed
    assert "**" not in summary.text  # plain text, no Markdown


def test_the_summary_never_repeats_personal_details_from_the_question(
    assistant: Assistant,
) -> None:
    answer = assistant.ask(
        "Jamie Walsh, 24, DOB 03/04/1996, phone 07700 900123, arrested in Blackpool for GBH",
        AS_OF,
    )
    text = referral_summary(answer).text
    for detail in ("Jamie", "Walsh", "03/04/1996", "07700", "900123"):
        assert detail not in text
    assert "Personal details removed before reading:" in text
    assert "others may remain" in text


def test_what_is_still_unknown_is_listed_to_check(assistant: Assistant) -> None:
    answer = assistant.ask("someone held in Blackpool custody for assault", AS_OF)
    divert = next(s for s in referral_summary(answer).sections if "DIVERT" in s.heading)
    assert divert.heading == "1. DIVERT (likely eligible)"
    assert any(line.startswith("Still to check: ") and "age" in line for line in divert.lines)


def test_no_programme_and_danger_are_said_in_the_summary(assistant: Assistant) -> None:
    answer = assistant.ask("he has a knife and is threatening to kill her right now", AS_OF)
    summary = referral_summary(answer)
    assert summary.sections[0].heading == "Emergency"
    assert "999" in summary.sections[0].lines[0]
    plain = referral_summary(assistant.ask("what is the weather like", AS_OF))
    assert "No VRN programme in the catalogue fits these facts on 15 November 2020." in plain.text


def test_a_child_in_custody_gets_the_safeguarding_step_with_the_council_numbers(
    assistant: Assistant,
) -> None:
    answer = assistant.ask("16 year old in Preston custody for robbery", AS_OF)
    summary = referral_summary(answer)
    step = next(s for s in summary.sections if s.heading == "Child safeguarding")
    assert step.lines[0].startswith("They are under 18 and in police custody")
    assert "0300 123 6720" in step.lines[1] and "0300 123 6722 (8pm to 8am)" in step.lines[1]


def test_each_programme_says_how_to_reach_it(assistant: Assistant) -> None:
    answer = assistant.ask("woman in Nelson whose husband beats her, police attended", AS_OF)
    provide = referral_summary(answer).sections[1]
    assert provide.heading.startswith("1. Operation Provide")
    assert any(
        line.startswith("How to reach them: Lancashire Constabulary: phone 101; phone 999")
        for line in provide.lines
    )
