"""Walking a folder to import: an entry that cannot be looked at is refused with the
OS's reason, and the walk goes on to the entries after it."""

from __future__ import annotations

import errno
import os

from reader.core.ingest import importer
from reader.core.ingest.importer import FileResult, Outcome, collect_files


class _Unreadable:
    """A directory entry whose type the OS cannot tell."""

    name = "broken.txt"

    def is_dir(self, follow_symlinks: bool = True) -> bool:
        raise OSError(errno.EIO, "Input/output error")


class _Listing:
    def __init__(self, entries):
        self.entries = entries

    def __enter__(self):
        return iter(self.entries)

    def __exit__(self, *exc):
        return False


def test_an_entry_that_cannot_be_looked_at_is_refused_and_the_walk_goes_on(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("甲", encoding="utf-8")
    (tmp_path / "b.txt").write_text("乙", encoding="utf-8")
    real = os.scandir

    def scandir(folder):
        with real(folder) as entries:
            listed = sorted(entries, key=lambda e: e.name)
        return _Listing([_Unreadable(), *listed])

    monkeypatch.setattr(importer.os, "scandir", scandir)
    files, refused = collect_files([tmp_path])
    assert files == [tmp_path / "a.txt", tmp_path / "b.txt"]
    assert refused == [
        FileResult(
            tmp_path / "broken.txt", Outcome.REFUSED, "an input/output error while reading it"
        )
    ]
