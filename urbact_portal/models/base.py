"""Behaviour every page type shares: what a listing card, a search result and the
SEO tags need, and the pagination and filtering that index pages use."""

import hashlib

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PublishingPanel
from wagtail.models import Page
from wagtail.search import index

from urbact_portal import extensions, site_cache
from urbact_portal.admin_forms import PageForm
from urbact_portal.models.relations import (
    ShownPageManager,
    cached_relations,
    parent_url,
    related_section_items,
    section_views,
)
from urbact_portal.text import shorten

PER_PAGE = 12

# Preview modes in English are the Slovene ones with this prefix: "en" for the default
# mode, "en:<mode>" for a page type's own modes (e.g. a form's "en:landing").
ENGLISH_PREVIEW = "en"


class HelpfulPublishingPanel(PublishingPanel):
    """Wagtail's scheduling fields (go live / expire) with a Slovene help text each: every
    field an editor meets says what it does."""

    HELP = {
        "go_live_at": _(
            "Optional: the page is published automatically at this date and time. Leave "
            "empty to publish it when you choose Publish."
        ),
        "expire_at": _(
            "Optional: the page is unpublished automatically at this date and time. Leave "
            "empty to keep it published."
        ),
    }

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for child in self.children:
            help_text = self.HELP.get(getattr(child, "field_name", None))
            if help_text and not child.help_text:
                child.help_text = help_text


class BasePage(Page):
    """Abstract base for all page types of the site.

    The class attributes and methods below are how a page type tells the core what it is
    (see urbact_portal/extensions.py): the core reads them, it never names page types."""

    # What the card's summary, image and meta line are made of. Subclasses override.
    summary_field = "intro"
    image_field = None
    image_alt_field = None
    # A boolean field: the editor marks the image decorative at this use (alt="").
    image_decorative_field = None

    # Search: the type shown on a result ("Novica"; None: the generic "Stran") and the date
    # field that makes a result recent (None: its first publication).
    search_type_label = None
    search_date_field = None

    # Open Graph type of the page ("article" for news).
    og_type = "website"

    # A page listed in its parent's listing: its template gets `index_url`, the listing's
    # address (themes and facts link to the listing filtered by them).
    links_to_index = False

    settings_panels = [HelpfulPublishingPanel(), *Page.settings_panels[1:]]

    # The editor's form: slug collisions in Slovene, naming the other page (admin_forms.py).
    base_form_class = PageForm

    # `.shown()`: live, public and shown in the active language (models/relations.py).
    objects = ShownPageManager()

    class Meta:
        abstract = True

    @classmethod
    def type_label(cls):
        return cls._meta.verbose_name

    def get_summary(self) -> str:
        value = getattr(self, self.summary_field, "") if self.summary_field else ""
        return value or self.search_description or ""

    def get_meta_description(self) -> str:
        return shorten(self.search_description or self.get_summary(), 160)

    def get_card_image(self):
        return getattr(self, self.image_field, None) if self.image_field else None

    def image_is_decorative(self) -> bool:
        return bool(self.image_decorative_field and getattr(self, self.image_decorative_field))

    def get_image_alt(self) -> str:
        """The image's alternative text at this use: none when it is marked decorative, else
        the page's own text, else the image's description."""
        if self.image_is_decorative():
            return ""
        if self.image_alt_field and getattr(self, self.image_alt_field, ""):
            return getattr(self, self.image_alt_field)
        image = self.get_card_image()
        # The description, not Wagtail's fallback to the title (often a file name).
        return (getattr(image, "description", "") or "") if image else ""

    def clean(self):
        """Every image an editor places has an alternative text (the page's own or the
        image's description) or is marked decorative at this use."""
        super().clean()
        image = self.get_card_image()
        if (
            image is not None
            and self.image_alt_field
            and self.image_decorative_field
            and not self.image_is_decorative()
            and not self.get_image_alt()
        ):
            raise ValidationError(
                {
                    self.image_alt_field: _(
                        "Describe what the image shows, give the image a description, or "
                        "mark it as decorative."
                    )
                }
            )

    def get_card_meta(self) -> str:
        """A short line under the card title: a date, a city, a period."""
        return ""

    def get_og_image(self):
        return self.get_card_image()

    def get_json_ld(self, *, url, description, image, publisher, language):
        """Structured data of the page's own type (schema.org), added to the organisation,
        website and breadcrumbs that every page has; None for none. Receives the canonical
        address, the meta description, the absolute Open Graph image address (or None), the
        publisher ({"@id", "name"}) and the active language."""
        return None

    # Related pages. get_relations() returns the lists a page type shows of its own accord
    # (e.g. a network's Slovenian cities); other apps add sections to a page type with
    # extensions.register_related_section(). Both are built once per content version
    # (models/relations.py: cached_relations) and land in the template's context; the
    # sections also as `related_sections`, for templates/components/related_sections.html.

    def get_relations(self) -> dict:
        return {}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.links_to_index:
            context["index_url"] = parent_url(self, request) if self.pk else ""
        sections = extensions.related_sections(type(self))
        if sections or type(self).get_relations is not BasePage.get_relations:
            relations = cached_relations(
                request,
                self,
                lambda: {**self.get_relations(), **related_section_items(self, sections)},
            )
            context.update(relations)
            context["related_sections"] = section_views(self, sections, relations)
        return context

    # Previews: every page can be previewed in Slovene (the default) and in English, so
    # editors check both versions before publishing.

    @property
    def preview_modes(self):
        modes = []
        for language, mode_prefix in (("sl", ""), ("en", ENGLISH_PREVIEW)):
            for name, label in super().preview_modes:
                full_name = ":".join(part for part in (mode_prefix, name) if part)
                modes.append((full_name, preview_mode_label(language, name, label)))
        return modes

    @staticmethod
    def split_preview_mode(mode_name):
        """Return (language, the page type's own preview mode) for one of preview_modes."""
        mode_name = mode_name or ""
        if mode_name == ENGLISH_PREVIEW:
            return "en", ""
        if mode_name.startswith(ENGLISH_PREVIEW + ":"):
            return "en", mode_name[len(ENGLISH_PREVIEW) + 1 :]
        return "sl", mode_name

    def make_preview_request(
        self, original_request=None, preview_mode=None, extra_request_attrs=None
    ):
        # The preview request is built from the page's URL in the chosen language, so the
        # locale middleware activates that language and the page renders as it will live.
        language, mode = self.split_preview_mode(preview_mode)
        with translation.override(language):
            return super().make_preview_request(original_request, mode, extra_request_attrs)


def preview_mode_label(language, name, label):
    if not name:  # the page type has one way to be shown: name just the language
        return _("Slovene") if language == "sl" else _("English")
    if language == "sl":
        return _("%(mode)s – Slovene") % {"mode": label}
    return _("%(mode)s – English") % {"mode": label}


class IndexPage(BasePage):
    """Abstract base for the listing pages (news, networks, practices, cities, events)."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("A short paragraph above the list. Optional."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    max_count = 1
    per_page = PER_PAGE

    # Templates link to the listing under the home page as chrome.index_urls.<index_key>
    # (e.g. "All news" on the home page); `feed_path`, a sub-path of the listing with its RSS
    # feed (e.g. "rss/"), gives every page its <link rel="alternate"> and footer link.
    index_key = None
    feed_path = None

    class Meta:
        abstract = True

    # A listing whose items change with the clock, not only with publishing (upcoming
    # events): its cached counts and filter options are kept for a minute at most.
    changes_with_time = False

    def cached_listing_value(self, request, name, build, *parts):
        """`build()` (a listing's filter options, its number of items), computed once per
        content version, site and language (site_cache.py) instead of on every request: at
        10,000 news items counting them and collecting their years is most of a listing's
        time. Previews and unsaved pages build afresh."""
        if self.changes_with_time:
            parts = (*parts, site_cache.time_bucket())
        return site_cache.page_value(request, self, f"listing:{name}", build, *parts)

    def paginate(self, request, items):
        """Return a paginator page. A page number that is not a number gives the first page,
        one beyond the end gives the last: never an error."""
        paginator = Paginator(items, self.per_page)
        if not isinstance(items, list):
            # The count depends on the filters in the query (and the path: a routable
            # listing's sub-route, e.g. past events), not on the page number.
            query = sorted((k, v) for k, vs in request.GET.lists() if k != "page" for v in vs)
            digest = hashlib.sha1(
                repr((request.path, query)).encode(), usedforsecurity=False
            ).hexdigest()
            paginator.count = self.cached_listing_value(
                request, "count", lambda: Paginator.count.func(paginator), digest
            )
        raw = request.GET.get("page", "1")
        try:
            number = int(raw)
        except (TypeError, ValueError):
            number = 1
        number = max(1, min(number, paginator.num_pages))
        page = paginator.page(number)
        page.elided_range = list(paginator.get_elided_page_range(number, on_each_side=2, on_ends=1))
        return page

    def listing_context(self, request, items, filters, **extra):
        """What every index template reads (see templates/components/listing_page.html):
        the paginated `items` narrowed by the active `filters`, the filters themselves and
        whether any is set or unknown. `items` may be a queryset or an already filtered list."""
        if not isinstance(items, list):
            items = apply_filters(items, filters)
        return {
            "items": self.paginate(request, items),
            "filters": filters,
            "filtered": any(f.active for f in filters),
            "invalid_filter": any(f.invalid for f in filters),
            **extra,
        }


def apply_filters(queryset, filters):
    for f in filters:
        queryset = f.apply(queryset)
    return queryset


class Filter:
    """One listing filter: a GET parameter, its label, its options and how it narrows a
    queryset (`lookup`: a field lookup such as "themes__slug", or a function of the value
    returning a Q object).

    An unknown value is ignored (and reported as `invalid`), never an error."""

    def __init__(self, param, label, options, request, all_label=None, lookup=None):
        self.param = param
        self.label = label
        self.lookup = lookup or param
        self.options = [(str(value), str(text)) for value, text in options]
        self.all_label = all_label or _("All")
        raw = request.GET.get(param, "")
        raw = raw if isinstance(raw, str) else ""
        valid = {value for value, _text in self.options}
        self.value = raw if raw in valid else ""
        self.invalid = bool(raw) and raw not in valid

    @property
    def active(self):
        return bool(self.value)

    def apply(self, queryset):
        if not self.value:
            return queryset
        if callable(self.lookup):
            return queryset.filter(self.lookup(self.value))
        return queryset.filter(**{self.lookup: self.value})
