"""The library file: opening, creating, upgrading, SQLite's errors, checking, recovering; search."""

from reader.ui.core_messages.mark import QT_TRANSLATE_NOOP

MESSAGES = (
    QT_TRANSLATE_NOOP("CoreMessages", "%1 is a folder, not a library file"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: permission denied"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 is not a Reader library (not a SQLite database)"),
    QT_TRANSLATE_NOOP("CoreMessages", "no library at %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot create a library at %1: %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot create a library at %1: the folder is read-only"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 is a SQLite database, but not a Reader library"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "%1 was written by a newer version of Reader; update Reader to open it"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: cannot switch the library to WAL mode"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot use %1: %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: cannot upgrade inside a transaction"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "%1: cannot upgrade: its table %2 has columns this Reader does not know (%3); the library "
        "was left as it was",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "%1: cannot upgrade: its table %2 would lose rows; the library was left as it was",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "%1 is damaged: some of its text is not readable; 'reader check' says more, 'reader "
        "recover' copies what is readable",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "an article's stored text is damaged; 'reader check' says more, 'reader recover' copies "
        "what is readable",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "%1 is locked by another program; close it there and try again"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 is read-only; Reader cannot save changes there"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot open %1: the location cannot be written"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "%1: the disk is full (or the library reached its size limit); the change was not saved",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "%1 is damaged or not a Reader library; 'reader check' says more, 'reader recover' copies "
        "what is readable",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: the disk could not be read or written (disk I/O error)"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: the change breaks a rule of the library (%2)"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot open %1: %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 is not a library file"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot read %1: %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 exists; recover into a new file"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot write %1: %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot recover into %1: %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: no row of it could be read; nothing to recover"),
    QT_TRANSLATE_NOOP("CoreMessages", "no article with id %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "a search may be at most %1 characters long"),
    QT_TRANSLATE_NOOP("CoreMessages", "a search may hold at most %1 different words"),
)
