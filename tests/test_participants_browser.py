"""A network's Slovenian participants as an editor adds them, in a real browser (Debian's
Chromium through Playwright) in the Slovene admin: "Dodaj" under "Slovenski udeleženci", the
page chooser browsed down to the city, the role chosen, the page published. The city page then
names the network, and a second row with the same city is refused with a Slovene message on
the form (nothing is saved)."""

import os

# Playwright's sync API runs an event loop in this thread (from the module-scoped browser
# fixture on); the tests' own database calls stay sync.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import urllib.request  # noqa: E402

import pytest  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from wagtail.users.models import UserProfile  # noqa: E402

from networks.models import NetworkPage, NetworkParticipant  # noqa: E402
from tests import factories  # noqa: E402
from tests.browser import LIVE_SERVER_BROWSER, WAIT_MS, log_in, new_tab, submit  # noqa: E402

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

PASSWORD = "urednica-geslo-2026"

pytestmark = LIVE_SERVER_BROWSER


@pytest.fixture
def site(live_server):
    home = factories.ensure_home_page()
    cities = factories.city_index(home)
    kranj = factories.city_page(cities, "Kranj")
    idrija = factories.city_page(cities, "Idrija")
    networks = factories.network_index(home)
    network = factories.network_page(networks, "Omrežje za prenovo", participants=[])
    user = get_user_model().objects.create_superuser("urednica", "urednica@ipop.si", PASSWORD)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "sl"
    profile.save()
    return {
        "base": live_server.url,
        "home": home,
        "cities": cities,
        "kranj": kranj,
        "idrija": idrija,
        "network": network,
    }


@pytest.fixture
def tab(browser, site):
    context, tab = new_tab(browser, locale="sl-SI", viewport={"width": 1400, "height": 1000})
    try:
        log_in(tab, site["base"], "urednica", PASSWORD)
        yield tab
        tab.wait_for_load_state("networkidle")
    finally:
        context.close()


def add_participant(tab, site, city, role_label):
    """Press "Dodaj" under the participants, choose `city` in the page chooser (browsing from
    wherever it opens down to the cities' index) and pick the role by its Slovene label."""
    # The management form counts the rows: the new one is number TOTAL_FORMS.
    prefix = f"participants-{tab.locator('#id_participants-TOTAL_FORMS').input_value()}"
    tab.locator("#id_participants-ADD").click()
    row = tab.locator(f"#inline_child_{prefix}")
    expect(row).to_be_visible()
    row.locator(f"#id_{prefix}-city_page-chooser .unchosen button").click()
    modal = tab.locator(".modal.fade.show, .modal[open], .modal:visible").last
    choice = modal.locator(f"a.choose-page[data-id='{city.pk}']")
    for ancestor in (site["home"], site["cities"]):
        if choice.is_visible():
            break
        explore = modal.locator(f"a.navigate-pages[href*='/choose-page/{ancestor.pk}/']")
        if explore.count():
            explore.first.click()
            tab.wait_for_load_state("networkidle")
    expect(choice).to_be_visible()
    choice.click()
    expect(row.locator(f"#id_{prefix}-city_page-chooser [data-chooser-title]")).to_have_text(
        city.title
    )
    row.locator(f"#id_{prefix}-role").select_option(label=role_label)


def publish(tab):
    tab.get_by_role("button", name="Več dejanj").click()
    submit(tab, tab.get_by_role("button", name="Objavi", exact=True).click)
    tab.wait_for_load_state("networkidle")


def public_html(url):
    with urllib.request.urlopen(url, timeout=WAIT_MS / 1000) as response:
        return response.read().decode()


def test_an_editor_adds_participants_through_the_inline_and_the_page_chooser(tab, site):
    network = site["network"]
    tab.goto(f"{site['base']}/admin/pages/{network.pk}/edit/")
    tab.wait_for_load_state("networkidle")
    assert tab.locator("html").get_attribute("lang") == "sl"
    expect(tab.get_by_text("Slovenski udeleženci").first).to_be_visible()

    add_participant(tab, site, site["kranj"], "vodilni partner")
    add_participant(tab, site, site["idrija"], "partner")
    publish(tab)

    rows = NetworkParticipant.objects.filter(network=network).order_by("sort_order")
    assert [(row.city_page_id, row.role) for row in rows] == [
        (site["kranj"].pk, "lead"),
        (site["idrija"].pk, "partner"),
    ]
    assert NetworkPage.objects.get(pk=network.pk).live
    kranj = public_html(site["base"] + site["kranj"].url)
    assert "Omrežje za prenovo" in kranj
    assert "Omrežje za prenovo" in public_html(site["base"] + network.url)


def test_the_same_city_twice_is_refused_in_slovene_and_nothing_is_saved(tab, site):
    network = site["network"]
    tab.goto(f"{site['base']}/admin/pages/{network.pk}/edit/")
    tab.wait_for_load_state("networkidle")
    add_participant(tab, site, site["kranj"], "partner")
    add_participant(tab, site, site["kranj"], "partner")
    publish(tab)

    # The form comes back with both rows and the error at the second; nothing is saved.
    expect(tab.get_by_text("Ta udeleženec je že na seznamu.")).to_be_visible()
    assert tab.locator("#id_participants-TOTAL_FORMS").input_value() == "2"
    chosen = tab.locator("[id^='id_participants-'][id$='-city_page-chooser'] [data-chooser-title]")
    expect(chosen).to_have_text(["Kranj", "Kranj"])
    assert not NetworkParticipant.objects.filter(network=network).exists()
