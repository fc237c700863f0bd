"""The document edit and upload form (WAGTAILDOCS_DOCUMENT_FORM_BASE).

The document's title and description are translated (translation.py): the form shows the
Slovene and the English field of each, whatever language the editor's admin speaks. Wagtail's
form keeps the plain `title` (its upload fills it from the file name), which modeltranslation
would write in the admin's active language: here it is always the Slovene one."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

LABELS = {
    "title": _("Title (Slovene)"),
    "title_en": _("Title (English)"),
    "description": _("Description (Slovene)"),
    "description_en": _("Description (English)"),
}
HELP = {
    "title_en": _("Shown on the English site. Leave empty to show the Slovene title."),
    "description_en": _("Leave empty if the document has no English description."),
}


class DocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        with translation.override("sl"):
            super().__init__(*args, **kwargs)
        for name, label in LABELS.items():
            if name in self.fields:
                self.fields[name].label = label
                # Wagtail's form reads self["title"] in __init__: its bound field is built
                # already and keeps the label it had then.
                self[name].label = label
        for name, help_text in HELP.items():
            if name in self.fields:
                self.fields[name].help_text = help_text

    def _post_clean(self):
        # construct_instance() sets `title` and `description` through modeltranslation's
        # descriptors, which write the active language's field: the Slovene one here.
        with translation.override("sl"):
            super()._post_clean()
