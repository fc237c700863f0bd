from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import get_page_models
from wagtail.search import index

from .base import BasePage
from .mixins import BodyMixin, IntroMixin

INTRO_FEATURES = ["bold", "italic", "link"]
TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HomePage(BasePage):
    hero_heading = models.CharField(
        _("main heading"), max_length=200, help_text=_("The large heading at the top of the page.")
    )
    hero_intro = RichTextField(
        _("introduction"),
        features=INTRO_FEATURES,
        blank=True,
        help_text=_("A few sentences about the URBACT programme under the main heading."),
    )
    hero_link = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("'More information' link"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page the 'More information' button leads to."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown beside the introduction on wide screens; decorative."),
    )
    slovenia_heading = models.CharField(
        _("'URBACT in Slovenia' heading"),
        max_length=200,
        default="URBACT v Sloveniji",
        help_text=_("The heading above the figures of Slovenian participation."),
    )
    slovenia_text = RichTextField(
        _("'URBACT in Slovenia' text"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_(
            "Shown after the figures, which are counted from the city and network pages: "
            "do not type numbers of cities or networks here."
        ),
    )
    nup_heading = models.CharField(
        _("National URBACT Point heading"),
        max_length=200,
        default="Nacionalna URBACT točka",
        help_text=_("The heading of the section about the National URBACT Point."),
    )
    nup_text = RichTextField(
        _("National URBACT Point text"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("A few sentences about the National URBACT Point and its work."),
    )
    nup_link = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("National URBACT Point link"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page the section links to for more about the National URBACT Point."),
    )

    summary_field = "hero_intro"
    image_field = "hero_image"

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_intro"),
                FieldPanel("hero_link"),
                FieldPanel("hero_image"),
            ],
            heading=_("Introduction"),
        ),
        MultiFieldPanel(
            [FieldPanel("slovenia_heading"), FieldPanel("slovenia_text")],
            heading=_("URBACT in Slovenia"),
        ),
        MultiFieldPanel(
            [FieldPanel("nup_heading"), FieldPanel("nup_text"), FieldPanel("nup_link")],
            heading=_("National URBACT Point"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("hero_intro"),
        index.SearchField("slovenia_text"),
        index.SearchField("nup_text"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    # Its children are the page types that name HomePage in their parent_page_types (the
    # content apps' index pages, StandardPage, ContactPage): see clean_subpage_models().
    max_count = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    @classmethod
    def clean_subpage_models(cls):
        """Wagtail reads a page type's children from its subpage_types; the home page names
        none and takes every page type that declares it as a parent, so a content app places
        its index page here without the core knowing the app."""
        if cls._clean_subpage_models is None:
            cls._clean_subpage_models = [
                model
                for model in get_page_models()
                if getattr(model, "parent_page_types", None) is not None
                and cls in model.clean_parent_page_models()
            ]
        return cls._clean_subpage_models

    def get_context(self, request, *args, **kwargs):
        from urbact_portal.home import home_context

        context = super().get_context(request, *args, **kwargs)
        context.update(home_context(self, request))
        return context


class StandardPage(IntroMixin, BodyMixin, BasePage):
    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["urbact_portal.HomePage", "urbact_portal.StandardPage"]
    subpage_types = ["urbact_portal.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
