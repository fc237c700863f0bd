"""The shared layout (templates/base.html and its components) on real pages of every type:
landmarks, navigation, language switching, SEO tags, the contact box, 404/500 pages and
the query budget."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.views.defaults import server_error
from wagtail.models import Page, PageViewRestriction, Site

from tests import factories
from urbact_portal.models import SiteSettings

CONTACT = {
    "contact_person": "Nina Plevnik",
    "contact_role_sl": "Nacionalna URBACT točka Slovenija",
    "contact_email": "urbact@ipop.si",
    "contact_phone": "(+386) 40/342-811",
}


class Outline(HTMLParser):
    """Collects what the accessibility tests look at: tags with their attributes."""

    def __init__(self):
        super().__init__()
        self.tags = []  # (tag, attrs dict)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def find(self, tag, **attrs):
        return [
            a
            for t, a in self.tags
            if t == tag and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]


def outline(response):
    parser = Outline()
    parser.feed(response.content.decode())
    return parser


def json_ld(response):
    html = response.content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def graph_types(response):
    types = {}
    for data in json_ld(response):
        for node in data.get("@graph", [data]):
            types[node["@type"]] = node
    return types


@pytest.fixture
def site_settings(home):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in CONTACT.items():
        setattr(settings, name, value)
    settings.save()
    return settings


def build_shared_tree(site_tree):
    """The pages of this file's tests, built once per file (tests/conftest.py)."""
    home = site_tree["home"]
    for key in ("news", "networks", "practices", "cities"):
        page = site_tree[key]
        page.show_in_menus = True
        page.save_revision().publish()
    about = factories.standard_page(
        home, title="O programu", title_en="About the programme", show_in_menus=True
    )
    sub = factories.standard_page(about, title="Zgodovina", title_en="History")
    city = factories.city_page(site_tree["cities"], title="Ljubljana", title_en="Ljubljana")
    network = factories.network_page(
        site_tree["networks"], title="Omrežje Ena", title_en="Network One", cities=[city]
    )
    practice = factories.good_practice_page(
        site_tree["practices"], title="Dobra praksa Ena", title_en="Good practice One"
    )
    news = factories.news_page(
        site_tree["news"], title="Prva novica", slug="x", title_en="First news", slug_en="x-en"
    )
    hidden = factories.standard_page(home, title="Skrita stran")  # not in menus
    return {
        "about": about,
        "sub": sub,
        "city": city,
        "network": network,
        "practice": practice,
        "news_page": news,
        "hidden": hidden,
    }


@pytest.fixture
def tree(site_tree, site_settings):
    return site_tree


def page_urls(tree):
    """One URL per page type, in Slovene and in English."""
    return [
        ("/", "/en/"),
        ("/o-programu/", "/en/about-the-programme/"),
        ("/o-programu/zgodovina/", "/en/about-the-programme/history/"),
        ("/novice/", "/en/news/"),
        ("/novice/x/", "/en/news/x-en/"),
        ("/omrezja/", "/en/networks/"),
        ("/omrezja/omrezje-ena/", "/en/networks/network-one/"),
        ("/dobre-prakse/", "/en/good-practices/"),
        ("/dobre-prakse/dobra-praksa-ena/", "/en/good-practices/good-practice-one/"),
        ("/mesta/", "/en/cities/"),
        ("/mesta/ljubljana/", "/en/cities/ljubljana/"),
    ]


def all_urls(tree):
    return [url for pair in page_urls(tree) for url in pair]


def test_every_page_type_has_landmarks_skip_link_and_one_h1(tree, client):
    for url in all_urls(tree):
        response = client.get(url)
        assert response.status_code == 200, url
        doc = outline(response)
        html = response.content.decode()
        assert len(doc.find("header")) >= 1, url
        assert len(doc.find("main", id="main")) == 1, url
        assert len(doc.find("footer")) >= 1, url
        assert doc.find("nav", id="site-nav"), url
        assert len(doc.find("h1")) == 1, url
        # The skip link is the first link of the body and leads to <main id="main">.
        first_link = next(a for t, a in doc.tags if t == "a")
        assert first_link["href"] == "#main", url
        assert 'class="skip-link"' in html


def test_html_lang_follows_the_language(tree, client):
    for sl_url, en_url in page_urls(tree):
        assert '<html lang="sl"' in client.get(sl_url).content.decode()
        assert '<html lang="en"' in client.get(en_url).content.decode()


def test_titles_have_the_site_suffix(tree, client):
    html = client.get("/o-programu/").content.decode()
    assert "<title>O programu – URBACT Slovenija</title>" in html
    about = tree["about"]
    about.seo_title_sl = "Kaj je URBACT"
    about.save_revision().publish()
    assert "<title>Kaj je URBACT – URBACT Slovenija</title>" in client.get("/o-programu/").text
    home_title = re.search(r"<title>(.*?)</title>", client.get("/").text).group(1)
    assert home_title == "URBACT Slovenija – Nacionalna URBACT točka za Slovenijo"


def test_language_switcher_leads_to_the_same_page(tree, client):
    for sl_url, en_url in page_urls(tree):
        sl_doc = outline(client.get(sl_url))
        switch = sl_doc.find("a", **{"class": "language-switcher__link"})
        assert [a["href"] for a in switch] == [en_url], sl_url
        assert switch[0]["lang"] == "en" and switch[0]["hreflang"] == "en"
        en_doc = outline(client.get(en_url))
        switch = en_doc.find("a", **{"class": "language-switcher__link"})
        assert [a["href"] for a in switch] == [sl_url], en_url


def test_language_switcher_on_a_non_page_view(tree, client):
    """Views outside the page tree switch by their URL name (the search view)."""
    try:
        sl_search, en_search = _reverse_both("search")
    except NoReverseMatch:
        pytest.skip("no search view yet")
    doc = outline(client.get(sl_search, {"q": "mesto"}))
    switch = doc.find("a", **{"class": "language-switcher__link"})
    assert [a["href"] for a in switch] == [en_search + "?q=mesto"]
    doc = outline(client.get(en_search, {"q": "city"}))
    switch = doc.find("a", **{"class": "language-switcher__link"})
    assert [a["href"] for a in switch] == [sl_search + "?q=city"]


def _reverse_both(name):
    from django.utils import translation

    urls = []
    for language in ("sl", "en"):
        with translation.override(language):
            urls.append(reverse(name))
    return urls


def test_hreflang_alternates_and_canonical(tree, client):
    html = client.get("/novice/x/").content.decode()
    assert '<link rel="canonical" href="http://testserver/novice/x/">' in html
    assert '<link rel="alternate" hreflang="sl" href="http://testserver/novice/x/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/news/x-en/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/novice/x/">' in html
    html = client.get("/en/news/x-en/").content.decode()
    assert '<link rel="canonical" href="http://testserver/en/news/x-en/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/novice/x/">' in html


def test_canonical_keeps_the_page_number_but_not_filters(tree, client):
    for i in range(13):
        factories.news_page(tree["news"], title=f"Novica {i}")
    html = client.get("/novice/", {"page": "2", "theme": "neobstojeca"}).content.decode()
    assert '<link rel="canonical" href="http://testserver/novice/?page=2">' in html
    assert 'hreflang="en" href="http://testserver/en/news/?page=2"' in html
    # A page number that is not a number is the first page: no parameter at all.
    html = client.get("/novice/", {"page": "abc"}).content.decode()
    assert '<link rel="canonical" href="http://testserver/novice/">' in html


def test_untranslated_page_is_not_shown_as_english(tree, client):
    page = factories.standard_page(
        tree["home"], title="Samo slovensko", intro="Uvod le v slovenščini.", show_in_menus=True
    )
    assert page.title_en in (None, "")
    # Its English address leads to the Slovene page; the English menu leaves it out.
    response = client.get("/en/samo-slovensko/")
    assert response.status_code == 302
    assert response["Location"] == "/samo-slovensko/"
    assert ">Samo slovensko</a>" not in client.get("/en/").content.decode()
    html = client.get("/samo-slovensko/").content.decode()
    assert "<h1>Samo slovensko</h1>" in html and '<html lang="sl"' in html


def test_meta_description_is_plain_text(tree, client):
    home = tree["home"]
    home.hero_intro_sl = "<p>Program <b>URBACT</b> povezuje mesta &amp; regije.</p>"
    home.save_revision().publish()
    html = client.get("/").content.decode()
    assert '<meta name="description" content="Program URBACT povezuje mesta &amp; regije.">' in html
    assert "&lt;p&gt;" not in html


def test_open_graph_and_twitter_tags(tree, client):
    html = client.get("/o-programu/").content.decode()
    assert '<meta property="og:title" content="O programu">' in html
    assert '<meta property="og:url" content="http://testserver/o-programu/">' in html
    assert '<meta property="og:image" content="http://testserver/static/img/og-default.png">' in (
        html
    )
    assert '<meta property="og:locale" content="sl_SI">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert '<meta name="description" content="Uvod strani O programu.">' in html

    image = factories.image("Trg", size=(1600, 900))
    news = factories.news_page(
        tree["news"], title="Novica s sliko", image=image, image_alt="Mestni trg"
    )
    html = client.get(news.url).content.decode()
    og = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert og.startswith("http://testserver/media/images/") and og.endswith(".jpg")
    assert '<meta property="og:image:alt" content="Mestni trg">' in html
    assert '<meta property="og:type" content="article">' in html


def test_open_graph_image_follows_a_new_image_and_its_alt_text(tree, client):
    """The page's Open Graph image is kept per content version: publishing another image or
    alt text shows on the next request."""

    def og(url):
        html = client.get(url).content.decode()
        image = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
        alt = re.search(r'<meta property="og:image:alt" content="([^"]*)">', html).group(1)
        return image, alt

    first = factories.image("Trg", size=(1600, 900))
    news = factories.news_page(
        tree["news"], title="Novica s sliko", image=first, image_alt="Mestni trg"
    )
    before = og(news.url)
    assert before == og(news.url) and before[1] == "Mestni trg"
    news.image = factories.image("Reka", size=(1600, 900))
    news.image_alt = "Reka v mestu"
    news.save_revision().publish()
    after = og(news.url)
    assert after[0] != before[0] and after[1] == "Reka v mestu"


def test_json_ld_organization_breadcrumbs_and_news_article(tree, client):
    types = graph_types(client.get("/"))
    org = types["Organization"]
    assert org["contactPoint"]["email"] == "urbact@ipop.si"
    assert org["contactPoint"]["telephone"] == CONTACT["contact_phone"]
    assert org["contactPoint"]["name"] == "Nina Plevnik"
    assert "BreadcrumbList" not in types  # nothing above the home page

    types = graph_types(client.get("/novice/x/"))
    crumbs = [item["name"] for item in types["BreadcrumbList"]["itemListElement"]]
    assert crumbs == ["Domov", "Novice", "Prva novica"]
    assert types["BreadcrumbList"]["itemListElement"][-1]["item"] == "http://testserver/novice/x/"
    article = types["NewsArticle"]
    assert article["headline"] == "Prva novica"
    assert article["datePublished"] == "2026-01-15"
    assert article["publisher"]["name"] == org["name"]
    assert article["image"]

    types = graph_types(client.get("/en/news/x-en/"))
    crumbs = [item["name"] for item in types["BreadcrumbList"]["itemListElement"]]
    assert crumbs == ["Home", "News", "First news"]


def test_json_ld_escapes_markup(tree, client):
    factories.news_page(tree["news"], title="</script><b>Pozor</b> & več", slug="pozor")
    response = client.get("/novice/pozor/")
    assert "</script><b>" not in response.content.decode()
    article = graph_types(response)["NewsArticle"]
    assert article["headline"] == "</script><b>Pozor</b> & več"


def test_main_navigation_from_the_page_tree(tree, client):
    doc = outline(client.get("/o-programu/zgodovina/"))
    html = client.get("/o-programu/zgodovina/").content.decode()
    nav = html[html.index('id="site-nav"') : html.index("</nav>", html.index('id="site-nav"'))]
    titles = re.findall(r'class="site-nav__link"[^>]*>([^<]+)</a>', nav)
    # Home's live children with show_in_menus, in tree order; not the hidden page.
    assert titles == ["Novice", "Omrežja", "Dobre prakse", "Mesta", "O programu"]
    current = [a for a in doc.find("a", **{"class": "site-nav__link"}) if "aria-current" in a]
    assert [a["href"] for a in current] == ["/o-programu/"]
    assert current[0]["aria-current"] == "true"  # the section, not the page itself
    doc = outline(client.get("/o-programu/"))
    current = [a for a in doc.find("a", **{"class": "site-nav__link"}) if "aria-current" in a]
    assert current[0]["aria-current"] == "page"


def test_menu_button_controls_the_navigation(tree, client):
    doc = outline(client.get("/"))
    (button,) = doc.find("button", **{"class": "menu-toggle"})
    assert button["aria-expanded"] == "false"
    assert button["aria-controls"] == "site-nav"
    # Without JavaScript the button stays hidden and the navigation is simply shown: decided
    # by the stylesheet (the `scripting` media feature) from the first paint, so nothing moves
    # when the script runs (tests/test_layout_browser.py measures the layout shift).
    assert "hidden" not in button
    assert doc.find("nav", id="site-nav")[0]["aria-label"]


def test_menu_follows_publishing(tree, client, django_capture_on_commit_callbacks):
    # Each change invalidates the cached menu when it commits (the callbacks run here).
    committed = django_capture_on_commit_callbacks
    assert ">Skrita stran</a>" not in client.get("/").content.decode()
    hidden = tree["hidden"]
    hidden.show_in_menus = True
    with committed(execute=True):
        hidden.save_revision().publish()
    assert ">Skrita stran</a>" in client.get("/").content.decode()
    with committed(execute=True):
        hidden.unpublish()
    assert ">Skrita stran</a>" not in client.get("/").content.decode()
    about = tree["about"]
    about.title_sl = "O programu URBACT"
    with committed(execute=True):
        about.save_revision().publish()
    assert ">O programu URBACT</a>" in client.get("/").content.decode()
    with committed(execute=True):
        Page.objects.get(pk=tree["practices"].pk).delete()
    assert ">Dobre prakse</a>" not in client.get("/").content.decode()


def test_private_pages_stay_out_of_the_menu(tree, client):
    PageViewRestriction.objects.create(
        page=tree["about"], restriction_type=PageViewRestriction.LOGIN
    )
    tree["about"].save_revision().publish()
    assert ">O programu</a>" not in client.get("/").content.decode()


def test_breadcrumbs(tree, client):
    html = client.get("/o-programu/zgodovina/").content.decode()
    start = html.index('<nav class="breadcrumbs')
    crumbs = html[start : html.index("</nav>", start)]
    assert 'aria-label="Pot do strani"' in crumbs
    assert re.findall(r'<a href="([^"]+)"', crumbs) == [
        "/",
        "/o-programu/",
        "/o-programu/zgodovina/",
    ]
    assert 'aria-current="page">Zgodovina</a>' in crumbs
    assert '<nav class="breadcrumbs' not in client.get("/").content.decode()


def test_contact_box_on_every_page_type(tree, client):
    urls = all_urls(tree) + ["/ni-take-strani/", "/en/no-such-page/"]
    for url in urls:
        html = client.get(url).content.decode()
        assert 'class="contact-box"' in html, url
        assert "Nina Plevnik" in html, url
        assert '<a href="mailto:urbact@ipop.si">urbact@ipop.si</a>' in html, url
        assert '<a href="tel:+38640342811">(+386) 40/342-811</a>' in html, url


def test_footer_links_from_site_settings(tree, client, site_settings):
    privacy = factories.standard_page(
        tree["home"], title="Varstvo osebnih podatkov", title_en="Privacy"
    )
    access = factories.standard_page(
        tree["home"], title="Izjava o dostopnosti", title_en="Accessibility"
    )
    site_settings.privacy_page = privacy
    site_settings.accessibility_page = access
    site_settings.facebook_url = "https://www.facebook.com/urbact"
    site_settings.footer_text_sl = "Spletno stran ureja IPoP."
    site_settings.save()
    html = client.get("/o-programu/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert '<a href="/varstvo-osebnih-podatkov/">Varstvo osebnih podatkov</a>' in footer
    assert '<a href="/izjava-o-dostopnosti/">Izjava o dostopnosti</a>' in footer
    assert 'href="https://www.facebook.com/urbact"' in footer
    assert "Spletno stran ureja IPoP." in footer
    footer = client.get("/en/").content.decode()
    assert '<a href="/en/privacy/">Privacy</a>' in footer


def test_rss_link_in_the_active_language(tree, client):
    rss = re.escape('<link rel="alternate" type="application/rss+xml"')
    html = client.get("/o-programu/").content.decode()
    assert re.search(rss + r'[^>]*href="/novice/rss/"', html)
    html = client.get("/en/about-the-programme/").content.decode()
    assert re.search(rss + r'[^>]*href="/en/news/rss/"', html)


def test_no_rss_link_without_a_news_index(home, client):
    html = client.get("/").content.decode()
    assert "application/rss+xml" not in html


def test_no_third_party_requests_from_the_layout(tree, client):
    html = client.get("/").content.decode()
    for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
        for value in re.findall(rf"<{tag}\b[^>]*\b{attr}=\"([^\"]+)\"", html):
            if tag == "link" and value.startswith("http://testserver/"):
                continue  # canonical and alternates: same site
            assert value.startswith("/"), (tag, value)
    assert "<iframe" not in html


@pytest.mark.parametrize(
    "url, text, lang",
    [
        ("/ni-take-strani/", "Strani ni mogoče najti", "sl"),
        ("/novice/ni-take-novice/", "Strani ni mogoče najti", "sl"),
        ("/en/no-such-page/", "Page not found", "en"),
        ("/en/news/no-such-news/", "Page not found", "en"),
    ],
)
def test_unknown_slugs_give_the_404_page_in_the_layout(tree, client, url, text, lang):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html
    assert f"<h1>{text}</h1>" in html
    doc = outline(response)
    assert doc.find("main", id="main") and doc.find("nav", id="site-nav")
    assert '<meta name="robots" content="noindex">' in html
    home = "/" if lang == "sl" else "/en/"
    assert f'<a href="{home}">' in html
    try:
        sl_search, en_search = _reverse_both("search")
    except NoReverseMatch:
        return
    action = sl_search if lang == "sl" else en_search
    assert f'action="{action}"' in html
    assert '<input type="search" id="error-search" name="q"' in html


@pytest.mark.parametrize(
    "url",
    [
        "/%3Cscript%3Ealert(1)%3C/script%3E/",
        "/novice/x/y/z/",
        "/en/%E2%80%AE/",
        "/" + "a" * 3000 + "/",
    ],
)
def test_hostile_addresses_give_a_clean_404(tree, client, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert "<script>alert" not in html
    assert 'class="contact-box"' in html


def test_404_without_any_site_data(db, client):
    """Even with no home page at all, an unknown address is a clean 404."""
    response = client.get("/ni-take-strani/")
    assert response.status_code == 404
    assert "Strani ni mogoče najti" in response.content.decode()


def test_500_page_is_static_and_bilingual(db, django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert "Prišlo je do napake" in html and "Something went wrong" in html
    assert "{%" not in html


def _queries(client, url):
    client.get(url)  # warm the caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx)


def test_standard_page_query_budget(tree, client):
    about = tree["about"]
    for i in range(2):
        factories.standard_page(about, title=f"Podstran {i}")
    few = _queries(client, "/o-programu/")
    for i in range(2, 20):
        factories.standard_page(about, title=f"Podstran {i}")
    many = _queries(client, "/o-programu/")
    assert few == many
    assert many <= 12
    assert _queries(client, "/en/about-the-programme/") <= 12


def test_layout_query_budget_on_the_404_page(tree, client):
    client.get("/ni-take-strani/")
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/ni-take-strani/").status_code == 404
    assert len(ctx) <= 8


def test_pagination_keeps_the_filters(tree, client):
    theme = factories.theme("Trajnostni razvoj", slug="trajnostni-razvoj")
    for i in range(14):
        factories.news_page(tree["news"], title=f"Tematska {i}", themes=[theme])
    response = client.get("/novice/", {"theme": "trajnostni-razvoj", "page": "2"})
    html = response.content.decode()
    start = html.index('<nav class="pagination"')
    nav = html[start : html.index("</nav>", start)]
    assert 'aria-label="Navigacija po straneh"' in nav
    hrefs = re.findall(r'href="([^"]+)"', nav)
    assert hrefs and all("theme=trajnostni-razvoj" in h for h in hrefs)
    assert "?theme=trajnostni-razvoj&amp;page=1" in nav
    assert re.search(r'href="\?theme=trajnostni-razvoj&amp;page=2" aria-current="page"', nav)
    assert ">Prejšnja<" in nav and 'rel="prev"' in nav
    assert 'rel="next"' not in nav  # page 2 of 2


def test_filters_form_works_without_javascript(tree, client):
    factories.news_page(tree["news"], title="Tematska", themes=[factories.theme("Mobilnost")])
    html = client.get("/novice/").content.decode()
    form = html[html.index('<form class="filters"') : html.index("</form>")]
    assert 'method="get"' in form and 'action="/novice/"' in form
    for select_id in re.findall(r'<select id="([^"]+)"', form):
        assert f'<label for="{select_id}">' in form
    assert '<button type="submit"' in form
    assert "Počisti filtre" not in form  # nothing to reset yet
    html = client.get("/novice/", {"theme": "ni-take-teme"}).content.decode()
    assert "Izbrani filter ne obstaja; prikazujemo vse vsebine brez njega." in html
    assert '<a class="filters__reset" href="/novice/">Počisti filtre</a>' in html
    html = client.get("/en/news/", {"theme": "no-such-theme"}).content.decode()
    assert "The selected filter does not exist; we show all items without it." in html


def test_page_weight_before_content_images(tree, client):
    """HTML, stylesheet and script of the home page stay well under 100 KB."""
    from django.contrib.staticfiles import finders

    html = client.get("/").content
    assets = re.findall(r'(?:href|src)="/static/([^"]+\.(?:css|js|svg))"', html.decode())
    assert "css/site.css" in assets and "js/site.js" in assets
    total = len(html) + sum(Path(finders.find(a)).stat().st_size for a in set(assets))
    assert total < 100_000
    assert '<script src="/static/js/site.js" defer></script>' in html.decode()
