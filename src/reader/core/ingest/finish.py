"""After an import's files: the search index batch, then the free pages it leaves."""

from __future__ import annotations

from collections.abc import Callable

from reader.core.library.space import reclaim
from reader.core.library.store import Library
from reader.core.search.index import index_pending


def index_and_reclaim(library: Library, indexing: Callable[[int, int], None] | None) -> None:
    """The index batch (every stored file searchable on return), then the pages its merge
    freed given back. ``indexing`` hears (0, total) at once, before the articles are read,
    and (total, total) only once the file is tidy."""
    if indexing is None:
        index_pending(library)
        reclaim(library)
        return
    (pending,) = library.conn.execute(  # the articles index_pending will read
        "SELECT count(*) FROM search_pending p JOIN articles a ON a.id = p.article_id "
        "WHERE a.retired_at IS NULL"
    ).fetchone()
    if pending:
        indexing(0, int(pending))
    last: list[tuple[int, int]] = []

    def relay(done: int, total: int) -> None:
        if done < total:
            indexing(done, total)
        else:
            last.append((done, total))

    index_pending(library, relay)
    reclaim(library)  # the index's merge freed about its own size in pages
    for done, total in last[-1:]:
        indexing(done, total)
