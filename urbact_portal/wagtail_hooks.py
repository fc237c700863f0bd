"""Wagtail admin hooks of the site. The contact form's admin hooks live in contact_hooks.py."""

from . import contact_hooks  # noqa: F401
