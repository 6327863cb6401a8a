"""Importing files into the library: decode, recover structure, store,
re-anchor annotations of changed articles and queue them for the index.
"""
