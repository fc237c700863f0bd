from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.queryset import FakeQuerySet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable
from wagtail.search import index

from urbact_portal.admin_forms import PageForm
from urbact_portal.countries import COUNTRIES, country_name
from urbact_portal.models import BasePage, IndexPage, Theme
from urbact_portal.models.base import Filter
from urbact_portal.models.mixins import BodyMixin, ImageMixin
from urbact_portal.models.relations import (
    localized_order,
    ordered_snippets,
    shown_q,
)
from urbact_portal.programme import PERIOD_SHORT, Period

from .choices import NetworkType, ParticipantRole

YEAR_VALIDATORS = [MinValueValidator(2002), MaxValueValidator(2100)]


class NetworkIndexPage(IndexPage):
    parent_page_types = ["urbact_portal.HomePage"]
    subpage_types = ["networks.NetworkPage"]
    index_key = "networks"

    class Meta:
        verbose_name = _("network index")
        verbose_name_plural = _("network indexes")

    def get_networks(self):
        return (
            NetworkPage.objects.child_of(self)
            .shown()
            .defer_streamfields()
            .select_related("logo")
            .prefetch_related("logo__renditions")
            .order_by(F("start_year").desc(nulls_last=True), localized_order("title"), "pk")
        )

    def get_filters(self, request):
        # The cities app's page type, found through the relation (apps never import each other).
        CityPage = NetworkParticipant._meta.get_field("city_page").related_model
        used = set(
            NetworkPage.objects.child_of(self)
            .shown()
            .values_list("network_type", "period")
            .distinct()
        )
        types = {network_type for network_type, _period in used}
        periods = {period for _type, period in used}
        themes = (
            Theme.objects.filter(shown_q("network_pages__"))
            .distinct()
            .order_by(localized_order("name"))
        )
        cities = (
            CityPage.objects.shown()
            .filter(shown_q("network_participations__network__"))
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
                        models.Q(participants__city_page__slug_sl=slug)
                        | models.Q(participants__city_page__slug_en=slug)
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


class NetworkPageForm(PageForm):
    """The network's edit form: one lead partner at most, named in one place, and each
    Slovenian participant once."""

    def clean(self):
        cleaned = super().clean()
        participants = self.formsets.get("participants")
        if participants is None:
            return cleaned
        # The cluster form validates its formsets after this form: validate them here
        # first (the result is kept), to read their rows.
        participants.is_valid()
        kept = [
            form
            for form in participants.forms
            if hasattr(form, "cleaned_data")
            and form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("city_page")
        ]
        leads = [form for form in kept if form.cleaned_data.get("role") == ParticipantRole.LEAD]
        for form in leads[1:]:
            form.add_error(
                "role", _("A network has one lead partner: another participant is already it.")
            )
        # The form holds the city per language (lead_partner_city_sl, _en).
        lead_fields = [
            name
            for name in self.fields
            if name.startswith("lead_partner_city") or name == "lead_partner_country"
        ]
        if leads and any(cleaned.get(name) for name in lead_fields):
            self.add_error(
                lead_fields[0],
                _(
                    "The lead partner is a Slovenian participant already: leave the lead "
                    "partner from abroad empty."
                ),
            )
        seen = set()
        for form in kept:
            key = (
                form.cleaned_data["city_page"].pk,
                (form.cleaned_data.get("organisation") or "").strip().casefold(),
            )
            if key in seen:
                form.add_error("city_page", _("This participant is listed already."))
            seen.add(key)
        return cleaned


class NetworkPage(BodyMixin, BasePage):
    network_type = models.CharField(
        _("network type"),
        max_length=32,
        choices=NetworkType.choices,
        help_text=_("The kind of URBACT network, as urbact.eu names it."),
    )
    period = models.CharField(
        _("programme period"),
        max_length=16,
        choices=Period.choices,
        help_text=_("The URBACT programme period the network belongs to."),
    )
    start_year = models.PositiveSmallIntegerField(
        _("start year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("The year the network started. Leave empty if unknown."),
    )
    end_year = models.PositiveSmallIntegerField(
        _("end year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("The year the network ended or will end. Leave empty if unknown."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("Two or three sentences: shown in listings and search results."),
    )
    lead_partner_city = models.CharField(
        _("lead partner from abroad (city)"),
        max_length=120,
        blank=True,
        help_text=_(
            "Only when the lead partner is not Slovenian: its city as written in this "
            "language. A Slovenian lead partner is entered under Slovenian participants with "
            "the role lead partner."
        ),
    )
    lead_partner_country = models.CharField(
        _("lead partner from abroad (country)"),
        max_length=2,
        choices=COUNTRIES,
        blank=True,
        help_text=_("The country of a lead partner from outside Slovenia."),
    )
    themes = ParentalManyToManyField(
        "urbact_portal.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="network_pages",
        help_text=_("The themes the network is listed and filtered under."),
    )
    urbact_url = models.URLField(
        _("page on urbact.eu"),
        blank=True,
        help_text=_(
            "The network's address on urbact.eu, e.g. https://urbact.eu/networks/urge. "
            "The page links to it as “Page on urbact.eu”."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The network's logo, shown on its card and page. Optional."),
    )

    summary_field = "summary"
    image_field = "logo"
    links_to_index = True
    search_type_label = pgettext_lazy("search result type", "Network")
    base_form_class = NetworkPageForm

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
        InlinePanel(
            "participants",
            label=_("Slovenian participant"),
            heading=_("Slovenian participants"),
            help_text=_(
                "The one place for the network's Slovenian cities and organisations: city "
                "pages, network pages, the home page's figures, filters and search all come "
                "from this list."
            ),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("lead_partner_city"), FieldPanel("lead_partner_country")])],
            heading=_("Lead partner from abroad"),
        ),
        InlinePanel(
            "partners",
            label=_("partner from abroad"),
            heading=_("Partners from abroad"),
            help_text=_("The network's partner cities outside Slovenia, in the order shown."),
        ),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("urbact_url"),
        FieldPanel("logo"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("lead_partner_city"),
        index.SearchField("participants_text"),
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
        # `participant_role`: set on the networks listed on a city's page (wagtail_hooks.py).
        parts = [self.get_network_type_display(), self.period_short]
        parts.append(getattr(self, "participant_role", ""))
        return " · ".join(str(p) for p in parts if p)

    def participants_text(self):
        """The names of all partners, for search: Slovenian cities and organisations, the
        lead partner from abroad and the partners from abroad."""
        names = []
        for participant in self.participants.all():
            names += [participant.organisation, participant.city_page.title]
        names.append(self.lead_partner_city)
        names += [partner.city_name for partner in self.partners.all()]
        return " ".join(name for name in names if name)

    def live_participants(self):
        """The Slovenian participants whose city page is live, in the editor's order."""
        participants = self.participants.all()
        if not isinstance(participants, FakeQuerySet):  # not a preview
            participants = participants.select_related("city_page").order_by("sort_order")
        return [p for p in participants if p.city_page_id and p.city_page.live]

    def get_relations(self):
        participants = self.live_participants()
        lead = next((p for p in participants if p.role == ParticipantRole.LEAD), None)
        partners = list(self.partners.all())
        partners.sort(key=lambda partner: partner.sort_order or 0)
        return {
            "participants": participants,
            "lead_participant": lead,
            "slovenian_partners": [p for p in participants if p is not lead],
            "partners": partners,
            "themes": ordered_snippets(self.themes),
        }


class NetworkParticipant(Orderable):
    """A Slovenian participant of a network: a city (its page), or an organisation named
    with the city it is based in; lead partner or partner. The only place where a network's
    Slovenian participation is recorded."""

    network = ParentalKey(NetworkPage, on_delete=models.CASCADE, related_name="participants")
    city_page = models.ForeignKey(
        "cities.CityPage",
        verbose_name=_("city"),
        on_delete=models.CASCADE,
        related_name="network_participations",
        help_text=_("The Slovenian city's page. For an organisation, the city it is based in."),
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=160,
        blank=True,
        help_text=_(
            "Only when the participant is an organisation, not the municipality itself, "
            "e.g. BSC Kranj. Leave empty for the municipality."
        ),
    )
    role = models.CharField(
        _("role"),
        max_length=16,
        choices=ParticipantRole.choices,
        default=ParticipantRole.PARTNER,
        help_text=_("The lead partner leads the network; the other participants are partners."),
    )

    panels = [
        FieldRowPanel([FieldPanel("city_page"), FieldPanel("organisation"), FieldPanel("role")])
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Slovenian participant")
        verbose_name_plural = _("Slovenian participants")

    def __str__(self):
        city = self.city_page.title if self.city_page_id else ""
        return f"{self.organisation} ({city})" if self.organisation else city

    @property
    def name(self):
        """What the participant is called: the organisation, else the city."""
        return self.organisation or self.city_page.title

    @property
    def is_lead(self):
        return self.role == ParticipantRole.LEAD

    def admin_note(self):
        """The participant's role, with the organisation if any (the city's edit view)."""
        role = self.get_role_display()
        if self.organisation:
            return _("%(role)s: %(organisation)s") % {
                "role": role,
                "organisation": self.organisation,
            }
        return str(role)


class NetworkPartner(Orderable):
    """A partner city of a network outside Slovenia (Slovenian ones are participants)."""

    network = ParentalKey(NetworkPage, on_delete=models.CASCADE, related_name="partners")
    city_name = models.CharField(
        _("city"),
        max_length=120,
        help_text=_("The partner city as written in this language, e.g. Neapelj / Naples."),
    )
    country = models.CharField(
        _("country"),
        max_length=2,
        choices=COUNTRIES,
        help_text=_("The partner's country; Slovenian partners are Slovenian participants."),
    )

    panels = [FieldRowPanel([FieldPanel("city_name"), FieldPanel("country")])]

    class Meta(Orderable.Meta):
        verbose_name = _("partner from abroad")
        verbose_name_plural = _("partners from abroad")

    def __str__(self):
        return f"{self.city_name} ({self.country})"

    def clean(self):
        super().clean()
        if self.country == "SI":
            raise ValidationError(
                {
                    "country": _(
                        "Enter a Slovenian partner under Slovenian participants, with its "
                        "city page."
                    )
                }
            )

    @property
    def country_name(self):
        return country_name(self.country)


class GoodPracticeIndexPage(IndexPage):
    parent_page_types = ["urbact_portal.HomePage"]
    subpage_types = ["networks.GoodPracticePage"]
    index_key = "practices"

    class Meta:
        verbose_name = _("good practice index")
        verbose_name_plural = _("good practice indexes")

    def get_practices(self):
        return (
            GoodPracticePage.objects.child_of(self)
            .shown()
            .defer_streamfields()
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by(localized_order("title"), "pk")
        )

    def get_filters(self, request):
        live = GoodPracticePage.objects.child_of(self).shown()
        countries = set(live.values_list("country", flat=True))
        themes = (
            Theme.objects.filter(shown_q("good_practice_pages__"))
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


class GoodPracticePage(ImageMixin, BodyMixin, BasePage):
    city_name = models.CharField(
        _("city"),
        max_length=120,
        help_text=_("The city the practice comes from, as written in this language."),
    )
    country = models.CharField(
        _("country"),
        max_length=2,
        choices=COUNTRIES,
        help_text=_("The country of the city the practice comes from."),
    )
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
    themes = ParentalManyToManyField(
        "urbact_portal.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="good_practice_pages",
        help_text=_("The themes the practice is listed and filtered under."),
    )
    related_network = models.ForeignKey(
        NetworkPage,
        verbose_name=_("related network"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="good_practices",
        help_text=_("The URBACT network the practice was developed or transferred in, if any."),
    )
    label_year = models.PositiveSmallIntegerField(
        _("URBACT Good Practice label (year)"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("The year the practice received the URBACT Good Practice label, if any."),
    )
    urbact_url = models.URLField(
        _("page on urbact.eu"),
        blank=True,
        help_text=_(
            "The practice's address on urbact.eu. The page links to it as “Page on urbact.eu”."
        ),
    )

    summary_field = "summary"
    links_to_index = True
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
        ImageMixin.image_panel(),
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


# The programme's own figures ------------------------------------------------------------


def _figure_field(what):
    return models.PositiveSmallIntegerField(
        what,
        null=True,
        blank=True,
        help_text=_(
            "As the URBACT programme publishes it. Leave empty to show only the count of "
            "this site's directory."
        ),
    )


@register_setting(icon="table")
class ProgrammeFigures(BaseSiteSetting):
    """The URBACT programme's published figures of Slovenian participation. The home page
    counts cities and networks from the directory (the networks' Slovenian participants);
    where the programme's figure for a period is larger, it shows the programme's figure
    with the source and date given here, and the directory's count beside it."""

    urbact_ii_cities = _figure_field(_("URBACT II: Slovenian cities"))
    urbact_ii_networks = _figure_field(_("URBACT II: networks"))
    urbact_iii_cities = _figure_field(_("URBACT III: Slovenian cities"))
    urbact_iii_networks = _figure_field(_("URBACT III: networks"))
    urbact_iv_cities = _figure_field(_("URBACT IV: Slovenian cities"))
    urbact_iv_networks = _figure_field(_("URBACT IV: networks"))
    source_name = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("Where the figures are published, e.g. urbact.eu/slovenija."),
    )
    source_url = models.URLField(
        _("source address"),
        blank=True,
        help_text=_("The address of the source, e.g. https://urbact.eu/slovenija."),
    )
    source_date = models.DateField(
        _("date of the figures"),
        null=True,
        blank=True,
        help_text=_("The date the source gives the figures for, or when they were checked."),
    )

    # (period, field of the cities, field of the networks)
    PERIOD_FIELDS = [
        (Period.URBACT_II, "urbact_ii_cities", "urbact_ii_networks"),
        (Period.URBACT_III, "urbact_iii_cities", "urbact_iii_networks"),
        (Period.URBACT_IV, "urbact_iv_cities", "urbact_iv_networks"),
    ]

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel(cities), FieldPanel(networks)])
                for _period, cities, networks in PERIOD_FIELDS
            ],
            heading=_("Figures by programme period"),
        ),
        MultiFieldPanel(
            [FieldPanel("source_name"), FieldPanel("source_url"), FieldPanel("source_date")],
            heading=_("Source"),
        ),
    ]

    class Meta:
        verbose_name = _("programme figures")
        verbose_name_plural = _("programme figures")

    def by_period(self) -> dict:
        """{period: {"cities": int or None, "networks": int or None}}."""
        return {
            period: {"cities": getattr(self, cities), "networks": getattr(self, networks)}
            for period, cities, networks in self.PERIOD_FIELDS
        }
