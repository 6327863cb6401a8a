"""Errors the core raises. Each message is one line a user can read."""


class ReaderError(Exception):
    """Base of every error Reader shows to a user instead of a traceback."""


class DecodeError(ReaderError):
    """A file could not be read as text (binary, empty, unknown encoding)."""


class LibraryError(ReaderError):
    """The library file cannot be opened or written."""


class NotALibraryError(LibraryError):
    """The file is not a SQLite database, or not one of Reader's."""


class LibraryTooNewError(LibraryError):
    """The library was written by a newer Reader."""


class LibraryLockedError(LibraryError):
    """Another process holds the library's write lock."""


class LibraryReadOnlyError(LibraryError):
    """The library or its folder cannot be written."""


class WouldReplaceError(ReaderError):
    """Writing would replace files already there (``names``) without leave to."""

    def __init__(self, message: str, names: list[str]) -> None:
        super().__init__(message)
        self.names = names


class NotFoundError(ReaderError):
    """An article, source or other record does not exist."""


class LibraryDamagedError(LibraryError):
    """The library file is damaged: SQLite found a broken page or unreadable text."""


class LibraryFullError(LibraryError):
    """The disk (or the library's size limit) is full; the change was not saved."""


class NotesFormatError(ReaderError):
    """A notes file (JSON Lines or W3C) does not hold what Reader can import."""


class UnreadableFileError(ReaderError):
    """A path that cannot be read as a text file: missing, not a regular file, too large."""
