"""Library search: the FTS5 index of every character, and exact queries on it."""
