"""reader report: one self-contained page; user text escaped; loaded only on demand."""

from __future__ import annotations

import re
import subprocess
import sys
from xml.etree import ElementTree

from conftest import run_reader
from reader.core.notes.tags import set_status
from team_helpers import article_ids, mark, seeded

HOSTILE = '<script>alert("x")</script>'


def test_report_is_self_contained_escaped_and_has_its_charts(tmp_path):
    library = seeded(tmp_path / "lib.db")
    first, second = article_ids(library)[:2]
    mark(library, first, [(0, 5, "人物"), (10, 20, "<b>数据</b>")], HOSTILE)
    mark(library, first, [(0, 5, "人物"), (11, 20, "<b>数据</b>")], "ann2")
    set_status(library, second, "reviewed")
    library.close()
    out_path = tmp_path / "report.html"
    out = run_reader("--library", str(tmp_path / "lib.db"), "report", "-o", str(out_path))
    assert out.returncode == 0, out.stderr
    page = out_path.read_text(encoding="utf-8")
    assert HOSTILE not in page and "<b>数据" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;b&gt;数据&lt;/b&gt;" in page
    # nothing fetched: no URL but the SVG namespace, no script, no external style or image
    urls = set(re.findall(r"https?://[^\"' <>]+", page))
    assert urls == {"http://www.w3.org/2000/svg"}
    assert "<script" not in page and "<img" not in page and "<link" not in page
    svgs = re.findall(r"<svg.*?</svg>", page, flags=re.S)
    assert len(svgs) == 4  # tags, review progress, over time, agreement heatmap
    for chart in svgs:
        ElementTree.fromstring(chart)  # each is well-formed XML
    assert "已审 reviewed" in page and "Agreement (κ)" in page
    again = run_reader("--library", str(tmp_path / "lib.db"), "report", "-o", str(out_path))
    assert again.returncode == 2  # no overwrite without --force


def test_report_with_one_annotator_says_why_there_is_no_matrix(tmp_path):
    library = seeded(tmp_path / "lib.db")
    mark(library, article_ids(library)[0], [(0, 5, "人物")], "ann1")
    library.close()
    out_path = tmp_path / "r.html"
    out = run_reader("--library", str(tmp_path / "lib.db"), "report", "-o", str(out_path))
    assert out.returncode == 0, out.stderr
    assert "agreement needs two annotators" in out_path.read_text(encoding="utf-8")


def test_team_modules_load_only_on_demand():
    code = (
        "import sys\n"
        "import reader.cli, reader.app, reader.ui.window.main_window\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('reader.core.team') "
        "or m.split('.')[0] in ('numpy', 'krippendorff'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
