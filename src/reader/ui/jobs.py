"""The one way to run work off the UI thread (after Anki's ``CollectionOp``/``QueryOp``).

A job is a function run on a worker thread. It receives a :class:`Job`: a cancel
flag (a ``threading.Event``, checked by the work between its units), a progress
reporter and, when it asks for one, its own connection to the library, opened in
the worker thread from the library path and closed when the function returns.
SQLite connections are never shared across threads.

The function's result, or any exception it raises, is delivered on the UI
thread: the result to ``on_done``; a failure to ``on_failed`` or, by default,
to the one :class:`~reader.ui.errors.ErrorReporter`. Whatever happens, the job's
kind stops being busy before its callback runs, so the next job of that kind
can start (even from inside the callback).

Kinds run one job at a time. ``replace=True`` (search, the export preview)
cancels a running job of the kind and drops its result when a newer one starts;
otherwise a second job of a busy kind is refused (``run`` returns None).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal

from reader.core.errors import ReaderError

if TYPE_CHECKING:
    from reader.core.library.store import Library
    from reader.ui.errors import ErrorReporter

T = TypeVar("T")
log = logging.getLogger("reader")


class Job:
    """What a job's function may use, on its worker thread."""

    def __init__(
        self,
        kind: str,
        library_path: Path | None,
        relay: _Relay,
    ) -> None:
        self.kind = kind
        self.library_path = library_path
        self._relay = relay
        self._cancel = threading.Event()
        self._library: Library | None = None
        self.thread: threading.Thread | None = None

    # --- for the UI thread -------------------------------------------------------
    def cancel(self) -> None:
        """Thread-safe: the work stops at its next check."""
        self._cancel.set()

    # --- for the work --------------------------------------------------------------
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def library(self) -> Library:
        """This thread's own connection to the library, opened on first use."""
        if self._library is None:
            from reader.core.library.store import open_library

            if self.library_path is None:
                raise ReaderError("open a library first")
            self._library = open_library(self.library_path, create=False)
        return self._library

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._relay.post_progress(_Progress(self, done, total, text))

    def _close(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None


@dataclass(frozen=True)
class _Outcome:
    job: Job
    value: object = None
    error: BaseException | None = None


@dataclass(frozen=True)
class _Progress:
    job: Job
    done: int
    total: int
    text: str


class _Relay(QObject):
    """Lives on the UI thread; a worker's emit is queued to it.

    Once :meth:`close` returns, no worker emits again: the check and the emit are
    one step under a lock, so the window can be destroyed after it (a worker
    emitting on a deleted object crashed the process at quit).
    """

    delivered = Signal(_Outcome)
    progressed = Signal(_Progress)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._open = True

    def close(self) -> None:
        with self._lock:
            self._open = False

    def post(self, outcome: _Outcome) -> bool:
        return self._emit(self.delivered, outcome)

    def post_progress(self, progress: _Progress) -> None:
        self._emit(self.progressed, progress)

    def _emit(self, signal: Any, payload: object) -> bool:
        # The window may have gone while the work ran: then there is no one to tell.
        with self._lock:
            if self._open and shiboken6.isValid(self):
                with contextlib.suppress(RuntimeError):
                    signal.emit(payload)
                    return True
        return False


@dataclass
class _Callbacks:
    on_done: Callable[[Any], None]
    on_failed: Callable[[BaseException], None] | None
    on_progress: Callable[[int, int, str], None] | None
    error_title: str


class JobRunner(QObject):
    """Runs jobs on worker threads; results and errors arrive on the UI thread.

    ``finished`` carries a job's kind once its callback has run (done or failed).
    """

    finished = Signal(str)

    def __init__(self, errors: ErrorReporter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._errors = errors
        self._relay = _Relay(self)
        self._relay.delivered.connect(self._deliver)
        self._relay.progressed.connect(self._progress)
        self._current: dict[str, Job] = {}
        self._callbacks: dict[Job, _Callbacks] = {}
        self._threads: set[threading.Thread] = set()
        self._closed = False

    def busy(self, kind: str) -> bool:
        return kind in self._current

    def current(self, kind: str) -> Job | None:
        return self._current.get(kind)

    def run(
        self,
        kind: str,
        work: Callable[[Job], T],
        on_done: Callable[[T], None],
        *,
        library: Path | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        error_title: str = "",
        replace: bool = False,
    ) -> Job | None:
        """Start ``work(job)`` on a worker thread; None if the kind is busy (unless ``replace``)."""
        if self._closed:
            return None
        running = self._current.get(kind)
        if running is not None:
            if not replace:
                return None
            running.cancel()  # its result will be dropped
        job = Job(kind, library, self._relay)
        self._current[kind] = job
        self._callbacks[job] = _Callbacks(on_done, on_failed, on_progress, error_title)
        thread = threading.Thread(
            target=self._work, args=(job, work), name=f"job-{kind}", daemon=True
        )
        job.thread = thread
        self._threads.add(thread)
        thread.start()
        return job

    def _work(self, job: Job, work: Callable[[Job], object]) -> None:
        """The worker thread: every exception becomes an outcome; the connection closes."""
        try:
            outcome = _Outcome(job, value=work(job))
        except BaseException as exc:  # any type: the UI thread decides what to show
            outcome = _Outcome(job, error=exc)
        finally:
            try:
                job._close()
            except Exception:
                log.exception("closing a job's library connection")
        if not self._relay.post(outcome) and outcome.error is not None:
            # the window has gone (quit): the log is the one place left to tell
            log.error("a %s job failed at quit", job.kind, exc_info=outcome.error)

    def _progress(self, progress: _Progress) -> None:
        callbacks = self._callbacks.get(progress.job)
        if (
            callbacks is not None
            and callbacks.on_progress is not None
            and self._current.get(progress.job.kind) is progress.job
        ):
            callbacks.on_progress(progress.done, progress.total, progress.text)

    def _deliver(self, outcome: _Outcome) -> None:
        """The UI thread: reset the busy state, then hand the result or error over."""
        job = outcome.job
        if job.thread is not None:
            self._threads.discard(job.thread)
        callbacks = self._callbacks.pop(job, None)
        if self._closed:  # quit: nobody is left to see it; a failure goes to the log
            if outcome.error is not None:
                log.error("a %s job failed at quit", job.kind, exc_info=outcome.error)
            return
        if self._current.get(job.kind) is not job:  # superseded by a newer job of its kind
            if outcome.error is not None and not isinstance(outcome.error, ReaderError):
                log.error("a superseded %s job failed", job.kind, exc_info=outcome.error)
            return
        del self._current[job.kind]  # not busy any more, whatever the callback does
        try:
            if callbacks is None:
                return
            if outcome.error is None:
                callbacks.on_done(outcome.value)
            elif callbacks.on_failed is not None:
                callbacks.on_failed(outcome.error)
            else:
                self._errors.report(outcome.error, callbacks.error_title)
        except Exception as exc:  # a bug in a callback: shown, not lost
            self._errors.report(exc, callbacks.error_title if callbacks else "")
        finally:
            self.finished.emit(job.kind)

    def wait(
        self, kind: str | None = None, timeout: float = 600.0, *, deliver: bool = True
    ) -> None:
        """Block until the running jobs (of ``kind``) end, then deliver their outcomes
        (unless ``deliver`` is False: at quit nobody is left to see them)."""
        jobs = [j for k, j in list(self._current.items()) if kind is None or k == kind]
        for job in jobs:
            if job.thread is not None:
                job.thread.join(timeout)
        if deliver:
            QCoreApplication.sendPostedEvents(self)  # the queued outcomes are posted here

    def close(self, timeout: float = 2.0) -> None:
        """At quit, after the writers were waited for: start nothing more, cancel what
        runs, give it ``timeout`` seconds to stop, and deliver nothing after this.

        A job that does not check its flag (loading jieba's dictionary) is left to end
        on its own daemon thread; it can no longer reach the window. Safe to call twice.
        """
        self._closed = True
        for job in self._current.values():
            job.cancel()
        deadline = time.monotonic() + timeout
        for thread in list(self._threads):
            thread.join(max(0.0, deadline - time.monotonic()))
        self._relay.close()
        QCoreApplication.sendPostedEvents(self)  # what ended before: logged if it failed
        self._current.clear()
        self._callbacks.clear()
