from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Site-wide contact details and footer. The contact box on every page reads these."""

    contact_person = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_role = models.CharField(
        _("role of the contact person"),
        max_length=200,
        blank=True,
        help_text=_("E.g. 'National URBACT Point Slovenia'."),
    )
    contact_email = models.EmailField(_("e-mail"), default="urbact@ipop.si")
    contact_phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("As visitors should dial it.")
    )
    organisation_name = models.CharField(
        _("organisation"), max_length=200, default="IPoP – Inštitut za politike prostora"
    )
    organisation_url = models.URLField(
        _("organisation website"), blank=True, default="https://ipop.si/"
    )
    urbact_logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("URBACT logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            'Replaces the "URBACT Slovenija" wordmark in the header, in e-mails and as the '
            "default image of shares. Its description is read as its alternative text."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("IPoP logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the footer with a link to the organisation's website."),
    )
    footer_text = models.TextField(_("footer text"), blank=True, max_length=1000)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer and from the contact form's consent box."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer of every page."),
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)

    select_related = ["logo", "urbact_logo"]

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_person"),
                FieldPanel("contact_role"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading=_("Contact box"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("organisation_url"),
                FieldPanel("urbact_logo"),
                FieldPanel("logo"),
                FieldPanel("footer_text"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
            ],
            heading=_("Organisation and footer"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("x_url"),
            ],
            heading=_("Social networks"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("LinkedIn", self.linkedin_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
            ("X", self.x_url),
        ]
        return [(label, url) for label, url in links if url]
