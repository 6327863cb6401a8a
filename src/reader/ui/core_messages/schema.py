"""What a notes record's fields must hold, in the words the notes schema checks use."""

from reader.ui.core_messages.mark import QT_TRANSLATE_NOOP

MESSAGES = (
    QT_TRANSLATE_NOOP("CoreMessages", "field %1 is missing"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 must be %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 must be one of %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 must be %2 or more"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 must be at most %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 must not be empty"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 is too long (more than %2 characters)"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 holds the same value twice"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 has too many items (more than %2)"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1 is not valid (%2)"),
    QT_TRANSLATE_NOOP("CoreMessages", "it is nested too deeply"),
)
