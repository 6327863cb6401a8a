"""The library file: one SQLite file, its connection and transactions, the
append-only migrations, stored articles and the outline the tree shows.
"""
