"""The UI's shape: parts never hold the window, never run SQL, and say what their
signals carry."""

import re
from pathlib import Path

import reader.ui

UI = Path(reader.ui.__file__).parent
SOURCES = sorted(UI.rglob("*.py"))


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_the_ui_is_in_subpackages():
    packages = {p.parent.name for p in SOURCES if p.parent != UI}
    assert packages >= {"window", "annotate", "dialogs", "reading", "browse"}
    assert {p.name for p in UI.glob("*.py")} >= {"session.py", "jobs.py", "errors.py"}


def test_no_sql_in_the_ui():
    for path in SOURCES:
        assert not re.search(
            r"\.execute\(|\bSELECT\b|\bINSERT\b|\bUPDATE\s+\w+\s+SET", _text(path)
        ), path


def test_signals_name_what_they_carry_and_need_no_type_ignore_to_read():
    for path in SOURCES:
        text = _text(path)
        assert "Signal(object" not in text, path
        assert not re.search(r"type: ignore\[(attr-defined|assignment)\]", text), path


def test_parts_never_take_or_change_the_window():
    for path in SOURCES:
        if path.parent.name == "window":
            continue
        text = _text(path)
        assert "MainWindow" not in text, path
        assert not re.search(r"\bwindow_?\.\w+\s*=[^=]", text), path
    for path in SOURCES:
        assert "hasattr(" not in _text(path), path
