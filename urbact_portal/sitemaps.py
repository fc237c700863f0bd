"""sitemap.xml: every live, public page of the site in Slovene, and in English those that
exist in English (urbact_portal/english.py), with hreflang alternates for the languages a
page exists in and x-default (the Slovene address)."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from urbact_portal.english import exists_in


class PageSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def __init__(self, request=None):
        self.request = request

    @property
    def languages(self):
        return [code for code, _name in settings.LANGUAGES]

    def get_languages_for_item(self, page):
        return [code for code in self.languages if exists_in(page, code)]

    def get_wagtail_site(self):
        site = Site.find_for_request(self.request) if self.request else None
        if site is None:
            site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
        return site

    def items(self):
        site = self.get_wagtail_site()
        if site is None:
            return Page.objects.none()
        return (
            Page.objects.descendant_of(site.root_page, inclusive=True)
            .live()
            .public()
            .filter(alias_of__isnull=True)
            .order_by("path")
        )

    def location(self, page):
        # Called with the item's language active: the path carries its /en/ prefix and
        # translated slugs. The sitemap framework adds the scheme and host.
        parts = page.get_url_parts(self.request)
        if not parts or parts[2] is None:
            return ""
        return parts[2]

    def lastmod(self, page):
        return page.last_published_at or page.latest_revision_created_at
