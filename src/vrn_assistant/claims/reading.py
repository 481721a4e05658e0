"""Reading one statement for claim values: age bands, places, status, referral
routes and public contact routes. Pure functions over text; places go through
the gazetteer (vrn_core.places), so only places it knows, in Lancashire, count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from vrn_assistant.claims.model import ClaimStatus
from vrn_core.places import Gazetteer, MatchStatus
from vrn_core.wording import format_month

__all__ = [
    "AgeBand",
    "PlaceList",
    "Statement",
    "StatusValue",
    "age_bands",
    "contacts",
    "places",
    "referral",
    "statements",
    "status",
]

_MIN_STATEMENT = 20
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]*]*\s+(?=[A-Z\"“(*])")
_AGES = (
    re.compile(r"\b(?:aged|ages|age)\s+(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})\b", re.IGNORECASE),
    re.compile(r"\b(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})[- ]year[- ]olds?\b", re.IGNORECASE),
)
_OVER = re.compile(r"\(\s*(\d{1,2}) and over\s*\)|\baged (\d{1,2}) and over\b", re.IGNORECASE)
_UNDER = re.compile(r"\(\s*under (\d{1,2})\s*\)|\baged under (\d{1,2})\b", re.IGNORECASE)
_MONTHS = "january february march april may june july august september october november december"
_MONTH_YEAR = re.compile(rf"\b({'|'.join(_MONTHS.split())})\s+(\d{{4}})\b", re.IGNORECASE)
_MONTH = (
    rf"(?:the end of )?(?:\d{{1,2}}(?:st|nd|rd|th)? )?({'|'.join(_MONTHS.split())})\s+(\d{{4}})"
)
# Status wordings, by family; `status` tries them in this order (a programme "closed to
# referrals because its funding has ended" has ended, not paused).
# "has finished" alone, not "has finished the course" (a participant, not the programme).
_NO_OBJECT = r"(?=\s*(?:[.,;:!?)]|$|(?:in|on|at|because|after|when|last|this|earlier|now)\b))"
_ENDED = re.compile(
    rf"\b(?:has|have|had) (?:now )?(?:ended|closed|finished|stopped){_NO_OBJECT}|"
    r"\b(?:came|has come|have come) to an end\b|"
    r"\b(?:ended|closed|finished|stopped) in (?:\w+ )?\d{4}\b|"
    r"\b(?:was|were|has been|have been) (?:decommissioned|discontinued|withdrawn)\b|"
    r"\bno longer (?:runs?|running|operating|operates|available|exists)\b",
    re.IGNORECASE,
)
_NOT_TAKING = re.compile(
    r"\b(?:not|no longer) (?:currently |able to )?(?:taking|accepting|open to|take|accept) "
    r"(?:any )?(?:new |more |further )?referrals\b|"
    r"\bclosed to (?:any )?(?:new |more |further )?referrals\b|"
    r"\breferrals (?:are|have been) (?:currently |temporarily )?(?:closed|suspended|paused|on hold)\b",
    re.IGNORECASE,
)
_PAUSED = re.compile(
    r"\b(?:paused|pausing|on hold|suspended|on a break|temporarily (?:closed|stopped|halted))\b",
    re.IGNORECASE,
)
_FUTURE_END = r"(?:will|is due to|is set to|is expected to) (?:end|close|finish|stop)"
_UNTIL = re.compile(
    r"\b(?:funding|money|funded|grant|contract)\b[^.]{0,40}?"
    r"\b(?:runs out|run out|ends|end|until|to|through to|up to|till)\b[^.]{0,10}?"
    rf"\b(?:in )?{_MONTH}|"
    rf"\bextended (?:until|to|through|till) (?:in )?{_MONTH}|"
    rf"\b{_FUTURE_END} (?:in |on |at )?{_MONTH}|"
    rf"\b(?:runs?|running|continues?|continuing) (?:until|till|to) {_MONTH}",
    re.IGNORECASE,
)
_LAUNCHED = re.compile(
    r"\b(?:new strand|new resource|producing a new|we launched|has launched|was launched|"
    r"newly funded|(?:has|have) (?:just |now )?been set up|got under way|"
    r"(?:the|its|our) first (?:activity|session|cohort|course|group|event)\b)",
    re.IGNORECASE,
)
_RUNNING = re.compile(
    r"\b(?:now running|still operating|still running|is running|has been live|went live|"
    r"live since|now works|began in|keep going|keeps running|carry on|continue to run|"
    r"rolling out|is now known as|still active|"
    # an offer with no end: "the offer does not expire", "no fixed end date"
    r"(?:does not|doesn't|do not|don't) (?:expire|stop|end)|no (?:fixed |set )?end date|"
    r"open-ended|"
    r"(?:stays|remains) open|"
    # who pays for it now: "funded by the VRN", "the council pays for it"
    r"(?:is|are|was|were|has been|have been) (?:jointly |part[- ])?(?:funded|paid for) by|"
    r"pays? for|(?:is|are) commissioned by|"
    # delivery going on: "delivered to a second cohort", "has been offered to every prison"
    r"(?:has|have) been (?:delivered|offered|rolled out) (?:to|in|across)|"
    r"(?:has|have) completed|second (?:group|cohort|round|year)|"
    r"(?:has|have) been handed over to|now run by|taken over by|"
    # more places: "has been extended to Burnley" (a month after it is a funding date)
    r"(?:has been|have been|was|were|now) (?:extended|expanded|rolled out) (?:to|into|across))\b",
    re.IGNORECASE,
)
_REFERRAL = re.compile(
    r"\b(?:referrals?|refer (?:a|an|themselves|young|someone|somebody|people|children|families)|"
    r"to refer|how to refer|self-referral|self-refer|referred by|can be booked|book a|"
    r"booked on|get in touch)\b",
    re.IGNORECASE,
)
# A mention of referral that is no way in: the service refers people on elsewhere
# ("can refer young people on to organisations", "follow the patient up with a referral").
_ONWARD = re.compile(
    r"\brefer\w*\b(?:\s+[\w'’-]+){0,4}?\s+on\s+to\b|\bonward referrals?\b|"
    r"\b(?:with|by) an? referral\b|\breferrals? (?:on )?to other\b|"
    r"\brefer\w*\b(?:\s+[\w'’-]+){0,4}?\s+to\s+(?:(?:other|local|specialist|further)\s+){0,3}"
    r"(?:organisations|services|agencies|support services|teams)\b",
    re.IGNORECASE,
)
_WEB = re.compile(
    r"\b(?:https?://)?(?:www\.)?(?:[a-z0-9-]+\.)+(?:co\.uk|org\.uk|gov\.uk|nhs\.uk|ac\.uk|"
    r"police\.uk|org|com|net)(?:/[\w/-]*)?",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_PHONE = re.compile(r"(?<![\d,.£])(?:999|101|0\d{3,4} ?\d{3} ?\d{3,4})(?![\d%]|[.,]\d)")
_PHONE_CUE = re.compile(r"\b(?:call|ring|ringing|phone|telephone|dial)\b", re.IGNORECASE)
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|at|across|covers?|covering|serves?|serving|around|throughout|from|of)|[,:]|"
    r"\b(?:extended|expanded|rolled out|spread|moved) (?:to|into)|"
    r"\band|^)\s*(?:the\s+)?$",
    re.IGNORECASE,
)
# "the coach for the Fylde borough": an area said by its council's name.
_FOR_BEFORE = re.compile(r"\bfor\s+(?:the\s+)?$", re.IGNORECASE)
_AREA = re.compile(r"\s+(?:borough|district|council area)\b", re.IGNORECASE)
_FUTURE = re.compile(
    r"\b(?:would like to|plans? to|hope to|in future|in the future|will be extended)\b",
    re.IGNORECASE,
)
_ORGANISATION = re.compile(r"(?:'s\b|’s\b|\.[a-z]| +[A-Z&])")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’&-]*")
_COUNTY = re.compile(r"\b(?:right )?across the county\b|\bcounty-?wide\b", re.IGNORECASE)
_COMPLETE = re.compile(
    r"\b(?:runs in|running in|operating across|works in|work in|limited to|only|"
    r"six towns|at present|based in)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Statement:
    """A sentence, or a line ending in ':' with the list under it; offsets into the text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class AgeBand:
    min_age: int | None
    max_age: int | None

    def words(self) -> str:
        if self.min_age is not None and self.max_age is not None:
            return f"{self.min_age}-{self.max_age}"
        if self.min_age is not None:
            return f"{self.min_age} and over"
        return f"up to {self.max_age}"


@dataclass(frozen=True, slots=True)
class PlaceList:
    ids: tuple[str, ...]
    names: tuple[str, ...]
    complete: bool


@dataclass(frozen=True, slots=True)
class StatusValue:
    status: ClaimStatus
    until: date | None = None

    def words(self) -> str:
        if self.until is not None:
            return f"{self.status.value} {format_month(self.until)}"
        return self.status.value


def statements(text: str) -> list[Statement]:
    """The statements of a chunk's text, each an exact slice of it."""
    found: list[Statement] = []
    lines = text.split("\n")
    position = 0
    block_start: int | None = None
    for number, line in enumerate(lines):
        start, end = position, position + len(line)
        position = end + 1
        following = next((later for later in lines[number + 1 :] if later.strip()), "")
        if line.lstrip().startswith("|"):
            continue  # a table row is data, not a statement
        if block_start is not None:
            if not line.strip():
                continue
            if _LIST_ITEM.match(line) or line.startswith("  "):
                if not (_LIST_ITEM.match(following) or following.startswith("  ")):
                    found.append(_statement(text, block_start, end))
                    block_start = None
                continue
            found.append(_statement(text, block_start, start - 1))
            block_start = None
        if line.rstrip().endswith(":") and _LIST_ITEM.match(following):
            sentences = _sentences(text, start, end)
            found += sentences[:-1]
            block_start = sentences[-1].start if sentences else start
            continue
        found += _sentences(text, start, end)
    if block_start is not None:
        found.append(_statement(text, block_start, len(text)))
    return [s for s in _joined(text, found) if len(s.text) >= _MIN_STATEMENT]


def _joined(text: str, found: list[Statement]) -> list[Statement]:
    """Sentences broken across lines (a wrapped paragraph) read as one."""
    merged: list[Statement] = []
    for statement in found:
        if merged and not merged[-1].text.rstrip().endswith((".", "!", "?", ")")):
            between = text[merged[-1].end : statement.start]
            if between.strip() == "" and "\n\n" not in between:
                previous = merged.pop()
                statement = _statement(text, previous.start, statement.end)
        merged.append(statement)
    return merged


def _sentences(text: str, start: int, end: int) -> list[Statement]:
    line = text[start:end]
    marker = _LIST_ITEM.match(line)
    offset = marker.end() if marker else len(line) - len(line.lstrip())
    pieces: list[Statement] = []
    for match in _SENTENCE_END.finditer(line, offset):
        pieces.append(_statement(text, start + offset, start + match.start()))
        offset = match.end()
    if offset < len(line):
        pieces.append(_statement(text, start + offset, end))
    return [piece for piece in pieces if piece.text]


def _statement(text: str, start: int, end: int) -> Statement:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Statement(start, end, text[start:end])


def age_bands(text: str) -> list[AgeBand]:
    found: list[AgeBand] = []
    for pattern in _AGES:
        for match in pattern.finditer(text):
            low, high = int(match.group(1)), int(match.group(2))
            if 5 <= low < high <= 99 and AgeBand(low, high) not in found:
                found.append(AgeBand(low, high))
    for match in _OVER.finditer(text):
        found.append(AgeBand(int(match.group(1) or match.group(2)), None))
    for match in _UNDER.finditer(text):
        found.append(AgeBand(None, int(match.group(1) or match.group(2)) - 1))
    return found


def places(text: str, gazetteer: Gazetteer) -> PlaceList | None:
    """The Lancashire places a statement puts the programme in ("in Blackpool", "covers
    Wyre", "for the Fylde borough", a list item), not those in an organisation's name
    ("employed by Blackpool Teaching ...")."""
    if _FUTURE.search(text):
        return None  # "we would like to extend it across Lancashire": not where it runs
    ids: dict[str, str] = {}
    if _COUNTY.search(text):
        ids["lancashire"] = gazetteer.get("lancashire").name
    words = {word.lower() for word in _CAPITALISED.findall(text)}
    if words.isdisjoint(_first_words(gazetteer)):
        return _listed(ids, text)  # no place's name starts here: skip the (fuzzy) scan
    for match in gazetteer.find_in_text(text):
        place = match.place
        if match.status is not MatchStatus.matched or place is None or match.span is None:
            continue
        if not gazetteer.in_lancashire(place.id):
            continue
        start, end = match.span
        line_start = text.rfind("\n", 0, start) + 1
        item = _LIST_ITEM.fullmatch(text[line_start:start] + " ") is not None
        before = " ".join(text[max(0, start - 40) : start].split())
        before = before + " " if text[start - 1 : start].isspace() else before
        if _ORGANISATION.match(text, end) or text[start - 1 : start] in {".", "/", "@"}:
            continue  # "Blackpool FC", "Lancashire Police", "lancashire.police.uk"
        said = text[start:end].lower()  # the gazetteer may take "Fylde borough" whole
        area = _FOR_BEFORE.search(before) is not None and (
            said.endswith((" borough", " district")) or _AREA.match(text, end) is not None
        )
        if item or area or _PLACE_BEFORE.search(before):
            ids.setdefault(place.id, place.name)
    return _listed(ids, text)


def _listed(ids: dict[str, str], text: str) -> PlaceList | None:
    if not ids:
        return None
    complete = len(ids) > 1 and _COMPLETE.search(text) is not None
    return PlaceList(tuple(ids), tuple(ids.values()), complete)


@lru_cache(maxsize=8)
def _first_words(gazetteer: Gazetteer) -> frozenset[str]:
    """The first word of every place name and alias the gazetteer knows, lower case."""
    return frozenset(
        name.split()[0].lower()
        for place in gazetteer.places
        for name in (place.name, *place.aliases)
        if name.split()
    )


def status(text: str) -> StatusValue | None:
    """What a statement says about whether the programme runs, by wording family: ended,
    not taking referrals, paused, funded until a month, launched, running."""
    if _ENDED.search(text):
        return StatusValue(ClaimStatus.ended)
    if _NOT_TAKING.search(text):
        return StatusValue(ClaimStatus.not_taking_referrals)
    if _PAUSED.search(text):
        return StatusValue(ClaimStatus.paused)
    until = _UNTIL.search(text)
    if until:
        name, year = next(
            (until.group(i), until.group(i + 1))
            for i in range(1, len(until.groups()), 2)
            if until.group(i) is not None
        )
        month = _MONTHS.split().index(name.lower()) + 1
        return StatusValue(ClaimStatus.funded_until, _month_end(int(year), month))
    if _LAUNCHED.search(text):
        return StatusValue(ClaimStatus.launched)
    if _RUNNING.search(text):
        return StatusValue(ClaimStatus.running)
    return None


def referral(text: str) -> bool:
    """Whether a statement gives a way into the programme: who refers, how to refer or
    book. Saying it is closed to referrals is its status, and referring people on to
    other services is what it does, not how to reach it."""
    no_way_in = [
        found.span() for pattern in (_NOT_TAKING, _ONWARD) for found in pattern.finditer(text)
    ]
    return any(
        not any(start <= match.start() < end for start, end in no_way_in)
        for match in _REFERRAL.finditer(text)
    )


def contacts(text: str) -> list[str]:
    """Public contact routes: web and email addresses, and phone numbers said to be called."""
    found = [match.group(0).rstrip(".") for match in _WEB.finditer(text)]
    found += [match.group(0) for match in _EMAIL.finditer(text)]
    if _PHONE_CUE.search(text):
        found += [match.group(0) for match in _PHONE.finditer(text)]
    return list(dict.fromkeys(item for item in found if "@" not in item or item in text))


def _month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1).fromordinal(date(year, month + 1, 1).toordinal() - 1)
