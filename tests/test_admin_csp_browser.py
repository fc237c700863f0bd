"""The editor's main screens under the admin's Content-Security-Policy, in a real browser
(Debian's Chromium through Playwright): log in, dashboard, page explorer, edit and save a news
item (rich text in its StreamField body, a date, the image chooser), upload an image. Chromium
reports every blocked script, style, image, frame or connection on the console; none may
appear."""

import os
import re
from io import BytesIO

# Playwright's sync API runs an event loop in this thread; the test's own database calls
# are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest  # noqa: E402
from django.db import connections  # noqa: E402
from PIL import Image as PILImage  # noqa: E402
from wagtail.images.models import Image  # noqa: E402

from tests import factories  # noqa: E402
from tests.browser import launched_chromium, needs_chromium, new_tab, submit  # noqa: E402
from tests.contact_support import transactional  # noqa: E402

playwright_api = pytest.importorskip("playwright.sync_api")

PASSWORD = "varno-geslo-za-test-123"

pytestmark = [
    pytest.mark.browser,
    needs_chromium,
]


@pytest.fixture
def content(live_server, django_user_model):
    home = factories.ensure_home_page()
    news_index = factories.news_index(home)
    news = factories.news_page(
        news_index,
        title="Novica za urejanje",
        body=[("paragraph", "<p>Prvi odstavek.</p>")],
    )
    factories.image("Fotografija z delavnice")
    django_user_model.objects.create_superuser("urednica", "urednica@example.si", PASSWORD)
    return {"url": live_server.url, "news_index": news_index, "news": news}


@pytest.fixture
def browser_tab(content):
    """A browser tab that records every CSP violation and script error it sees."""
    problems = []
    with launched_chromium() as browser:
        context, page = new_tab(browser, locale="sl-SI")
        page.on(
            "console",
            lambda message: (
                problems.append(message.text)
                if message.type == "error"
                and ("Content Security Policy" in message.text or "Refused to" in message.text)
                else None
            ),
        )
        page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
        try:
            yield page, problems
            page.wait_for_load_state("networkidle")
        finally:
            context.close()
            connections.close_all()


def png_bytes():
    buffer = BytesIO()
    PILImage.new("RGB", (640, 400), (200, 60, 40)).save(buffer, "PNG")
    return buffer.getvalue()


@transactional
def test_editor_screens_work_under_the_admin_policy(content, browser_tab):
    tab, problems = browser_tab
    base = content["url"]
    news = content["news"]

    # Log in. The login page itself carries the admin policy.
    response = tab.goto(f"{base}/admin/login/")
    policy = response.headers["content-security-policy"]
    for directive in ("object-src 'none'", "base-uri 'self'", "frame-ancestors 'self'"):
        assert directive in policy
    assert "unsafe-eval" not in policy and "http" not in policy
    tab.locator("#id_username").fill("urednica")
    tab.locator("#id_password").fill(PASSWORD)
    tab.locator("form button[type=submit]").first.click()
    tab.wait_for_url(f"{base}/admin/")
    tab.wait_for_load_state("networkidle")
    assert tab.locator("main").is_visible()

    # The page explorer lists the news item.
    tab.goto(f"{base}/admin/pages/{content['news_index'].pk}/")
    tab.wait_for_load_state("networkidle")
    assert tab.get_by_role("link", name="Novica za urejanje").first.is_visible()

    # Edit: title, rich text in the body, the main image through the chooser; save a draft.
    tab.goto(f"{base}/admin/pages/{news.pk}/edit/")
    tab.wait_for_load_state("networkidle")
    tab.locator("#id_title_sl").fill("Novica, urejena v brskalniku")
    editor = tab.locator(".public-DraftEditor-content").first
    editor.click()
    tab.keyboard.press("End")
    tab.keyboard.type(" Dodano besedilo.")

    tab.get_by_role("button", name=re.compile("Izberi sliko")).first.click()
    modal = tab.locator(".modal-content")
    modal.get_by_text("Fotografija z delavnice").first.click()
    # The chooser shows the chosen image once the modal has closed.
    tab.locator("[data-chooser-title]", has_text="Fotografija z delavnice").first.wait_for()

    # Read the draft once the server has answered the save (the edit page again).
    submit(tab, tab.get_by_role("button", name=re.compile("Shrani osnutek")).click)
    tab.wait_for_load_state("networkidle")
    news.refresh_from_db()
    draft = news.get_latest_revision_as_object()
    assert draft.title == "Novica, urejena v brskalniku"
    assert "Dodano besedilo." in str(draft.body[0].value)
    assert draft.image.title == "Fotografija z delavnice"

    # Upload an image through the multiple-upload screen.
    count = Image.objects.count()
    tab.goto(f"{base}/admin/images/multiple/add/")
    tab.wait_for_load_state("networkidle")
    tab.locator("input[type=file]").set_input_files(
        {"name": "nova-slika.png", "mimeType": "image/png", "buffer": png_bytes()}
    )
    tab.locator(".upload-list .upload-success, .status-msg.success").first.wait_for()
    assert Image.objects.count() == count + 1

    assert problems == []
