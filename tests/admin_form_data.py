"""Admin form data as the editor's browser would send it, for tests without JavaScript.

Wagtail renders StreamFields with JavaScript, so the edit form's HTML carries none of their
inputs: `page_form_data()` takes the form's other fields from the HTML and rebuilds the
StreamField inputs from the page's current values, so that saving "unchanged" keeps them."""

from django.urls import reverse
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.test.utils.form_data import querydict_from_html


def block_form_data(block, value, prefix):
    """The POST data that Wagtail's block widgets send for `value` of `block`."""
    if isinstance(block, blocks.BaseStreamBlock):
        data = {f"{prefix}-count": str(len(value or []))}
        for index, child in enumerate(value or []):
            item = f"{prefix}-{index}"
            data.update(
                {
                    f"{item}-type": child.block_type,
                    f"{item}-id": child.id or "",
                    f"{item}-order": str(index),
                    f"{item}-deleted": "",
                }
            )
            data.update(block_form_data(child.block, child.value, f"{item}-value"))
        return data
    if isinstance(block, blocks.ListBlock):
        items = list(value.bound_blocks) if value is not None else []
        data = {f"{prefix}-count": str(len(items))}
        for index, child in enumerate(items):
            item = f"{prefix}-{index}"
            data.update({f"{item}-id": child.id or "", f"{item}-order": str(index)})
            data[f"{item}-deleted"] = ""
            data.update(block_form_data(block.child_block, child.value, f"{item}-value"))
        return data
    if isinstance(block, ImageBlock):
        value = block._image_to_struct_value(value)
    if isinstance(block, blocks.StructBlock):
        data = {}
        for name, child_block in block.child_blocks.items():
            data.update(block_form_data(child_block, value.get(name), f"{prefix}-{name}"))
        return data
    if isinstance(block, blocks.BooleanBlock):
        return {prefix: "on"} if value else {}
    if isinstance(block, blocks.ChooserBlock):
        return {prefix: str(value.pk) if value else ""}
    # Plain field blocks (text, URL, choice, rich text): what the widget shows is what it sends.
    state = block.get_form_state(value)
    if isinstance(state, list) and not isinstance(block, blocks.MultipleChoiceBlock):
        state = state[0] if state else ""  # a single <select> reports its choice as a list
    return {prefix: "" if state is None else state}


def streamfield_form_data(instance):
    """POST data for every StreamField of a model instance (each language's copy)."""
    data = {}
    for field in instance._meta.concrete_fields:
        if isinstance(field, StreamField):
            value = getattr(instance, field.attname)
            data.update(block_form_data(field.stream_block, value, field.name))
    return data


def page_form_data(client, page):
    """The edit form of `page` as the browser would submit it unchanged."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    html = client.get(url).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    for key, value in streamfield_form_data(page.specific).items():
        data.setlist(key, value if isinstance(value, list) else [value])
    return data
