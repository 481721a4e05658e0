"""Text encodings: UTF-8, and UTF-16/UTF-32 when a byte order mark or the NUL pattern says so.

Editors on Windows save "Unicode" text as UTF-16, which is full of NUL bytes;
those files are text, and are read. A file whose NUL bytes follow no text
pattern is binary, and is refused with what it looks like (a ZIP archive, an
image, a program), so the user knows which file was saved under a wrong name.
"""

from __future__ import annotations

from vrn_assistant.errors import DocumentError

__all__ = ["decode", "detect", "looks_like"]

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# What the first bytes of common binary formats say they are.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP archive (a .docx, .xlsx or .odt document is one)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document (.doc, .xls)"),
    (b"%PDF-", "a PDF; give it the .pdf extension"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"MZ", "a Windows program"),
)

_SAMPLE = 4096  # bytes looked at to tell UTF-16 from binary
_UTF16_SHARE = 0.3  # at least this share of the sampled pairs must have a NUL in one half


def detect(data: bytes) -> tuple[str, int]:
    """The encoding of `data` and how many bytes of byte order mark to skip.

    UTF-8 when nothing says otherwise; DocumentError for binary content.
    """
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding, len(mark)
    if b"\x00" not in data:
        return "utf-8", 0
    guessed = _utf16_without_mark(data[:_SAMPLE])
    if guessed is not None:
        return guessed, 0
    what = looks_like(data)
    if what is not None:
        raise DocumentError(f"binary content: this looks like {what}, not text")
    raise DocumentError("binary content (NUL bytes) in a text file")


def _utf16_without_mark(sample: bytes) -> str | None:
    """utf-16-le/-be when NULs sit in one half of the byte pairs only (ASCII-range text)."""
    if len(sample) < 2:
        return None
    pairs = len(sample) // 2
    even = sum(1 for i in range(0, 2 * pairs, 2) if sample[i] == 0)
    odd = sum(1 for i in range(1, 2 * pairs, 2) if sample[i] == 0)
    # A few NULs in the other half are characters such as U+0100 or U+2000.
    if odd >= _UTF16_SHARE * pairs and even <= odd // 20:
        return "utf-16-le"
    if even >= _UTF16_SHARE * pairs and odd <= even // 20:
        return "utf-16-be"
    return None


def looks_like(data: bytes) -> str | None:
    """What a binary file's first bytes say it is, in a few words; None if unknown."""
    return next((what for magic, what in _MAGIC if data.startswith(magic)), None)


def decode(data: bytes) -> str:
    """The text of a document file; DocumentError with the reason for anything else."""
    encoding, skip = detect(data)
    try:
        text = data[skip:].decode(encoding)
    except UnicodeDecodeError as error:
        if encoding != "utf-8":
            raise DocumentError(
                f"not readable as {encoding.upper()} text (at byte {error.start + skip}); "
                "save the file as UTF-8"
            ) from None
        bad = data[error.start + skip : error.start + skip + 1].hex().upper()
        raise DocumentError(
            f"not UTF-8 text (byte 0x{bad} at offset {error.start + skip}); save the file as UTF-8"
        ) from None
    if "\x00" in text:
        raise DocumentError("binary content (NUL characters) in a text file")
    if not text.strip():
        raise DocumentError("empty file (only whitespace)")
    return text
