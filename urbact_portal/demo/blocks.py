"""Raw StreamField data for the body blocks in urbact_portal/blocks.py (BodyBlock).

Each helper returns one block as {"type": …, "value": …}, the form a StreamField accepts
when assigned a list."""


def p(text):
    """Text (may contain inline HTML) as one HTML paragraph, for rich text values."""
    return f"<p>{text}</p>"


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def quote(text, attribution=""):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def call_to_action(heading_text, button_label, *, text="", page=None, url=""):
    return {
        "type": "call_to_action",
        "value": {
            "heading": heading_text,
            "text": text,
            "button_label": button_label,
            "page": page.pk if page else None,
            "url": "" if page else url,
        },
    }


def image(img, *, alt_text="", caption=""):
    return {
        "type": "image",
        "value": {
            "image": {"image": img.pk, "alt_text": alt_text, "decorative": False},
            "caption": caption,
            "credit": "",
        },
    }


def bullets(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
