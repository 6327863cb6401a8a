"""Annotations, tags, tag sets, review status, words; the Team menu: merge, agreement, gold."""

from reader.ui.core_messages.mark import QT_TRANSLATE_NOOP

MESSAGES = (
    QT_TRANSLATE_NOOP("CoreMessages", "select some text of the article first"),
    QT_TRANSLATE_NOOP("CoreMessages", "unknown colour “%1”; use one of %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "no annotation with id %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "no tag named “%1”"),
    QT_TRANSLATE_NOOP("CoreMessages", "a tag needs a name"),
    QT_TRANSLATE_NOOP("CoreMessages", "a tag named “%1” exists: merge instead"),
    QT_TRANSLATE_NOOP("CoreMessages", "a tag's shortcut is one of the keys 1 to 9"),
    QT_TRANSLATE_NOOP("CoreMessages", 'not a Reader tag set (expected "format": "reader-tagset")'),
    QT_TRANSLATE_NOOP("CoreMessages", "tag set entry %1 has no name"),
    QT_TRANSLATE_NOOP("CoreMessages", "tag set entry %1: shortcut must be one of 1-9"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: cannot read it (%2)"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: not JSON (line %2: %3)"),
    QT_TRANSLATE_NOOP("CoreMessages", "unknown review status “%1”"),
    QT_TRANSLATE_NOOP("CoreMessages", "a word has no spaces"),
    QT_TRANSLATE_NOOP("CoreMessages", "agreement needs two annotators; these articles have %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "--as needs a name"),
    QT_TRANSLATE_NOOP("CoreMessages", "“%1” is reserved for adjudication; choose another name"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "%1: %2 of its annotations name no annotator; say whose they are with --as NAME",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: cannot open it (%2)"),
    QT_TRANSLATE_NOOP("CoreMessages", "%1: a SQLite file, but not a Reader library"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot merge a library into itself"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot find a free id for annotation %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "annotation %1 is already %2"),
    QT_TRANSLATE_NOOP("CoreMessages", "this annotation has lost its passage; re-attach it first"),
    QT_TRANSLATE_NOOP("CoreMessages", "annotation %1 has no tag “%2”"),
    QT_TRANSLATE_NOOP("CoreMessages", "a gold span needs a tag"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "article %1 has annotations by %2: adjudication needs two annotators"
    ),
)
