"""The marker pyside6-lupdate looks for: each core message is a source text of one context."""

CONTEXT = "CoreMessages"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """``source`` as it is; lupdate collects it into ``context`` of the catalogue.

    PySide6's own returns ``object``; this one is typed, and lupdate reads only the name.
    """
    return source
