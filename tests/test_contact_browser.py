"""The contact form in a real browser (Debian's Chromium through Playwright) against the live
test server: a visitor sends a message, and the error flow works with the keyboard alone."""

import os
import re

# Playwright's sync API runs an event loop in this thread; the test's own database calls
# are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest  # noqa: E402
from django.db import connections  # noqa: E402
from django.test import override_settings  # noqa: E402

from tests import factories  # noqa: E402
from tests.browser import launched_chromium, needs_chromium, new_tab, submit  # noqa: E402
from tests.contact_support import transactional  # noqa: E402
from urbact_portal.contact.submissions import ContactSubmission, DeliveryState  # noqa: E402

playwright_api = pytest.importorskip("playwright.sync_api")


pytestmark = [
    pytest.mark.browser,
    needs_chromium,
]


@pytest.fixture
def contact_url(live_server):
    factories.contact_page(factories.ensure_home_page())
    return f"{live_server.url}/kontakt/"


@pytest.fixture
def tab(contact_url):
    """A browser tab. Started after the test database is ready and closed before it is reset:
    Playwright's sync API switches the thread's context, and Django's connections follow it."""
    with launched_chromium() as browser:
        context, page = new_tab(browser, locale="sl-SI")
        try:
            yield page
            # Let the last requests finish: the live server's threads share the database.
            page.wait_for_load_state("networkidle")
        finally:
            context.close()
            connections.close_all()


def focused(tab, attribute="name"):
    return tab.evaluate(f"document.activeElement && document.activeElement.{attribute}")


def tab_to(tab, field_name, limit=60):
    """Press Tab until the field named `field_name` has the focus."""
    for _press in range(limit):
        tab.keyboard.press("Tab")
        if focused(tab) == field_name:
            return
    raise AssertionError(f"Tab never reached {field_name!r}")


@transactional
@override_settings(CONTACT_MIN_FILL_SECONDS=0)
def test_visitor_fills_in_and_sends_the_form(tab, contact_url):
    tab.goto(contact_url)
    tab.get_by_label("Ime in priimek").fill("Žiga Čuk")
    tab.get_by_label("E-pošta").fill("ziga.cuk@example.si")
    tab.get_by_label("Organizacija").fill("Mestna občina Škofja Loka")
    tab.get_by_label("Zadeva").fill("Vprašanje o šolskih poteh")
    tab.get_by_role("textbox", name="Sporočilo").fill("Pozdravljeni, zanima me prijava.")
    tab.get_by_label("Strinjam se").check()
    tab.get_by_role("button", name="Pošlji").click()

    tab.wait_for_url(re.compile(r"/kontakt/\?poslano=1$"))
    tab.wait_for_load_state("networkidle")
    assert tab.get_by_role("heading", level=1).inner_text() == "Hvala za vaše sporočilo"
    submission = ContactSubmission.objects.get()
    assert submission.form_data["name"] == "Žiga Čuk"
    assert submission.delivery_state == DeliveryState.RECEIVED

    tab.reload()  # a reload of the thank-you page sends nothing
    tab.wait_for_load_state("networkidle")
    assert ContactSubmission.objects.count() == 1


@transactional
@override_settings(CONTACT_MIN_FILL_SECONDS=0)
def test_error_flow_with_the_keyboard_alone(tab, contact_url):
    tab.goto(contact_url)

    # The honeypot is out of the tab order and out of the accessibility tree.
    reached = set()
    for _press in range(60):
        tab.keyboard.press("Tab")
        reached.add(focused(tab))
    assert {"name", "email", "organisation", "subject", "message", "consent"} <= reached
    assert "website" not in reached
    assert "Tega polja ne izpolnjujte" not in tab.locator("form.contact-form").aria_snapshot()

    # Name, then a wrong e-mail address, and Enter: the server answers with errors.
    tab.goto(contact_url)
    tab_to(tab, "name")
    tab.keyboard.type("Žiga Čuk")
    tab.keyboard.press("Tab")
    assert focused(tab) == "email"
    tab.keyboard.type("ni-naslov")
    submit(tab, lambda: tab.keyboard.press("Enter"))

    # The focus is on the error summary, which names every error and links to its field.
    assert focused(tab, "id") == "error-summary"
    summary = tab.locator("#error-summary")
    assert "Obrazec ima 4 napake" in summary.inner_text()
    assert tab.title().startswith("Napaka:")
    links = summary.get_by_role("link")
    assert links.count() == 4
    assert links.first.inner_text() == "E-pošta: Vnesite veljaven e-poštni naslov."

    # Its first link takes the keyboard to the e-mail field, which announces its error.
    tab.keyboard.press("Tab")
    assert focused(tab, "getAttribute('href')") == "#id_email"
    tab.keyboard.press("Enter")
    assert focused(tab, "id") == "id_email"
    email = tab.locator("#id_email")
    assert email.get_attribute("aria-invalid") == "true"
    described_by = email.get_attribute("aria-describedby").split()
    assert "id_email_error" in described_by
    assert "Vnesite veljaven e-poštni naslov." in tab.locator("#id_email_error").inner_text()
    assert tab.get_by_role("textbox", name="E-pošta").evaluate(
        "el => el.getAttribute('aria-describedby')"
    )
    assert tab.locator("#id_name").input_value() == "Žiga Čuk"  # input kept

    # Correct it all with the keyboard and send with Enter.
    tab.keyboard.press("Control+A")
    tab.keyboard.type("ziga.cuk@example.si")
    tab_to(tab, "subject")
    tab.keyboard.type("Vprašanje")
    tab.keyboard.press("Tab")
    assert focused(tab) == "message"
    tab.keyboard.type("Pozdravljeni!")
    tab.keyboard.press("Tab")
    assert focused(tab) == "consent"
    tab.keyboard.press("Space")
    tab.keyboard.press("Tab")
    assert focused(tab, "tagName") == "BUTTON"
    submit(tab, lambda: tab.keyboard.press("Enter"))
    tab.wait_for_url(re.compile(r"/kontakt/\?poslano=1$"))
    tab.wait_for_load_state("networkidle")
    assert ContactSubmission.objects.get().form_data["subject"] == "Vprašanje"
