"""The CLI as a user runs it: exit codes, JSON shapes, one-line errors, no tracebacks."""

import json

from conftest import SEEDS, run_reader


def test_import_ls_show_and_reimport(tmp_path):
    lib = str(tmp_path / "lib.sqlite3")
    first = run_reader("import", "--samples", "--library", lib)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "5 imported, 0 unchanged, 0 updated, 0 refused"
    again = run_reader("import", "--samples", "--library", lib)
    assert again.stdout.strip() == "0 imported, 5 unchanged, 0 updated, 0 refused"
    listing = json.loads(run_reader("ls", "--json", "--library", lib).stdout)
    assert len(listing) == 7
    assert {"id", "title", "source", "blocks", "block_counts"} <= set(listing[0])
    shown = json.loads(run_reader("show", str(listing[1]["id"]), "--json", "--library", lib).stdout)
    assert shown["title"] == listing[1]["title"]
    assert {"id", "title", "metadata", "text", "blocks"} <= set(shown)
    for block in shown["blocks"]:
        assert shown["text"][block["start"] : block["end"]] == block["text"]
    human = run_reader("show", str(listing[1]["id"]), "--library", lib)
    assert human.returncode == 0 and shown["title"] in human.stdout


def test_default_library_comes_from_environment(tmp_path):
    env = {"READER_LIBRARY": str(tmp_path / "env-lib.sqlite3")}
    assert run_reader("import", str(SEEDS / "001_3e7ffedcf53dbe3a.txt"), env=env).returncode == 0
    assert (tmp_path / "env-lib.sqlite3").exists()
    assert "坚持党建引领" in run_reader("ls", env=env).stdout


def test_partial_import_exits_1_and_names_each_refused_file(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02\x03")
    out = run_reader("import", str(bad), str(SEEDS), "--library", str(tmp_path / "l.db"))
    assert out.returncode == 1
    assert f"refused: {bad}: it looks like a binary file" in out.stderr
    assert "5 imported" in out.stdout


def test_library_errors_exit_2_with_one_line(tmp_path):
    notlib = tmp_path / "notes.sqlite3"
    notlib.write_text("hello")
    for args in (
        ["ls", "--library", str(notlib)],
        ["show", "1", "--library", str(notlib)],
        ["import", str(SEEDS), "--library", str(notlib)],
        ["ls", "--library", str(tmp_path / "nope.sqlite3")],
        ["show", "999", "--library", str(tmp_path / "nope.sqlite3")],
    ):
        out = run_reader(*args)
        assert out.returncode == 2, args
        assert out.stderr.count("\n") == 1 and out.stderr.startswith("reader: "), out.stderr
        assert "Traceback" not in out.stderr
    assert notlib.read_text() == "hello"


def test_missing_article_and_usage_errors(tmp_path):
    lib = str(tmp_path / "lib.sqlite3")
    run_reader("import", "--samples", "--library", lib)
    out = run_reader("show", "424242", "--library", lib)
    assert out.returncode == 2 and "no article with id 424242" in out.stderr
    assert run_reader("import", "--library", lib).returncode == 2
    assert run_reader("frobnicate").returncode == 2


def test_parse_json_schema_and_bad_input(tmp_path):
    out = run_reader("parse", "--json", str(SEEDS / "000_b7740f99fc43d814.txt"))
    doc = json.loads(out.stdout)
    assert doc["encoding"] == "utf-8"
    block = doc["articles"][0]["blocks"][0]
    assert set(block) >= {"kind", "level", "lines", "text", "start", "end"}
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00" * 10)
    bad = run_reader("parse", "--json", str(binary))
    assert bad.returncode == 2 and "binary" in bad.stderr and "Traceback" not in bad.stderr
    missing = run_reader("parse", str(tmp_path / "none.txt"))
    assert missing.returncode == 2 and "no such file" in missing.stderr.lower()


def test_bare_reader_without_a_display_offers_samples(tmp_path):
    out = run_reader(
        env={"READER_LIBRARY": str(tmp_path / "empty.sqlite3")},
        unset=("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"),
    )
    assert out.returncode == 0
    assert "reader import --samples" in out.stdout


def test_bare_reader_opens_the_window_with_the_sample_library(tmp_path):
    """First start on a fresh machine: the window paints and the samples are imported."""
    library = tmp_path / "new" / "library.sqlite3"
    env = {
        "READER_LIBRARY": str(library),
        "QT_QPA_PLATFORM": "offscreen",
        "READER_PROBE_FIRST_PAINT": "1",
    }
    out = run_reader(env=env)
    assert out.returncode == 0, out.stderr
    assert "first-paint" in out.stdout
    assert "Traceback" not in out.stderr
    listing = run_reader("ls", "--json", env={"READER_LIBRARY": str(library)})
    assert len(json.loads(listing.stdout)) == 7
