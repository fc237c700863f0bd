"""What the Playwright tests share: Debian's Chromium (`playwright install` cannot download
browsers here), its arguments, the skip when it is missing, a browser per test module (the
`browser` fixture in tests/conftest.py), a tab with the suite's time limits, and the waits.

Every wait is on a state - an address, an element, a page that has loaded - never on a fixed
time. The time limit (WAIT_MS) only ends a wait that would never end, so it is generous: on a
loaded 2-core machine the live server takes seconds for an admin page and its scripts."""

import os
import re
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

WAIT_MS = 60_000

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


def new_tab(browser, **options):
    """A new browser context (`options`: locale, viewport, ...) and a tab in it, with the
    suite's time limits."""
    context = browser.new_context(**options)
    tab = context.new_page()
    tab.set_default_timeout(WAIT_MS)
    tab.set_default_navigation_timeout(WAIT_MS)
    return context, tab


def submit(tab, action) -> None:
    """`action()` (a click, Enter) submits a form: wait until the page the server answers
    with has loaded, however long the server takes."""
    with tab.expect_navigation(wait_until="load"):
        action()


def log_in(tab, base_url: str, username: str, password: str) -> None:
    """Sign in to the Wagtail admin in `tab` (a Playwright page), as an editor does, and
    wait for the admin that follows."""
    from playwright.sync_api import expect

    tab.goto(f"{base_url}/admin/login/")
    tab.locator("#id_username").fill(username)
    tab.locator("#id_password").fill(password)
    submit(tab, tab.locator("form button[type=submit]").first.click)
    expect(tab).not_to_have_url(re.compile(r"/admin/login/"))


@contextmanager
def launched_chromium(args=CHROMIUM_ARGS):
    from playwright.sync_api import expect, sync_playwright

    # Assertions that wait for a state (expect) wait as long as any other wait.
    expect.set_options(timeout=WAIT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
        try:
            yield browser
        finally:
            browser.close()
