"""sitemap.xml, robots.txt and the news RSS feeds."""

import xml.etree.ElementTree as ET
from datetime import date
from email.utils import parsedate_to_datetime

from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests import factories

SITEMAP_NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
BASE = "http://testserver"


def sitemap_urls(client):
    """{loc: {"lastmod": ..., "alternates": {hreflang: href}}} of /sitemap.xml."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    urls = {}
    for url in root.findall("sm:url", SITEMAP_NS):
        loc = url.findtext("sm:loc", namespaces=SITEMAP_NS)
        assert loc not in urls, f"{loc} listed twice"
        urls[loc] = {
            "lastmod": url.findtext("sm:lastmod", namespaces=SITEMAP_NS),
            "alternates": {
                link.get("hreflang"): link.get("href")
                for link in url.findall("xhtml:link", SITEMAP_NS)
            },
        }
    return urls


# --- sitemap.xml --------------------------------------------------------------------------


def test_sitemap_lists_news_in_both_languages_with_alternates(site_tree, client):
    news = factories.news_page(
        site_tree["news"], title="Prva novica", title_en="First news", slug_en="first-news"
    )
    urls = sitemap_urls(client)
    sl, en = f"{BASE}/novice/prva-novica/", f"{BASE}/en/news/first-news/"
    assert sl in urls and en in urls
    alternates = {"sl": sl, "en": en, "x-default": sl}
    assert urls[sl]["alternates"] == alternates
    assert urls[en]["alternates"] == alternates
    # The sitemap writes the day in Ljubljana (an hour or two past UTC's midnight it is
    # already the next day there).
    assert urls[sl]["lastmod"] == timezone.localdate(news.last_published_at).isoformat()
    # The home and index pages too, each in both languages.
    for path in ("/", "/en/", "/novice/", "/en/news/", "/omrezja/", "/en/networks/"):
        assert f"{BASE}{path}" in urls
    # A page without an English title exists only in Slovene: no English address, and its
    # alternates name Slovene only.
    factories.city_page(site_tree["cities"], title="Ptuj")
    urls = sitemap_urls(client)
    assert f"{BASE}/mesta/ptuj/" in urls and f"{BASE}/en/cities/ptuj/" not in urls
    assert urls[f"{BASE}/mesta/ptuj/"]["alternates"] == {
        "sl": f"{BASE}/mesta/ptuj/",
        "x-default": f"{BASE}/mesta/ptuj/",
    }


def test_sitemap_leaves_out_drafts_and_private_pages(site_tree, client):
    factories.news_page(site_tree["news"], title="Osnutek", live=False)
    private = factories.standard_page(site_tree["home"], title="Interno", slug="interno")
    factories.standard_page(private, title="Pod interno", slug="pod")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    locations = "\n".join(sitemap_urls(client))
    assert "osnutek" not in locations
    assert "interno" not in locations
    live_public = 5 * 2  # home + four index pages, in two languages
    assert len(sitemap_urls(client)) == live_public


def test_sitemap_query_count_does_not_grow_with_pages(
    site_tree, client, django_assert_max_num_queries
):
    for i in range(5):
        factories.news_page(site_tree["news"], title=f"Novica {i}")
    client.get("/sitemap.xml")
    with django_assert_max_num_queries(10) as few:
        client.get("/sitemap.xml")
    for i in range(5, 40):
        factories.news_page(site_tree["news"], title=f"Novica {i}")
    client.get("/sitemap.xml")
    with django_assert_max_num_queries(10) as many:
        response = client.get("/sitemap.xml")
    # The home and the four listings in two languages, the news in Slovene only (no English
    # titles).
    assert response.content.count(b"<url>") == 5 * 2 + 40
    assert len(few.captured_queries) == len(many.captured_queries)


# --- robots.txt ---------------------------------------------------------------------------


def test_robots_txt(site_tree, client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Disallow: /iskanje/" in lines
    assert "Disallow: /en/search/" in lines
    assert f"Sitemap: {BASE}/sitemap.xml" in lines
    assert "<" not in response.content.decode()


def test_robots_and_sitemap_are_not_under_the_language_prefix(site_tree, client):
    assert client.get("/en/robots.txt").status_code == 404
    assert client.get("/en/sitemap.xml").status_code == 404


# --- RSS ----------------------------------------------------------------------------------


def rss(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content).find("channel")


def test_rss_in_slovene_and_english(site_tree, client):
    factories.news_page(
        site_tree["news"],
        title="Poletna šola",
        title_en="Summer school",
        slug_en="summer-school",
        intro="Povabilo na poletno šolo.",
        intro_en="An invitation to the summer school.",
        date=date(2026, 6, 1),
    )
    factories.news_page(
        site_tree["news"], title="Samo slovensko", intro="Brez prevoda.", date=date(2026, 5, 1)
    )

    sl = rss(client, "/novice/rss/")
    assert sl.findtext("title") == "URBACT Slovenija: novice"
    assert sl.findtext("language") == "sl"
    assert sl.findtext("link") == f"{BASE}/novice/"
    items = sl.findall("item")
    assert [i.findtext("title") for i in items] == ["Poletna šola", "Samo slovensko"]
    assert items[0].findtext("link") == f"{BASE}/novice/poletna-sola/"
    assert items[0].findtext("description") == "Povabilo na poletno šolo."
    published = parsedate_to_datetime(items[0].findtext("pubDate"))
    assert published.date() == date(2026, 6, 1)

    en = rss(client, "/en/news/rss/")
    assert en.findtext("title") == "URBACT Slovenia: news"
    assert en.findtext("language") == "en"
    assert en.findtext("link") == f"{BASE}/en/news/"
    items = en.findall("item")
    # Only news that exists in English (its English title is set).
    assert [i.findtext("title") for i in items] == ["Summer school"]
    assert items[0].findtext("link") == f"{BASE}/en/news/summer-school/"
    assert items[0].findtext("description") == "An invitation to the summer school."


def test_rss_has_the_latest_twenty_live_public_news(site_tree, client):
    for day in range(1, 26):
        factories.news_page(site_tree["news"], title=f"Novica {day:02d}", date=date(2026, 3, day))
    factories.news_page(site_tree["news"], title="Osnutek", live=False, date=date(2026, 4, 1))
    private = factories.news_page(site_tree["news"], title="Zasebna", date=date(2026, 4, 2))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    items = rss(client, "/novice/rss/").findall("item")
    titles = [i.findtext("title") for i in items]
    assert titles == [f"Novica {day:02d}" for day in range(25, 5, -1)]


def test_rss_escapes_markup_in_content(site_tree, client):
    factories.news_page(site_tree["news"], title="A & B <i>x</i>", intro="<script>1</script>")
    response = client.get("/novice/rss/")
    assert b"<script>" not in response.content
    item = ET.fromstring(response.content).find("channel/item")
    assert item.findtext("title") == "A & B <i>x</i>"
    assert item.findtext("description") == "<script>1</script>"


def test_rss_query_count_does_not_grow_with_news(site_tree, client, django_assert_max_num_queries):
    topic = factories.theme("Podnebje")
    for i in range(3):
        factories.news_page(
            site_tree["news"], title=f"Novica {i}", title_en=f"News {i}", themes=[topic]
        )
    client.get("/en/news/rss/")
    with django_assert_max_num_queries(12) as few:
        client.get("/en/news/rss/")
    for i in range(3, 25):
        factories.news_page(
            site_tree["news"], title=f"Novica {i}", title_en=f"News {i}", themes=[topic]
        )
    client.get("/en/news/rss/")
    with django_assert_max_num_queries(12) as many:
        response = client.get("/en/news/rss/")
    assert response.content.count(b"<item>") == 20
    assert response.content.count(b"<category>Podnebje</category>") == 20
    assert len(few.captured_queries) == len(many.captured_queries)
