"""What the news app shows on the home page (registered in wagtail_hooks.py)."""

from .models import NewsPage

LATEST_NEWS = 3


def latest_news(request, private_q, limit=LATEST_NEWS):
    """The newest news: one query (plus the images' renditions), whatever their number."""
    return list(
        NewsPage.objects.shown(private_q)
        .defer_streamfields()
        .select_related("image")
        .prefetch_related("image__renditions")
        .order_by("-date", "-first_published_at", "-pk")[:limit]
    )
