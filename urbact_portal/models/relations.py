"""Related pages for listings and detail pages: live, public, cheap, and safe in previews.

`cached_relations()` builds a detail page's related lists once per content version (the
version urbact_portal/site_cache.py keeps and its signal handlers bump when published content
changes; the handlers below also bump it when an image or a view restriction changes), so a
warm detail page costs no queries for its relations.

`private_pages_q()` excludes pages in private sections like Wagtail's `.public()`, but reads
the (rarely changing) restricted paths from the cache instead of querying them for every
list; the signal handlers below drop the cached paths (after the commit) whenever a
restriction or a page's place in the tree changes.

In a preview, a page's many-to-many relations are held in memory (modelcluster's
FakeQuerySet), which has no `.live()`; `live_related` handles both."""

from django.core.cache import cache
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import get_language
from modelcluster.queryset import FakeQuerySet
from modeltranslation import settings as mt_settings
from modeltranslation.utils import build_localized_fieldname
from wagtail.images import get_image_model
from wagtail.models import PageManager, PageQuerySet, PageViewRestriction
from wagtail.signals import post_page_move

from urbact_portal import site_cache
from urbact_portal.english import active_language_q, english_active, page_exists_in_english

PRIVATE_PATHS_KEY = "urbact:private-page-paths"
# A bound on staleness where the cache is per process (locmem without Redis).
PRIVATE_PATHS_TIMEOUT = 5 * 60


def private_pages_q() -> Q:
    """A filter matching every page in a section with a view restriction."""
    paths = cache.get(PRIVATE_PATHS_KEY)
    if paths is None:
        paths = sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
        cache.set(PRIVATE_PATHS_KEY, paths, PRIVATE_PATHS_TIMEOUT)
    q = Q()
    for path in paths:
        q |= Q(path__startswith=path)
    # Match nothing when no section is private.
    return q if q else Q(pk__in=[])


def shown(pages, private_q=None):
    """The pages of `pages` a visitor sees in the active language: live, outside private
    sections and, on the English site, existing in English (urbact_portal/english.py). One
    condition of the query itself, no extra query. Listings, filter options, home and
    related sections, feeds, the menu and the sitemap all ask this, so the rule is applied in
    one place. `private_q`: a private_pages_q() the caller already has."""
    private_q = private_pages_q() if private_q is None else private_q
    return pages.live().exclude(private_q).filter(active_language_q())


def shown_q(prefix: str) -> Q:
    """shown() through a relation (`prefix`, e.g. "news_pages__"), for a filter on another
    model: the related page is live and, on the English site, exists in English."""
    return Q(**{f"{prefix}live": True}) & active_language_q(prefix)


class ShownPageQuerySet(PageQuerySet):
    """Wagtail's page queryset with `.shown()`: every page type of the site has it."""

    def shown(self, private_q=None):
        return shown(self, private_q)


ShownPageManager = PageManager.from_queryset(ShownPageQuerySet)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_page_move)
def _forget_private_paths(sender, **kwargs):
    # After the commit, as the content version: a reader in between would cache the old paths.
    site_cache.after_commit(lambda: cache.delete(PRIVATE_PATHS_KEY))
    if sender is PageViewRestriction:
        site_cache.bump_version()


@receiver(post_save, sender=get_image_model())
@receiver(post_delete, sender=get_image_model())
def _image_changed(sender, **kwargs):
    # Cached relation lists hold images (and their renditions) of the pages they show.
    site_cache.bump_version()


def cached_relations(request, page, build):
    """`build()` (a dict of related lists for `page`'s context), cached per content version,
    language and site. Previews and unsaved pages are always built afresh."""
    return site_cache.page_value(request, page, f"relations:{page._meta.label_lower}", build)


def related_section_items(page, sections) -> dict:
    """{section name: its pages} for the related sections of `page` (see
    extensions.RelatedSection); empty for a page not saved yet (a preview of a new page has no
    reverse relations)."""
    if not page.pk:
        return {section.name: [] for section in sections}
    return {section.name: list(section.build(page)) for section in sections}


def section_views(page, sections, relations) -> list[dict]:
    """What templates/components/related_sections.html shows of each section: heading, items
    (or groups of them) and the sentence for an empty one; sections left out when empty and
    without such a sentence."""
    views = []
    for section in sections:
        items = relations.get(section.name) or []
        empty_text = section.empty_text(page) if section.empty_text and not items else ""
        if not items and not empty_text:
            continue
        views.append(
            {
                "name": section.name,
                "heading": section.heading,
                "items": items,
                "groups": section.group(items) if section.group and items else None,
                "empty_text": empty_text,
                "template": section.template,
            }
        )
    return views


def localized_order(field, descending=False):
    """Order by a translated field as visitors read it: in the active language, falling back
    to Slovene where it is not translated (plain `order_by("title")` would sort by the English
    column, untranslated rows first)."""
    language = get_language() or mt_settings.DEFAULT_LANGUAGE
    default = F(build_localized_fieldname(field, mt_settings.DEFAULT_LANGUAGE))
    if language == mt_settings.DEFAULT_LANGUAGE or language not in mt_settings.AVAILABLE_LANGUAGES:
        expression = default
    else:
        translated = F(build_localized_fieldname(field, language))
        expression = Coalesce(NullIf(translated, Value("")), default)
    return expression.desc() if descending else expression.asc()


def ordered_snippets(related, field="name"):
    """A list of the snippets (e.g. themes) in `related`, by their name as visitors read it."""
    items = related.all()
    if isinstance(items, FakeQuerySet):  # a preview
        return sorted(items, key=lambda item: str(getattr(item, field) or ""))
    return list(items.order_by(localized_order(field), "pk"))


def live_related(
    related, private_q=None, order_by="title", select_related=(), prefetch=(), limit=None
):
    """A list of the live, public pages in `related` (a related manager or queryset) that
    are shown in the active language (on the English site, those that exist in English).
    `order_by`: "title" (as visitors read it) or a field name, "-" for descending."""
    pages = related.all()
    descending = order_by.startswith("-")
    key = order_by.lstrip("-")
    if isinstance(pages, FakeQuerySet):
        live = [
            page
            for page in pages
            if page.live and (not english_active() or page_exists_in_english(page))
        ]
        live.sort(key=lambda page: str(getattr(page, key) or ""), reverse=descending)
        return live[:limit]
    if key == "title":
        ordering = localized_order(key, descending)
    else:  # empty values last, the same on PostgreSQL and SQLite
        ordering = F(key).desc(nulls_last=True) if descending else F(key).asc(nulls_last=True)
    pages = shown(pages, private_q).defer_streamfields().order_by(ordering, "pk")
    if select_related:
        pages = pages.select_related(*select_related)
    if prefetch:
        pages = pages.prefetch_related(*prefetch)
    return list(pages[:limit])


def parent_url(page, request=None) -> str:
    """The URL of a page's parent, without a query: in Wagtail a page's URL is its parent's
    URL plus its own slug (in every language), so drop the last segment."""
    url = page.get_url(request) or ""
    if not url.endswith("/"):
        return page.get_parent().get_url(request)
    return url[: url.rstrip("/").rfind("/") + 1]
