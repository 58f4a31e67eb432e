"""SQLite's search index: an FTS5 table over the guides' title, summary and search text,
kept in step by triggers.

Made after every `migrate` rather than by a migration: SQLite rebuilds a table to alter it,
which drops its triggers, so each run checks them and re-indexes when any was missing.
(PostgreSQL's index is a column of the guide table, set up by migration 0004.)
"""

from django.db import connections

FTS_TABLE = "guides_guide_fts"
TRIGGERS = {
    "guides_guide_fts_insert": """
        CREATE TRIGGER IF NOT EXISTS guides_guide_fts_insert AFTER INSERT ON guides_guide BEGIN
            INSERT INTO guides_guide_fts(rowid, title, summary, search_text)
            VALUES (new.id, new.title, new.summary, new.search_text);
        END""",
    "guides_guide_fts_delete": """
        CREATE TRIGGER IF NOT EXISTS guides_guide_fts_delete AFTER DELETE ON guides_guide BEGIN
            INSERT INTO guides_guide_fts(guides_guide_fts, rowid, title, summary, search_text)
            VALUES ('delete', old.id, old.title, old.summary, old.search_text);
        END""",
    "guides_guide_fts_update": """
        CREATE TRIGGER IF NOT EXISTS guides_guide_fts_update
        AFTER UPDATE OF title, summary, search_text ON guides_guide BEGIN
            INSERT INTO guides_guide_fts(guides_guide_fts, rowid, title, summary, search_text)
            VALUES ('delete', old.id, old.title, old.summary, old.search_text);
            INSERT INTO guides_guide_fts(rowid, title, summary, search_text)
            VALUES (new.id, new.title, new.summary, new.search_text);
        END""",
}
CREATE_TABLE = """
    CREATE VIRTUAL TABLE IF NOT EXISTS guides_guide_fts USING fts5(
        title, summary, search_text,
        content='guides_guide', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3'
    )"""
REBUILD = "INSERT INTO guides_guide_fts(guides_guide_fts) VALUES ('rebuild')"


def ensure_sqlite_index(*, using: str = "default", **kwargs) -> None:
    """Create the FTS5 table and its triggers if missing, re-indexing when a trigger was.
    Connected to post_migrate; does nothing on other databases."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        if "guides_guide" not in connection.introspection.table_names(cursor):
            return
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'guides_guide'"
        )
        present = {row[0] for row in cursor.fetchall()}
        if present.issuperset(TRIGGERS):
            return
        cursor.execute(CREATE_TABLE)
        for sql in TRIGGERS.values():
            cursor.execute(sql)
        cursor.execute(REBUILD)
