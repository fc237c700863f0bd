"""Addresses outside the page tree: the iCalendar files (events/views.py). Included by the
site's URLs inside i18n_patterns, before Wagtail's pages."""

from django.urls import re_path

from . import views

urlpatterns = [
    re_path(
        r"^(?P<path>(?:[\w-]+/)+)(?P<name>[\w-]+)\.ics$",
        views.calendar_file,
        name="event_calendar_file",
    ),
]
