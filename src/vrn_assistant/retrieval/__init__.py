"""Retrieval: documents read into citable chunks (documents/), the index and its
generations (store, index), lexical and dense search (lexical, vectors, embeddings,
quick_model) and their fusion.

Each module is imported by its own name; this package re-exports nothing.
"""

__all__: list[str] = []
