"""Every field of every page type tells the editor, in Slovene, what it is for: the test
walks each page type's edit panels (content, promote and settings tabs, and the rows of its
inline panels) and checks that each field has a help text, translated into Slovene."""

import pytest
from django.core.exceptions import FieldDoesNotExist
from django.utils import translation
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Page, get_page_models


def walk(panel):
    yield panel
    for child in getattr(panel, "children", ()):
        yield from walk(child)


def help_text_of(model, panel):
    """The help text the editor sees under the field: the panel's own, else the field's."""
    if panel.help_text:
        return panel.help_text
    try:
        return model._meta.get_field(panel.field_name).help_text
    except FieldDoesNotExist:
        return ""


def fields_of(model):
    """(model, field name, help text) of every field in the page type's edit form,
    inline rows included."""
    for panel in walk(model.get_edit_handler()):
        if isinstance(panel, InlinePanel):
            child = panel.db_field.related_model
            for row_panel in walk(_row_panels(panel)):
                if isinstance(row_panel, FieldPanel):
                    yield child, row_panel.field_name, help_text_of(child, row_panel)
        elif isinstance(panel, FieldPanel):
            yield model, panel.field_name, help_text_of(model, panel)


def _row_panels(inline_panel):
    """The panels of one inline row, bound to the row's model."""
    return MultiFieldPanel(inline_panel.panel_definitions).bind_to_model(
        inline_panel.db_field.related_model
    )


PAGE_MODELS = [model for model in get_page_models() if model is not Page]


def test_every_page_type_is_walked():
    names = {model.__name__ for model in PAGE_MODELS}
    assert {"HomePage", "NetworkPage", "GoodPracticePage", "CityPage", "NewsPage"} <= names
    fields = {(m.__name__, name) for model in PAGE_MODELS for m, name, _h in fields_of(model)}
    # Inline rows and the scheduling fields are part of the walk.
    assert ("NetworkParticipant", "city_page") in fields
    assert ("NetworkParticipant", "role") in fields
    assert ("NetworkPartner", "country") in fields
    assert ("NewsPage", "go_live_at") in fields


@pytest.mark.parametrize("model", PAGE_MODELS, ids=[m.__name__ for m in PAGE_MODELS])
def test_every_field_has_a_slovene_help_text(model):
    missing, untranslated = [], []
    for owner, name, help_text in fields_of(model):
        with translation.override("en"):
            english = str(help_text or "")
        with translation.override("sl"):
            slovene = str(help_text or "")
        where = f"{owner.__name__}.{name}"
        if not english.strip():
            missing.append(where)
        elif slovene == english:
            untranslated.append(f"{where}: {english!r}")
    assert not missing, f"fields without a help text: {missing}"
    assert not untranslated, f"help texts without a Slovene translation: {untranslated}"
