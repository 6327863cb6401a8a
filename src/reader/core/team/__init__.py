"""Team annotation: merging other annotators' work, agreement between annotators,
adjudication into a curated gold layer, and the team report.

The top layer of the core: it reads annotations through ``notes`` and other
annotators' files through ``exchange``; nothing in the core imports it.
Annotators are the ``annotator`` field of each annotation; two names are
reserved for adjudication (:data:`GOLD` and :data:`REJECTED`).
"""

from __future__ import annotations

from reader.core.annotators import GOLD, REJECTED

__all__ = ["GOLD", "REJECTED", "RESERVED"]

RESERVED = frozenset({GOLD, REJECTED})
