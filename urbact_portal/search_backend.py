"""Wagtail's search backend setting (`WAGTAILSEARCH_BACKENDS`), with the site's own page search.

The admin searches pages in three places — the page search, the explorer's search box and the
page chooser — and all three call `queryset.autocomplete(query)` on a page queryset, which
goes to the configured search backend. This backend answers those calls for pages with the
site search's machinery (urbact_portal.search: the same query parsing, folding and Slovene
stems) over the page titles in every language and the draft title, so an editor finds
"Ljubljana" by typing "ljubljani", "Ljubljanskih" or its English title, with or without
accents. Everything else (images, documents, snippets) goes to Wagtail's database backend,
which this backend wraps.

On PostgreSQL titles are folded in the database with `unaccent(lower(...))`; on SQLite with
a function registered on each connection that runs urbact_portal.search.normalize.
"""

from django.conf import settings
from django.db.backends.signals import connection_created
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import Func
from django.db.models.functions import Lower
from django.db.models.lookups import Contains, StartsWith
from modelsearch.backends.base import BaseSearchResults, EmptySearchResults
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.query import MatchAll, PlainText
from wagtail.models import Page

from urbact_portal.search import Query

SQLITE_FOLD = "urbact_fold"


def _register_sqlite_fold(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        from urbact_portal.search import normalize

        connection.connection.create_function(SQLITE_FOLD, 1, normalize, deterministic=True)


connection_created.connect(_register_sqlite_fold, dispatch_uid="urbact_sqlite_fold")


class Fold(Func):
    """Text lowercased and without diacritics, in the database (see the module docstring)."""

    def as_sql(self, compiler, connection, **extra_context):
        if connection.vendor == "postgresql":
            return Func(Lower(self.source_expressions[0]), function="unaccent").as_sql(
                compiler, connection, **extra_context
            )
        return Func(self.source_expressions[0], function=SQLITE_FOLD).as_sql(
            compiler, connection, **extra_context
        )


def title_fields() -> list[str]:
    """The page's title in each language (wagtail-modeltranslation) and its draft title."""
    return [f"title_{code}" for code, _name in settings.LANGUAGES] + ["draft_title"]


def page_title_q(query: Query) -> Q:
    """Pages whose title, in some language, matches every term of `query`: the folded title
    contains the term, or one of its words begins with the term's Slovene stem."""
    condition = Q()
    for term, word_stem in zip(query.terms, query.stems, strict=True):
        any_title = Q()
        for name in title_fields():
            folded = Fold(F(name))
            any_title |= Q(Contains(folded, term))
            any_title |= Q(StartsWith(folded, word_stem)) | Q(Contains(folded, f" {word_stem}"))
        condition &= any_title
    return condition


def page_title_relevance(query: Query):
    """Titles that begin with the query's first stem before the others."""
    first = query.stems[0]
    return Case(
        *[When(StartsWith(Fold(F(name)), first), then=Value(1)) for name in title_fields()],
        default=Value(0),
        output_field=IntegerField(),
    )


class _PageQuery:
    """What a results object needs: the queryset (BaseSearchResults reads `.queryset`)."""

    def __init__(self, queryset, query: Query | None, order_by_relevance: bool):
        self.queryset = queryset
        self.query = query  # None: every page of the queryset (an empty admin search)
        self.order_by_relevance = order_by_relevance

    def matching(self):
        if self.query is None:
            return self.queryset
        return self.queryset.filter(page_title_q(self.query))

    def ordered(self):
        pages = self.matching()
        if self.order_by_relevance and self.query is not None:
            pages = pages.annotate(_title_relevance=page_title_relevance(self.query)).order_by(
                "-_title_relevance", F("latest_revision_created_at").desc(nulls_last=True), "-pk"
            )
        elif not pages.ordered:
            pages = pages.order_by("-pk")
        return pages


class PageSearchResults(BaseSearchResults):
    supports_facet = True

    def _do_search(self):
        return self.query_compiler.ordered()[self.start : self.stop]

    def _do_count(self):
        count = self.query_compiler.matching().count()
        if self.stop is not None:
            count = min(count, self.stop)
        return max(count - self.start, 0)

    def facet(self, field_name):
        """{value: count} of a field over all results (the admin facets by content type)."""
        rows = (
            self.query_compiler.matching()
            .order_by()
            .values(field_name)
            .annotate(count=Count("pk"))
            .order_by("-count")
        )
        return {row[field_name]: row["count"] for row in rows}


def _as_text(query):
    """The query's text when it is plain text (a string or modelsearch's PlainText);
    MATCH_ALL for an empty admin search; None for anything else (left to Wagtail)."""
    if isinstance(query, str):
        return query
    if isinstance(query, PlainText):
        return query.query_string
    if isinstance(query, MatchAll):
        return MatchAll
    return None


class SearchBackend:
    """Wagtail's database backend, except for searches of pages (see the module docstring)."""

    def __init__(self, params):
        self.database_backend = DatabaseSearchBackend(params)

    def __getattr__(self, name):
        return getattr(self.database_backend, name)

    def _pages(self, query, model_or_queryset, fields, order_by_relevance):
        if fields is not None:
            return None
        if isinstance(model_or_queryset, QuerySet):
            queryset = model_or_queryset
        else:
            queryset = getattr(model_or_queryset, "objects", None)
            queryset = queryset.all() if queryset is not None else None
        if queryset is None or not issubclass(queryset.model, Page):
            return None
        text = _as_text(query)
        if text is None:
            return None
        if text is MatchAll:
            return PageSearchResults(self, _PageQuery(queryset, None, order_by_relevance))
        parsed = Query.parse(text)
        if not parsed.terms:
            return EmptySearchResults()
        return PageSearchResults(self, _PageQuery(queryset, parsed, order_by_relevance))

    def search(self, query, model_or_queryset, fields=None, operator=None, order_by_relevance=True):
        results = self._pages(query, model_or_queryset, fields, order_by_relevance)
        if results is not None:
            return results
        return self.database_backend.search(
            query, model_or_queryset, fields, operator, order_by_relevance
        )

    def autocomplete(
        self, query, model_or_queryset, fields=None, operator=None, order_by_relevance=True
    ):
        results = self._pages(query, model_or_queryset, fields, order_by_relevance)
        if results is not None:
            return results
        return self.database_backend.autocomplete(
            query, model_or_queryset, fields, operator, order_by_relevance
        )
