"""Every failure of a command becomes one line on stderr and an exit status.

- a :class:`ReaderError` (and any ``sqlite3`` error, translated): its message, status 2;
- an ``OSError`` (a full disk under stdout, a path too long, permission denied): status 2;
- the reader of stdout going away (``reader ls | head -1``): quietly, status 141;
- anything else is a bug: one line naming the log file, status 3; the traceback
  goes to that file (platformdirs user log folder), never to the terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import errno
import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from reader.cli.common import EXIT_ERROR, EXIT_INTERNAL, EXIT_PIPE, library_path
from reader.core.errors import ReaderError, WouldReplaceError
from reader.core.paths import log_file

LOGGER = "reader"
_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EIO, errno.EFBIG, errno.EDQUOT, errno.EPIPE}


class _LogFileHandler(logging.FileHandler):
    """The log file, created (with its folder) only when something is logged; never noisy."""

    def _open(self):  # type: ignore[no-untyped-def,unused-ignore]
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def emit(self, record: logging.LogRecord) -> None:
        # FileHandler opens its file outside StreamHandler's guard: a log folder that
        # cannot be made (HOME a file, a read-only disk) raised from every log call, and
        # the window's error path, logging first, raised in its turn
        try:
            super().emit(record)
        except Exception:
            self.handleError(record)

    def handleError(self, record: logging.LogRecord) -> None:
        pass  # a log that cannot be written must not turn into a traceback on stderr


def configure_logging() -> None:
    """Send logger "reader" (e.g. a file an import refused for an internal reason) to the log."""
    logger = logging.getLogger(LOGGER)
    for handler in list(logger.handlers):
        if isinstance(handler, _LogFileHandler):
            logger.removeHandler(handler)
            handler.close()
    handler = _LogFileHandler(log_file(), encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)


def run_guarded(command: Callable[[], int], args: argparse.Namespace) -> int:
    try:
        status = command()
        _flush_stdout()
        return status
    except BrokenPipeError:
        _silence_stdout()  # `| head` stopped reading: say nothing, like any Unix tool
        return EXIT_PIPE
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    except WouldReplaceError as exc:  # every command that writes a file has --force
        _say(f"{exc} (--force)")
    except ReaderError as exc:
        _say(str(exc))
    except Exception as exc:  # sorted below: every failure ends here
        import sqlite3

        if isinstance(exc, sqlite3.Error):
            from reader.core.library.store import translate_sqlite_error

            _say(str(translate_sqlite_error(exc, library_path(args))))
        elif isinstance(exc, OSError):
            _say(_os_message(exc))
            if exc.filename is None:
                _silence_stdout()  # most likely stdout itself: a full disk, an I/O error
        elif isinstance(exc, RecursionError | MemoryError):
            _say("the input is too deeply nested or too large to handle")
        else:
            return _internal_error(exc)
    return EXIT_ERROR


def _os_message(exc: OSError) -> str:
    from reader.core.library.store import describe_os_error, shorten_path

    reason = describe_os_error(exc)
    if exc.filename is not None:
        return f"{shorten_path(os.fsdecode(exc.filename))}: {reason}"
    if exc.errno in _OUTPUT_ERRNOS:
        return f"cannot write the output: {reason}"
    return reason


def _internal_error(exc: BaseException) -> int:
    text = "".join(traceback.format_exception(exc))
    where = log_file()
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        with where.open("a", encoding="utf-8") as log:
            stamp = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
            log.write(f"{stamp} reader {' '.join(sys.argv[1:])!r}\n{text}\n")
        _say(f"internal error ({type(exc).__name__}); the details are in {where}")
    except OSError:
        _say(f"internal error ({type(exc).__name__}: {str(exc)[:100]}); the log cannot be written")
    return EXIT_INTERNAL


def _say(message: str) -> None:
    line = " ".join(message.split()) or "failed"
    with contextlib.suppress(OSError, ValueError):
        print(f"reader: {line}", file=sys.stderr, flush=True)


def _flush_stdout() -> None:
    sys.stdout.flush()


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
