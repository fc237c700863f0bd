"""The site's document model (WAGTAILDOCS_DOCUMENT_MODEL): Wagtail's document with its title
and a description in Slovene and English. The document library adds its own fields here;
every reference to a document goes through wagtail.documents.get_document_model()."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.search import index


class SiteDocument(AbstractDocument):
    description = models.TextField(
        _("description"),
        blank=True,
        max_length=1000,
        help_text=_("What the document is about, in a sentence or two. Optional."),
    )

    # The edit form: the title and description in both languages (translation.py adds
    # title_en and description_en; admin_forms.DocumentForm binds the plain names to Slovene).
    admin_form_fields = (
        "title",
        "title_en",
        "file",
        "collection",
        "tags",
        "description",
        "description_en",
    )

    search_fields = AbstractDocument.search_fields + [index.SearchField("description")]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        # No permissions of its own: Wagtail checks every document model's permissions on
        # wagtaildocs.Document (its permission policy's auth_model), which the editors'
        # groups hold (accounts/migrations).
        default_permissions = ()

    def save(self, *args, **kwargs):
        # A document created while the admin speaks English (an upload takes its title
        # from the file name) still has its Slovene title, which every language falls back to.
        if not self.title_sl:
            self.title_sl = self.title_en or self.title
        super().save(*args, **kwargs)
