"""Search on PostgreSQL: the unaccent and pg_trgm extensions, a text search configuration
`urbact` (the "simple" one with every word passed through unaccent), a generated tsvector
column on the search entries and GIN indexes for full text and trigrams. SQLite gets only the
new date column; its search stays a LIKE over the same normalised text (docs/search.md)."""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations, models

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


def backfill(apps, schema_editor):
    """Entries made before this migration get their page's type and first publication as
    date; `manage.py rebuild_search_entries` replaces it by a news item's or event's own
    date (and drops English entries of pages that do not exist in English)."""
    from django.db.models import OuterRef, Subquery
    from django.db.models.functions import TruncDate

    SearchEntry = apps.get_model("urbact_portal", "SearchEntry")
    Page = apps.get_model("wagtailcore", "Page")
    page = Page.objects.filter(pk=OuterRef("page_id"))
    SearchEntry.objects.update(
        content_type_id=Subquery(page.values("content_type_id")[:1]),
        date=Subquery(page.annotate(day=TruncDate("first_published_at")).values("day")[:1]),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("urbact_portal", "0001_initial"),
    ]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.AddField(
            model_name="searchentry",
            name="date",
            field=models.DateField(blank=True, null=True, verbose_name="date"),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="content_type",
            field=models.ForeignKey(
                null=True,
                on_delete=models.deletion.CASCADE,
                related_name="+",
                to="contenttypes.contenttype",
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.RunPython(_run(POSTGRES_FORWARD), _run(POSTGRES_BACKWARD)),
    ]
