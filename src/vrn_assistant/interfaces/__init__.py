"""Interfaces: the command line (cli), the Streamlit app (app, pages, views, ...), and the
partners' HTTP API (service). They only render what the stages below produce.

Each module is imported by its own name; this package re-exports nothing.
"""

__all__: list[str] = []
