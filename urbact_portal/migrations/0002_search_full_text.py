"""Search on PostgreSQL, in SQL that makemigrations cannot write: the unaccent and pg_trgm
extensions, a text search configuration `urbact` (the "simple" one with every word passed
through unaccent), a generated tsvector column on the search entries and GIN indexes for full
text and trigrams. SQLite gets none of it: its search stays a LIKE over the same normalised
text (docs/search.md)."""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

TABLE = "urbact_portal_searchentry"
WORD_TOKENS = "asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, hword_numpart"

POSTGRES_FORWARD = [
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS urbact",
    "CREATE TEXT SEARCH CONFIGURATION urbact (COPY = simple)",
    f"ALTER TEXT SEARCH CONFIGURATION urbact ALTER MAPPING FOR {WORD_TOKENS} WITH unaccent, simple",
    f"ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    "(to_tsvector('urbact'::regconfig, text_normalized)) STORED",
    # Keep the rows that a search visits narrow: the long text and its vector go to TOAST.
    f"ALTER TABLE {TABLE} SET (toast_tuple_target = 128)",
    f"CREATE INDEX search_entry_vector ON {TABLE} USING gin (search_vector)",
    f"CREATE INDEX search_entry_text_trgm ON {TABLE} USING gin (text_normalized gin_trgm_ops)",
    f"CREATE INDEX search_entry_title_trgm ON {TABLE} USING gin (title_normalized gin_trgm_ops)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_title_trgm",
    "DROP INDEX IF EXISTS search_entry_text_trgm",
    "DROP INDEX IF EXISTS search_entry_vector",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS urbact",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("urbact_portal", "0001_initial")]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunPython(_run(POSTGRES_FORWARD), _run(POSTGRES_BACKWARD)),
    ]
