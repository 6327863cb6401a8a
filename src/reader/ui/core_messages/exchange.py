"""Exporting notes and importing them back: JSON Lines, W3C, Word, and folders of notes."""

from reader.ui.core_messages.mark import QT_TRANSLATE_NOOP

MESSAGES = (
    QT_TRANSLATE_NOOP("CoreMessages", "%1 writes a folder of files: give it with -o FOLDER"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 writes one file, not a folder"),
    QT_TRANSLATE_NOOP("CoreMessages", "unknown format “%1”; choose one of %2"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "--full-text is not available for %1; formats that write the whole text: %2"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 is a file; %2 writes into a folder"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "%1 ends in %2, but a %3 file is not one: name it %4, or choose a format that writes %5",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "%1 ends in %2, but %3 writes a folder of files, not one file: give a folder name (e.g. %4)",  # noqa: E501
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "%1 exists (%2 notes would be replaced); choose another folder or allow overwriting",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot make %1: %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 exists; choose another name or allow overwriting"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 is not a regular file; choose another name"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot write in %1: %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 exists and is not a folder; this format writes a folder"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "%1 holds other files (%2, …); choose an empty or new folder"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", '%1: line %2: not a Reader annotation ("type" must be "%3")'),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: no annotations in it"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: not UTF-8 text (a bad byte at offset %2)"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: not a regular file"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: too big for a notes file (%2 bytes; at most %3)"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: line %2: not valid JSON (%3)"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: nested too deeply to be a note"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: holds a number Reader cannot take (%2)"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: not a W3C AnnotationCollection: %2"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "%1: field 'target.selector' needs a TextQuoteSelector and a TextPositionSelector",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: field '%2' must not be before '%3'"),
    QT_TRANSLATE_NOOP("CoreMessages", "no article with this text or title"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "offsets %1-%2 lie past the end of the article (%3 characters)"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "already in the library"),
    QT_TRANSLATE_NOOP("CoreMessages", "the library's copy is as new or newer"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: offsets %2-%3 do not fit the text (%4 characters)"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: field '%2' is missing"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: field '%2' must be %3"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: %2 is too big to read"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: %2 is not valid XML (%3)"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: not a Word (.docx) file"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: no comments on any text in it"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: cannot read the folder (%2)"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: too many files to be one export"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "%1: not a regular file, nor a folder of brat (.ann) or XMI files; give a notes file or "
        "such a folder",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 is a folder; give a file name"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "%1 is a symbolic link; Reader does not replace links: give the path of the file it points "
        "to, or another name",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "%1 is not a Reader export (%2); --force replaces only a folder Reader wrote, never files "
        "of your own: choose an empty or new folder",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: field 'target.selector' needs a TextQuoteSelector"),
    # Hypothesis exports read back
    QT_TRANSLATE_NOOP("CoreMessages", "%1: field '%2' must be text"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: field 'selector' must be a list"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: field 'tags' must be a list of text"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: field 'target' must be a list of targets"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: its TextQuoteSelector has no 'exact' text"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: no annotations on a passage in it"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: not an annotation (a JSON object)"),
)
