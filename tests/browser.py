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


@contextmanager
def launched_chromium(args=CHROMIUM_ARGS):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
        try:
            yield browser
        finally:
            browser.close()
