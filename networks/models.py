from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from urbact_portal.blocks import BodyBlock
from urbact_portal.countries import COUNTRIES, country_name
from urbact_portal.models import BasePage, IndexPage, Theme
from urbact_portal.models.base import Filter
from urbact_portal.models.relations import (
    live_related,
    localized_order,
    ordered_snippets,
    parent_url,
    private_pages_q,
)
from urbact_portal.programme import PERIOD_SHORT, Period

from .choices import NetworkType

YEAR_VALIDATORS = [MinValueValidator(2002), MaxValueValidator(2100)]


class NetworkIndexPage(IndexPage):
    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = IndexPage.content_panels + [FieldPanel("intro")]
    search_fields = IndexPage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["urbact_portal.HomePage"]
    subpage_types = ["networks.NetworkPage"]
    index_key = "networks"

    class Meta:
        verbose_name = _("network index")
        verbose_name_plural = _("network indexes")

    def get_networks(self):
        return (
            NetworkPage.objects.child_of(self)
            .live()
            .exclude(private_pages_q())
            .defer_streamfields()
            .select_related("logo")
            .prefetch_related("logo__renditions")
            .order_by(F("start_year").desc(nulls_last=True), localized_order("title"), "pk")
        )

    def get_filters(self, request):
        # The cities app's page type, found through the relation (apps never import each other).
        CityPage = NetworkPage._meta.get_field("slovenian_cities").related_model
        used = set(
            NetworkPage.objects.child_of(self)
            .live()
            .values_list("network_type", "period")
            .distinct()
        )
        types = {network_type for network_type, _period in used}
        periods = {period for _type, period in used}
        themes = (
            Theme.objects.filter(network_pages__live=True)
            .distinct()
            .order_by(localized_order("name"))
        )
        cities = (
            CityPage.objects.live()
            .filter(networks__live=True)
            .distinct()
            .order_by(localized_order("title"))
        )
        return [
            Filter(
                "type",
                _("Network type"),
                [(v, label) for v, label in NetworkType.choices if v in types],
                request,
                all_label=_("All types"),
                lookup="network_type",
            ),
            Filter(
                "period",
                _("Programme period"),
                [(v, label) for v, label in Period.choices if v in periods],
                request,
                all_label=_("All periods"),
            ),
            Filter(
                "theme",
                _("Theme"),
                [(t.slug, t.name) for t in themes],
                request,
                all_label=_("All themes"),
                lookup="themes__slug",
            ),
            Filter(
                "city",
                _("Slovenian city"),
                [(c.slug, c.title) for c in cities],
                request,
                all_label=_("All cities"),
                # The city's slug in either language; a network lists a city only once.
                lookup=lambda slug: models.Q(
                    pk__in=NetworkPage.objects.filter(
                        models.Q(slovenian_cities__slug_sl=slug)
                        | models.Q(slovenian_cities__slug_en=slug)
                    ).values("pk")
                ),
            ),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            self.listing_context(request, self.get_networks(), self.get_filters(request))
        )
        return context


class NetworkPage(BasePage):
    network_type = models.CharField(_("network type"), max_length=32, choices=NetworkType.choices)
    period = models.CharField(_("programme period"), max_length=16, choices=Period.choices)
    start_year = models.PositiveSmallIntegerField(
        _("start year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    end_year = models.PositiveSmallIntegerField(
        _("end year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("Two or three sentences: shown in listings and search results."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("content"), blank=True)
    lead_partner_city = models.CharField(_("lead partner (city)"), max_length=120, blank=True)
    lead_partner_country = models.CharField(
        _("lead partner (country)"), max_length=2, choices=COUNTRIES, blank=True
    )
    lead_partner_page = models.ForeignKey(
        "cities.CityPage",
        verbose_name=_("lead partner's city page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_networks",
        help_text=_("Only when the lead partner is a Slovenian city with its own page."),
    )
    slovenian_cities = ParentalManyToManyField(
        "cities.CityPage",
        verbose_name=_("Slovenian participating cities"),
        blank=True,
        related_name="networks",
    )
    themes = ParentalManyToManyField(
        "urbact_portal.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="network_pages",
    )
    urbact_url = models.URLField(_("page on urbact.eu"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    summary_field = "summary"
    image_field = "logo"
    search_type_label = pgettext_lazy("search result type", "Network")

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("network_type"), FieldPanel("period")]),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
            ],
            heading=_("Type and duration"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("lead_partner_city"), FieldPanel("lead_partner_country")]
                ),
                FieldPanel("lead_partner_page"),
            ],
            heading=_("Lead partner"),
        ),
        InlinePanel("partners", label=_("partner city"), heading=_("Partner cities")),
        FieldPanel("slovenian_cities", widget=forms.CheckboxSelectMultiple),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("urbact_url"),
        FieldPanel("logo"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("lead_partner_city"),
        index.FilterField("period"),
        index.FilterField("network_type"),
    ]

    parent_page_types = ["networks.NetworkIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year cannot be before the start year.")})

    @property
    def period_short(self):
        return PERIOD_SHORT.get(self.period, "")

    @property
    def years(self):
        if self.start_year and self.end_year and self.start_year != self.end_year:
            return f"{self.start_year}–{self.end_year}"
        return str(self.start_year or self.end_year or "")

    @property
    def lead_partner_country_name(self):
        return country_name(self.lead_partner_country) if self.lead_partner_country else ""

    def get_card_meta(self):
        parts = [self.get_network_type_display(), self.period_short]
        return " · ".join(str(p) for p in parts if p)

    def get_relations(self):
        cities = live_related(self.slovenian_cities)
        # The lead partner is usually one of the Slovenian cities already loaded.
        lead = None
        if self.lead_partner_page_id:
            lead = next((c for c in cities if c.pk == self.lead_partner_page_id), None)
            lead = lead or self.lead_partner_page
        partners = list(self.partners.select_related("city_page").order_by("sort_order"))
        for partner in partners:
            page = partner.city_page
            partner.linked_page = page if page and page.live else None
        return {
            "slovenian_cities": cities,
            "lead_partner_page": lead if lead and lead.live else None,
            "partners": partners,
            "themes": ordered_snippets(self.themes),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Themes link to the network listing filtered by the theme.
        context["index_url"] = parent_url(self, request)
        return context


class NetworkPartner(Orderable):
    network = ParentalKey(NetworkPage, on_delete=models.CASCADE, related_name="partners")
    city_name = models.CharField(_("city"), max_length=120)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES)
    city_page = models.ForeignKey(
        "cities.CityPage",
        verbose_name=_("city page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Only for Slovenian cities that have a page on this site."),
    )

    panels = [
        FieldRowPanel([FieldPanel("city_name"), FieldPanel("country")]),
        FieldPanel("city_page"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("partner city")
        verbose_name_plural = _("partner cities")

    def __str__(self):
        return f"{self.city_name} ({self.country})"

    @property
    def country_name(self):
        return country_name(self.country)


class GoodPracticeIndexPage(IndexPage):
    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = IndexPage.content_panels + [FieldPanel("intro")]
    search_fields = IndexPage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["urbact_portal.HomePage"]
    subpage_types = ["networks.GoodPracticePage"]
    index_key = "practices"

    class Meta:
        verbose_name = _("good practice index")
        verbose_name_plural = _("good practice indexes")

    def get_practices(self):
        return (
            GoodPracticePage.objects.child_of(self)
            .live()
            .exclude(private_pages_q())
            .defer_streamfields()
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by(localized_order("title"), "pk")
        )

    def get_filters(self, request):
        live = GoodPracticePage.objects.child_of(self).live()
        countries = set(live.values_list("country", flat=True))
        themes = (
            Theme.objects.filter(good_practice_pages__live=True)
            .distinct()
            .order_by(localized_order("name"))
        )
        return [
            Filter(
                "theme",
                _("Theme"),
                [(t.slug, t.name) for t in themes],
                request,
                all_label=_("All themes"),
                lookup="themes__slug",
            ),
            Filter(
                "country",
                _("Country"),
                sorted(
                    ((code, country_name(code)) for code in countries if code),
                    key=lambda item: item[1],
                ),
                request,
                all_label=_("All countries"),
            ),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            self.listing_context(request, self.get_practices(), self.get_filters(request))
        )
        return context


class GoodPracticePage(BasePage):
    city_name = models.CharField(_("city"), max_length=120)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES)
    city_page = models.ForeignKey(
        "cities.CityPage",
        verbose_name=_("city page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="good_practices",
        help_text=_("When the practice comes from a Slovenian city with its own page."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("Two or three sentences: shown in listings and search results."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("content"), blank=True)
    themes = ParentalManyToManyField(
        "urbact_portal.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="good_practice_pages",
    )
    related_network = models.ForeignKey(
        NetworkPage,
        verbose_name=_("related network"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="good_practices",
    )
    label_year = models.PositiveSmallIntegerField(
        _("URBACT Good Practice label (year)"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("The year the practice received the URBACT Good Practice label, if any."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("alternative text of the image"),
        max_length=250,
        blank=True,
        help_text=_("Describe what the image shows. Leave empty to use the image's description."),
    )
    urbact_url = models.URLField(_("page on urbact.eu"), blank=True)

    summary_field = "summary"
    image_field = "image"
    image_alt_field = "image_alt"
    search_type_label = pgettext_lazy("search result type", "Good practice")

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("city_name"), FieldPanel("country")]),
                FieldPanel("city_page"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("related_network"),
        FieldPanel("label_year"),
        FieldPanel("urbact_url"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("city_name"),
        index.FilterField("country"),
    ]

    parent_page_types = ["networks.GoodPracticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")

    @property
    def country_name(self):
        return country_name(self.country)

    def get_card_meta(self):
        return f"{self.city_name} ({self.country_name})"

    def get_relations(self):
        network, city_page = self.related_network, self.city_page
        return {
            "themes": ordered_snippets(self.themes),
            "network": network if network and network.live else None,
            "city_page": city_page if city_page and city_page.live else None,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Themes link to the good practice listing filtered by the theme.
        context["index_url"] = parent_url(self, request)
        return context
