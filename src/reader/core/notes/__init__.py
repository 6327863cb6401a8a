"""Annotations pinned to stored text: anchoring and re-anchoring, tags and tag
sets, review status, user words and word-aware selection.
"""
