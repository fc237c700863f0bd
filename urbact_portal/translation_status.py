"""Which pages are translated into English, for the editors: a column in the page explorer
and the report "Manjkajoči prevodi" (Poročila → Manjkajoči prevodi).

A page exists in English when its English title is set (urbact_portal/english.py). A page
that exists in English can still have untranslated text: a body field (the text fields,
rich text and StreamFields that wagtail-modeltranslation translates, apart from the title,
slug and search-engine fields) filled in Slovene and empty in English, which the English
site then shows in Slovene. Short fields (names, headings, alt texts) are left out: their
Slovene fallback is usually right (a city's name) and they would drown the report."""

from functools import cache

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.text import capfirst
from modeltranslation.translator import NotRegistered, translator
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, get_page_models

from urbact_portal.english import english_exists_q

NOT_BODY = {"title", "slug", "seo_title", "search_description", "url_path"}
LONG_TEXT = (models.TextField, RichTextField, StreamField)


@cache
def body_fields(model):
    """The translated long-text fields of a page type, in the order of its edit form (fields
    shared through mixins come first in the model, whatever the form shows first)."""
    try:
        names = set(translator.get_options_for_model(model).get_field_names()) - NOT_BODY
    except NotRegistered:
        return ()
    fields = [f.name for f in model._meta.get_fields() if f.name in names]
    form_order = _panel_field_names(getattr(model, "content_panels", ()))
    fields.sort(key=lambda name: form_order.index(name) if name in form_order else len(fields))
    return tuple(name for name in fields if isinstance(model._meta.get_field(name), LONG_TEXT))


def _panel_field_names(panels):
    names = []
    for panel in panels:
        name = getattr(panel, "field_name", None)
        if name:
            # wagtail-modeltranslation shows a translated field as one panel per language.
            for code, _label in settings.LANGUAGES:
                name = name.removesuffix(f"_{code}")
            names.append(name)
        names += _panel_field_names(getattr(panel, "children", ()))
    return names


def _filled_q(model, name):
    """A Q on `name` (a language column) holding something."""
    field = model._meta.get_field(name)
    if isinstance(field, StreamField):
        return Q(**{f"{name}__isnull": False}) & ~Q(**{name: []})
    return Q(**{f"{name}__regex": r"\S"})


def untranslated_q(model):
    """Pages of `model` with a body field filled in Slovene and empty in English."""
    condition = Q(pk__in=[])
    for name in body_fields(model):
        condition |= _filled_q(model, f"{name}_sl") & ~_filled_q(model, f"{name}_en")
    return condition


def _filled(value):
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    return len(value) > 0  # a StreamValue


def untranslated_fields(page):
    """The labels of `page`'s (specific) body fields filled in Slovene, empty in English."""
    model = type(page)
    return [
        capfirst(model._meta.get_field(name).verbose_name)
        for name in body_fields(model)
        if _filled(getattr(page, f"{name}_sl", None))
        and not _filled(getattr(page, f"{name}_en", None))
    ]


def pages_without_english():
    return Page.objects.filter(depth__gt=1).exclude(english_exists_q())


def pages_partly_in_english():
    """Pages with an English title and at least one untranslated body field."""
    condition = Q(pk__in=[])
    for model in get_page_models():
        if body_fields(model):
            ids = model.objects.filter(english_exists_q()).filter(untranslated_q(model))
            condition |= Q(pk__in=ids.values("pk"))
    return Page.objects.filter(condition)
