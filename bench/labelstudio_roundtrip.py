"""Round trip through a real Label Studio server: export, import there, export back, import.

    python bench/labelstudio_roundtrip.py [--label-studio PATH] [--port 8093]

Needs the ``label-studio`` command (give its path, or have it on PATH; it is large,
so keep it in a venv of its own, e.g. ``python -m venv /tmp/ls && /tmp/ls/bin/pip
install label-studio``). Without it the script says so and exits 0: this is not
part of CI. It talks to the server over its REST API with the standard library
(the same calls label-studio-sdk makes), so Reader's own interpreter runs it.

Steps: a library with an article holding emoji and CJK Extension B characters
before and inside overlapping spans, notes with line breaks; ``reader export
--format labelstudio``; a fresh Label Studio (temporary data folder, its own
user and token) on localhost; a project whose labelling config has every label
and a per-region text area; the tasks imported with their annotations; the
project exported as Label Studio JSON; that file imported into a fresh library
with the same article. It prints whether spans, quotes, tags and notes are
identical, and each region's UTF-16 text as the server returned it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from reader.core.exchange.exporting import ExportFilter, collect, render  # noqa: E402
from reader.core.exchange.notes_import import import_notes  # noqa: E402
from reader.core.exchange.units import utf16_slice  # noqa: E402
from reader.core.ingest.importer import import_paths  # noqa: E402
from reader.core.library.articles import get_article, list_articles  # noqa: E402
from reader.core.library.store import open_library  # noqa: E402
from reader.core.notes import annotations as notes  # noqa: E402

ARTICLE = """# 𠀀字与😀表情的文章

😀开头的段落里有𠀀𠀁两个扩展B字，还有“重点😀句子”在这里，𠀂之后还有话。

第二段：家庭表情之后，唐丽娟说𠀃话很多。
"""
MARKS = [
    ("重点😀句子", ("重点", "人物"), "第一行\n第二行\n\n第四行"),
    ("句子”在这里，𠀂", ("存疑",), ""),
    ("𠀀𠀁", (), "扩展B字"),
    ("😀开头", ("数据",), ""),
    ("唐丽娟说𠀃话", ("人物",), "一句\n两句"),
]
USER, PASSWORD, TOKEN = (
    "reader-bench@example.org",
    "reader-bench-pw",
    "readerbenchtoken0123456789abcdef",
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--label-studio", default=shutil.which("label-studio"))
    ap.add_argument("--port", type=int, default=8093)
    ap.add_argument(
        "--bare",
        action="store_true",
        help="drop data.reader before the import, so only Label Studio's own fields come back "
        "(as for annotations made by other people there)",
    )
    args = ap.parse_args()
    if not args.label_studio or not Path(args.label_studio).exists():
        print(
            "label-studio is not installed: nothing to do. Install it in a venv of its own "
            "and pass --label-studio /path/to/venv/bin/label-studio."
        )
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = work / "表情.txt"
        source.write_text(ARTICLE, encoding="utf-8")
        with open_library(work / "a.sqlite3") as library:
            import_paths(library, [source])
            (article,) = list_articles(library)
            text = get_article(library, article.id).text
            for phrase, tags, note in MARKS:
                start = text.index(phrase)
                notes.create(library, article.id, start, start + len(phrase), tags=tags, note=note)
            tasks = json.loads(render("labelstudio", collect(library, ExportFilter())))
            if args.bare:
                for task in tasks:
                    del task["data"]["reader"]
            before = _spans(library)
        server = _start(args.label_studio, args.port, work / "ls-data")
        try:
            base = f"http://127.0.0.1:{args.port}"
            token = _token(base)
            labels = sorted({t for _, tags, _ in MARKS for t in tags} | {"Reader-highlight"})
            config = (
                '<View><Text name="text" value="$text"/><Labels name="label" toName="text">'
                + "".join(f'<Label value="{t}"/>' for t in labels)
                + '</Labels><TextArea name="note" toName="text" perRegion="true"/></View>'
            )
            project = _call(
                base, token, "POST", "/api/projects", {"title": "Reader", "label_config": config}
            )
            _call(base, token, "POST", f"/api/projects/{project['id']}/import", tasks)
            exported = _call(
                base, token, "GET", f"/api/projects/{project['id']}/export?exportType=JSON"
            )
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                server.kill()
        back = work / "from-label-studio.json"
        back.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
        for task in exported:
            for annotation in task.get("annotations", []):
                for r in annotation["result"]:
                    if r["type"] == "labels":
                        v = r["value"]
                        cut = utf16_slice(task["data"]["text"], v["start"], v["end"])
                        ok = cut == v["text"]
                        print(f"  {v['start']:>3}-{v['end']:<3} {cut!r} == {v['text']!r}: {ok}")
        with open_library(work / "b.sqlite3") as fresh:
            import_paths(fresh, [source])
            print("import back:", import_notes(fresh, back).line())
            who = sorted({a.annotator for a in notes.all_annotations(fresh)})
            print("annotators after the round trip:", who)
            after = _spans(fresh)
    same = after == before
    print("spans, quotes, tags and notes identical after the server round trip:", same)
    if not same:
        print("before:", before, "\nafter: ", after)
    return 0 if same else 1


def _spans(library: Any) -> list[tuple[Any, ...]]:
    return sorted(
        (a.start, a.end, a.quote, tuple(sorted(a.tags)), a.note)
        for a in notes.all_annotations(library)
    )


def _start(command: str, port: int, data: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "LABEL_STUDIO_BASE_DATA_DIR": str(data),
        "LABEL_STUDIO_USERNAME": USER,
        "LABEL_STUDIO_PASSWORD": PASSWORD,
        "LABEL_STUDIO_USER_TOKEN": TOKEN,
        "LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN": "true",
        "LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK": "true",
    }
    server = subprocess.Popen(
        [command, "start", "--no-browser", "--port", str(port), "--data-dir", str(data)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(data.parent / "ls.log", "wb"),  # noqa: SIM115 (kept open for the server)
    )
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
                if r.status == 200:
                    return server
        except (urllib.error.URLError, OSError):
            pass
        if server.poll() is not None:
            raise SystemExit(f"label-studio stopped; see {data.parent / 'ls.log'}")
        time.sleep(1)
    server.kill()
    raise SystemExit("label-studio did not answer on /health in 300 s")


def _token(base: str) -> str:
    return TOKEN


def _call(base: str, token: str, method: str, path: str, body: Any = None) -> Any:
    data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(
        base + path,
        data=data,
        method=method,
        headers={"Authorization": f"Token {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.loads(response.read() or b"null")
    except urllib.error.HTTPError as exc:
        raise SystemExit(f"{method} {path}: {exc.code} {exc.read()[:500]!r}") from exc


if __name__ == "__main__":
    raise SystemExit(main())
