"""The past-events listings (/dogodki/pretekli/, /en/events/past/) in /sitemap.xml: every
page is listed by the core already, but this is a route of the listing page."""

from urbact_portal.sitemaps import PageSitemap

from .models import EventIndexPage


class PastEventsSitemap(PageSitemap):
    def items(self):
        site = self.get_wagtail_site()
        if site is None:
            return EventIndexPage.objects.none()
        return EventIndexPage.objects.descendant_of(site.root_page).live().public().order_by("path")

    def location(self, page):
        path = super().location(page)
        return path + page.reverse_subpage("past") if path else ""

    def lastmod(self, page):
        return None
