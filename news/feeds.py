"""The RSS feed of a news index: /novice/rss/ in Slovene, /en/news/rss/ in English.

Served by NewsIndexPage's "rss/" route with the page's language active, so titles,
descriptions, links and the feed's <language> (Django's default: the active language) are
those of the language the feed was asked for."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils.translation import gettext as _

FEED_LENGTH = 20


class NewsFeed(Feed):
    def __init__(self, index_page):
        self.index_page = index_page
        self.request = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("URBACT Slovenia: news")

    def description(self):
        return _("The latest news from the National URBACT Point for Slovenia.")

    def link(self):
        return self.index_page.get_url(self.request) or "/"

    def items(self):
        return self.index_page.get_feed_items(FEED_LENGTH)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        # The news date (a day) at midnight in the site's time zone.
        return datetime.combine(item.date, time.min)

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all()]
