"""The names of the library's migrations, without importing sqlite-utils.

Opening a library checks these against the applied ones with plain SQL, so the
window starts without loading sqlite-utils unless a migration must run.
``tests/test_library.py`` keeps this list equal to the migrations in ``migrations.py``.
"""

MIGRATION_SET = "reader"
MIGRATIONS_TABLE = "_sqlite_migrations"
MIGRATION_NAMES = (
    "m001_sources_articles_blocks",
    "m002_tags_annotations",
    "m003_user_words_settings",
    "m004_search_index",
    "m005_repair_earlier_schemas",
    "m006_search_index_variant_fold",
    "m007_compress_raw_sources",
    "m008_incremental_auto_vacuum",
    "m009_search_index_body_first",
    "m010_compress_article_texts",
    "m011_article_texts_zstd",
)
