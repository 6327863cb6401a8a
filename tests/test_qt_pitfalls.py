"""PySide6 6.12.0 aborts after ~3,000 QTextEdit.ExtraSelection objects (None refcount
underflow). We pin <6.12; this guards the pin: 10,000 must be created and the process
must exit 0."""

import os
import subprocess
import sys

CODE = """
from PySide6.QtWidgets import QApplication, QTextEdit
app = QApplication([])
edit = QTextEdit()
edit.setPlainText("党建引领" * 100)
selections = []
for i in range(10_000):
    sel = QTextEdit.ExtraSelection()
    sel.cursor = edit.textCursor()
    selections.append(sel)
edit.setExtraSelections(selections)
assert len(edit.extraSelections()) == 10_000
del selections
print("ok")
"""


def test_ten_thousand_extra_selections_exit_cleanly():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, env=env, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "ok"
