"""What the Playwright tests share: Debian's Chromium (`playwright install` cannot download
browsers here), its arguments, the skip when it is missing, and a browser per test module
(the `browser` fixture in tests/conftest.py)."""

import os
from contextlib import contextmanager

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    # No requests of the browser's own (updates, safe browsing) beside the page's.
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

needs_chromium = pytest.mark.skipif(
    not os.path.exists(CHROMIUM), reason="needs Debian's chromium: apt-get install chromium"
)

# The marks of a module whose browser talks to the live server: transactional, so that the
# server's threads see the test's pages; serialized_rollback puts back Wagtail's root page and
# default site for the tests that follow.
LIVE_SERVER_BROWSER = [
    pytest.mark.browser,
    needs_chromium,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in(tab, base_url: str, username: str, password: str) -> None:
    """Sign in to the Wagtail admin in `tab` (a Playwright page), as an editor does."""
    tab.goto(f"{base_url}/admin/login/")
    tab.locator("#id_username").fill(username)
    tab.locator("#id_password").fill(password)
    with tab.expect_navigation():
        tab.locator("form button[type=submit]").click()


@contextmanager
def launched_chromium(args=CHROMIUM_ARGS):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
        try:
            yield browser
        finally:
            browser.close()
