"""How statements are read for status, referral routes and who a programme is for,
by wording family: the many ways a page says a service is closed, paused, funded to a
month or still going; a way in set apart from referring people on; who it is for in
plain words."""

from __future__ import annotations

from datetime import date

import pytest

from vrn_assistant.claims import Claim, ClaimKind, ClaimStatus
from vrn_assistant.claims.eligibility import eligibility
from vrn_assistant.claims.reading import places, referral, status
from vrn_core import Catalogue


@pytest.mark.parametrize(
    "text",
    [
        "Sorry, the project is no longer accepting referrals.",
        "We are not currently taking new referrals for the mentoring strand.",
        "The service is closed to new referrals while we recruit a coach.",
        "Referrals are temporarily suspended until further notice.",
    ],
)
def test_closed_to_referrals_is_not_taking_referrals(text: str) -> None:
    found = status(text)
    assert found is not None and found.status is ClaimStatus.not_taking_referrals


@pytest.mark.parametrize(
    "text",
    [
        "The drop-in sessions have been paused over the summer holidays.",
        "Group work is on hold while the venue is repaired.",
        "Delivery has been temporarily stopped in the north of the county.",
    ],
)
def test_a_pause_is_paused(text: str) -> None:
    found = status(text)
    assert found is not None and found.status is ClaimStatus.paused


@pytest.mark.parametrize(
    ("text", "until"),
    [
        ("The project is funded until March 2025.", date(2025, 3, 31)),
        ("Funding is in place until the end of June 2024.", date(2024, 6, 30)),
        ("Its grant has been extended to September 2026.", date(2026, 9, 30)),
        ("The pilot will end in December 2023 unless new money is found.", date(2023, 12, 31)),
        ("The sessions run until February 2022 at the library.", date(2022, 2, 28)),
    ],
)
def test_funding_to_a_month_is_funded_until_its_last_day(text: str, until: date) -> None:
    found = status(text)
    assert found is not None and found.status is ClaimStatus.funded_until
    assert found.until == until


@pytest.mark.parametrize(
    "text",
    [
        "The online group has ended.",
        "The pilot ended in March 2023 when the grant ran out.",
        "Sadly the scheme came to an end last spring.",
        "This service is no longer running.",
        "The helpline was discontinued after the review.",
        "The programme has closed to referrals because its funding has ended.",
    ],
)
def test_an_end_is_ended(text: str) -> None:
    found = status(text)
    assert found is not None and found.status is ClaimStatus.ended


@pytest.mark.parametrize(
    "text",
    [
        "The scheme has been extended to Chorley and South Ribble.",
        "The offer does not expire, so people can come back later.",
        "There is no fixed end date for the mentoring.",
        "Support does not stop when the young person leaves hospital.",
        "The project is funded by the county council.",
        "A second cohort of fathers has completed the course.",
    ],
)
def test_signs_that_it_goes_on_are_running(text: str) -> None:
    found = status(text)
    assert found is not None and found.status is ClaimStatus.running


def test_a_first_session_is_a_launch() -> None:
    found = status("This was the first session the volunteers ran at the school.")
    assert found is not None and found.status is ClaimStatus.launched


@pytest.mark.parametrize(
    "text",
    [
        "We hope the coaches will be extended to more suites next year.",
        "The navigators work closely with the police and the hospital.",
        "Since meeting his mentor he has stopped carrying a knife.",
        "Three fathers have finished the course this term.",
    ],
)
def test_a_plan_a_partnership_or_a_participant_is_no_status(text: str) -> None:
    """Only the programme itself stopping is an end: a person who stops or finishes
    something is not."""
    assert status(text) is None


def test_extended_to_a_place_names_that_place(catalogue: Catalogue) -> None:
    found = places("The coaching has been extended to Chorley.", catalogue.gazetteer)
    assert found is not None and found.ids == ("town:chorley",)


@pytest.mark.parametrize(
    "text",
    [
        "To refer someone, call the team on the number below.",
        "Schools, social workers and the police can make referrals to the project.",
        "Young people can also refer themselves.",
        "Referrals are made by the custody sergeant on duty.",
    ],
)
def test_ways_in_are_referral_routes(text: str) -> None:
    assert referral(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mentors can refer families on to housing and debt advice.",
        "Staff follow each patient up afterwards with a referral.",
        "We may refer people to other local services for counselling.",
        "The project has closed to referrals because its funding has ended.",
        "We are not taking any new referrals at the moment.",
        "Officers from the police and nurses from the hospital visit together.",
    ],
)
def test_referring_on_closed_or_incidental_is_no_route(text: str) -> None:
    assert not referral(text)


@pytest.mark.parametrize(
    ("text", "accepts"),
    [
        (
            "The coach works inside the custody suite with **men aged 18-25 who have been "
            "detained for assault**.",
            ("setting:police_custody",),
        ),
        (
            "Young people who have come to hospital after a stabbing get a navigator.",
            ("setting:hospital_emergency_department",),
        ),
        (
            "Advocates visit the home so that a victim and her children can get help at once.",
            ("role:victim",),
        ),
        (
            "The workshops are open to teachers, youth workers and housing staff, and to "
            "charities and other organisations.",
            ("role:practitioner", "role:organisation"),
        ),
        (
            "The scheme lets students on the nursing degree volunteer in local schools.",
            ("role:student",),
        ),
        ("It supports women who have experienced domestic abuse.", ("role:victim",)),
    ],
)
def test_who_it_is_for_in_plain_words(text: str, accepts: tuple[str, ...]) -> None:
    found = eligibility(text)
    assert found is not None and found.accepts == accepts


@pytest.mark.parametrize(
    ("text", "also"),
    [
        (
            "The strand is for **12 to 16 year olds whose offending is minor**.",
            "who have offended",
        ),
        (
            "The team works with the people most at risk of a drug-related death.",
            "at risk of a drug-related death",
        ),
        ("It works with vulnerable teenagers with complex needs.", "with complex needs"),
    ],
)
def test_who_else_is_kept_in_words(text: str, also: str) -> None:
    found = eligibility(text)
    assert found is not None and found.also == also


@pytest.mark.parametrize(
    "text",
    [
        "The chief constable visited the station, meeting the officers and NHS staff there.",
        "Plenty of people who are hurt in a fight never want the police involved.",
        "Of those who took part, a third came back to A&E within the year.",
        "The old chat group was for 11-15 year olds at risk of crime.",
        "Police officers and hospital staff work closely with the team.",
    ],
)
def test_remarks_visits_and_past_offers_say_nothing_about_who(text: str) -> None:
    """Who a visitor met, a remark about some people, figures, and who a closed
    programme used to take are not who the programme is for now."""
    assert eligibility(text) is None


def test_fixture_referral_routes_are_ways_in(claims: list[Claim]) -> None:
    """The later documents' referral claims: none is an onward referral or a closure."""
    routes = [c.quote for c in claims if c.kind is ClaimKind.referral]
    assert routes
    assert not [q for q in routes if "on to" in q or "closed to" in q or "not taking" in q]
    assert not [q for q in routes if "with a referral" in q]
