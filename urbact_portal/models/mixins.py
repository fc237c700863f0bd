"""Fields that several page types share, declared once. A page type lists the mixins it
needs before its base (`class EventPage(ImageMixin, BodyMixin, BasePage)`) and keeps only
its own fields; its panels and search fields still name the shared fields where it wants
them, in the order its editors expect. Each field's help text is Slovene through the
catalogue, like every other field's."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField

from urbact_portal.blocks import BodyBlock


class IntroMixin(models.Model):
    """A short lead paragraph, optional: also the page's summary in listings and search."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("A short lead paragraph, also used in listings and search results."),
    )

    class Meta:
        abstract = True


class BodyMixin(models.Model):
    """The page's text as a StreamField of the site's body blocks."""

    body = StreamField(
        BodyBlock(),
        verbose_name=_("content"),
        blank=True,
        help_text=_(
            "The page's text in blocks: paragraphs, headings, images, quotes, documents, "
            "videos and calls to action."
        ),
    )

    class Meta:
        abstract = True


class ImageMixin(models.Model):
    """The page's image with the alternative text of this use, or marked decorative: the
    card, the top of the page and the Open Graph image (BasePage reads the three fields)."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the page and on its card. Optional."),
    )
    image_alt = models.CharField(
        _("alternative text of the image"),
        max_length=250,
        blank=True,
        help_text=_("Describe what the image shows. Leave empty to use the image's description."),
    )
    image_decorative = models.BooleanField(
        _("decorative image"),
        default=False,
        help_text=_(
            "Tick when the image adds nothing a reader needs: screen readers then skip it and "
            "no alternative text is needed."
        ),
    )

    image_field = "image"
    image_alt_field = "image_alt"
    image_decorative_field = "image_decorative"

    class Meta:
        abstract = True

    @staticmethod
    def image_panel(heading=None):
        """The three fields in one group of the edit form."""
        return MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt"), FieldPanel("image_decorative")],
            heading=heading or _("Image"),
        )
