"""Words that fill a message's blanks, never a message alone.

What a file is, a field's type, the reasons the system and SQLite give, a place in a file.
"""

from reader.ui.core_messages.mark import QT_TRANSLATE_NOOP

JOIN = QT_TRANSLATE_NOOP("CoreMessages", "%1: %2")  # a place and what is wrong there

PHRASES = (
    JOIN,
    QT_TRANSLATE_NOOP("CoreMessages", "%1 or %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "line %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "item %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "a folder"),
    QT_TRANSLATE_NOOP("CoreMessages", "a named pipe (FIFO)"),
    QT_TRANSLATE_NOOP("CoreMessages", "a socket"),
    QT_TRANSLATE_NOOP("CoreMessages", "a character device"),
    QT_TRANSLATE_NOOP("CoreMessages", "a block device"),
    QT_TRANSLATE_NOOP("CoreMessages", "field %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "the record"),
    QT_TRANSLATE_NOOP("CoreMessages", "text"),
    QT_TRANSLATE_NOOP("CoreMessages", "a whole number"),
    QT_TRANSLATE_NOOP("CoreMessages", "a number"),
    QT_TRANSLATE_NOOP("CoreMessages", "a list"),
    QT_TRANSLATE_NOOP("CoreMessages", "an object {…}"),
    QT_TRANSLATE_NOOP("CoreMessages", "null"),
    QT_TRANSLATE_NOOP("CoreMessages", "true or false"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "an id of letters, digits, '-', '_', '.', ':' or '~' (no spaces)"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "a date and time like 2026-01-31T08:00:00+00:00"),
    QT_TRANSLATE_NOOP("CoreMessages", "in the expected form"),
    QT_TRANSLATE_NOOP("CoreMessages", "no one"),
    QT_TRANSLATE_NOOP("CoreMessages", "gold"),
    QT_TRANSLATE_NOOP("CoreMessages", "gold/rejected"),
    QT_TRANSLATE_NOOP("CoreMessages", "no such file or directory"),
    QT_TRANSLATE_NOOP("CoreMessages", "read-only file system"),
    QT_TRANSLATE_NOOP("CoreMessages", "no space left on device"),
    QT_TRANSLATE_NOOP("CoreMessages", "is a directory"),
    QT_TRANSLATE_NOOP("CoreMessages", "not a directory"),
    QT_TRANSLATE_NOOP("CoreMessages", "file name too long"),
    QT_TRANSLATE_NOOP("CoreMessages", "disk quota exceeded"),
    QT_TRANSLATE_NOOP("CoreMessages", "input/output error"),
    QT_TRANSLATE_NOOP("CoreMessages", "file exists"),
    QT_TRANSLATE_NOOP("CoreMessages", "operation not permitted"),
    QT_TRANSLATE_NOOP("CoreMessages", "directory not empty"),
    QT_TRANSLATE_NOOP("CoreMessages", "device or resource busy"),
    QT_TRANSLATE_NOOP("CoreMessages", "too many open files"),
    QT_TRANSLATE_NOOP("CoreMessages", "database is locked"),
    QT_TRANSLATE_NOOP("CoreMessages", "unable to open database file"),
    QT_TRANSLATE_NOOP("CoreMessages", "file is not a database"),
    QT_TRANSLATE_NOOP("CoreMessages", "database disk image is malformed"),
    QT_TRANSLATE_NOOP("CoreMessages", "disk i/o error"),
    QT_TRANSLATE_NOOP("CoreMessages", "it holds %1 and no %2 of Reader's"),
    QT_TRANSLATE_NOOP("CoreMessages", "it holds %1, which Reader did not write"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 is not a plain file"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "%1 was changed after Reader wrote it; import it first or move it away"
    ),
)
