"""What the composed answer says: something to act on, advice for who asks, no dead ends."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cache

from tests.conftest import KNOWLEDGE
from vrn_assistant.answer import Answer
from vrn_assistant.answering.compose import NO_PASSAGES, Composer
from vrn_assistant.answering.summary import referral_summary
from vrn_assistant.retrieval.chunks import Chunk
from vrn_assistant.retrieval.documents import load_chunks
from vrn_assistant.understanding.extraction import Extraction, extract
from vrn_core import SourceRef, default_catalogue, rank
from vrn_core.vocabulary import Asker

AS_OF = date(2020, 11, 15)


@cache
def _sections() -> dict[tuple[str, str], Chunk]:
    found: dict[tuple[str, str], Chunk] = {}
    for path in sorted((KNOWLEDGE / "corpus").glob("*.md")):
        for chunk in load_chunks(path, source=f"knowledge/corpus/{path.name}"):
            found.setdefault((path.name, chunk.locator), chunk)
    return found


def _section(source: SourceRef) -> Chunk | None:
    return _sections().get((source.document, source.locator))


def _read(question: str) -> Extraction:
    catalogue = default_catalogue()
    names = {p.id: p.names() for p in catalogue}
    return extract(question, catalogue.gazetteer, names)


def _answer(extraction: Extraction, question: str = "q") -> Answer:
    catalogue = default_catalogue()
    assessments = rank(
        catalogue,
        extraction.case,
        AS_OF,
        place=extraction.place,
        asked_about=extraction.asked_about,
    )
    return Composer(catalogue, _section).compose(
        question=question,
        as_of=AS_OF,
        redacted=(),
        danger=None,
        extraction=extraction,
        assessments=assessments,
        passages=lambda: NO_PASSAGES,
        dense_retrieval=True,
    )


def _ask(question: str, asker: Asker | None = None) -> Answer:
    """The answer to a question; `asker`, when given, as if the reader had read it."""
    extraction = _read(question)
    if asker is not None:
        extraction = replace(extraction, asker=asker)
    return _answer(extraction, question)


def _quote(answer: Answer, line: str) -> str:
    """The quote behind the last marker of a line."""
    number = int(re.findall(r"\[(\d+)\]", line)[-1])
    return answer.citations[number - 1].quote


def test_each_recommended_programme_says_how_to_reach_it_or_that_no_number_is_known() -> None:
    answer = _ask("24 year old held in Blackpool custody for GBH")
    divert = answer.recommended[0]
    assert divert.id == "divert"
    assert [(r.kind.value, r.value) for r in divert.routes] == [
        ("post", "County Hall, Fishergate, Preston PR1 8XB")
    ]
    assert divert.no_contact == (
        "The sources give no phone or email for DIVERT; "
        "ask the custody staff on shift for the DIVERT coach."
    )
    reach = next(line for line in divert.details if line.startswith("How to reach them: "))
    assert "County Hall" in _quote(answer, reach)


def test_operation_provide_gives_the_police_numbers_cited() -> None:
    answer = _ask("woman in Nelson whose husband beats her, police attended")
    provide = answer.recommended[0]
    assert provide.id == "operation-provide"
    phones = [r.value for r in provide.routes if r.kind.value == "phone"]
    assert phones == ["101", "999"]
    assert provide.no_contact is None  # a phone is known
    line = next(line for line in provide.details if "Lancashire Constabulary" in line)
    assert "101" in _quote(answer, line) and "999" in _quote(answer, line)


def test_custody_staff_are_told_what_they_can_do_themselves() -> None:
    question = "24 year old held in Blackpool custody for GBH"
    custody = _ask(question, Asker.custody_staff).recommended[0]
    assert custody.advice is not None
    assert "ask for the coach on shift at your suite" in custody.advice
    assert any(line.startswith("For you (custody staff): ") for line in custody.details)
    family = _ask(question, Asker.family).recommended[0]
    assert family.advice is not None and "ask the custody staff holding the person" in family.advice
    nobody = _answer(replace(_read(question), asker=None), question).recommended[0]
    assert nobody.advice is None
    assert not any(line.startswith("For you") for line in nobody.details)


def test_an_under_18_in_custody_or_hospital_always_gets_the_child_safeguarding_step() -> None:
    for question, front_door in (
        ("16 year old in Preston custody for robbery", "0300 123 6720"),
        ("15 year old at the A&E in Blackpool Victoria after a stabbing", "blackpoolsafeguarding"),
        ("17 year old held at Greenbank custody in Blackburn for assault", "01254 666400"),
    ):
        answer = _ask(question)
        assert answer.safeguarding is not None, question
        assert answer.safeguarding.startswith("They are under 18 and in ")
        assert "**Child safeguarding**" in answer.text
        assert "999" in _quote(answer, answer.safeguarding)
        assert any(front_door in r.value for r in answer.routes), (question, answer.routes)
        assert "Child safeguarding" in referral_summary(answer).text
    blackpool = _ask("15 year old at the A&E in Blackpool Victoria after a stabbing")
    assert "The sources give no phone number for it; in immediate danger, ring 999." in (
        blackpool.text
    )
    adult = _ask("19 year old in Preston custody for robbery")
    assert adult.safeguarding is None and "Child safeguarding" not in adult.text


def test_no_fit_gives_one_line_and_the_usual_routes_cited() -> None:
    answer = _ask("my partner hits me, I live in Chorley")
    assert answer.recommended == ()
    assert "No VRN programme in the catalogue fits these facts on 15 November 2020." in answer.text
    line = next(x for x in answer.text.split("\n") if x.startswith("- Domestic abuse: "))
    assert "101" in line and "999" in line and "101" in _quote(answer, line)
    child = _ask("15 year old at school in Preston, worried about knives")
    line = next(x for x in child.text.split("\n") if x.startswith("- A concern about a child: "))
    assert "0300 123 6720" in line
    assert "Usual routes:" in referral_summary(child).text


def test_questions_not_about_the_vrn_get_what_the_tool_covers_and_examples() -> None:
    for question in ("nearest food bank", "help", "hi"):
        answer = _ask(question)
        assert "could not read any facts" not in answer.text
        assert answer.text.startswith("This tool answers questions about the Lancashire Violence")
        assert answer.text.count("\n- “") == 2  # two example questions


def test_the_answer_text_gives_one_line_per_programme_and_the_card_the_rest() -> None:
    answer = _ask("24 year old held in Blackpool custody for GBH")
    recommended = answer.text.split("**Recommended**\n")[1].split("\n\n")[0].split("\n")
    assert len(recommended) == len(answer.recommended)
    assert recommended[0].startswith("1. **DIVERT** (eligible). ")
    assert "Why it fits" not in answer.text
    assert answer.recommended[0].details[0].startswith("Why it fits: 24 is within")
    assert "**1. DIVERT in detail**\n- Why it fits: " in answer.full_text()


def test_an_eligible_programme_lists_nothing_still_to_check() -> None:
    # Serving a sentence is enough for "in prison": the unknown setting is not asked for.
    read = _read("dad serving a sentence at HMP Lancaster Farms wants to be a better father")
    answer = _answer(replace(read, case=read.case.model_copy(update={"setting": None})))
    first = answer.recommended[0]
    assert (first.id, first.verdict.value) == ("strength-inside-and-out", "eligible")
    assert not any(line.startswith("Still to check") for line in first.details)
    assert all(c.result.value == "met" for c in first.report.criteria)
    # Its summary no longer says "planned" beside a "running" status.
    assert "planned" not in (first.summary or "")


def test_school_staff_get_advice_addressed_to_them() -> None:
    answer = _ask("pupil in Morecambe whose dad is in prison", Asker.school_staff)
    advised = {p.id: p.advice for p in answer.recommended if p.advice}
    assert any("Your school can ask the Lancashire VRN team" in a for a in advised.values())
    for programme in answer.recommended:
        if programme.advice:
            assert re.search(r"\[\d+\]", programme.advice), programme.id  # cited
