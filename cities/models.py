from decimal import Decimal
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from urbact_portal.models import BasePage, IndexPage
from urbact_portal.models.base import Filter, apply_filters
from urbact_portal.models.mixins import BodyMixin, IntroMixin
from urbact_portal.models.relations import localized_order
from urbact_portal.panels import ReferencingPagesPanel, Referrers

from .choices import Region

# Slovenia lies within these bounds; a point outside them is a typing error.
LAT_MIN, LAT_MAX = Decimal("45.40"), Decimal("46.90")
LON_MIN, LON_MAX = Decimal("13.35"), Decimal("16.65")


class CityIndexPage(IndexPage):
    parent_page_types = ["urbact_portal.HomePage"]
    subpage_types = ["cities.CityPage"]
    index_key = "cities"

    class Meta:
        verbose_name = _("city index")
        verbose_name_plural = _("city indexes")

    def get_cities(self):
        return (
            CityPage.objects.child_of(self)
            .shown()
            .defer_streamfields()
            .select_related("coat_of_arms")
            .prefetch_related("coat_of_arms__renditions")
            .order_by(localized_order("title"), "pk")
        )

    def get_filters(self, request):
        regions = set(CityPage.objects.child_of(self).shown().values_list("region", flat=True))
        return [
            Filter(
                "region",
                _("Statistical region"),
                [(v, label) for v, label in Region.choices if v in regions],
                request,
                all_label=_("All regions"),
            )
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = self.get_filters(request)
        # Slovenia has some two hundred municipalities and the map shows every city of the
        # filter, not just this page of it: load them once and paginate the list.
        cities = list(apply_filters(self.get_cities(), filters))
        context.update(self.listing_context(request, cities, filters, map_cities=cities))
        return context


class CityPage(IntroMixin, BodyMixin, BasePage):
    region = models.CharField(
        _("statistical region"),
        max_length=32,
        choices=Region.choices,
        help_text=_("The city's statistical region; the city listing filters by it."),
    )
    population = models.PositiveIntegerField(
        _("population"), null=True, blank=True, help_text=_("Leave empty if unknown.")
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(LAT_MIN), MaxValueValidator(LAT_MAX)],
        help_text=_("Decimal degrees, e.g. 46.05690. Places the city on the map."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(LON_MIN), MaxValueValidator(LON_MAX)],
        help_text=_("Decimal degrees, e.g. 14.50580."),
    )
    coat_of_arms = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("coat of arms"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown whole on the city's card and page. Optional."),
    )
    website = models.URLField(
        _("municipality website"),
        blank=True,
        help_text=_("The municipality's official website, e.g. https://www.ljubljana.si/."),
    )

    image_field = "coat_of_arms"
    links_to_index = True
    search_type_label = pgettext_lazy("search result type", "City")

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("region"),
                FieldPanel("population"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Facts"),
        ),
        FieldPanel("coat_of_arms"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("website"),
        # Read-only: what points to this city is entered on those pages.
        ReferencingPagesPanel(
            [
                Referrers(
                    "network_participations",
                    _("Networks"),
                    _("No network names this city among its Slovenian participants yet."),
                    page_attribute="network",
                ),
                Referrers(
                    "good_practices",
                    _("Good practices"),
                    _("No good practice names this city as its city page yet."),
                ),
            ],
            heading=_("Networks and good practices of this city"),
            help_text=_(
                "A city's networks are entered on each network's page (Slovenian "
                "participants), its good practices on each practice's page (city page)."
            ),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("region"),
    ]

    parent_page_types = ["cities.CityIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Enter both coordinates or neither.")})

    def get_card_meta(self):
        return self.get_region_display()

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def website_label(self):
        """The website's host name, e.g. "www.ljubljana.si" -> "ljubljana.si"."""
        host = urlsplit(self.website).hostname or self.website
        return host.removeprefix("www.")

    # The city's networks, good practices and news are sections the networks and news apps
    # add to this page type (see their wagtail_hooks.py).

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["map_cities"] = [self] if self.has_coordinates else []
        return context
