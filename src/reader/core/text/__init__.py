"""Text recovery: file bytes to a clean Document of articles and blocks.

Decoding, the plain and Markdown front ends (with inline HTML and front
matter), undoing hard wraps, classifying and settling blocks, cleaning, and
the Document/Article/Block model. It imports nothing else from reader.core
but errors.
"""
