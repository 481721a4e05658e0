"""HTML: the visible text (whitespace collapsed), in sections started by <h2>/<h3>."""

from __future__ import annotations

from html.parser import HTMLParser

from vrn_assistant.errors import DocumentError
from vrn_assistant.retrieval.documents.splitter import SECTION_CHARS, Parsed, split

__all__ = ["read_html"]


class _HtmlText(HTMLParser):
    """Collects the title and the visible text, in sections started by <h2>/<h3>."""

    SKIP = frozenset({"script", "style", "nav", "head", "noscript", "template", "svg"})
    BLOCK = frozenset(
        {
            "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
            "figcaption", "figure", "footer", "form", "header", "hr", "li", "main", "ol",
            "p", "pre", "section", "table", "td", "th", "tr", "ul",
        }
    )  # fmt: skip
    SECTION = frozenset({"h2", "h3"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: str | None = None
        self.h1: str | None = None
        # Per section: its heading (None before the first) and text runs; None marks a block break.
        self.sections: list[tuple[str | None, list[str | None]]] = [(None, [])]
        self._skip = 0
        self._capture: tuple[str, list[str]] | None = None  # (tag, text) of title/h1/h2/h3

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and self.title is None:
            self._capture = (tag, [])
        elif tag == "body":
            self._skip = 0  # </head> is optional in HTML
        elif tag in self.SKIP:
            self._skip += 1
        elif self._skip:
            return
        elif tag == "h1" or tag in self.SECTION:
            self._capture = (tag, [])
        elif tag in self.BLOCK:
            self.sections[-1][1].append(None)

    def handle_endtag(self, tag: str) -> None:
        if self._capture is not None and tag == self._capture[0]:
            name, parts = self._capture
            self._capture = None
            text = _collapse("".join(parts))
            if name == "title":
                self.title = text
            elif name == "h1":
                self.h1 = self.h1 or text
            else:
                self.sections.append((text or None, []))
        elif tag == "head":
            self._skip = 0
        elif tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
        elif not self._skip and tag in self.BLOCK:
            self.sections[-1][1].append(None)

    def handle_data(self, data: str) -> None:
        if self._capture is not None:
            self._capture[1].append(data)
        elif not self._skip:
            self.sections[-1][1].append(data)


def _collapse(text: str) -> str:
    return " ".join(text.split())


def read_html(text: str, stem: str) -> Parsed:
    parser = _HtmlText()
    parser.feed(text)
    parser.close()
    title = parser.title or parser.h1 or stem
    pieces: list[tuple[str, str]] = []
    for heading, parts in parser.sections:
        paragraphs: list[list[str]] = [[]]
        for part in parts:
            if part is None:
                paragraphs.append([])
            else:
                paragraphs[-1].append(part)
        body = "\n\n".join(filter(None, (_collapse("".join(runs)) for runs in paragraphs)))
        pieces.extend(
            (heading or title, piece) for piece in split(body, 0, len(body), SECTION_CHARS)
        )
    if not pieces:
        raise DocumentError("HTML has no text outside scripts, styles and navigation")
    return Parsed(title=title, as_of=None, pieces=pieces)
