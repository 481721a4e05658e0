"""Plain text: paragraphs, grouped; short heading-like lines become locators."""

from __future__ import annotations

from vrn_assistant.retrieval.documents.splitter import TEXT_CHARS, Parsed, lines, pack, paragraphs

__all__ = ["read_text"]


def read_text(text: str, stem: str) -> Parsed:
    spans = paragraphs(lines(text))
    first = text[spans[0][0] : spans[0][1]].strip()
    title = first if _looks_like_heading(first) else stem
    headings = [
        index
        for index, (start, end) in enumerate(spans)
        if index + 1 < len(spans) and _looks_like_heading(text[start:end])
    ]
    if not any(index > 0 for index in headings):
        return Parsed(
            title=title,
            as_of=None,
            pieces=[
                (f"paragraph {index + 1}", piece) for index, piece in pack(text, spans, TEXT_CHARS)
            ],
        )
    pieces: list[tuple[str, str]] = []
    bounds = [(title, 0), *((text[slice(*spans[i])].strip(), i + 1) for i in headings)]
    ends = [*headings, len(spans)]
    for (locator, begin), end in zip(bounds, ends, strict=True):
        pieces.extend((locator, piece) for _, piece in pack(text, spans[begin:end], TEXT_CHARS))
    return Parsed(title=title, as_of=None, pieces=pieces)


def _looks_like_heading(paragraph: str) -> bool:
    """A short single line that does not end like a sentence, e.g. 'Who it is for'."""
    line = paragraph.strip()
    return (
        "\n" not in line
        and 0 < len(line) <= 80
        and (line[0].isupper() or line[0].isdigit())
        and line[-1] not in ".!?,;:"
    )
