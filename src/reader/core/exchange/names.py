"""Words the exports write, and the labels that translate them."""

from __future__ import annotations

from collections.abc import Mapping

# Review statuses as the exports write them by default: the names the Chinese UI shows.
# Every format uses them (Markdown, CSV, HTML, Word, Excel, Obsidian); the window passes
# ``labels`` in the UI's language, which win over these.
STATUS_NAMES = {
    "unread": "未读",
    "in_progress": "阅读中",
    "reviewed": "已审",
    "needs_changes": "需修改",
}
ORPHAN_MARK = "⚠"


def status_name(status: str, labels: Mapping[str, str] | None = None) -> str:
    said = labels or {}
    return said.get(status, STATUS_NAMES.get(status, status))


def orphan_label(labels: Mapping[str, str] | None = None) -> str:
    """What marks a note whose passage is gone from the article."""
    return f"{ORPHAN_MARK} " + (labels or {}).get("orphaned", "orphaned")
