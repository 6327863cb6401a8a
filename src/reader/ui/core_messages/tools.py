"""The annotation tools' formats: Label Studio, doccano, brat, INCEpTION's XMI; UTF-16 offsets."""

from reader.ui.core_messages.mark import QT_TRANSLATE_NOOP

MESSAGES = (
    QT_TRANSLATE_NOOP("CoreMessages", "%1: no labelled regions in it"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: field '%2.value.text' must be text"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: field 'value.end' must be after 'value.start'"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 %2 lies outside the text (%3 UTF-16 units)"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "%1 %2 falls inside a character that takes two UTF-16 units (an emoji or a rare CJK "
        "character); the offsets are not UTF-16 units",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: no labelled spans in it"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: field '%2' must be [start, end, label]"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: field '%2' has an empty label"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: field '%2' ends before it starts"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "%1: %2 is missing; export the XMI from INCEpTION with its type system (as a .zip, or the "
        "folder holding both)",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: %2: not a UIMA type system"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: not a UIMA CAS XMI file (%2)"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: no spans of a custom layer in it"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: a damaged .zip (%2)"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: its text %2 is missing"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: no brat annotations in it"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: a T line needs 'T1<TAB>Label start end'"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: a T line needs a label and offsets"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: offsets %2-%3 do not fit %4 (%5 characters)"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: the note refers to %2, which is not a span"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: offsets must be 'start end' (whole numbers)"),
)
