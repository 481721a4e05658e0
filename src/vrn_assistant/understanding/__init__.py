"""Understanding: from the question to facts. Redaction first (redaction/), then the
danger check (safety/), then the case (extraction/, and the optional semantic/ layer).

Each module is imported by its own name; this package re-exports nothing.
"""

__all__: list[str] = []
