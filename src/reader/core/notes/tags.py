"""The tag set: names, colours, shortcut keys, descriptions; shared as a small JSON file."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.errors import NotFoundError, ReaderError
from reader.core.library.store import Library
from reader.core.notes.annotations import ensure_tag
from reader.core.notes.vocab import REVIEW_STATUSES
from reader.core.stamps import now

TAGSET_FORMAT = "reader-tagset"
SHORTCUTS = tuple("123456789")


@dataclass(frozen=True)
class Tag:
    id: int
    name: str
    color: str
    shortcut: str | None
    description: str
    uses: int


def list_tags(library: Library) -> list[Tag]:
    rows = library.conn.execute(
        "SELECT t.id, t.name, t.color, t.shortcut, t.description, count(at.annotation_id) "
        "FROM tags t LEFT JOIN annotation_tags at ON at.tag_id = t.id "
        "GROUP BY t.id ORDER BY coalesce(t.shortcut, 'z'), t.name"
    ).fetchall()
    return [Tag(*r) for r in rows]


def tag(library: Library, name: str) -> Tag:
    found = next((t for t in list_tags(library) if t.name == name), None)
    if found is None:
        raise NotFoundError(f"no tag named “{name}”")
    return found


def tag_for_shortcut(library: Library, key: str) -> Tag | None:
    return next((t for t in list_tags(library) if t.shortcut == key), None)


def save_tag(
    library: Library,
    name: str,
    *,
    new_name: str | None = None,
    color: str | None = None,
    shortcut: object = ...,
    description: str | None = None,
) -> Tag:
    """Create or change a tag. A shortcut key taken by another tag moves to this one."""
    name = name.strip()
    if not name or (new_name is not None and not new_name.strip()):
        raise ReaderError("a tag needs a name")
    with library.transaction() as conn:
        tag_id = ensure_tag(conn, name)
        if new_name is not None and new_name.strip() != name:
            if conn.execute("SELECT 1 FROM tags WHERE name = ?", [new_name.strip()]).fetchone():
                raise ReaderError(f"a tag named “{new_name.strip()}” exists: merge instead")
            conn.execute("UPDATE tags SET name = ? WHERE id = ?", [new_name.strip(), tag_id])
        if color is not None:
            conn.execute("UPDATE tags SET color = ? WHERE id = ?", [color, tag_id])
        if description is not None:
            conn.execute("UPDATE tags SET description = ? WHERE id = ?", [description, tag_id])
        if shortcut is not ...:
            if shortcut is not None and shortcut not in SHORTCUTS:
                raise ReaderError("a tag's shortcut is one of the keys 1 to 9")
            conn.execute("UPDATE tags SET shortcut = NULL WHERE shortcut = ?", [shortcut])
            conn.execute("UPDATE tags SET shortcut = ? WHERE id = ?", [shortcut, tag_id])
    return tag(library, (new_name or name).strip())


# The starter set's names: the same in every library, whatever language its window
# speaks, so the work of a team whose members' windows speak different languages
# compares tag for tag (agreement matches tags by name). The texts are Chinese.
STARTER_TAGS = ("重点", "人物", "数据", "存疑", "待核实")


def add_starter_tags(library: Library, names: list[tuple[str, str]]) -> list[Tag]:
    """A fresh library's first tags, bound to the keys 1, 2, 3…, each in its own colour:
    ``names`` is (name, description), the names :data:`STARTER_TAGS` and the descriptions
    in the reader's language. One transaction; a library that has tags already is left
    as it is."""
    with library.transaction() as conn:
        if conn.execute("SELECT 1 FROM tags").fetchone():
            return list_tags(library)
        for key, (name, description) in zip(SHORTCUTS, names, strict=False):
            tag_id = ensure_tag(conn, name)
            conn.execute(
                "UPDATE tags SET shortcut = ?, description = ? WHERE id = ?",
                [key, description, tag_id],
            )
    return list_tags(library)


def merge_tags(library: Library, source: str, target: str) -> int:
    """Move every use of ``source`` to ``target`` and delete ``source``. Returns uses moved."""
    moved = tag(library, source).uses
    with library.transaction() as conn:
        target_id = ensure_tag(conn, target)
        source_id = conn.execute("SELECT id FROM tags WHERE name = ?", [source]).fetchone()[0]
        conn.execute(
            "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) "
            "SELECT annotation_id, ? FROM annotation_tags WHERE tag_id = ?",
            [target_id, source_id],
        )
        conn.execute("DELETE FROM tags WHERE id = ?", [source_id])
    return moved


def delete_tag(library: Library, name: str) -> int:
    """Delete a tag and its uses (the annotations stay). Returns how many it carried."""
    uses = tag(library, name).uses
    with library.transaction() as conn:
        conn.execute("DELETE FROM tags WHERE name = ?", [name])
    return uses


def export_tagset(library: Library) -> dict[str, Any]:
    return {
        "format": TAGSET_FORMAT,
        "version": 1,
        "tags": [
            {"name": t.name, "color": t.color, "shortcut": t.shortcut, "description": t.description}
            for t in list_tags(library)
        ],
    }


def write_tagset(library: Library, path: Path) -> None:
    path.write_text(
        json.dumps(export_tagset(library), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def import_tagset(library: Library, data: Any) -> int:
    """Add or update tags from a tag-set document, all or nothing. Returns tags read."""
    if (
        not isinstance(data, dict)
        or data.get("format") != TAGSET_FORMAT
        or not isinstance(data.get("tags"), list)
    ):
        raise ReaderError('not a Reader tag set (expected "format": "reader-tagset")')
    entries = data["tags"]
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not str(entry.get("name", "")).strip():
            raise ReaderError(f"tag set entry {number} has no name")
        if entry.get("shortcut") not in (None, *SHORTCUTS):
            raise ReaderError(f"tag set entry {number}: shortcut must be one of 1-9")
    with library.transaction() as conn:
        for entry in entries:
            tag_id = ensure_tag(conn, str(entry["name"]).strip())
            if entry.get("shortcut"):
                conn.execute(
                    "UPDATE tags SET shortcut = NULL WHERE shortcut = ?", [entry["shortcut"]]
                )
            conn.execute(
                "UPDATE tags SET color = coalesce(?, color), shortcut = ?, "
                "description = coalesce(?, description) WHERE id = ?",
                [entry.get("color"), entry.get("shortcut"), entry.get("description"), tag_id],
            )
    return len(entries)


def read_tagset(library: Library, path: Path) -> int:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ReaderError(f"{path}: cannot read it ({exc})") from exc
    except json.JSONDecodeError as exc:
        raise ReaderError(f"{path}: not JSON (line {exc.lineno}: {exc.msg})") from exc
    return import_tagset(library, data)


def set_status(library: Library, article_id: int, status: str) -> str:
    """Set an article's review status; returns the previous one (for undo)."""
    return set_statuses(library, {article_id: status})[article_id]


def set_statuses(library: Library, statuses: dict[int, str]) -> dict[int, str]:
    """Set several articles' review statuses in one commit (all or none); returns each
    one's previous status, which given back to this function undoes the change."""
    for status in set(statuses.values()):
        if status not in REVIEW_STATUSES:
            raise ReaderError(f"unknown review status “{status}”")
    previous: dict[int, str] = {}
    stamp = now()
    with library.transaction() as conn:
        for article_id, status in statuses.items():
            row = conn.execute("SELECT status FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is None:
                raise NotFoundError(f"no article with id {article_id}")
            previous[article_id] = str(row[0])
            conn.execute(
                "UPDATE articles SET status = ?, updated_at = ? WHERE id = ?",
                [status, stamp, article_id],
            )
    return previous


def set_article_note(library: Library, article_id: int, note: str) -> str:
    with library.transaction() as conn:
        row = conn.execute("SELECT note FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            raise NotFoundError(f"no article with id {article_id}")
        conn.execute("UPDATE articles SET note = ? WHERE id = ?", [note, article_id])
    return str(row[0])


def user_words(library: Library) -> list[str]:
    return [r[0] for r in library.conn.execute("SELECT word FROM user_words ORDER BY word")]


def add_user_word(library: Library, word: str) -> None:
    word = word.strip()
    if not word or any(c.isspace() for c in word):
        raise ReaderError("a word has no spaces")
    with library.transaction() as conn:
        conn.execute(
            "INSERT OR IGNORE INTO user_words (word, created_at) VALUES (?, ?)", [word, now()]
        )


def remove_user_word(library: Library, word: str) -> None:
    with library.transaction() as conn:
        conn.execute("DELETE FROM user_words WHERE word = ?", [word])
