"""Annotator names with a meaning of their own, reserved for adjudication (``core.team``).

Kept at the foot of the core so every layer can tell them: the curated layer (``GOLD``)
is an ordinary annotator; the rejected one (``REJECTED``) is a record of decisions (a
span adjudication refused, kept so it is not offered again), not notes: no count, panel,
mark or export shows it unless it is asked for by name.
"""

from __future__ import annotations

GOLD = "gold"
REJECTED = "gold/rejected"
