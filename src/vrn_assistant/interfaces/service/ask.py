"""`POST /ask`: a practitioner's question in, the assistant's answer out.

The answer is the batch format `vrn ask --batch` writes (`Answer.eval_record`).
Personal details are redacted by the assistant before anything else reads the
question; nothing about the request is logged or kept. The assistant is built on
the first question (it loads the index and the embedding model) and shared.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.concurrency import run_in_threadpool

from vrn_assistant.assistant import MAX_QUESTION_CHARS
from vrn_assistant.errors import IndexUnavailable
from vrn_assistant.interfaces.service.bodies import BODY_ERRORS, json_body, read_body
from vrn_assistant.interfaces.service.eligibility import read_day
from vrn_assistant.interfaces.service.errors import ApiError, Problem
from vrn_assistant.interfaces.service.state import ServiceState, state_of

__all__ = ["AskAnswer", "AskRequest", "router"]

router = APIRouter(tags=["Assistant"])


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AskRequest(_Strict):
    question: str = Field(
        min_length=1,
        max_length=MAX_QUESTION_CHARS,
        description="The question, as a practitioner would type it. Personal details are "
        "removed before it is read.",
    )
    as_of: date | None = Field(default=None, description="Judge availability on this date.")

    _as_of_text = field_validator("as_of", mode="before")(read_day)


class _Named(_Strict):
    id: str
    name: str
    verdict: str


class _Considered(_Named):
    reasons: list[str]


class _Cited(_Strict):
    source: str
    title: str
    locator: str
    quote: str


class AskAnswer(_Strict):
    """The batch answer format (`vrn ask --batch`), without an id."""

    text: str = Field(description="The answer; each factual sentence ends with [n].")
    emergency: bool = Field(description="Immediate danger was spotted: emergency advice first.")
    recommended: list[_Named]
    considered: list[_Considered]
    citations: list[_Cited] = Field(description="Source n of [n], with its verbatim quote.")


@router.post(
    "/ask",
    summary="Answer a question with cited sources",
    response_model=AskAnswer,
    openapi_extra=json_body(AskRequest),
    responses={
        **BODY_ERRORS,
        503: {"model": Problem, "description": "The index is not built or cannot be used."},
    },
)
async def ask(request: Request, state: Annotated[ServiceState, Depends(state_of)]) -> JSONResponse:
    asked = await read_body(request, AskRequest)
    try:
        assistant = await run_in_threadpool(state.assistant)
        if not await run_in_threadpool(assistant.index.chunks):
            raise ApiError(503, "The index is empty: run `vrn ingest`, then ask again.")
        answer = await run_in_threadpool(assistant.ask, asked.question, asked.as_of)
    except IndexUnavailable:
        raise ApiError(503, "The index cannot be used just now; try again later.") from None
    return JSONResponse(answer.eval_record())
