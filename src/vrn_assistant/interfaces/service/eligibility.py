"""`POST /eligibility`: a case in, the rules' report out (vrn_core only).

The body is a case as `docs/schemas/case.schema.json` describes it, plus an
optional `as_of` date; the answer is `vrn_core.report.check`'s report, as
`docs/schemas/report.schema.json` describes it: every programme's verdict, the
reason for each criterion, what is unknown, availability, near misses and sources.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from pydantic import Field, field_validator

from vrn_assistant.interfaces.service.bodies import BODY_ERRORS, json_body, read_body
from vrn_assistant.interfaces.service.state import ServiceState, state_of
from vrn_core.case import Case
from vrn_core.report import CheckReport, check
from vrn_core.wording import parse_day

__all__ = ["EligibilityRequest", "read_day", "router"]

router = APIRouter(tags=["Eligibility"])


def read_day(value: object) -> object:
    """A date given as text: YYYY-MM-DD or DD/MM/YYYY (never a number)."""
    if value is None or isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError('give a date as text, e.g. "2020-11-15"')
    return parse_day(value)


class EligibilityRequest(Case):
    """The facts known (every one optional: absent means unknown), and the day to judge on."""

    as_of: date | None = Field(
        default=None, description="Judge availability on this date (default: today)."
    )

    _as_of_text = field_validator("as_of", mode="before")(read_day)

    @field_validator(
        "without_settings",
        "roles",
        "without_roles",
        "issues",
        "without_issues",
        "wants",
        mode="before",
    )
    @classmethod
    def _once_each(cls, value: object) -> object:
        """The schema says these are sets (uniqueItems): a value given twice is refused,
        as a partner's validator would refuse it, rather than quietly merged."""
        if isinstance(value, list):
            texts = [item for item in value if isinstance(item, str)]
            if len(set(texts)) != len(texts):
                raise ValueError("give each value at most once")
        return value


@router.post(
    "/eligibility",
    summary="Which programmes fit this case, and why",
    response_model=None,
    openapi_extra=json_body(EligibilityRequest),
    responses={
        200: {"model": CheckReport, "description": "The report of every programme."},
        **BODY_ERRORS,
    },
)
async def eligibility(
    request: Request, state: Annotated[ServiceState, Depends(state_of)]
) -> Response:
    asked = await read_body(request, EligibilityRequest)
    case = Case.model_validate(asked.model_dump(exclude={"as_of"}, exclude_defaults=True))
    report = check(state.catalogue, case, asked.as_of)
    return Response(report.model_dump_json(), media_type="application/json")
