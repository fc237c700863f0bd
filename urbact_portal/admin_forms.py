"""The page editor's form: slug collisions reported in Slovene, on the field that holds them,
naming and linking the page they collide with.

A page's address in each language is its parent's address plus its slug in that language;
the English slug falls back to the Slovene one when it is empty (modeltranslation's fallback),
so two sibling pages collide in English when their *effective* English slugs are equal.
wagtail-modeltranslation checks this too, but words its message while English is active
("This slug is already in use") and does not say which page is in the way; Wagtail's own
check adds a second message. This form replaces both with one message per language field."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.models import Page


def effective_slugs(page_or_values):
    """{"sl": slug, "en": English slug or, when empty, the Slovene one}."""
    slug_sl = page_or_values["slug_sl"] or ""
    return {"sl": slug_sl, "en": page_or_values["slug_en"] or slug_sl}


class SlugCollisionFormMixin:
    def clean(self):
        cleaned = super().clean()
        self._slug_collisions = self.slug_collisions(cleaned)
        return cleaned

    def slug_collisions(self, cleaned):
        """{field name: message} for every language whose address another child of the same
        parent already has."""
        if "slug_sl" not in self.fields or self.errors.get("slug_sl"):
            return {}
        parent = self.parent_page
        if parent is None and self.instance.pk:
            parent = self.instance.get_parent()
        if parent is None:
            return {}
        mine = effective_slugs(
            {"slug_sl": cleaned.get("slug_sl"), "slug_en": cleaned.get("slug_en")}
        )
        siblings = Page.objects.child_of(parent).values("pk", "title_sl", "slug_sl", "slug_en")
        if self.instance.pk:
            siblings = siblings.exclude(pk=self.instance.pk)
        collisions = {}
        for sibling in siblings:
            theirs = effective_slugs(sibling)
            for language in ("sl", "en"):
                field = f"slug_{language}"
                if field in collisions or not mine[language]:
                    continue
                if mine[language] == theirs[language] and not self.errors.get(field):
                    collisions[field] = self.collision_message(language, mine, cleaned, sibling)
        return collisions

    @staticmethod
    def collision_message(language, mine, cleaned, sibling):
        page_link = format_html(
            '<a href="{}">{}</a>',
            reverse("wagtailadmin_pages:edit", args=[sibling["pk"]]),
            sibling["title_sl"],
        )
        if language == "sl":
            text = _(
                "The slug “{slug}” is already used by the page “{page}” under the same parent "
                "page. Choose another slug."
            )
        elif cleaned.get("slug_en"):
            text = _(
                "The English slug “{slug}” is already used in English by the page “{page}” "
                "under the same parent page. Choose another English slug."
            )
        else:
            text = _(
                "Without an English slug the English address would use the Slovene slug "
                "“{slug}”, which the page “{page}” under the same parent page already uses in "
                "English. Fill in an English slug."
            )
        return format_html(text, slug=mine[language], page=page_link)

    def _post_clean(self):
        super()._post_clean()
        for field, message in getattr(self, "_slug_collisions", {}).items():
            # One message, ours: it replaces Wagtail's and wagtail-modeltranslation's.
            self._errors[field] = self.error_class([message])
            self.cleaned_data.pop(field, None)
        if "slug" in self._errors and "slug_sl" in self._errors:
            # Wagtail's own check names the untranslated field; its message is ours now.
            del self._errors["slug"]


class PageForm(SlugCollisionFormMixin, WagtailAdminPageForm):
    """The editor's form of every page type (BasePage.base_form_class)."""


class FormPageForm(SlugCollisionFormMixin, WagtailAdminFormPageForm):
    """The same for pages with a form (the contact page)."""
