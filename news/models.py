from django import forms
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format as localized_date
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from urbact_portal.models import BasePage, IndexPage, Theme
from urbact_portal.models.base import Filter
from urbact_portal.models.mixins import BodyMixin, ImageMixin
from urbact_portal.models.relations import (
    live_related,
    localized_order,
    ordered_snippets,
    shown_q,
)

from .feeds import NewsFeed


class NewsIndexPage(RoutablePageMixin, IndexPage):
    parent_page_types = ["urbact_portal.HomePage"]
    subpage_types = ["news.NewsPage"]
    index_key = "news"
    feed_path = "rss/"

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def get_news(self):
        return (
            NewsPage.objects.child_of(self)
            .shown()
            .defer_streamfields()
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("-date", "-pk")
        )

    def get_filters(self, request):
        live = NewsPage.objects.child_of(self).shown()
        years = self.cached_listing_value(
            request, "years", lambda: [d.year for d in live.dates("date", "year")]
        )
        themes = self.cached_listing_value(
            request,
            "themes",
            lambda: [
                (t.slug, str(t.name))
                for t in Theme.objects.filter(shown_q("news_pages__"))
                .distinct()
                .order_by(localized_order("name"))
            ],
        )
        return [
            Filter(
                "theme",
                _("Theme"),
                themes,
                request,
                all_label=_("All themes"),
                lookup="themes__slug",
            ),
            Filter(
                "year",
                _("Year"),
                [(y, y) for y in sorted(years, reverse=True)],
                request,
                all_label=_("All years"),
                lookup="date__year",
            ),
        ]

    @path("")
    def listing(self, request):
        filters = self.get_filters(request)
        return self.render(
            request, context_overrides=self.listing_context(request, self.get_news(), filters)
        )

    @path("rss/", name="rss")
    def rss(self, request):
        return NewsFeed(self)(request)

    def get_feed_items(self, limit):
        """The newest news for the RSS feed."""
        return list(
            NewsPage.objects.child_of(self)
            .shown()
            .defer_streamfields()
            .prefetch_related("themes")
            .order_by("-date", "-pk")[:limit]
        )


class NewsPage(ImageMixin, BodyMixin, BasePage):
    date = models.DateField(
        _("date"),
        default=timezone.localdate,
        help_text=_("The news item's date: listings and feeds are ordered by it."),
    )
    intro = models.TextField(
        _("introduction"),
        max_length=400,
        help_text=_("One or two sentences: shown in listings, search results and shares."),
    )
    themes = ParentalManyToManyField(
        "urbact_portal.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="news_pages",
        help_text=_("The themes the item is listed and filtered under."),
    )
    related_cities = ParentalManyToManyField(
        "cities.CityPage",
        verbose_name=_("related cities"),
        blank=True,
        related_name="news_pages",
        help_text=_("The item is also listed on these cities' pages."),
    )
    related_networks = ParentalManyToManyField(
        "networks.NetworkPage",
        verbose_name=_("related networks"),
        blank=True,
        related_name="news_pages",
        help_text=_("The item is also listed on these networks' pages."),
    )

    links_to_index = True
    search_type_label = pgettext_lazy("search result type", "News")
    search_date_field = "date"
    og_type = "article"

    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        ImageMixin.image_panel(heading=_("Main image")),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("related_cities", widget=forms.CheckboxSelectMultiple),
                FieldPanel("related_networks", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Connections"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        # Listings order by date (newest first) and take a page of them.
        indexes = [models.Index(fields=["date", "page_ptr"], name="news_date")]

    def get_card_meta(self):
        return localized_date(self.date)

    def get_relations(self):
        return {
            "themes": ordered_snippets(self.themes),
            "related_cities": live_related(self.related_cities),
            "related_networks": live_related(self.related_networks),
        }

    def get_json_ld(self, *, url, description, image, publisher, language):
        article = {
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "datePublished": self.date.isoformat() if self.date else None,
            "inLanguage": language,
            "mainEntityOfPage": url,
            "publisher": publisher,
        }
        if self.last_published_at:
            article["dateModified"] = self.last_published_at.isoformat()
        if description:
            article["description"] = description
        if image:
            article["image"] = [image]
        return {k: v for k, v in article.items() if v is not None}
