"""Editors' accounts: the Slovene groups and workflow after migrate, what each group may do,
lockout after failed sign-ins, two-factor authentication with a TOTP app, and the password
reset by mail - all through the admin's real views, in Slovene."""

import re
import time
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Page, Workflow, WorkflowState

from news.models import NewsPage
from tests import factories

PASSWORD = "dolgo-geslo-za-preizkus-7"
LOGIN = "/admin/login/"


def make_user(username, *, group=None, superuser=False, email=None):
    User = get_user_model()
    email = email or f"{username}@example.si"
    if superuser:
        return User.objects.create_superuser(username, email, PASSWORD)
    user = User.objects.create_user(username, email, PASSWORD)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def sign_in(client, username, password=PASSWORD, address="192.0.2.10"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def code_for(device, offset=0):
    """The code the app shows now (offset in seconds: a later step's code, as the app shows
    it half a minute on)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset
    return f"{totp.token():06d}"


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


# --- groups and workflow -----------------------------------------------------------------


@pytest.mark.django_db
def test_groups_and_workflow_exist_in_slovene_after_migrate():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Uredniki", "Moderatorji"} <= names
    assert not names & {"Editors", "Moderators"}
    workflow = Workflow.objects.get(name="Odobritev moderatorjev")
    task = workflow.tasks.get()
    assert task.name == "Odobritev moderatorjev"
    assert list(task.specific.groups.values_list("name", flat=True)) == ["Moderatorji"]
    root = Page.get_first_root_node()
    assert workflow.workflow_pages.filter(page=root).exists()


@pytest.mark.django_db
def test_an_editor_submits_for_moderation_and_a_moderator_publishes(client, site_tree):
    editor = make_user("urednik", group="Uredniki")
    moderator = make_user("moderatorka", group="Moderatorji")
    news_index = site_tree["news"]
    parent = factories.news_page(news_index, "Obstoječa novica")  # a page to edit

    client.force_login(editor)
    edit = reverse("wagtailadmin_pages:edit", args=[parent.pk])
    form = client.get(edit)
    assert form.status_code == 200
    html = text(form)
    assert "Pošlji: Odobritev moderatorjev" in html
    assert 'name="action-publish"' not in html  # editors cannot publish

    from tests.admin_form_data import page_form_data

    data = page_form_data(client, parent)
    data["title_sl"] = "Popravljena novica"
    data["action-submit"] = "action-submit"
    response = client.post(edit, data)
    assert response.status_code == 302
    parent.refresh_from_db()
    assert parent.title_sl == "Obstoječa novica"  # not published
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(parent.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    data["action-publish"] = "action-publish"
    del data["action-submit"]
    client.post(edit, data)
    parent.refresh_from_db()
    assert parent.title_sl == "Obstoječa novica"  # publishing is refused to an editor

    client.force_login(moderator)
    data = page_form_data(client, parent)
    data["title_sl"] = "Objavljena novica"
    data["action-publish"] = "action-publish"
    assert client.post(edit, data).status_code == 302
    parent.refresh_from_db()
    assert parent.live and parent.title_sl == "Objavljena novica"
    assert isinstance(parent.specific, NewsPage)


@pytest.mark.django_db
def test_editors_reach_images_documents_and_themes_but_not_users(client, home):
    client.force_login(make_user("urednik", group="Uredniki"))
    for url in (
        "/admin/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/snippets/urbact_portal/theme/",
    ):
        assert client.get(url).status_code == 200, url
    assert client.get("/admin/users/").status_code == 302  # no permission: back to the dashboard


# --- lockout -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_five_wrong_passwords_lock_the_user_at_that_address_out(client, settings, home):
    make_user("urednica", group="Uredniki")
    for _attempt in range(4):
        response = sign_in(client, "urednica", "napačno-geslo")
        assert response.status_code == 200
        assert "in geslo se ne ujemata" in text(response)

    response = sign_in(client, "urednica", "napačno-geslo")
    assert response.status_code == 429
    page = text(response)
    assert "Preveč neuspešnih poskusov prijave" in page
    assert "15 minut" in page
    assert 'value="urednica"' in page  # what was typed stays in the form

    # Locked: even the right password does not get in from this address …
    response = sign_in(client, "urednica")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # … but the lock is for this user at this address: another address signs in.
    assert sign_in(client, "urednica", address="198.51.100.7").status_code == 302

    # After the cool-off the first address may try again.
    client.logout()
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert sign_in(client, "urednica").status_code == 302


@pytest.mark.django_db
def test_lockout_uses_the_contact_forms_client_address(client, home):
    """Behind the proxy the address comes from the same helper as the contact rate limit."""
    from urbact_portal.contact import spam

    make_user("urednica", group="Uredniki")
    response = client.post(
        LOGIN,
        {"username": "urednica", "password": "napačno-geslo"},
        REMOTE_ADDR="192.0.2.55",
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    attempt = AccessAttempt.objects.get()
    assert attempt.ip_address == spam.client_ip(response.wsgi_request)
    assert attempt.username == "urednica"


# --- two-factor authentication -----------------------------------------------------------


@pytest.fixture
def no_throttle(settings):
    """django-otp waits longer after each wrong code; the tests type the next one at once."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


@pytest.mark.django_db
def test_setting_up_two_factor_authentication(client, home, no_throttle):
    user = make_user("urednik", group="Uredniki")
    client.force_login(user)

    account = text(client.get("/admin/account/"))
    assert "Dvostopenjska prijava" in account
    page = client.get(reverse("urbact_2fa_setup"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and "otpauth" not in html  # the QR code drawn here, the key inside
    assert 'src="http' not in html
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    # The same device (and QR code) on reload, until it is confirmed.
    client.get(reverse("urbact_2fa_setup"))
    assert TOTPDevice.objects.filter(user=user).count() == 1

    wrong = client.post(reverse("urbact_2fa_setup"), {"token": "123456"})
    assert wrong.status_code == 400
    assert "Koda ni pravilna" in text(wrong)
    assert 'value="123456"' in text(wrong)  # the typed code is still there
    device.refresh_from_db()
    assert not device.confirmed

    right = client.post(reverse("urbact_2fa_setup"), {"token": code_for(device)})
    assert right.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(right["Location"]).status_code == 200


@pytest.mark.django_db
def test_sign_in_asks_for_the_code_and_a_wrong_code_loses_nothing(client, home, no_throttle):
    user = make_user("urednik", group="Uredniki")
    device = TOTPDevice.objects.create(user=user, name="aplikacija", confirmed=True)

    response = sign_in(client, "urednik")
    assert response.status_code == 302
    admin = client.get("/admin/pages/")
    assert admin.status_code == 302
    assert admin["Location"].startswith(reverse("urbact_2fa_verify"))
    assert "next=%2Fadmin%2Fpages%2F" in admin["Location"]

    verify = client.get(admin["Location"])
    assert verify.status_code == 200
    assert "Koda iz aplikacije" in text(verify)

    wrong = client.post(reverse("urbact_2fa_verify"), {"token": "000000", "next": "/admin/pages/"})
    assert wrong.status_code == 400
    page = text(wrong)
    assert "Koda ni pravilna" in page
    assert 'value="000000"' in page and 'value="/admin/pages/"' in page
    assert client.get("/admin/").status_code == 302  # still not in

    right = client.post(
        reverse("urbact_2fa_verify"), {"token": code_for(device), "next": "/admin/pages/"}
    )
    assert right.status_code == 302 and right["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


@pytest.mark.django_db
def test_too_many_wrong_codes_are_throttled_in_slovene(client, home):
    user = make_user("urednik", group="Uredniki")
    device = TOTPDevice.objects.create(user=user, name="aplikacija", confirmed=True)
    sign_in(client, "urednik")
    client.post(reverse("urbact_2fa_verify"), {"token": "000000"})
    response = client.post(reverse("urbact_2fa_verify"), {"token": code_for(device)})
    assert response.status_code == 400
    assert "Preveč napačnih kod zapored" in text(response)


@pytest.mark.django_db
def test_half_signed_in_session_is_a_visitor_on_the_site(client, home):
    user = make_user("urednik", group="Uredniki")
    TOTPDevice.objects.create(user=user, name="aplikacija", confirmed=True)
    sign_in(client, "urednik")
    from django.contrib.auth.models import AnonymousUser

    response = client.get("/")
    assert response.status_code == 200
    assert isinstance(response.wsgi_request.user, AnonymousUser)


@pytest.mark.django_db
def test_superusers_must_set_up_two_factor_when_the_setting_says_so(client, settings, home):
    admin = make_user("skrbnik", superuser=True)
    client.force_login(admin)
    settings.REQUIRE_2FA_FOR_SUPERUSERS = False
    assert client.get("/admin/").status_code == 200

    settings.REQUIRE_2FA_FOR_SUPERUSERS = True
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("urbact_2fa_setup"))
    page = text(client.get(response["Location"]))
    assert "Skrbniški računi morajo" in page

    # An editor is not forced.
    client.force_login(make_user("urednik", group="Uredniki"))
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_switching_two_factor_off_takes_a_current_code(client, home, no_throttle):
    user = make_user("urednik", group="Uredniki")
    device = TOTPDevice.objects.create(user=user, name="aplikacija", confirmed=True)
    sign_in(client, "urednik")
    client.post(reverse("urbact_2fa_verify"), {"token": code_for(device)})
    device.refresh_from_db()

    wrong = client.post(reverse("urbact_2fa_disable"), {"token": "111111"})
    assert wrong.status_code == 400 and "Koda ni pravilna" in text(wrong)
    assert TOTPDevice.objects.filter(user=user).exists()
    # The next step's code (a code is accepted only once).
    off = client.post(reverse("urbact_2fa_disable"), {"token": code_for(device, offset=30)})
    assert off.status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()


# --- password reset ----------------------------------------------------------------------


@pytest.mark.django_db
def test_password_reset_by_mail_in_slovene(client, home):
    make_user("urednica", group="Uredniki", email="urednica@example.si")
    form = client.get("/admin/password_reset/")
    assert form.status_code == 200
    assert "Ponastavi geslo" in text(form)

    response = client.post("/admin/password_reset/", {"email": "urednica@example.si"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["urednica@example.si"]
    assert message.subject == "Ponastavitev gesla"
    assert "Sledite spodnji povezavi za ponastavitev gesla" in message.body
    assert "urednica" in message.body
    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+)", message.body)
    assert link, message.body

    confirm = client.get(link.group(1), follow=True)
    assert confirm.status_code == 200
    new_password = "novo-dolgo-geslo-42"
    done = client.post(
        confirm.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert done.status_code == 302
    assert sign_in(client, "urednica", new_password).status_code == 302
