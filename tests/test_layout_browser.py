"""The layout's JavaScript in a real browser (Debian's Chromium through Playwright): the menu
button on a narrow screen, and the video facade that loads the player only on request.
Without JavaScript the navigation and a plain video link are there all the same."""

import json
import os

# Playwright's sync API runs an event loop in this thread (from the module-scoped browser
# fixture on, before the test database exists); the tests' own database calls stay sync.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest  # noqa: E402

from tests import factories
from tests.browser import LIVE_SERVER_BROWSER, new_tab  # noqa: E402

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect


pytestmark = LIVE_SERVER_BROWSER


@pytest.fixture
def site(live_server):
    home = factories.ensure_home_page()
    news = factories.news_index(home, show_in_menus=True)
    factories.standard_page(home, title="O programu", show_in_menus=True)
    body = [
        {
            "type": "video",
            "value": {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "Uvod"},
        }
    ]
    factories.standard_page(home, title="Video", body=json.dumps(body))
    return {"url": live_server.url, "news": news}


def open_tab(browser, *, width, javascript=True, requests=None):
    context, tab = new_tab(
        browser, viewport={"width": width, "height": 800}, java_script_enabled=javascript
    )
    if requests is not None:
        tab.on("request", lambda request: requests.append(request.url))
    return context, tab


def close(context, tab):
    # Let the page's last requests finish before the database is flushed for the next test.
    tab.wait_for_load_state("networkidle")
    context.close()


def test_menu_button_on_a_narrow_screen(browser, site):
    context, tab = open_tab(browser, width=390)
    try:
        tab.goto(site["url"] + "/")
        button = tab.locator(".menu-toggle")
        nav = tab.locator("#site-nav")
        assert button.is_visible()
        assert not nav.is_visible()
        button.click()
        expect(button).to_have_attribute("aria-expanded", "true")
        expect(nav).to_be_visible()
        tab.locator("#site-nav a", has_text="O programu").click()
        tab.wait_for_url("**/o-programu/")
        tab.locator(".menu-toggle").click()
        tab.keyboard.press("Escape")
        expect(tab.locator(".menu-toggle")).to_have_attribute("aria-expanded", "false")
        expect(tab.locator("#site-nav")).to_be_hidden()
    finally:
        close(context, tab)


def test_navigation_without_javascript(browser, site):
    context, tab = open_tab(browser, width=390, javascript=False)
    try:
        tab.goto(site["url"] + "/")
        assert not tab.locator(".menu-toggle").is_visible()
        assert tab.locator("#site-nav a", has_text="O programu").is_visible()
    finally:
        close(context, tab)


def test_menu_is_always_open_on_a_wide_screen(browser, site):
    context, tab = open_tab(browser, width=1280)
    try:
        tab.goto(site["url"] + "/")
        assert not tab.locator(".menu-toggle").is_visible()
        assert tab.locator("#site-nav a", has_text="Novice").is_visible()
    finally:
        close(context, tab)


def test_video_loads_from_the_provider_only_after_a_click(browser, site):
    requests = []
    context, tab = open_tab(browser, width=1280, requests=requests)
    # Never reach the real provider from a test: answer its requests locally.
    context.route("**/*youtube*/**", lambda route: route.fulfill(status=200, body="<p>video</p>"))
    try:
        tab.goto(site["url"] + "/video/")
        tab.wait_for_load_state("networkidle")
        assert all(r.startswith(site["url"]) for r in requests), requests
        assert tab.locator("iframe").count() == 0
        play = tab.get_by_role("button", name="Predvajaj videoposnetek")
        assert "YouTube" in play.inner_text()
        play.click()
        frame = tab.locator(".video-facade iframe")
        assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/")
        assert frame.get_attribute("title") == "Uvod"
    finally:
        close(context, tab)


def test_video_without_javascript_is_a_link(browser, site):
    context, tab = open_tab(browser, width=1280, javascript=False)
    try:
        tab.goto(site["url"] + "/video/")
        assert not tab.get_by_role("button").filter(has_text="Predvajaj").is_visible()
        link = tab.locator(".video-facade__link a")
        assert link.is_visible()
        assert "Oglejte si videoposnetek na YouTubu" in link.inner_text()
        assert link.get_attribute("href") == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    finally:
        close(context, tab)


def test_no_layout_shift_while_the_page_loads(browser, site):
    """The menu is folded by the stylesheet from the first paint, not by the script after it:
    on a phone-sized screen nothing moves while the home page loads (Lighthouse's CLS)."""
    context, tab = open_tab(browser, width=390)
    try:
        tab.goto(site["url"] + "/", wait_until="load")
        shift = tab.evaluate(
            """() => new Promise(resolve => {
                let total = 0;
                new PerformanceObserver(list => {
                    for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
                }).observe({type: "layout-shift", buffered: true});
                setTimeout(() => resolve(total), 500);
            })"""
        )
        assert shift == 0
        assert tab.locator(".menu-toggle").is_visible()
        assert not tab.locator("#site-nav").is_visible()
    finally:
        close(context, tab)
