"""Numbers and addresses: the regular expressions `redact` runs before it looks for names,
in the order they run, and what each match is replaced with."""

from __future__ import annotations

import re
from collections.abc import Callable

__all__: list[str] = []

# --- Patterns for numbers and addresses, in the order they run --------------------------
# Earlier patterns take the text they match, so an email's digits are never read as a
# phone number and a date of birth is never read as a reference. Every pattern starts
# only where a lookbehind or \b allows and bounds its repeats, so each is linear.

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}(?![\w-])")

# NHS numbers are 10 digits, usually written 3-3-4; a leading 0 would be a phone.
_NHS = re.compile(
    r"\b(?i:nhs)\s{0,3}(?i:number|no\.?|num|#)?\s{0,3}[:#]?\s{0,3}\d{3}[ -]?\d{3}[ -]?\d{4}\b"
    r"|(?<![\d+])\b[1-9]\d{2}([ -]?)\d{3}\1\d{4}\b(?![\d-])"
)

# National Insurance: two prefix letters, six digits, a suffix A-D. Any two letters:
# the shape is rare enough, and the prefixes HMRC never issues ("QQ") are the ones
# used in examples and forms, so people type them too.
_NI = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b", re.IGNORECASE)

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = (
    r"(?:\d{1,2} ?[/.-] ?\d{1,2} ?[/.-] ?\d{2,4}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s{{1,3}}(?:of\s{{1,3}})?{_MONTH},?\s{{1,3}}\d{{2,4}}"
    rf"|{_MONTH}\s{{1,3}}\d{{1,2}}(?:st|nd|rd|th)?,?\s{{1,3}}\d{{4}}"
    rf"|{_MONTH}\s{{1,3}}\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}\s\d{1,2}\s(?:19|20)\d{2})"
)
# Only a date introduced as a birth date: other dates are the question's context.
_DOB = re.compile(
    r"\b(?:d[./]?\s?o[./]?\s?b(?![a-z])\.?|date\s{1,3}of\s{1,3}birth|birth\s{1,3}date|born(?:\s{1,3}(?:on|in))?|birthday)"
    r"(?:\s{1,3}the)?"
    rf"\s{{0,3}}(?:is\s{{1,3}}|was\s{{1,3}})?[:-]?\s{{0,3}}{_DATE}",
    re.IGNORECASE,
)

# A date in figures right after a redacted name ("[name] (02/11/2002)", "[name],
# 14.03.1991,") is that person's date of birth; it runs on the passes after the names are
# replaced. Dates in words are left: "By [name], 3 November 2021" is a page's byline.
_DATE_AFTER_NAME = re.compile(
    r"(?<=\[name\])(?P<sep>\s{0,3}[,(]?\s{0,3})\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}(?![\d/.-])"
)

# UK numbers: +44 / 0044 / 0, then 9 or 10 digits with optional spaces, dashes,
# brackets. Short service numbers (999, 0800 1111, 116 123) are too short to match.
# "447700 900123" (a mobile's +44 without the plus) and dots ("07700.900.123") too.
# A label typed onto it ("mob07700900123") and a second number after a slash count too.
_PHONE = re.compile(
    r"(?:(?<=mob)|(?<=tel)|(?<=ph)|(?<=\d/)|(?<![\w+/]))"
    r"(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|44(?=\s?7\d)|\(?0)\d{2,4}\)?"
    r"(?:[\s.-]?\d){6,8}(?!\d|/(?!0))"
)
# Other countries' numbers: + or 00, a country code, then groups of digits; E.164 allows
# 8 to 15 digits in all, which `_international_phone` checks ("+48 512 345 678").
_INTERNATIONAL_PHONE = re.compile(
    r"(?<![\w+/])(?:\+|00)\s?[1-9]\d{0,2}(?:[\s.-]?\(?\d{1,5}\)?){1,6}(?![\d/])"
)

# A social media handle ("her insta is @jess_x99"); an email's "@" was taken first.
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,29}[A-Za-z0-9_])?")

# A vehicle registration in the current UK shape ("AB12 CDE"): in capitals anywhere,
# in any case after "reg" or "plate".
_VEHICLE = re.compile(
    r"(?-i:\b[A-Z]{2}\d{2} ?[A-Z]{3}\b)"
    r"|(?<=\breg )[a-z]{2}\d{2} ?[a-z]{3}\b|(?<=\bplate )[a-z]{2}\d{2} ?[a-z]{3}\b",
    re.IGNORECASE,
)

# Full postcodes only; an outward code alone ("PR1") is an area, not an address.
# The inward letters never include C, I, K, M, O or V, which keeps "3am"/"3pm" out.
_POSTCODE = re.compile(
    r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) {0,2}\d(?!(?-i:st|nd|rd|th)\b)[ABD-HJLNP-UW-Z]{2}\b",
    re.IGNORECASE,
)

# An identifier: letters and digits in up to five parts joined by / or -, each part
# taken whole (possessive, so a failed match never re-reads it).
_ID = r"[A-Z0-9]{1,24}+(?:[/-][A-Z0-9]{1,24}+){0,4}+(?![\w/])"
_REFERENCE = re.compile(
    r"\b(?:(?:ref(?:erence)?|urn|log|crn|upn|pnc|nomis|cro)(?:\s{1,3}(?:number|no\.?|num|id))?"
    r"|(?:crime|incident|occurrence|custody|case|cad|storm|pnc|job|prison|prisoner|warrant"
    r"|pupil|patient|hospital)\s{1,3}"
    r"(?:ref(?:erence)?|number|no\.?|num|id|log|record)(?:\s{1,3}(?:number|no\.?))?)"
    rf"\s{{0,3}}[:#]?\s{{0,3}}(?P<id>{_ID})"
    # a police log is numbered within its day: "log 0612 of 14/10/2020" is one reference
    r"(?:\s{1,3}of\s{1,3}\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\w/]))?"
    # Formatted references carry their own shape: CR/12345/20, 06/123456/20.
    r"|(?-i:\b[A-Z]{1,4}[/-]\d{3,12}+(?:[/-]\d{2,4}+){1,4}+(?![\w/]))"
    r"|(?<![\w/])\d{2,12}+/\d{4,12}+/\d{2,4}+(?![\w/])",
    re.IGNORECASE,
)
# A number after a bare label ("CSC case 7781204", "custody: 4471902"), the label kept:
# `_labelled_number` wants five digits, so "case 3" and "custody 2021" stay.
_LABELLED = re.compile(
    r"\b(?:csc|crime|custody|case|incident|occurrence|prison|prisoner|cad|pnc|court|police)"
    r"(?:\s{1,3}(?:case|file|record|ref(?:erence)?|number|no\.?|num|id))?\s{0,3}[:#]?\s{0,3}"
    rf"(?P<id>{_ID})",
    re.IGNORECASE,
)
# A police officer's collar number after their rank ("PC 2345", "Sgt 1187"): the number
# goes, the rank stays.
_COLLAR = re.compile(
    r"\b(?-i:PC|PS|DC|DS|PCSO|Sgt|SGT|sgt|Insp|DI|DCI)\s{1,3}(?P<id>\d{2,6})\b(?![/-])"
)
# An unlabelled token shaped like an identifier: capitals and at least four digits
# ("X123456", "LCS-4471902", "BP-24-008812"); `_shaped_reference` checks the count.
_SHAPED_ID = re.compile(r"(?<![\w/-])[A-Z0-9]{1,24}+(?:[/-][A-Z0-9]{1,24}+){0,4}+(?![\w/-])")

_STREET_TYPES = (
    r"(?i:road|rd|street|st|avenue|ave|lane|ln|drive|dr|close|cl|way|crescent|cres|court|ct"
    r"|place|pl|grove|gardens|gdns|terrace|walk|square|sq|row|mews|rise|view|parade|brow|fold"
    r"|range|hill|park|green|vale|meadows?|fields?|croft|gate|heights|nook|boulevard|approach"
    r"|broadway|wharf|yard|chase|dene|wynd|bank|mount|hey|causeway|parkway|quay)"
)
# Street types that are not everyday words, for addresses typed in lower case.
_PLAIN_STREET_TYPES = r"(?:road|rd|street|avenue|lane|drive|crescent|terrace|gardens|grove|mews)"
_FLAT = r"(?i:flat|apartment|apt|unit)"
_QUARTER = r"(?:\s{1,3}(?:North|South|East|West)\b)?"  # "Whalley Road East"
_NAMED = r"(?:[A-Z][a-z'’]{1,30}\.?\s{1,3}){1,3}"  # "Bloomfield ", "St. Annes "
_ADDRESS = re.compile(
    rf"\b(?:{_FLAT}\s{{0,3}}\d{{1,4}}[a-zA-Z]?,?\s{{0,3}})?\d{{1,4}}[a-zA-Z]?,?\s{{1,3}}"
    rf"(?:({_NAMED}){_STREET_TYPES}\b{_QUARTER}"
    rf"|((?:[a-z][a-z'’]{{1,30}}\s{{1,3}}){{1,3}}){_PLAIN_STREET_TYPES}\b)\.?"
    rf"|\b{_FLAT}\s{{1,3}}\d{{1,4}}[a-z]?\b(?:,?\s{{1,3}}{_NAMED}{_STREET_TYPES}\b{_QUARTER})?"
)
# Where a home is said to be, any street type counts in lower case too ("lives at 3
# primrose close"): the cue, not the capitals, says it is an address.
_HOME_ADDRESS = re.compile(
    r"\b(?P<cue>(?:lives?|living|staying|stays|moved|address(?:\s{1,3}is)?)"
    r"(?:\s{1,3}(?:at|on|to|in))?\s{1,3})"
    r"\d{1,4}[a-z]?,?\s{1,3}((?:[a-z][a-z'’]{1,30}\s{1,3}){1,3})"
    rf"{_STREET_TYPES}\b",
    re.IGNORECASE,
)
# Words that cannot sit between a house number and a street type ("17 year old lane").
_NOT_STREET_WORDS = frozenset(
    "year years yr yrs old aged age a an the and of in at on to my his her their our kids"
    " children times people pupils schools agencies different separate other new more mates"
    " friends".split()
)

_NON_DIGIT = re.compile(r"\D")
_MAX_PASSES = 4  # each pass can expose another match; a fixpoint ends it

_Replace = Callable[[re.Match[str]], str]


def _placeholder(kind: str) -> _Replace:
    return lambda _match: f"[{kind}]"


def _phone(match: re.Match[str]) -> str:
    digits = _NON_DIGIT.sub("", match.group(0)).removeprefix("00")
    national = digits.removeprefix("44").removeprefix("0")
    return "[phone]" if len(national) in (9, 10) else match.group(0)


def _international_phone(match: re.Match[str]) -> str:
    digits = sum(ch.isdigit() for ch in match.group(0))
    return "[phone]" if 8 <= digits <= 15 else match.group(0)


def _reference(match: re.Match[str]) -> str:
    """The number goes, its label stays ("PNC [reference]"): the label says what it was.
    At least three digits: "log 3 incidents" is not a log number."""
    if sum(ch.isdigit() for ch in match.group(0)) < 3:
        return match.group(0)
    if match.group("id") is None:  # a formatted reference, with no label
        return "[reference]"
    return match.group(0)[: match.start("id") - match.start()] + "[reference]"


def _labelled_number(match: re.Match[str]) -> str:
    """The number goes, its label stays: "CSC case [reference]"."""
    number = match.group("id")
    if sum(ch.isdigit() for ch in number) < 5:
        return match.group(0)
    return match.group(0)[: match.start("id") - match.start()] + "[reference]"


def _collar_number(match: re.Match[str]) -> str:
    return match.group(0)[: match.start("id") - match.start()] + "[reference]"


def _shaped_reference(match: re.Match[str]) -> str:
    token = match.group(0)
    digits = sum(ch.isdigit() for ch in token)
    letters = sum(ch.isalpha() for ch in token)
    return "[reference]" if digits >= 4 and 1 <= letters <= 5 else token


def _address(match: re.Match[str]) -> str:
    words = (match.group(1) or match.group(2) or "").split()
    if match.group(1) and words[0] == "The":  # "7 The Crescent"
        words = words[1:]
    if any(word.lower() in _NOT_STREET_WORDS for word in words):
        return match.group(0)
    return "[address]"


def _home_address(match: re.Match[str]) -> str:
    """The cue stays, the address goes: "lives at [address]"."""
    if any(word.lower() in _NOT_STREET_WORDS for word in match.group(2).split()):
        return match.group(0)
    return match.group("cue") + "[address]"


def _date_after_name(match: re.Match[str]) -> str:
    return match.group("sep") + "[date of birth]"


_STEPS: tuple[tuple[str, re.Pattern[str], _Replace], ...] = (
    ("email", _EMAIL, _placeholder("email")),
    ("date of birth", _DOB, _placeholder("date of birth")),
    ("date of birth", _DATE_AFTER_NAME, _date_after_name),
    ("phone", _PHONE, _phone),
    ("phone", _INTERNATIONAL_PHONE, _international_phone),
    ("NHS number", _NHS, _placeholder("NHS number")),
    ("NI number", _NI, _placeholder("NI number")),
    ("postcode", _POSTCODE, _placeholder("postcode")),
    ("social media handle", _HANDLE, _placeholder("social media handle")),
    ("vehicle registration", _VEHICLE, _placeholder("vehicle registration")),
    ("reference", _REFERENCE, _reference),
    ("reference", _LABELLED, _labelled_number),
    ("reference", _COLLAR, _collar_number),
    ("reference", _SHAPED_ID, _shaped_reference),
    ("address", _HOME_ADDRESS, _home_address),
    ("address", _ADDRESS, _address),
)
