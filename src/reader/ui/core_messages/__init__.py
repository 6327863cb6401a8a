"""The core's English messages, as templates the UI translates (``reader.ui.error_text``).

The core raises ``ReaderError`` with English one-line messages, built with f-strings; the
command line prints them as they are. Each module here holds the templates of one area, one
``%1``, ``%2``, … for each value the core formats in (a path, a number, a name), in order.
``MESSAGES`` are whole messages; ``PHRASES`` only fill a message's blanks or name a place
(``line %1``), so a user's word such as a tag named “text” is never taken for one.
``tests/test_error_text.py`` reads the core's source and fails on a message missing here.
"""

from reader.ui.core_messages import exchange, files, library, notes, phrases, schema, tools

MESSAGES: tuple[str, ...] = (
    *files.MESSAGES,
    *library.MESSAGES,
    *notes.MESSAGES,
    *exchange.MESSAGES,
    *tools.MESSAGES,
    *schema.MESSAGES,
)
PHRASES: tuple[str, ...] = phrases.PHRASES
