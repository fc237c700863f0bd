"""The contact page /kontakt/ (/en/contact/): the form and its fields, spam defences,
validation in both languages, hostile input, CSRF, privacy (notice, retention, export) and
what editors see in the admin. Delivery itself: test_contact_delivery.py."""

import re
import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import GroupPagePermission, Page, Site
from wagtail.test.utils.form_data import querydict_from_html

from tests import factories
from tests.contact_support import contact_page_fixture, form_data  # noqa: F401
from urbact_portal.contact import spam
from urbact_portal.contact.admin_views import csv_safe
from urbact_portal.contact.models import ContactPage
from urbact_portal.contact.retention import months_before
from urbact_portal.contact.submissions import ContactSubmission, DeliveryState
from urbact_portal.models import HomePage, SiteSettings

pytestmark = pytest.mark.django_db


def main_html(response):
    html = response.content.decode()
    return html[html.find("<main") : html.find("</main>")]


def nothing_stored():
    return ContactSubmission.objects.count() == 0 and DBTaskResult.objects.count() == 0


# --- the page and its form ------------------------------------------------------------------


def test_contact_page_has_the_standard_fields_in_both_languages(contact_page):
    fields = list(contact_page.form_fields.all())
    assert [(f.clean_name, f.field_type, f.required) for f in fields] == [
        ("name", "singleline", True),
        ("email", "email", True),
        ("organisation", "singleline", False),
        ("subject", "singleline", True),
        ("message", "multiline", True),
        ("consent", "checkbox", True),
    ]
    assert [f.label_sl for f in fields[:5]] == [
        "Ime in priimek",
        "E-pošta",
        "Organizacija",
        "Zadeva",
        "Sporočilo",
    ]
    assert [f.label_en for f in fields[:5]] == [
        "Full name",
        "E-mail",
        "Organisation",
        "Subject",
        "Message",
    ]
    assert contact_page.recipients == ["urbact@ipop.si"]
    assert contact_page.url_path_sl.endswith("/kontakt/")
    assert contact_page.url_path_en.endswith("/contact/")


def test_contact_page_is_a_singleton_under_home(contact_page):
    home = HomePage.objects.get()
    assert ContactPage.parent_page_types == ["urbact_portal.HomePage"]
    assert ContactPage.subpage_types == []
    assert not ContactPage.can_create_at(home)  # there is one already
    assert ContactPage in HomePage.allowed_subpage_models()


def test_form_in_slovene_with_privacy_notice_and_labelled_fields(client, contact_page):
    privacy = factories.standard_page(
        HomePage.objects.get(), "Varstvo osebnih podatkov", slug="varstvo-osebnih-podatkov"
    )
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.privacy_page = privacy
    site_settings.save()

    response = client.get("/kontakt/")
    assert response.status_code == 200
    html = main_html(response)
    for label in ["Ime in priimek", "E-pošta", "Organizacija", "Zadeva", "Sporočilo"]:
        assert label in html
    assert '<label for="id_name">Ime in priimek <span class="contact-form__required">(obvezno)' in (
        html
    )
    assert 'autocomplete="email"' in html and 'autocomplete="name"' in html
    assert "samo za odgovor na vaše sporočilo in jih po 24 mesecih izbriše" in html
    assert "IPoP – Inštitut za politike prostora" in html
    assert 'href="/varstvo-osebnih-podatkov/"' in html
    # The consent box is described by the privacy notice.
    assert re.search(r'name="consent"[^>]*aria-describedby="contact-privacy"', html)
    assert 'name="csrfmiddlewaretoken"' in html
    assert ">Pošlji</button>" in html


def test_form_in_english(client, contact_page):
    response = client.get("/en/contact/")
    assert response.status_code == 200
    html = main_html(response)
    assert '<html lang="en"' in response.content.decode()
    for label in ["Full name", "E-mail", "Organisation", "Subject", "Message", "(required)"]:
        assert label in html
    assert 'action="/en/contact/"' in html
    assert ">Send</button>" in html


def test_honeypot_is_hidden_from_people_and_the_start_time_is_signed(client, contact_page):
    html = main_html(client.get("/kontakt/"))
    block = re.search(r'<div class="contact-hp"[^>]*>.*?</div>', html, re.S).group(0)
    assert 'aria-hidden="true"' in block
    assert "left:-10000px" in block
    assert 'tabindex="-1"' in block and 'autocomplete="off"' in block
    assert "Tega polja ne izpolnjujte" in block  # a person who meets it knows what to do
    token = re.search(r'name="form_started" value="([^"]+)"', html).group(1)
    assert spam.check_submission({"form_started": token}, now=time.time() + 60) is spam.Verdict.OK


def test_intro_is_shown_and_summarised_as_plain_text(client, contact_page):
    contact_page.intro = "<p>Pišite nam o <b>programu</b> URBACT.</p>"
    contact_page.save_revision().publish()
    html = client.get("/kontakt/").content.decode()
    assert "Pišite nam o <b>programu</b> URBACT." in html
    assert contact_page.get_summary() == "Pišite nam o programu URBACT."
    assert '<meta name="description" content="Pišite nam o programu URBACT.">' in html


def test_query_budget_of_the_form(client, contact_page, django_assert_max_num_queries):
    client.get("/kontakt/")
    with django_assert_max_num_queries(12):
        assert client.get("/kontakt/").status_code == 200


# --- a valid message --------------------------------------------------------------------------


def test_valid_message_is_stored_queued_and_answered_with_a_redirect(client, contact_page):
    response = client.post("/kontakt/", form_data())
    assert response.status_code == 303
    assert response["Location"] == "/kontakt/?poslano=1"
    submission = ContactSubmission.objects.get()
    assert submission.form_data == {
        "name": "Žiga Čuk",
        "email": "ziga.cuk@example.si",
        "organisation": "Mestna občina Škofja Loka",
        "subject": "Vprašanje o šolskih poteh",
        "message": "Pozdravljeni,\nzanima me, kako se prijavimo. Hvala in lep pozdrav, Žiga",
        "consent": True,
    }
    assert submission.delivery_state == DeliveryState.RECEIVED
    assert submission.attempts == 0
    assert submission.language == "sl"
    assert submission.message_id.startswith("<contact.") and submission.message_id.endswith(">")
    # Its attempt now and a spare one, should a worker die before claiming it.
    tasks = DBTaskResult.objects.order_by("run_after")
    assert [task.args_kwargs["args"] for task in tasks] == [[submission.pk]] * 2
    assert {task.status for task in tasks} == {"READY"}

    # The thank-you page; reloading it sends nothing.
    for _reload in range(2):
        thanks = client.get(response["Location"])
        assert thanks.status_code == 200
        assert "Hvala za vaše sporočilo" in main_html(thanks)
        assert '<meta name="robots" content="noindex">' in thanks.content.decode()
    assert ContactSubmission.objects.count() == 1
    assert DBTaskResult.objects.count() == 2


def test_english_message_and_thank_you(client, contact_page):
    contact_page.thank_you_text_en = "<p>Thanks, we will be in touch.</p>"
    contact_page.save_revision().publish()
    response = client.post("/en/contact/", form_data(), follow=True)
    assert response.redirect_chain == [("/en/contact/?poslano=1", 303)]
    assert "Thanks, we will be in touch." in main_html(response)
    assert ContactSubmission.objects.get().language == "en"


def test_optional_organisation_may_stay_empty(client, contact_page):
    assert client.post("/kontakt/", form_data(organisation="")).status_code == 303
    assert ContactSubmission.objects.get().form_data["organisation"] == ""


# --- spam defences ----------------------------------------------------------------------------

CALM = "Sporočilo ni bilo poslano"


def test_honeypot_blocks_delivery_with_a_calm_message(client, contact_page):
    response = client.post("/kontakt/", form_data(website="http://spam.example"))
    assert response.status_code == 200
    html = main_html(response)
    assert CALM in html
    assert "Obrazca, kot je bil poslan, nismo mogli sprejeti" in html
    assert 'href="mailto:urbact@ipop.si"' in html
    assert "Žiga Čuk" in html  # the text is kept for a person who got here by mistake
    assert "http://spam.example" not in html
    assert nothing_stored()


def test_too_fast_submission_is_not_accepted(client, contact_page):
    data = form_data(form_started=spam.issue_token())  # shown just now
    response = client.post("/kontakt/", data)
    assert response.status_code == 200
    html = main_html(response)
    assert CALM in html and "Počakajte nekaj sekund" in html
    assert "Vprašanje o šolskih poteh" in html
    assert nothing_stored()
    # The form it shows carries a new start time: sent a bit later, it is accepted.
    token = re.search(r'name="form_started" value="([^"]+)"', html).group(1)
    assert token != data["form_started"]
    assert spam.check_submission({"form_started": token}, now=time.time() + 5) is spam.Verdict.OK


@pytest.mark.parametrize(
    "token",
    ["", "not-a-token", spam.issue_token()[:-3] + "abc", "x" * 5000],
    ids=["missing", "garbage", "forged", "huge"],
)
def test_missing_or_forged_start_time_is_not_accepted(client, contact_page, token):
    response = client.post("/kontakt/", form_data(form_started=token))
    assert response.status_code == 200
    assert CALM in main_html(response)
    assert nothing_stored()


def test_form_open_for_days_is_not_accepted(client, contact_page):
    old = spam.issue_token(time.time() - 3 * 24 * 3600)
    response = client.post("/kontakt/", form_data(form_started=old))
    assert response.status_code == 200
    assert "odprt zelo dolgo" in main_html(response)
    assert nothing_stored()


@override_settings(CONTACT_MIN_FILL_SECONDS=0)
def test_minimum_fill_time_is_configurable(client, contact_page):
    response = client.post("/kontakt/", form_data(form_started=spam.issue_token()))
    assert response.status_code == 303


@override_settings(CONTACT_RATE_LIMIT=2)
def test_rate_limit_per_address(client, contact_page):
    for _n in range(2):
        assert client.post("/kontakt/", form_data(), REMOTE_ADDR="203.0.113.7").status_code == 303
    blocked = client.post("/kontakt/", form_data(), REMOTE_ADDR="203.0.113.7")
    assert blocked.status_code == 429
    html = main_html(blocked)
    assert CALM in html and "Poskusite znova čez eno uro" in html
    assert "Žiga Čuk" in html
    assert ContactSubmission.objects.count() == 2
    assert DBTaskResult.objects.count() == 4  # each message's attempt and its spare
    # X-Forwarded-For is not trusted by default: it does not get anyone around the limit.
    spoofed = client.post(
        "/kontakt/", form_data(), REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="198.51.100.1"
    )
    assert spoofed.status_code == 429
    # Another address may still write.
    assert client.post("/kontakt/", form_data(), REMOTE_ADDR="198.51.100.2").status_code == 303


@override_settings(CONTACT_RATE_LIMIT=1, TRUSTED_PROXY_COUNT=1)
def test_two_clients_through_one_proxy_get_separate_buckets(client, contact_page):
    """nginx appends the address it saw; REMOTE_ADDR is nginx itself."""
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    first = client.post("/kontakt/", form_data(), HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    assert first.status_code == 303
    other = client.post("/kontakt/", form_data(), HTTP_X_FORWARDED_FOR="198.51.100.9", **proxy)
    assert other.status_code == 303
    again = client.post("/kontakt/", form_data(), HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    assert again.status_code == 429


@override_settings(CONTACT_RATE_LIMIT=1, TRUSTED_PROXY_COUNT=1)
def test_a_forged_forwarded_for_cannot_change_the_bucket(client, contact_page):
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    assert (
        client.post("/kontakt/", form_data(), HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    ).status_code == 303
    # The same client sends its own X-Forwarded-For; nginx appends its real address.
    for forged in ("198.51.100.1, 203.0.113.7", "10.0.0.1, 198.51.100.1, 203.0.113.7"):
        response = client.post("/kontakt/", form_data(), HTTP_X_FORWARDED_FOR=forged, **proxy)
        assert response.status_code == 429, forged
    # A broken or missing header counts against the proxy's own address, never a made-up one.
    assert spam.client_ip(RequestFactory().get("/", HTTP_X_FORWARDED_FOR="<script>")) == (
        "127.0.0.1"
    )
    assert spam.client_ip(RequestFactory().get("/")) == "127.0.0.1"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies_the_second_entry_from_the_right_is_the_client():
    request = RequestFactory().get(
        "/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7, 192.0.2.10", REMOTE_ADDR="10.0.0.2"
    )
    assert spam.client_ip(request) == "203.0.113.7"


def test_the_form_token_is_single_use(client, contact_page):
    data = form_data()
    assert client.post("/kontakt/", data).status_code == 303
    # The same form again (a double click, a reload): thanked, nothing more stored.
    repeated = client.post("/kontakt/", data)
    assert repeated.status_code == 303
    assert ContactSubmission.objects.count() == 1
    # Another message with the same token: not accepted, the text kept.
    replay = client.post("/kontakt/", {**data, "message": "Kupite poceni ure!"})
    assert replay.status_code == 200
    html = replay.content.decode()
    assert "Ta obrazec je sporočilo že poslal" in html, html[html.find("<main") :][:3000]
    assert "Kupite poceni ure!" in html
    assert ContactSubmission.objects.count() == 1
    assert DBTaskResult.objects.count() == 2
    # A freshly shown form works.
    assert client.post("/kontakt/", form_data(message="Drugo vprašanje")).status_code == 303
    assert ContactSubmission.objects.count() == 2


@override_settings(CONTACT_RATE_LIMIT=2)
def test_robots_count_against_the_limit_but_mistakes_do_not(client, contact_page):
    address = {"REMOTE_ADDR": "203.0.113.8"}
    for _n in range(3):  # a person with typos is never blocked
        assert client.post("/kontakt/", form_data(email="nope"), **address).status_code == 200
    client.post("/kontakt/", form_data(website="x"), **address)
    client.post("/kontakt/", form_data(website="x"), **address)
    assert client.post("/kontakt/", form_data(), **address).status_code == 429


def test_ipv6_addresses_share_a_limit_per_64_network(settings):
    settings.CONTACT_RATE_LIMIT = 1
    spam.count_submission("2001:db8:1:2::10")
    assert spam.is_rate_limited("2001:db8:1:2:ffff::1")
    assert not spam.is_rate_limited("2001:db8:1:3::10")


# --- validation -------------------------------------------------------------------------------


def test_validation_errors_in_slovene_tied_to_their_fields(client, contact_page):
    response = client.post(
        "/kontakt/",
        form_data(name="", email="ni-naslov", subject="", message="", consent=None),
    )
    assert response.status_code == 200
    page_html = response.content.decode()
    html = main_html(response)
    assert "<title>Napaka: Kontakt" in page_html
    # The summary at the top takes the focus and links to each field.
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S).group(0)
    assert 'tabindex="-1"' in summary and "autofocus" in summary
    assert "Obrazec ima 5 napak" in summary
    assert '<a href="#id_name">Ime in priimek: Polje je obvezno.</a>' in summary
    assert 'href="#id_email">E-pošta: Vnesite veljaven e-poštni naslov.' in summary
    assert 'href="#id_consent">' in summary
    assert 'href="#id_consent">Označite polje: brez vaše privolitve vam ne moremo' in summary
    # Each field: aria-invalid and aria-describedby pointing at its error message.
    for name in ["name", "email", "subject", "message"]:
        field = re.search(rf'<(?:input|textarea)[^>]*name="{name}"[^>]*>', html).group(0)
        assert 'aria-invalid="true"' in field
        described = re.search(r'aria-describedby="([^"]+)"', field).group(1).split()
        assert f"id_{name}_error" in described
        assert f'id="id_{name}_error"' in html
    consent = re.search(r'<input[^>]*name="consent"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in consent
    assert 'aria-describedby="contact-privacy id_consent_error"' in consent
    # The visitor's input is kept.
    assert 'value="ni-naslov"' in html
    assert 'value="Mestna občina Škofja Loka"' in html
    assert nothing_stored()


def test_validation_errors_in_english(client, contact_page):
    response = client.post("/en/contact/", form_data(email="", consent=None))
    html = main_html(response)
    assert response.status_code == 200
    assert "The form has 2 errors" in html
    assert "E-mail: This field is required." in html
    assert "we cannot answer without your consent" in html
    assert "<title>Error: Contact" in response.content.decode()
    assert nothing_stored()


def test_consent_is_required(client, contact_page):
    response = client.post("/kontakt/", form_data(consent=None))
    assert response.status_code == 200
    assert "Obrazec ima 1 napako" in main_html(response)
    assert nothing_stored()


# --- hostile input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "field, value",
    [
        ("subject", "Pozdrav\r\nBcc: victim@example.com"),
        ("subject", "Pozdrav\nBcc: victim@example.com"),
        ("name", "Eva\r\nBcc: victim@example.com"),
        ("email", "eva@example.si\r\nBcc: victim@example.com"),
        ("email", "eva@example.si\nBcc:victim@example.com"),
        ("organisation", "IPoP\u2028Bcc: victim@example.com"),
    ],
)
def test_line_breaks_in_single_line_fields_are_rejected(client, contact_page, field, value):
    response = client.post("/kontakt/", form_data(**{field: value}))
    assert response.status_code == 200
    assert f'href="#id_{field}"' in main_html(response)
    assert nothing_stored()


def test_a_megabyte_message_is_refused_politely(client, contact_page):
    response = client.post("/kontakt/", form_data(message="č" * 1_000_000))
    assert response.status_code == 200
    assert "največ 5000 znakov" in main_html(response)
    assert nothing_stored()


@pytest.mark.parametrize(
    "field", ["name", "email", "organisation", "subject", "message", "form_started"]
)
def test_overlong_values_never_cause_an_error(client, contact_page, field):
    response = client.post("/kontakt/", form_data(**{field: "a" * 100_000}))
    assert response.status_code == 200
    assert nothing_stored()


def test_html_and_script_in_every_field_is_stored_and_shown_inert(
    client, admin_client, contact_page
):
    script = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    data = form_data(
        name=script[:100],
        organisation=script,
        subject=script,
        message=script * 10,
    )
    assert client.post("/kontakt/", data).status_code == 303
    submission = ContactSubmission.objects.get()
    assert submission.form_data["subject"] == script  # kept as the visitor typed it

    # Shown back (after a validation error) and in the admin only as text.
    page = client.post("/kontakt/", dict(data, email="x"))
    assert "<script>alert" not in page.content.decode()
    assert "&lt;script&gt;alert" in page.content.decode()
    listing = admin_client.get(f"/admin/forms/submissions/{contact_page.pk}/")
    assert listing.status_code == 200
    assert "<script>alert" not in listing.content.decode()
    assert "&lt;script&gt;alert" in listing.content.decode()


def test_strange_requests_get_a_page_not_an_error(client, contact_page):
    assert client.post("/kontakt/", {}).status_code == 200
    assert client.post("/kontakt/", {"name": ["a", "b"], "consent": "maybe"}).status_code == 200
    assert client.get("/kontakt/?poslano=abc").status_code == 200
    assert client.get("/kontakt/?poslano=1&x=%00").status_code == 200
    multi = client.post("/kontakt/", "name=a&name=b&website=&website=x", content_type="text/plain")
    assert multi.status_code == 200
    assert nothing_stored()


def test_csrf_is_enforced(contact_page):
    browser = Client(enforce_csrf_checks=True)
    refused = browser.post("/kontakt/", form_data())
    assert refused.status_code == 403
    assert "Obrazca ni bilo mogoče poslati" in refused.content.decode()  # calm, in Slovene
    english = browser.post("/en/contact/", form_data())
    assert english.status_code == 403
    assert "The form could not be sent" in english.content.decode()
    assert nothing_stored()
    html = browser.get("/kontakt/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    response = browser.post("/kontakt/", form_data(csrfmiddlewaretoken=token))
    assert response.status_code == 303
    assert ContactSubmission.objects.count() == 1


# --- privacy: retention and export ------------------------------------------------------------


def make_submission(page, age_days=0, **data):
    submission = ContactSubmission.objects.create(
        page=page, language="sl", form_data={"name": "Ana", "subject": "Pozdrav", **data}
    )
    if age_days:
        ContactSubmission.objects.filter(pk=submission.pk).update(
            submit_time=timezone.now() - timedelta(days=age_days)
        )
    return submission


def test_retention_command_deletes_only_old_messages(contact_page):
    old = make_submission(contact_page, age_days=2 * 365 + 30)
    recent = make_submission(contact_page, age_days=2 * 365 - 30)
    new = make_submission(contact_page)

    call_command("purge_contact_submissions", "--dry-run", stdout=None)
    assert ContactSubmission.objects.count() == 3

    call_command("purge_contact_submissions")
    assert set(ContactSubmission.objects.values_list("pk", flat=True)) == {recent.pk, new.pk}
    assert not ContactSubmission.objects.filter(pk=old.pk).exists()

    with override_settings(CONTACT_RETENTION_MONTHS=1):
        call_command("purge_contact_submissions")
    assert list(ContactSubmission.objects.values_list("pk", flat=True)) == [new.pk]


def test_retention_months_are_calendar_months():
    moment = timezone.now().replace(year=2026, month=3, day=31, hour=12)
    assert months_before(moment, 1).date().isoformat() == "2026-02-28"
    assert months_before(moment, 24).date().isoformat() == "2024-03-31"
    assert months_before(moment.replace(month=1, day=15), 1).date().isoformat() == "2025-12-15"


def test_csv_export_from_the_admin(admin_client, contact_page):
    make_submission(
        contact_page,
        email="ana@example.si",
        message="Šumniki: č, š, ž",
        organisation='=HYPERLINK("http://evil.example","klik")',
    )
    url = reverse("wagtailforms:list_submissions", args=[contact_page.pk])
    response = admin_client.get(url, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 with a BOM
    text = body.decode("utf-8-sig")
    header = text.splitlines()[0]
    for heading in ["Ime in priimek", "E-pošta", "Sporočilo", "Dostava", "Poskusi", "Message-ID"]:
        assert heading in header
    assert "Šumniki: č, š, ž" in text
    assert "ana@example.si" in text
    assert "prejeto" in text
    assert "'=HYPERLINK" in text
    assert ",=HYPERLINK" not in text and '"=HYPERLINK' not in text


def test_csv_cells_that_look_like_formulas_are_neutralised():
    for value in ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", " =1"]:
        assert csv_safe(value).startswith("'")
    assert csv_safe("Ljubljana") == "Ljubljana"
    assert csv_safe(5) == 5


def test_csv_export_needs_a_login(client, contact_page):
    make_submission(contact_page)
    url = reverse("wagtailforms:list_submissions", args=[contact_page.pk])
    response = client.get(url, {"export": "csv"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


# --- editors ----------------------------------------------------------------------------------


def test_submissions_list_shows_delivery_state_and_resend_only_when_not_sent(
    admin_client, contact_page
):
    pending = make_submission(contact_page, subject="Čaka na pošiljanje")
    sent = make_submission(contact_page, subject="Že poslano")
    ContactSubmission.objects.filter(pk=sent.pk).update(
        delivery_state=DeliveryState.SENT, sent_at=timezone.now(), attempts=1
    )
    failed = make_submission(contact_page, subject="Ni šlo")
    ContactSubmission.objects.filter(pk=failed.pk).update(
        delivery_state=DeliveryState.FAILED, attempts=12, last_error="SMTPServerDisconnected: x"
    )
    response = admin_client.get(reverse("wagtailforms:list_submissions", args=[contact_page.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    for text in [
        "prejeto",
        "poslano",
        "neuspešno",
        "Poskusi",
        "SMTPServerDisconnected: x",
        "Pošlji znova",
        "Message-ID",
        pending.message_id.strip("<>"),
    ]:
        assert text in html, text
    assert f"/admin/contact/submissions/{pending.pk}/resend/" in html
    assert f"/admin/contact/submissions/{failed.pk}/resend/" in html
    assert f"/admin/contact/submissions/{sent.pk}/resend/" not in html


def test_resend_needs_post_csrf_and_permission(contact_page, django_user_model):
    failed = make_submission(contact_page)
    ContactSubmission.objects.filter(pk=failed.pk).update(delivery_state=DeliveryState.FAILED)
    url = reverse("urbact_contact_resend", args=[failed.pk])

    # An editor without rights on the contact page.
    outsider = django_user_model.objects.create_user("outsider", password="x")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    browser = Client()
    browser.force_login(outsider)
    refused = browser.post(url)  # Wagtail answers "no permission" with a way back home
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert not DBTaskResult.objects.exists()

    # An editor of the contact page: GET is not allowed, POST without CSRF token neither.
    editors = Group.objects.create(name="Kontakt")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=editors, page=Page.objects.get(pk=contact_page.pk), permission_type="change"
    )
    editor = django_user_model.objects.create_user("urednica", password="x")
    editor.groups.add(editors)
    careful = Client(enforce_csrf_checks=True)
    careful.force_login(editor)
    assert careful.get(url).status_code == 405
    assert careful.post(url).status_code == 403
    failed.refresh_from_db()
    assert failed.delivery_state == DeliveryState.FAILED

    listing = careful.get(reverse("wagtailforms:list_submissions", args=[contact_page.pk]))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', listing.content.decode())
    response = careful.post(url, {"csrfmiddlewaretoken": token.group(1)})
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.delivery_state == DeliveryState.RETRYING
    assert DBTaskResult.objects.filter(status="READY").exists()

    missing = careful.post(
        reverse("urbact_contact_resend", args=[999999]),
        {"csrfmiddlewaretoken": token.group(1)},
    )
    assert missing.status_code == 404


def test_dashboard_counts_new_waiting_and_failed_messages(admin_client, contact_page):
    make_submission(contact_page)
    make_submission(contact_page, age_days=30)
    failed = make_submission(contact_page)
    ContactSubmission.objects.filter(pk=failed.pk).update(delivery_state=DeliveryState.FAILED)
    html = admin_client.get("/admin/").content.decode()
    assert "Kontaktni obrazec" in html
    assert "Sporočila v zadnjih 7 dneh: 2" in html
    assert "Čakajo na pošiljanje: 2" in html
    assert "Ni bilo mogoče dostaviti: 1" in html
    assert reverse("wagtailforms:list_submissions", args=[contact_page.pk]) in html


def test_editors_without_the_contact_page_see_no_panel(contact_page, django_user_model):
    user = django_user_model.objects.create_user("nekdo", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    browser = Client()
    browser.force_login(user)
    response = browser.get("/admin/")
    assert response.status_code == 200
    assert "Kontaktni obrazec" not in response.content.decode()


def test_admin_creates_a_contact_page_without_fields_and_gets_the_standard_ones(admin_client):
    home = factories.ensure_home_page()
    url = reverse("wagtailadmin_pages:add", args=["contact", "contactpage", home.pk])
    html = admin_client.get(url).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    data["title_sl"] = "Kontakt"
    data["slug_sl"] = "kontakt"
    data["title_en"] = "Contact"
    data["slug_en"] = "contact"
    data["to_address"] = "urbact@ipop.si, info@ipop.si"
    data["action-publish"] = "action-publish"
    assert data["form_fields-TOTAL_FORMS"] == "0"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ContactPage.objects.get()
    assert page.live
    assert page.recipients == ["urbact@ipop.si", "info@ipop.si"]
    assert [f.clean_name for f in page.form_fields.all()] == [
        "name",
        "email",
        "organisation",
        "subject",
        "message",
        "consent",
    ]
    assert factories.ensure_home_page().specific.get_children().type(ContactPage).count() == 1


def test_editor_changes_labels_and_recipient_in_the_admin(admin_client, contact_page):
    url = reverse("wagtailadmin_pages:edit", args=[contact_page.pk])
    html = admin_client.get(url).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    assert data["form_fields-TOTAL_FORMS"] == "6"
    assert data["form_fields-0-label_sl"] == "Ime in priimek"
    data["form_fields-0-label_sl"] = "Vaše ime"
    data["form_fields-0-label_en"] = "Your name"
    data["form_fields-3-help_text_sl"] = "Na kratko, o čem pišete."
    data["to_address"] = "tajnistvo@ipop.si"
    data["action-publish"] = "action-publish"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    contact_page.refresh_from_db()
    assert contact_page.to_address == "tajnistvo@ipop.si"
    field = contact_page.form_fields.get(clean_name="name")
    assert (field.label_sl, field.label_en) == ("Vaše ime", "Your name")
    client = Client()
    assert "Vaše ime" in main_html(client.get("/kontakt/"))
    assert "Na kratko, o čem pišete." in main_html(client.get("/kontakt/"))
    assert "Your name" in main_html(client.get("/en/contact/"))

    data["to_address"] = "ni-naslov"
    response = admin_client.post(url, data)
    assert response.status_code == 200  # the edit form again, with the error
    contact_page.refresh_from_db()
    assert contact_page.to_address == "tajnistvo@ipop.si"


@pytest.mark.parametrize("mode", ["form", "landing", "en:form", "en:landing"])
def test_previews_of_form_and_thank_you_page_in_both_languages(admin_client, contact_page, mode):
    assert [name for name, _label in contact_page.preview_modes] == [
        "form",
        "landing",
        "en:form",
        "en:landing",
    ]
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[contact_page.pk])
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[contact_page.pk]))
    data = querydict_from_html(html.content.decode(), form_id="page-edit-form")
    assert admin_client.post(url, data).json()["is_valid"] is True
    response = admin_client.get(url, {"mode": mode})
    assert response.status_code == 200
    content = response.content.decode()
    expected = {
        "form": "Ime in priimek",
        "landing": "Hvala za vaše sporočilo",
        "en:form": "Full name",
        "en:landing": "Thank you for your message",
    }[mode]
    assert expected in content


def test_editors_delete_messages_in_the_admin(admin_client, contact_page):
    """Erasure on request: Wagtail's delete action works on contact messages."""
    keep = make_submission(contact_page)
    erase = make_submission(contact_page)
    url = reverse("wagtailforms:delete_submissions", args=[contact_page.pk])
    response = admin_client.post(f"{url}?selected-submissions={erase.pk}")
    assert response.status_code == 302
    assert list(ContactSubmission.objects.values_list("pk", flat=True)) == [keep.pk]
