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
    out = run_reader(
        "--library", str(tmp_path / "lib.db"), "report", "-o", str(out_path),
        env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"},
    )  # fmt: skip
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
    assert "<h1>团队报告</h1>" in page and "<h2>各来源的审阅进度</h2>" in page
    assert "<td>已审</td>" not in page and "<th>已审</th>" in page and "reviewed" not in page
    english = tmp_path / "en.html"
    run_reader("--library", str(tmp_path / "lib.db"), "report", "--lang", "en", "-o", str(english))
    page = english.read_text(encoding="utf-8")
    assert "<h1>Team report</h1>" in page and "<th>reviewed</th>" in page and "已审" not in page
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


def test_rejections_are_counted_apart_from_annotations(tmp_path):
    from reader.core.team import REJECTED
    from reader.core.team.report import gather, render

    library = seeded(tmp_path / "lib.db")
    first = article_ids(library)[0]
    mark(library, first, [(0, 5, "人物"), (6, 9, "地点")], "ann1")
    mark(library, first, [(0, 5, "人物")], "ann2")
    mark(library, first, [(6, 9, "地点")], REJECTED)
    data = gather(library)
    library.close()
    assert set(data.tags_by_annotator) == {"ann1", "ann2"}
    assert data.tags_by_annotator["ann1"] == {"人物": 1, "地点": 1}
    assert data.rejected == 1
    assert all(REJECTED not in day for day in data.by_day.values())
    assert sum(sum(day.values()) for day in data.by_day.values()) == 3
    assert "裁定时否决了 1 处片段。" in render(data, lang="zh")
    assert "1 spans rejected in adjudication." in render(data, lang="en")
