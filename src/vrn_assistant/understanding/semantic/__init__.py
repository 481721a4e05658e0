"""A semantic layer for the facts the word lists miss, with the offline sentence encoder.

The rules of `extraction` read a question first. The semantic reader (`reader`) then
cuts it into clauses (`clauses`) and scores each against the facts a small classifier
(`classifier`, ridge regression on sentence vectors) learnt from labelled examples
(`examples`: every example sentence of the lexicon, each entry's phrases in plain words
(`spoken`), and `knowledge/lexicon/semantic.yaml`), embedded once with place names made
neutral (`index`, `places`; optionally cached on disk). A clause holding the word lists'
own phrases for a kind is theirs: no guess of that kind comes from it (`vetoes`). Its thresholds are measured on held-out examples whenever it is built
(`calibration`): a guess above the confident one (at least 95 % precision held out)
fills a fact the word lists left unknown and says so in the notes; a weaker one is
only a question to confirm (`filling`). `extract()` stays pure: `fill` runs after it.

The danger check has its own reader by sense (`danger`): when the word lists find no
emergency, a classifier over whole messages may still find one; it only adds advice.
"""

from vrn_assistant.understanding.semantic.calibration import (
    CONFIDENT_PRECISION,
    GUESS_PRECISION,
    Calibration,
)
from vrn_assistant.understanding.semantic.clauses import Clause, split_clauses
from vrn_assistant.understanding.semantic.danger import DangerReader, DangerSense
from vrn_assistant.understanding.semantic.examples import (
    COVERED,
    Example,
    Kind,
    labelled_examples,
)
from vrn_assistant.understanding.semantic.filling import fill
from vrn_assistant.understanding.semantic.reader import Guess, SemanticReader

__all__ = [
    "CONFIDENT_PRECISION",
    "COVERED",
    "GUESS_PRECISION",
    "Calibration",
    "Clause",
    "DangerReader",
    "DangerSense",
    "Example",
    "Guess",
    "Kind",
    "SemanticReader",
    "fill",
    "labelled_examples",
    "split_clauses",
]
