"""The job runner at quit: readers are cancelled and joined, a job that ignores its
flag can no longer reach the window, and nothing new starts. A worker emitting on a
deleted relay crashed the process (signal 11) at quit."""

import threading

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject

from reader.ui.jobs import JobRunner


class _Errors:
    def __init__(self):
        self.reports = []

    def report(self, error, title=""):
        self.reports.append(error)


def _runner():
    owner = QObject()
    return owner, JobRunner(_Errors(), owner)  # type: ignore[arg-type]


def test_close_cancels_a_running_reader_and_joins_it(qtbot):
    _owner, runner = _runner()
    started = threading.Event()
    seen = []

    def work(job):
        started.set()
        while not job.cancelled():
            threading.Event().wait(0.005)
        return "stopped"

    job = runner.run("search", work, seen.append)
    assert job is not None and started.wait(10)
    runner.close(timeout=10)
    assert job.cancelled()
    assert job.thread is not None and not job.thread.is_alive()
    QCoreApplication.processEvents()
    assert seen == []  # closed: nothing delivered after
    assert not runner.busy("search")
    assert runner.run("search", work, seen.append) is None  # nothing new starts


def test_a_job_that_ignores_its_flag_cannot_reach_a_deleted_window(qtbot):
    owner, runner = _runner()
    release = threading.Event()
    finished = threading.Event()
    seen = []

    def stubborn(job):  # like jieba's dictionary load: no checks
        release.wait(10)
        return "late"

    job = runner.run("words", stubborn, seen.append)
    assert job is not None
    runner.close(timeout=0.05)
    assert job.thread is not None and job.thread.is_alive()
    relay = runner._relay
    shiboken6.delete(owner)  # the window goes while the worker still runs
    assert not shiboken6.isValid(relay)
    original = job._close

    def closed_then_flag():
        original()
        finished.set()

    job._close = closed_then_flag
    release.set()
    job.thread.join(10)
    assert finished.is_set() and not job.thread.is_alive()
    QCoreApplication.processEvents()
    assert seen == []


def test_close_is_safe_twice_and_leaves_idle_runner_refusing_work(qtbot):
    _owner, runner = _runner()
    seen = []
    job = runner.run("outline", lambda job: 7, seen.append)
    assert job is not None
    runner.wait("outline")
    assert seen == [7]
    runner.close()
    runner.close()
    assert runner.run("outline", lambda job: 8, seen.append) is None
    assert seen == [7]


def test_a_writer_failing_at_quit_is_logged_not_shown(qtbot, caplog):
    _owner, runner = _runner()
    seen = []

    def failing(job):
        raise RuntimeError("disk went away")

    assert runner.run("export", failing, seen.append) is not None
    runner.wait("export", deliver=False)  # the window's shutdown: joined, not delivered
    assert seen == [] and runner.busy("export")
    with caplog.at_level("ERROR", logger="reader"):
        runner.close()
    assert "export job failed at quit" in caplog.text and "disk went away" in caplog.text
    assert runner._errors.reports == []  # no error box while quitting
    assert not runner.busy("export")
