"""PostgreSQL's side of search (guides/search.py): accent-free French and English text search
configurations, a trigger keeping guides_guide.search_vector (title A, summary B, text C) in
step, a GIN index on it, a trigram index on titles for the typo fallback, and the existing
guides indexed.

Does nothing on SQLite, whose FTS5 index guides/search_index.py keeps after every migrate.
Host names are indexed by their parts (dots become spaces) so "ovh" finds "ssl0.ovh.net".
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations


def configuration(name: str, source: str, stemmer: str) -> str:
    return f"""
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{name}') THEN
                CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {source});
                ALTER TEXT SEARCH CONFIGURATION {name}
                    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {stemmer};
            END IF;
        END $$
    """  # noqa: S608 - constants only


FORWARDS = [
    configuration("fr_unaccent", "french", "french_stem"),
    configuration("en_unaccent", "english", "english_stem"),
    """
    CREATE OR REPLACE FUNCTION guides_guide_search_vector() RETURNS trigger
    LANGUAGE plpgsql AS $$
    DECLARE
        config regconfig := CASE WHEN NEW.language = 'en'
            THEN 'en_unaccent'::regconfig ELSE 'fr_unaccent'::regconfig END;
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector(config, translate(NEW.title, '.', ' ')), 'A')
            || setweight(to_tsvector(config, translate(NEW.summary, '.', ' ')), 'B')
            || setweight(to_tsvector(config, translate(NEW.search_text, '.', ' ')), 'C');
        RETURN NEW;
    END $$
    """,
    """
    CREATE TRIGGER guides_guide_search_vector
    BEFORE INSERT OR UPDATE OF language, title, summary, search_text ON guides_guide
    FOR EACH ROW EXECUTE FUNCTION guides_guide_search_vector()
    """,
    "CREATE INDEX guides_guide_search_vector_gin ON guides_guide USING gin (search_vector)",
    "CREATE INDEX guides_guide_title_trgm ON guides_guide USING gin (title gin_trgm_ops)",
    "UPDATE guides_guide SET title = title",
]

BACKWARDS = [
    "DROP INDEX IF EXISTS guides_guide_title_trgm",
    "DROP INDEX IF EXISTS guides_guide_search_vector_gin",
    "DROP TRIGGER IF EXISTS guides_guide_search_vector ON guides_guide",
    "DROP FUNCTION IF EXISTS guides_guide_search_vector()",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS fr_unaccent",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS en_unaccent",
    "UPDATE guides_guide SET search_vector = NULL",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql, params=None)

    return operation


class Migration(migrations.Migration):
    dependencies = [("guides", "0003_guide_search_vector")]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunPython(run(FORWARDS), run(BACKWARDS)),
    ]
