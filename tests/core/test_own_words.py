"""The repository restates the newsletter's facts; it never copies its sentences."""

from __future__ import annotations

import re
import subprocess

from tests.conftest import ROOT, shared_path

RUN = 10  # words in a row shared with the seed count as copying


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def _runs(words: list[str]) -> set[str]:
    return {" ".join(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def test_no_file_shares_ten_words_in_a_row_with_the_newsletter() -> None:
    seed = _runs(_words(shared_path("seeds", "lancashire-vrn-news-2020-10.txt").read_text()))
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    copied = []
    for name in filter(None, listed):
        path = ROOT / name
        if not path.is_file() or path.stat().st_size > 2_000_000:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        shared = _runs(_words(text)) & seed
        if shared:
            copied.append(f"{name}: {sorted(shared)[0]!r}")
    assert not copied, "restate in our own words:\n" + "\n".join(copied)
