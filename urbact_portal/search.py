"""Site search: one SearchEntry per live, public page and language, kept in step with
publishing, and an accent-insensitive, inflection-tolerant query over those entries. The
admin's page search uses the same query parsing and matching (urbact_portal.search_backend).

Text is normalised (lowercase, diacritics removed, whitespace collapsed) both when it is
stored and when a visitor searches: "sola" finds "šola" and "ŠOLA", "šola" finds "sola".
Each term of a query matches an entry when
- the entry's text contains the term (a substring: "50%", "a_b", "participacij"), or
- a word of the entry begins with the term's Slovene stem (urbact_portal.slovene):
  "Ljubljani" and "ljubljanskih" find "Ljubljana".
On PostgreSQL the first is a LIKE served by a trigram GIN index (pg_trgm) and the second a
full-text prefix query (`to_tsquery('urbact', 'stem:*')`) on a generated tsvector column
with its own GIN index, in a text search configuration that passes words through `unaccent`
(migration urbact_portal 0002). On SQLite both are LIKE lookups over the same text.
Django escapes `%` and `_` in `contains` lookups, so a visitor's wildcards match only
themselves. See docs/search.md."""

import datetime
import string
import unicodedata
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.db.models import (
    BooleanField,
    Case,
    Count,
    F,
    IntegerField,
    Q,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.expressions import RawSQL
from django.db.models.signals import post_delete, post_save
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction, Site, get_page_models
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move

from urbact_portal.english import exists_in
from urbact_portal.models import SearchEntry
from urbact_portal.slovene import stem
from urbact_portal.speed import any_view_restriction

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
PER_PAGE = 10
SUMMARY_LENGTH = 300  # characters of the summary shown under a result

# Letters that Unicode decomposition leaves alone but a reader treats as accented Latin.
_LETTER_MAP = str.maketrans(
    {
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ß": "ss",
        "ẞ": "ss",
        "ı": "i",
        "þ": "th",
        "Þ": "th",
        "ħ": "h",
        "Ħ": "h",
        "ŧ": "t",
        "Ŧ": "t",
    }
)
# Punctuation stripped from the ends of a search term ("šola," searches for "sola").
_TERM_PUNCTUATION = string.punctuation + "«»‹›„“”‚‘’–—…·•¡¿"


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """One character as it is stored in the index: lowercase, without diacritics.
    Control characters (null bytes included) become spaces. Memoised: a page of results
    folds a few thousand characters of a few dozen kinds (highlight, excerpt)."""
    if unicodedata.category(char)[0] == "C":
        return " "
    char = char.translate(_LETTER_MAP).casefold()
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize(text) -> str:
    """Lowercase, remove diacritics and control characters, collapse whitespace."""
    if not text:
        return ""
    folded = "".join(_fold_char(char) for char in str(text))
    return " ".join(folded.split())


def plain_text(html) -> str:
    """Rich text (HTML) as plain text, entities decoded."""
    return " ".join(get_text_for_indexing(str(html or "")).split())


# Indexing -----------------------------------------------------------------------------


def _block_text(block, value) -> list[str]:
    """Searchable text of a StreamField block value, without the labels of choices
    (a heading's "Heading 2") or addresses."""
    if value is None:
        return []
    if isinstance(block, blocks.ChoiceBlock | blocks.URLBlock | blocks.BooleanBlock):
        return []
    if isinstance(block, blocks.StreamBlock):
        return [text for child in value for text in _block_text(child.block, child.value)]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in _block_text(block.child_block, item)]
    if isinstance(block, blocks.StructBlock) and hasattr(value, "get"):
        # (ImageBlock is a StructBlock whose value is an Image, not a dict.)
        return [
            text
            for name, child_block in block.child_blocks.items()
            for text in _block_text(child_block, value.get(name))
        ]
    try:
        return [str(text) for text in block.get_searchable_content(value)]
    except Exception:  # noqa: BLE001 - a broken chooser value must not stop publishing
        return []


def _search_field_names(model) -> list[str]:
    """The model's SearchField names, without the per-language copies that
    wagtail-modeltranslation adds (`title_sl`, `title_en`): the plain name is read under
    the right language instead, with its fallback to Slovene."""
    names = [
        f.field_name
        for f in model.get_search_fields()
        if isinstance(f, index.SearchField) and isinstance(f.field_name, str)
    ]
    suffixes = tuple(f"_{code}" for code, _name in settings.LANGUAGES)
    plain = set(names)
    result = []
    for name in names:
        if name.endswith(suffixes) and name.rsplit("_", 1)[0] in plain:
            continue
        if name not in result:
            result.append(name)
    return result


def _field_text(page, name) -> list[str]:
    value = getattr(page, name, None)
    if callable(value):
        value = value()
    if value is None or value == "":
        return []
    if hasattr(value, "stream_block"):
        return _block_text(value.stream_block, value)
    if _is_rich_text(page, name):
        return [plain_text(value)]
    if isinstance(value, models.Model | models.QuerySet | models.Manager):
        return []
    return [str(value)]


def page_summary(page) -> str:
    """The plain-text summary shown under a search result, in the active language."""
    summary = page.get_summary() if hasattr(page, "get_summary") else ""
    summary = str(summary or getattr(page, "search_description", "") or "")
    if _is_rich_text(page, getattr(page, "summary_field", None)):
        return plain_text(summary)
    # A plain text field: what looks like a tag is text the editor typed.
    return " ".join(summary.split())


def _is_rich_text(page, name) -> bool:
    if not name:
        return False
    try:
        return isinstance(page._meta.get_field(name), RichTextField)
    except Exception:  # noqa: BLE001 - not a model field
        return False


def page_text(page) -> str:
    """All searchable text of a (specific) page in the active language."""
    names = _search_field_names(type(page))
    parts = [] if "title" in names else [str(page.title or "")]
    for name in names:
        parts.extend(_field_text(page, name))
    parts.append(getattr(page, "search_description", "") or "")
    return " ".join(part for part in parts if part)


def _site_root_paths() -> list[str]:
    return list(Site.objects.values_list("root_page__path", flat=True))


def _restricted_paths() -> list[str]:
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def is_indexable(page, site_paths=None, restricted_paths=None) -> bool:
    """Live, public, not an alias, and inside a site (so it has a URL)."""
    if not page.live or page.depth <= 1 or page.alias_of_id:
        return False
    site_paths = _site_root_paths() if site_paths is None else site_paths
    if not any(page.path.startswith(path) for path in site_paths):
        return False
    restricted_paths = _restricted_paths() if restricted_paths is None else restricted_paths
    return not any(page.path.startswith(path) for path in restricted_paths)


def page_date(page):
    """What makes a search result recent: the date of a page type's `search_date_field`
    (see BasePage; e.g. a news item's date), otherwise the day of its first publication."""
    name = getattr(page, "search_date_field", None)
    value = getattr(page, name, None) if name else None
    if value is None:
        value = page.first_published_at
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        value = value.date()
    return value


def build_entries(page) -> list[SearchEntry]:
    """The unsaved entries of a specific page, one per language."""
    entries = []
    date = page_date(page)
    content_type_id = page.content_type_id or ContentType.objects.get_for_model(page).pk
    for language, _name in settings.LANGUAGES:
        if not exists_in(page, language):
            continue  # it does not exist in English: /en/ does not find it
        with translation.override(language):
            title = str(page.title or "")
            text = page_text(page)
            entries.append(
                SearchEntry(
                    page_id=page.pk,
                    language=language,
                    title=title[:255],
                    summary=page_summary(page),
                    title_normalized=normalize(title)[:255],
                    text_normalized=normalize(text),
                    date=date,
                    content_type_id=content_type_id,
                )
            )
    return entries


def index_page(page, site_paths=None, restricted_paths=None):
    """(Re)build the entries of one page, or remove them if it is no longer searchable."""
    with transaction.atomic():
        SearchEntry.objects.filter(page_id=page.pk).delete()
        if is_indexable(page, site_paths, restricted_paths):
            SearchEntry.objects.bulk_create(build_entries(page.specific))


def remove_page(page):
    SearchEntry.objects.filter(page_id=page.pk).delete()


def reindex_subtree(page):
    """Re-index a page and its descendants (after a move or a change of privacy)."""
    site_paths, restricted_paths = _site_root_paths(), _restricted_paths()
    pages = Page.objects.filter(path__startswith=page.path, depth__gte=page.depth)
    with transaction.atomic():
        SearchEntry.objects.filter(page__in=pages).delete()
        for descendant in pages.specific().iterator(chunk_size=200):
            if is_indexable(descendant, site_paths, restricted_paths):
                SearchEntry.objects.bulk_create(build_entries(descendant))


def rebuild_all() -> int:
    """Rebuild every entry from the page tree. Returns the number of pages indexed."""
    site_paths, restricted_paths = _site_root_paths(), _restricted_paths()
    indexed = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        batch = []
        for page in Page.objects.live().filter(depth__gt=1).specific().iterator(chunk_size=200):
            if is_indexable(page, site_paths, restricted_paths):
                batch.extend(build_entries(page))
                indexed += 1
            if len(batch) >= 500:
                SearchEntry.objects.bulk_create(batch)
                batch = []
        SearchEntry.objects.bulk_create(batch)
    return indexed


# Signal handlers ---------------------------------------------------------------------


def _on_published(sender, instance, **kwargs):
    index_page(instance)


def _on_unpublished(sender, instance, **kwargs):
    remove_page(instance)


def _on_moved(sender, instance, **kwargs):
    reindex_subtree(instance)


def _on_restriction_changed(sender, instance, **kwargs):
    try:
        page = Page.objects.get(pk=instance.page_id)
    except Page.DoesNotExist:
        return
    reindex_subtree(page)


def _on_site_changed(sender, instance, **kwargs):
    rebuild_all()


def connect_signals():
    """Called once from urbact_portal.signals (imported in AppConfig.ready)."""
    page_published.connect(_on_published, dispatch_uid="search_index_published")
    page_unpublished.connect(_on_unpublished, dispatch_uid="search_index_unpublished")
    post_page_move.connect(_on_moved, dispatch_uid="search_index_moved")
    for signal in (post_save, post_delete):
        signal.connect(
            _on_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search_index_restriction_{id(signal)}",
        )
        signal.connect(
            _on_site_changed, sender=Site, dispatch_uid=f"search_index_site_{id(signal)}"
        )


# Querying ----------------------------------------------------------------------------

# A result's type is the page type's `search_type_label` (see BasePage), else this.
DEFAULT_TYPE_LABEL = pgettext_lazy("search result type", "Page")


def type_label(model) -> str:
    return str(getattr(model, "search_type_label", None) or DEFAULT_TYPE_LABEL)


@dataclass
class Query:
    """A visitor's query, cleaned: `text` to show back, `terms` to match."""

    text: str = ""
    terms: list[str] = field(default_factory=list)
    truncated: bool = False
    too_many_terms: bool = False

    @classmethod
    def parse(cls, raw) -> "Query":
        raw = raw if isinstance(raw, str) else ""
        # Enough to tell that the query was too long, without folding megabytes.
        raw = raw[: MAX_QUERY_LENGTH * 4]
        # Control characters (null bytes too) never reach the database or the page.
        cleaned = " ".join("".join(" " if _fold_char(c) == " " else c for c in raw).split())
        truncated = len(cleaned) > MAX_QUERY_LENGTH
        if truncated:
            cleaned = cleaned[:MAX_QUERY_LENGTH].rstrip()
        terms = []
        for word in normalize(cleaned).split():
            term = word.strip(_TERM_PUNCTUATION)
            if term and term not in terms:
                terms.append(term)
        too_many = len(terms) > MAX_TERMS
        return cls(
            text=cleaned,
            terms=terms[:MAX_TERMS],
            truncated=truncated,
            too_many_terms=too_many,
        )

    @property
    def stems(self) -> list[str]:
        return [stem(term) for term in self.terms]


# Matching ----------------------------------------------------------------------------

# The text search configuration made by migration urbact_portal 0002: PostgreSQL's
# "simple" parser and dictionary, with every word passed through `unaccent` first.
TS_CONFIG = "urbact"


def uses_full_text() -> bool:
    return connection.vendor == "postgresql"


def prefix_tsquery(word_stem: str) -> str | None:
    """A tsquery for words beginning with `word_stem`, or None when the stem holds anything
    but letters and digits (which PostgreSQL's parser would split into several words)."""
    if not word_stem.isalnum():
        return None
    return f"'{word_stem}':*"


def word_start_q(field: str, word_stem: str) -> Q:
    """A word of the folded text in `field` begins with `word_stem` (words are separated
    by single spaces in the normalised text; punctuation before a word hides it here)."""
    return Q(**{f"{field}__startswith": word_stem}) | Q(**{f"{field}__contains": f" {word_stem}"})


def term_q(term: str, word_stem: str, field: str, vector_sql: str | None = None) -> Q:
    """One term against folded text. With a tsvector of the same text (`vector_sql`, on
    PostgreSQL): a word that begins with the term's stem, by full text (GIN index). Otherwise,
    or when the term holds more than letters and digits ("a_b"): a substring of the text
    (trigram GIN index on PostgreSQL) or a word that begins with the stem."""
    tsquery = prefix_tsquery(word_stem) if vector_sql and uses_full_text() else None
    if tsquery:
        return Q(
            RawSQL(
                f"{vector_sql} @@ to_tsquery('{TS_CONFIG}', %s)",
                [tsquery],
                output_field=BooleanField(),
            )
        )
    condition = Q(**{f"{field}__contains": term})
    if word_stem != term:
        condition |= word_start_q(field, word_stem)
    return condition


def title_hits(terms, stems, field):
    """How many of the terms the folded title in `field` holds (substring or stem)."""
    return models.ExpressionWrapper(
        sum(
            (
                Case(
                    When(
                        Q(**{f"{field}__contains": term}) | word_start_q(field, word_stem),
                        then=Value(1),
                    ),
                    default=Value(0),
                )
                for term, word_stem in zip(terms, stems, strict=True)
            ),
            start=Value(0),
        ),
        output_field=IntegerField(),
    )


@dataclass
class TypeGroup:
    """Results of one kind, to filter by: `key` goes in the address (?type=newspage)."""

    key: str
    label: str
    content_type_ids: list[int]
    count: int = 0


# Page types without a `search_type_label` of their own (home, standard, contact and index
# pages) are filtered together under this label and key.
OTHER_PAGES_LABEL = pgettext_lazy("search result types", "Pages")
OTHER_PAGES_KEY = "page"


def type_groups() -> list[TypeGroup]:
    """The kinds of results a visitor can filter by, in the order of the page models."""
    groups = {}
    for model in get_page_models():
        if model._meta.abstract or model is Page:
            continue
        own = getattr(model, "search_type_label", None)
        key = model._meta.model_name if own else OTHER_PAGES_KEY
        label = str(model._meta.verbose_name_plural).capitalize() if own else OTHER_PAGES_LABEL
        group = groups.setdefault(key, TypeGroup(key=key, label=str(label), content_type_ids=[]))
        group.content_type_ids.append(ContentType.objects.get_for_model(model).pk)
    ordered = [group for key, group in groups.items() if key != OTHER_PAGES_KEY]
    if OTHER_PAGES_KEY in groups:
        ordered.append(groups[OTHER_PAGES_KEY])
    return ordered


VECTOR_SQL = '"urbact_portal_searchentry"."search_vector"'


def search_entries(terms, language, stems=None, content_type_ids=None):
    """Entries in `language` that match every term; title matches first, then the most
    recent (a news item's date, otherwise the first publication). `content_type_ids`
    narrows to some page types."""
    stems = [stem(term) for term in terms] if stems is None else stems
    entries = matching_entries(terms, language, stems)
    if content_type_ids is not None:
        entries = entries.filter(content_type_id__in=content_type_ids)
    return (
        entries.annotate(title_hits=title_hits(terms, stems, "title_normalized"))
        .defer("text_normalized")
        # The pages of the shown entries only, in a second query: joined here, every
        # matching entry's page row was read before the sort and limit (10,000 items: 7 ms).
        .select_related("content_type")
        .prefetch_related("page")
        .order_by("-title_hits", F("date").desc(nulls_last=True), "-page_id")
    )


# How many of a search's best matches are kept ranked per content version (views.search):
# a page of results within them reads only its ten entries by id, so a search costs the same
# at 100 and at 10,000 pages once its terms were asked since the last publish. A page deeper
# than this, or a kind of result when the ranking was cut, runs the ranked query itself.
RANKED_LIMIT = 1000


@dataclass(frozen=True)
class Ranking:
    """The ids of the best matches in order, their content types, and whether they are all
    the matches. Small and picklable: arrays of ints (8 KB at the limit)."""

    ids: array
    types: array
    complete: bool

    def ids_of(self, content_type_ids=None) -> list[int] | None:
        """The ranked ids (of some page types only), or None when the ranking cannot tell."""
        if content_type_ids is None:
            return list(self.ids)
        if not self.complete:
            return None
        wanted = set(content_type_ids)
        return [pk for pk, type_id in zip(self.ids, self.types, strict=True) if type_id in wanted]

    def counts(self) -> dict[int, int]:
        """{content type id: matches}, as type_counts gives; only for a complete ranking."""
        return dict(Counter(self.types))


def ranking(terms, language, stems=None) -> Ranking:
    """The best RANKED_LIMIT matches of a search, in search_entries' order, in one query."""
    rows = list(
        search_entries(terms, language, stems)
        .select_related(None)
        .prefetch_related(None)
        .values_list("pk", "content_type_id")[: RANKED_LIMIT + 1]
    )
    kept = rows[:RANKED_LIMIT]
    return Ranking(
        ids=array("q", (pk for pk, _type in kept)),
        types=array("q", (type_id or 0 for _pk, type_id in kept)),
        complete=len(rows) <= RANKED_LIMIT,
    )


class RankedEntries:
    """A search's entries for a Paginator. A slice within the ranked ids fetches just its
    entries by id (two small queries); without ids, or past ids that are not all the
    matches, the ranked query `entries` is sliced as before."""

    def __init__(self, ids: list[int] | None, complete: bool, entries):
        self.ids = ids
        self.complete = complete
        self.entries = entries

    def __getitem__(self, window: slice):
        if self.ids is None or (not self.complete and window.stop > len(self.ids)):
            return self.entries[window]  # a lazy QuerySet slice
        return EntriesById(self.ids[window])


class EntriesById(Sequence):
    """Search entries by id in the given order, read when first used: a page whose results
    come from the fragment cache never reads them."""

    def __init__(self, ids: list[int]):
        self.ids = ids

    @cached_property
    def _entries(self) -> list:
        found = (
            SearchEntry.objects.defer("text_normalized")
            .select_related("content_type")
            .in_bulk(self.ids)
            if self.ids
            else {}
        )
        shown = [found[pk] for pk in self.ids if pk in found]
        prefetch_related_objects(shown, "page")
        return shown

    def __getitem__(self, index):
        return self._entries[index]

    def __len__(self) -> int:
        return len(self._entries)


def matching_entries(terms, language, stems):
    """The unordered entries in `language` that match every term (see term_q). Entries
    exist only for live, public pages (and in English only for pages that exist in
    English); pages under a restriction added since are left out here too."""
    entries = SearchEntry.objects.filter(language=language)
    restricted = Q()
    # While no page has a restriction (the usual case, known from the cache), no query.
    for path in _restricted_paths() if any_view_restriction() else []:
        restricted |= Q(page__path__startswith=path)
    if restricted:
        entries = entries.exclude(restricted)
    for term, word_stem in zip(terms, stems, strict=True):
        entries = entries.filter(term_q(term, word_stem, "text_normalized", VECTOR_SQL))
    return entries


def type_counts(terms, language, stems=None) -> dict[int, int]:
    """{content type id: number of matching entries}, in one query."""
    stems = [stem(term) for term in terms] if stems is None else stems
    rows = (
        matching_entries(terms, language, stems)
        .order_by()
        .values("content_type_id")
        .annotate(count=Count("pk"))
    )
    return {row["content_type_id"]: row["count"] for row in rows}


def highlight(text, terms, stems=None) -> str:
    """Escape `text`, then wrap every accent-insensitive occurrence of a term in <mark>, and
    every word that begins with a term's stem ("Ljubljani" marks "Ljubljana")."""
    text = str(text or "")
    if not text or not terms:
        return escape(text)
    pieces = [_fold_char(char) for char in text]
    folded = "".join(pieces)
    if len(folded) == len(text):
        origin = range(len(text))  # every character folded to one: the same positions
    else:
        origin = [position for position, piece in enumerate(pieces) for _char in piece]
    spans = []
    for term in terms:
        start = folded.find(term)
        while start != -1:
            end = start + len(term)
            spans.append((origin[start], origin[end - 1] + 1))
            start = folded.find(term, end)
    for word_stem in stems or ():
        if not word_stem.isalnum():
            continue
        start = folded.find(word_stem)
        while start != -1:
            if start == 0 or not folded[start - 1].isalnum():
                end = start + len(word_stem)
                while end < len(folded) and folded[end].isalnum():
                    end += 1
                spans.append((origin[start], origin[end - 1] + 1))
            start = folded.find(word_stem, start + len(word_stem))
    if not spans:
        return escape(text)
    spans.sort()
    merged = [list(spans[0])]
    for start, end in spans[1:]:
        if start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, cursor = [], 0
    for start, end in merged:
        out.append(escape(text[cursor:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    out.append(escape(text[cursor:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above


def excerpt(summary, terms, length=SUMMARY_LENGTH) -> str:
    """The summary, shortened around the first match when it is long."""
    summary = summary or ""
    if len(summary) <= length:
        return summary
    folded = normalize(summary)
    first = min((folded.find(t) for t in terms if folded.find(t) != -1), default=-1)
    # Positions in the folded text are close to those in the original (diacritics fold to
    # one letter), good enough to choose where an excerpt starts.
    if first > length // 2:
        start = summary.rfind(" ", 0, max(0, first - length // 3)) + 1
        return "…" + Truncator(summary[start:]).chars(length - 1)
    return Truncator(summary).chars(length)


@dataclass
class Result:
    entry: SearchEntry
    url: str
    type_label: str
    title_html: str
    summary_html: str
    date: datetime.date | None = None

    @classmethod
    def from_entry(cls, entry, request, terms, stems=None) -> "Result":
        model = entry.content_type.model_class() if entry.content_type else type(entry.page)
        return cls(
            entry=entry,
            url=entry.page.get_url(request) or "",
            type_label=type_label(model),
            title_html=highlight(entry.title, terms, stems),
            summary_html=highlight(excerpt(entry.summary, terms), terms, stems),
            # A date is shown where the page type has one of its own (news, events).
            date=entry.date if getattr(model, "search_date_field", None) else None,
        )
