"""Reading source files and importing them: decoding, file checks, the importer's refusals."""

from reader.ui.core_messages.mark import QT_TRANSLATE_NOOP

MESSAGES = (
    QT_TRANSLATE_NOOP("CoreMessages", "the file is empty"),
    QT_TRANSLATE_NOOP("CoreMessages", "it starts with a %1 mark but is not valid %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "it looks like a binary file, not text"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "its text encoding is not one Reader knows (UTF-8, GB18030, Big5)"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "the file holds no text"),
    QT_TRANSLATE_NOOP("CoreMessages", "too large (%1 MB; the limit is %2 MB)"),
    QT_TRANSLATE_NOOP("CoreMessages", "too large (over the limit of %1 MB while reading)"),
    QT_TRANSLATE_NOOP("CoreMessages", "not a usable path (it holds a NUL character)"),
    QT_TRANSLATE_NOOP("CoreMessages", "it is %1, not a regular file"),
    QT_TRANSLATE_NOOP("CoreMessages", "not a regular file"),
    QT_TRANSLATE_NOOP("CoreMessages", "no such file or folder"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "no such file or folder (a part of the path is not a folder)"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "permission denied"),
    QT_TRANSLATE_NOOP("CoreMessages", "the path is too long for this system"),
    QT_TRANSLATE_NOOP("CoreMessages", "too many levels of symbolic links"),
    QT_TRANSLATE_NOOP("CoreMessages", "it is a folder"),
    QT_TRANSLATE_NOOP("CoreMessages", "an input/output error while reading it"),
    QT_TRANSLATE_NOOP("CoreMessages", "folder not read: %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "internal error while reading this file; details in the log"),
    QT_TRANSLATE_NOOP("CoreMessages", "not enough memory to read this file"),
    QT_TRANSLATE_NOOP("CoreMessages", "Reader's resources folder is missing; reinstall Reader"),
    QT_TRANSLATE_NOOP("CoreMessages", "open a library first"),
)
