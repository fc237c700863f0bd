"""What the events app shows on the home page (registered in wagtail_hooks.py)."""

from django.db.models import F

from .models import HOME_UPCOMING, EventPage, upcoming_q


def upcoming_events(request, private_q, limit=HOME_UPCOMING):
    """The next events, soonest first: one query (plus the images' renditions), whatever
    their number. Not cached with the content version: events pass with time, not with
    publishing."""
    return list(
        EventPage.objects.shown(private_q)
        .filter(upcoming_q())
        .defer_streamfields()
        .select_related("image")
        .prefetch_related("image__renditions")
        .order_by("start_date", F("start_time").asc(nulls_first=True), "pk")[:limit]
    )
