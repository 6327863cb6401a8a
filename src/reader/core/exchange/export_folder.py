"""Writing a folder export (XMI, brat) as a whole, and replacing only a folder that is
provably one.

Every such folder holds a small manifest, ``reader-export.json``, naming each file
Reader wrote there with its SHA-256. ``--force`` replaces an existing folder only
when it is empty, or when its manifest is Reader's and the folder holds nothing but
the files it lists, unchanged (and brat's own ``.stats_cache``). Anything else, a
file of the user's, a file changed since (brat saves its annotations in place), a
sub-folder or a folder without a manifest, is refused by name and nothing is lost.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from reader.core.errors import ReaderError, WouldReplaceError
from reader.core.exchange.atomic_file import _umask
from reader.core.library.store import describe_os_error, shorten_path

MANIFEST = "reader-export.json"
MANIFEST_FORMAT = "reader-export"
# Files a tool makes in a folder it shows, and remakes at will: not the user's work.
TOOL_CACHES = frozenset({".stats_cache"})
MAX_MANIFEST_BYTES = 16 * 1024 * 1024


def manifest(files: Mapping[str, bytes], kind: str) -> bytes:
    """The manifest naming ``files`` (their SHA-256) as a ``kind`` export."""
    listing = {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())}
    document = {"format": MANIFEST_FORMAT, "version": 1, "export": kind, "files": listing}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def write_folder(
    path: Path, files: Mapping[str, bytes], *, overwrite: bool = False, kind: str = ""
) -> None:
    """Write ``files`` and their manifest into the folder ``path`` as a whole: built in a
    hidden folder beside it, then renamed. A folder it replaces (``overwrite``) must be
    provably a Reader export (see the module's docstring)."""
    try:
        existing = path.lstat() if os.path.lexists(path) else None
    except OSError as exc:
        raise ReaderError(f"cannot write {shorten_path(path)}: {describe_os_error(exc)}") from exc
    if existing is not None:
        if not stat.S_ISDIR(existing.st_mode):
            raise ReaderError(
                f"{shorten_path(path)} exists and is not a folder; this format writes a folder"
            )
        if any(_entries(path)):
            if not overwrite:
                raise WouldReplaceError(
                    f"{shorten_path(path)} exists; choose another name or allow overwriting",
                    [path.name],
                )
            why = not_an_export(path)
            if why is not None:
                raise ReaderError(
                    f"{shorten_path(path)} is not a Reader export ({why}); --force replaces "
                    "only a folder Reader wrote, never files of your own: choose an empty or "
                    "new folder"
                )
    everything = {**files, MANIFEST: manifest(files, kind)}
    parent = path.parent if str(path.parent) else Path(".")
    try:
        temp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".part", dir=parent))
    except OSError as exc:
        raise ReaderError(
            f"cannot write in {shorten_path(parent)}: {describe_os_error(exc)}"
        ) from exc
    old: Path | None = None
    try:
        for name, data in everything.items():
            (temp / name).write_bytes(data)
        os.chmod(temp, 0o777 & ~_umask())
        if existing is not None:
            # A fresh empty name (never a folder of the user's) takes the old export.
            old = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".old", dir=parent))
            os.replace(path, old)
        os.replace(temp, path)
    except OSError as exc:
        shutil.rmtree(temp, ignore_errors=True)
        if old is not None and not os.path.lexists(path):
            with contextlib.suppress(OSError):
                os.replace(old, path)
        if old is not None and old.exists() and old != path:
            with contextlib.suppress(OSError):
                old.rmdir()  # still the empty placeholder: the swap never happened
        raise ReaderError(f"cannot write {shorten_path(path)}: {describe_os_error(exc)}") from exc
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _entries(path: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(path) as found:
            return list(found)
    except OSError as exc:
        raise ReaderError(f"cannot read {shorten_path(path)}: {describe_os_error(exc)}") from exc


def not_an_export(path: Path) -> str | None:
    """Why the folder ``path`` is not, provably, a Reader export; None when it is."""
    entries = {e.name: e for e in _entries(path)}
    listed = _listed(path / MANIFEST) if MANIFEST in entries else None
    if listed is None:
        mine = sorted(entries)
        return f"it holds {mine[0]} and no {MANIFEST} of Reader's" if mine else None
    for name in sorted(entries):
        entry = entries[name]
        if name == MANIFEST or (name in TOOL_CACHES and entry.is_file(follow_symlinks=False)):
            continue
        if name not in listed:
            return f"it holds {name}, which Reader did not write"
        if not entry.is_file(follow_symlinks=False):
            return f"{name} is not a plain file"
        if _digest(Path(entry.path)) != listed[name]:
            return f"{name} was changed after Reader wrote it; import it first or move it away"
    return None


def _listed(path: Path) -> dict[str, str] | None:
    """The files a manifest lists, with their digests; None when it is not Reader's."""
    try:
        if path.is_symlink() or path.stat().st_size > MAX_MANIFEST_BYTES:
            return None
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(document, dict) or document.get("format") != MANIFEST_FORMAT:
        return None
    files = document.get("files")
    if not isinstance(files, dict):
        return None
    good = {k: v for k, v in files.items() if isinstance(k, str) and isinstance(v, str)}
    return good if len(good) == len(files) else None


def _digest(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()
