"""Damaged libraries: checking one in plain words, and recovering what is readable
into a fresh library (SQLite's own .recover where it works, else row by row and
page by page).
"""
