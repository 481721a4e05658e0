"""Answering: the rules' verdicts put into cited words (compose, citations, facts, routes,
summary, clarify, people) and, optionally, rephrased by a language model (phrasing).

Each module is imported by its own name; this package re-exports nothing.
"""

__all__: list[str] = []
