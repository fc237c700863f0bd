"""Errors where the editor looks, in a real browser (Debian's Chromium through Playwright): an
English slug that collides is shown although the editor had the English fields switched off
and another tab open - the language comes on, its tab opens, and the message names and links
the page in the way. What the editor typed is still there."""

import os

# Playwright's sync API runs an event loop in this thread; the tests' database calls stay sync.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402

from news.models import NewsPage  # noqa: E402
from tests import factories
from tests.browser import LIVE_SERVER_BROWSER, log_in, new_tab, submit  # noqa: E402

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

PASSWORD = "urednica-geslo-2026"

pytestmark = LIVE_SERVER_BROWSER


@pytest.fixture
def tab(browser, live_server):
    get_user_model().objects.create_superuser("urednica", "urednica@ipop.si", PASSWORD)
    context, page = new_tab(browser, locale="sl-SI")
    log_in(page, live_server.url, "urednica", PASSWORD)
    yield page
    context.close()


def locale_toggle(tab, code):
    return tab.locator("button.locale-toggle", has_text=code)


def test_english_slug_collision_opens_its_language_and_tab(tab, live_server):
    home = factories.ensure_home_page()
    index = factories.news_index(home)
    first = factories.news_page(index, "Prva novica", title_en="First news", slug_en="first")

    tab.goto(f"{live_server.url}/admin/pages/add/news/newspage/{index.pk}/")
    tab.wait_for_load_state("networkidle")
    tab.locator("#id_title_sl").fill("Druga novica")
    tab.locator("#id_intro_sl").fill("Uvod druge novice.")
    # The editor switches English on, types the English title and slug, and off again.
    english = locale_toggle(tab, "en")
    if "showing-locale" not in (english.get_attribute("class") or ""):
        english.click()
    tab.locator("#id_title_en").fill("Second news")
    tab.locator("#id_title_en").blur()
    tab.locator("#tab-label-promocija").click()
    expect(tab.locator("#id_slug_en")).to_have_value("second-news")  # made from the title
    tab.locator("#id_slug_en").fill("first")
    tab.locator("#id_slug_en").blur()
    expect(tab.locator("#id_slug_en")).to_have_value("first")
    english.click()
    expect(tab.locator("#id_slug_en")).to_be_hidden()
    tab.locator("#tab-label-vsebina").click()

    submit(tab, tab.locator("button[name=action-publish], button.action-save").first.click)

    slug_en = tab.locator("#id_slug_en")
    expect(slug_en).to_be_visible()
    expect(slug_en).to_have_value("first")
    expect(tab.locator("#tab-label-promocija")).to_have_attribute("aria-selected", "true")
    error = tab.locator('[data-contentpath="slug_en"] .error-message')
    expect(error).to_be_visible()
    expect(error).to_contain_text("Angleški ključ »first« v angleščini že uporablja stran")
    link = error.locator("a", has_text="Prva novica")
    expect(link).to_have_attribute("href", f"/admin/pages/{first.pk}/edit/")
    # What was typed on the other tab is still there.
    expect(tab.locator("#id_title_sl")).to_have_value("Druga novica")
    assert not NewsPage.objects.filter(title_sl="Druga novica").exists()
