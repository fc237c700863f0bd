"""The extension points of the core (urbact_portal/extensions.py, dashboard.py, demo/parts.py)
work for an app the core has never heard of, and the import contracts cover every app.

Each test plays a new content app: it registers what such an app would register in its
wagtail_hooks.py, for the duration of the test only."""

import re
import tomllib
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.template import Template
from wagtail import hooks
from wagtail.models import get_page_models

from cities.models import CityPage
from networks.models import NetworkPage
from tests import factories
from urbact_portal import extensions
from urbact_portal.demo.parts import DemoPart, in_dependency_order, installed_parts
from urbact_portal.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db

BASE_DIR = Path(settings.BASE_DIR)

# What an app's home section template would be (`{% include %}` takes a Template too).
HOME_SECTION = Template(
    '{% if open_calls %}<section id="test-section">{{ open_calls|join:", " }}</section>{% endif %}'
)


def html_of(response):
    assert response.status_code == 200
    return response.content.decode()


# --- the import contracts -------------------------------------------------------------------


def content_apps():
    """The site's own top-level apps besides the core."""
    return sorted(
        config.name
        for config in apps.get_app_configs()
        if "." not in config.name
        and config.name != "urbact_portal"
        and Path(config.path).parent == BASE_DIR
    )


def test_every_content_app_is_in_the_import_contracts():
    config = tomllib.loads((BASE_DIR / "pyproject.toml").read_text())["tool"]["importlinter"]
    contracts = {contract["type"]: contract for contract in config["contracts"]}
    top_layer = {name.strip() for name in re.split(r"[:|]", contracts["layers"]["layers"][0])}
    assert content_apps() == ["cities", "events", "networks", "news"]
    for app in content_apps():
        assert app in config["root_packages"], app
        assert app in top_layer, app
        assert app in contracts["independence"]["modules"], app
        assert app in contracts["acyclic_siblings"]["ancestors"], app
    assert contracts["layers"]["layers"][-1] == "urbact_portal"


def test_the_home_page_takes_every_page_type_that_names_it_as_parent():
    children = set(HomePage.allowed_subpage_models())
    declared = {
        model
        for model in get_page_models()
        if "urbact_portal.HomePage" in (getattr(model, "parent_page_types", None) or [])
    }
    assert children == declared
    assert StandardPage in children


# --- home page sections -------------------------------------------------------------------


def test_a_home_section_appears_where_its_order_puts_it(site_tree, client):
    factories.news_page(site_tree["news"], "Novica za naslovnico")
    built = []

    def build(request, private_q):
        built.append(private_q)
        return ["Prvi razpis", "Drugi razpis"]

    section = extensions.HomeSection(
        name="open_calls",
        template=HOME_SECTION,
        build=build,
        order=50,  # before the latest news (100)
    )
    with hooks.register_temporarily(extensions.HOME_SECTION_HOOK, section):
        html = html_of(client.get("/"))
    assert built, "the section was not built"
    assert html.index('id="test-section"') < html.index('id="news-heading"')
    assert "Prvi razpis, Drugi razpis" in html


def test_an_empty_home_section_can_hide_itself(site_tree, client):
    section = extensions.HomeSection(
        name="open_calls",
        template=HOME_SECTION,
        build=lambda request, private_q: [],
    )
    with hooks.register_temporarily(extensions.HOME_SECTION_HOOK, section):
        html = html_of(client.get("/"))
    assert 'id="test-section"' not in html


def test_a_cached_home_section_is_built_once_per_content_version(
    site_tree, client, django_capture_on_commit_callbacks
):
    calls = []

    def build(request, private_q):
        calls.append(1)
        return ["Iz predpomnilnika"]

    section = extensions.HomeSection(
        name="open_calls", template=HOME_SECTION, build=build, cached=True
    )
    with hooks.register_temporarily(extensions.HOME_SECTION_HOOK, section):
        assert "Iz predpomnilnika" in html_of(client.get("/"))
        assert "Iz predpomnilnika" in html_of(client.get("/"))
        assert len(calls) == 1
        with django_capture_on_commit_callbacks(execute=True):  # bumped when it commits
            factories.standard_page(site_tree["home"], "Nova stran")
        html_of(client.get("/"))
        assert len(calls) == 2


def test_a_home_section_needs_a_known_slot():
    with pytest.raises(ValueError):
        extensions.HomeSection(name="x", template="x.html", build=print, slot="sidebar")


# --- sections on other apps' detail pages -----------------------------------------------------


def city_and_network(site_tree):
    city = factories.city_page(site_tree["cities"], "Ljubljana")
    network = factories.network_page(site_tree["networks"], "BeePathNet", cities=[city])
    return city, network


def test_a_related_section_lists_its_pages_on_the_target_type_only(site_tree, client):
    city, network = city_and_network(site_tree)
    section = extensions.RelatedSection(
        target="cities.CityPage",
        name="calls",
        heading="Razpisi v mestu",
        build=lambda page: [network],  # any live pages the section's app relates to the page
        order=150,  # between the networks (100) and the good practices (200)
    )
    with hooks.register_temporarily(extensions.RELATED_SECTION_HOOK, section):
        assert extensions.related_sections(CityPage)[1] is section
        assert section not in extensions.related_sections(NetworkPage)
        html = html_of(client.get(city.url))
        network_html = html_of(client.get(network.url))
    assert '<h2 id="calls-heading">Razpisi v mestu</h2>' in html
    calls = html[html.index('id="calls-heading"') :]
    assert f'<a href="{network.url}">BeePathNet</a>' in calls[: calls.index("</section>")]
    assert html.index('id="networks-heading"') < html.index('id="calls-heading"')
    assert html.index('id="calls-heading"') < html.index('id="practices-heading"')
    assert "Razpisi v mestu" not in network_html


def test_an_empty_related_section_shows_its_sentence_or_nothing(site_tree, client):
    city, network = city_and_network(site_tree)
    with_sentence = extensions.RelatedSection(
        target="cities.CityPage",
        name="calls",
        heading="Razpisi",
        build=lambda page: [],
        empty_text=lambda page: f"V mestu {page.title} ni razpisov.",
    )
    without = extensions.RelatedSection(
        target="networks.NetworkPage", name="calls", heading="Razpisi", build=lambda page: []
    )
    with (
        hooks.register_temporarily(extensions.RELATED_SECTION_HOOK, with_sentence),
        hooks.register_temporarily(extensions.RELATED_SECTION_HOOK, without),
    ):
        city_html = html_of(client.get(city.url))
        network_html = html_of(client.get(network.url))
    assert '<p class="relation__empty">V mestu Ljubljana ni razpisov.</p>' in city_html
    assert 'id="calls-heading"' not in network_html


def test_related_sections_are_cached_with_the_page(site_tree, client):
    city, network = city_and_network(site_tree)
    calls = []

    def build(page):
        calls.append(page.pk)
        return [network]

    section = extensions.RelatedSection(
        target="cities.CityPage", name="calls", heading="Razpisi", build=build
    )
    with hooks.register_temporarily(extensions.RELATED_SECTION_HOOK, section):
        html_of(client.get(city.url))
        html_of(client.get(city.url))
    assert calls == [city.pk]


def test_grouped_related_section_has_subheadings(site_tree, client):
    city, network = city_and_network(site_tree)
    section = extensions.RelatedSection(
        target="cities.CityPage",
        name="calls",
        heading="Razpisi",
        build=lambda page: [network],
        group=lambda items: [{"label": "Leta 2027", "items": items}],
    )
    with hooks.register_temporarily(extensions.RELATED_SECTION_HOOK, section):
        html = html_of(client.get(city.url))
    calls = html[html.index('id="calls-heading"') :]
    assert calls.index("<h3>Leta 2027</h3>") < calls.index("BeePathNet")


# --- sitemap, dashboard, demo parts ---------------------------------------------------------


def test_an_app_adds_addresses_to_the_sitemap(site_tree, client):
    from django.contrib.sitemaps import Sitemap

    class CalendarSitemap(Sitemap):
        def items(self):
            return ["/dogodki/koledar/"]

        def location(self, item):
            return item

    with hooks.register_temporarily(
        extensions.SITEMAP_HOOK, ("calendar", lambda request: CalendarSitemap())
    ):
        xml = html_of(client.get("/sitemap.xml"))
    assert "/dogodki/koledar/</loc>" in xml
    assert "/novice/</loc>" in xml  # the pages are still there


def test_an_app_counts_its_pages_on_the_dashboard(admin_client, site_tree):
    from urbact_portal.dashboard import PageCountSummaryItem

    factories.standard_page(site_tree["home"], "Ena")
    factories.standard_page(site_tree["home"], "Dve")

    def add(request, items):
        # An app passes ngettext_lazy(singular, plural, "count"); any "%(count)d" text works.
        label = "%(count)d standardni strani"
        items.append(PageCountSummaryItem(request, StandardPage, label=label, icon="doc", order=1))

    with hooks.register_temporarily("construct_homepage_summary_items", add):
        html = html_of(admin_client.get("/admin/"))
    summary = re.search(r'class="w-summary__list">(.*?)</ul>', html, re.S)[1]
    assert re.search(r">\s*2 standardni strani\s*<", summary), summary


def test_demo_parts_come_from_every_app_in_dependency_order():
    names = [part.name for part in installed_parts()]
    assert names == ["news", "networks", "cities", "events"]  # INSTALLED_APPS: the menu's
    ordered = [part.name for part in in_dependency_order(installed_parts())]
    assert ordered == ["cities", "networks", "news", "events"]


def test_demo_parts_ignore_missing_dependencies_and_refuse_cycles():
    def noop(loader):
        return None

    calls = DemoPart(name="calls", content=noop, after=("cities", "calendar"))
    cities = DemoPart(name="cities", content=noop)
    assert [p.name for p in in_dependency_order([calls, cities])] == ["cities", "calls"]
    a = DemoPart(name="a", content=noop, after=("b",))
    b = DemoPart(name="b", content=noop, after=("a",))
    with pytest.raises(ImproperlyConfigured):
        in_dependency_order([a, b])
