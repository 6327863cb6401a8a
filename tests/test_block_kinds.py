"""Block kinds are one enum, from the parser and from the library alike."""

import json

from reader.core.text.model import BLOCK_KINDS, BlockKind, Kinds
from reader.core.text.pieces import Hint, Hints
from reader.core.text.structure import parse_text

PAGE = "新闻标题\n——副标题在这里\n\n第一段正文，说明一件事情。\n\n小标题\n\n第二段正文，继续说明。\n\n记者 王小明\n"


def test_parsed_blocks_carry_the_enum_and_serialise_as_plain_strings():
    document = parse_text(PAGE, "page.txt")
    kinds = [b.kind for a in document.articles for b in a.blocks]
    assert kinds and all(type(k) is BlockKind for k in kinds)
    assert {BlockKind.TITLE, BlockKind.SUBTITLE, BlockKind.PARAGRAPH} <= set(kinds)
    dumped = json.loads(json.dumps(document.to_json()))
    assert [b["kind"] for a in dumped["articles"] for b in a["blocks"]] == [k.value for k in kinds]


def test_blocks_read_back_from_the_library_carry_the_enum(library):
    from reader.core.ingest.importer import import_paths
    from reader.core.library.articles import get_article

    path = library.path.parent / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    import_paths(library, [path])
    article_id = library.conn.execute("SELECT min(id) FROM articles").fetchone()[0]
    stored = get_article(library, article_id)
    parsed = parse_text(PAGE, "page.txt").articles[0]
    assert [b.kind for b in stored.blocks] == [b.kind for b in parsed.blocks]
    assert all(type(b.kind) is BlockKind for b in stored.blocks)


def test_the_list_of_kinds_is_the_enum():
    assert tuple(k.value for k in BlockKind) == BLOCK_KINDS
    assert BlockKind("link") is BlockKind.LINK


def test_the_plain_namespaces_hold_every_member_of_their_enum():
    for enum, names in ((BlockKind, Kinds), (Hint, Hints)):
        held = {name: value for name, value in vars(names).items() if not name.startswith("_")}
        assert held == dict(enum.__members__)
        assert all(type(value) is enum for value in held.values())
