"""Factory of the contact page (see urbact_portal/factories.py)."""

from urbact_portal.factories import create_page

from .models import ContactPage


def contact_page(home, **fields):
    """The contact page (/kontakt/, /en/contact/) with the standard form fields, which
    ContactPage creates itself when it is saved without fields."""
    fields.setdefault("title", "Kontakt")
    fields.setdefault("slug", "kontakt")
    fields.setdefault("title_en", "Contact")
    fields.setdefault("slug_en", "contact")
    return create_page(home, ContactPage, **fields)
