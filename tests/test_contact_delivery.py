"""Contact messages: stored first, mailed after by the worker, through a real SMTP server on
loopback; claimed before sending, retried with backoff while the server is down, taken over
when an attempt is abandoned; one Message-ID per message, however many copies."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone
from django_tasks.exceptions import InvalidTaskError
from django_tasks_db.models import DBTaskResult

from tests.contact_support import (
    contact_page_fixture,  # noqa: F401
    form_data,
    make_retries_due,
    run_mail_worker,
    smtp_server_fixture,  # noqa: F401
    transactional,
)
from urbact_portal.contact.delivery import (
    claim,
    deliver,
    deliver_submission,
    record,
    resend,
    retry_delay,
    store_and_enqueue,
)
from urbact_portal.contact.mail import build_message, send_submission
from urbact_portal.contact.submissions import ContactSubmission, DeliveryState


def submit(client, url="/kontakt/", **overrides):
    response = client.post(url, form_data(**overrides))
    assert response.status_code == 303, response.content.decode()[:2000]
    return response


@transactional
def test_message_arrives_once_with_recipients_reply_to_subject_and_utf8_body(
    client, contact_page, smtp_server
):
    smtp_server.start()
    submit(client)
    submission = ContactSubmission.objects.get()
    assert submission.delivery_state == DeliveryState.RECEIVED
    assert smtp_server.envelopes == []  # nothing is mailed during the request

    run_mail_worker()
    run_mail_worker()  # a second run finds nothing to do

    assert len(smtp_server.envelopes) == 1
    envelope = smtp_server.envelopes[0]
    assert envelope.rcpt_tos == ["urbact@ipop.si"]
    message = smtp_server.messages[0]
    assert message["To"] == "urbact@ipop.si"
    assert message["Reply-To"].addresses[0].addr_spec == "ziga.cuk@example.si"
    assert message["Reply-To"].addresses[0].display_name == "Žiga Čuk"
    assert message["Subject"].strip() == "[URBACT Slovenija] Vprašanje o šolskih poteh"
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    assert message["Message-ID"] == submission.message_id
    body = message.get_content()
    for text in [
        "Ime in priimek: Žiga Čuk",
        "E-pošta: ziga.cuk@example.si",
        "Organizacija: Mestna občina Škofja Loka",
        "Zadeva: Vprašanje o šolskih poteh",
        "zanima me, kako se prijavimo. Hvala in lep pozdrav, Žiga",
    ]:
        assert text in body

    submission.refresh_from_db()
    assert submission.delivery_state == DeliveryState.SENT
    assert submission.attempts == 1
    assert submission.sent_at is not None
    assert submission.last_error == ""
    assert submission.claim_id is None
    # The attempt's task succeeded; the spare one and the claim's watchdog wait and will find
    # nothing to do.
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 1
    assert DBTaskResult.objects.filter(status="READY").count() == 2
    make_retries_due()
    run_mail_worker()
    assert len(smtp_server.envelopes) == 1


@transactional
def test_several_recipients_and_english_submission(client, contact_page, smtp_server):
    contact_page.to_address = "urbact@ipop.si, tajnistvo@ipop.si"
    contact_page.save_revision().publish()
    smtp_server.start()
    submit(client, url="/en/contact/", subject="Question about the network")
    run_mail_worker()
    assert len(smtp_server.envelopes) == 1
    assert sorted(smtp_server.envelopes[0].rcpt_tos) == ["tajnistvo@ipop.si", "urbact@ipop.si"]
    message = smtp_server.messages[0]
    assert message["Subject"].strip() == "[URBACT Slovenija] Question about the network"
    assert "angleščina" in message.get_content()  # the NUP sees the visitor's language
    assert ContactSubmission.objects.get().language == "en"


@transactional
def test_smtp_down_thank_you_then_retry_delivers_exactly_once(client, contact_page, smtp_server):
    # The mail server is down when the visitor presses "Pošlji".
    response = client.post("/kontakt/", form_data(), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [("/kontakt/?poslano=1", 303)]
    assert "Hvala za vaše sporočilo" in response.content.decode()
    submission = ContactSubmission.objects.get()
    assert submission.delivery_state == DeliveryState.RECEIVED

    before = timezone.now()
    run_mail_worker()
    submission.refresh_from_db()
    assert submission.delivery_state == DeliveryState.RETRYING
    assert submission.attempts == 1
    assert "Connection refused" in submission.last_error or "Errno" in submission.last_error
    assert submission.next_attempt_at >= before + timedelta(seconds=60)  # backoff, not at once
    assert DBTaskResult.objects.filter(
        status="READY", run_after=submission.next_attempt_at
    ).exists()
    run_mail_worker()  # not due yet: nothing happens
    submission.refresh_from_db()
    assert submission.attempts == 1

    # The server is back and the backoff has passed.
    smtp_server.start()
    make_retries_due()
    run_mail_worker()
    assert len(smtp_server.envelopes) == 1
    submission.refresh_from_db()
    assert submission.delivery_state == DeliveryState.SENT
    assert submission.attempts == 2

    # Nothing is sent again: not by the worker, not by a stray task for the same message.
    run_mail_worker()
    deliver_submission.enqueue(submission.pk)
    run_mail_worker()
    assert deliver(submission.pk) == {"submission": submission.pk, "result": "skipped"}
    assert len(smtp_server.envelopes) == 1


@transactional
def test_refused_by_the_server_is_retried(client, contact_page, smtp_server):
    smtp_server.handler.refuse = True
    smtp_server.start()
    submit(client)
    run_mail_worker()
    submission = ContactSubmission.objects.get()
    assert submission.delivery_state == DeliveryState.RETRYING
    assert "451" in submission.last_error
    smtp_server.handler.refuse = False
    make_retries_due()
    run_mail_worker()
    submission.refresh_from_db()
    assert submission.delivery_state == DeliveryState.SENT
    assert len(smtp_server.envelopes) == 1


@transactional
@override_settings(CONTACT_MAX_ATTEMPTS=3)
def test_retry_limit_marks_failed_and_an_editor_resends(
    client, admin_client, contact_page, smtp_server
):
    submit(client)
    for _attempt in range(3):
        make_retries_due()
        run_mail_worker()
    submission = ContactSubmission.objects.get()
    assert submission.delivery_state == DeliveryState.FAILED
    assert submission.attempts == 3
    assert submission.last_error
    make_retries_due()
    run_mail_worker()  # the spare tasks find nothing to do: no more attempts
    submission.refresh_from_db()
    assert submission.attempts == 3
    assert not DBTaskResult.objects.filter(status="READY").exists()

    # The editor sees it in the list and sends it again once the server works.
    listing = admin_client.get(f"/admin/forms/submissions/{contact_page.pk}/")
    html = listing.content.decode()
    assert "neuspešno" in html
    assert f"/admin/contact/submissions/{submission.pk}/resend/" in html
    smtp_server.start()
    response = admin_client.post(f"/admin/contact/submissions/{submission.pk}/resend/")
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.delivery_state == DeliveryState.RETRYING
    assert submission.attempts == 0
    run_mail_worker()
    assert len(smtp_server.envelopes) == 1
    submission.refresh_from_db()
    assert submission.delivery_state == DeliveryState.SENT

    # A sent message cannot be resent.
    response = admin_client.post(f"/admin/contact/submissions/{submission.pk}/resend/")
    assert response.status_code == 302
    assert resend(submission.pk) is None
    run_mail_worker()
    assert len(smtp_server.envelopes) == 1


@transactional
def test_resend_of_a_waiting_message_makes_its_scheduled_retry_a_no_op(
    client, contact_page, smtp_server
):
    submit(client)
    run_mail_worker()  # server down: a retry is scheduled
    submission = ContactSubmission.objects.get()
    scheduled = list(DBTaskResult.objects.filter(status="READY").values_list("id", flat=True))
    smtp_server.start()
    resend(submission.pk)
    run_mail_worker()
    make_retries_due()  # the old retry comes due as well
    run_mail_worker()
    assert len(smtp_server.envelopes) == 1
    old = DBTaskResult.objects.filter(id__in=scheduled)
    assert {task.return_value["result"] for task in old} == {"skipped"}


@transactional
def test_store_and_enqueue_share_one_transaction(contact_page):
    from urbact_portal.contact.forms import ContactFormBuilder

    form_class = ContactFormBuilder(contact_page.get_form_fields()).get_form_class()
    form = form_class(form_data(), page=contact_page)
    assert form.is_valid(), form.errors

    # Rolled back after both writes: neither the message nor its task survives.
    with pytest.raises(RuntimeError), transaction.atomic():
        store_and_enqueue(contact_page, form)
        assert ContactSubmission.objects.count() == 1
        assert DBTaskResult.objects.count() == 2
        raise RuntimeError("the request failed after storing")
    assert ContactSubmission.objects.count() == 0
    assert DBTaskResult.objects.count() == 0

    # Queueing fails: the message is not stored either.
    broken = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "mail": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["elsewhere"]},
    }
    with override_settings(TASKS=broken), pytest.raises(InvalidTaskError):
        store_and_enqueue(contact_page, form)
    assert ContactSubmission.objects.count() == 0
    assert DBTaskResult.objects.count() == 0

    # Both, when all goes well: the attempt now and a spare one a claim's time later.
    submission = store_and_enqueue(contact_page, form)
    tasks = list(DBTaskResult.objects.order_by("run_after"))
    assert [task.args_kwargs for task in tasks] == [{"args": [submission.pk], "kwargs": {}}] * 2
    assert {task.backend_name for task in tasks} == {"mail"}
    assert tasks[1].run_after - tasks[0].run_after == timedelta(seconds=300)


@transactional
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks across connections: PostgreSQL"
)
def test_concurrent_tasks_send_once(client, contact_page):
    """While one attempt holds the row, a second one waits and then finds it sent."""
    submit(client)
    submission = ContactSubmission.objects.get()
    holding = threading.Event()
    release = threading.Event()
    results = {}

    def first():
        try:
            with transaction.atomic():
                locked = ContactSubmission.objects.select_for_update().get(pk=submission.pk)
                holding.set()
                release.wait(10)
                locked.delivery_state = DeliveryState.SENT
                locked.save(update_fields=["delivery_state"])
        finally:
            connection.close()

    def second():
        try:
            results["second"] = deliver(submission.pk)
        finally:
            connection.close()

    one = threading.Thread(target=first)
    one.start()
    assert holding.wait(10)
    two = threading.Thread(target=second)
    two.start()
    two.join(0.5)
    assert two.is_alive()  # blocked by the lock
    release.set()
    one.join(10)
    two.join(10)
    assert results["second"]["result"] == "skipped"
    assert mail.outbox == []


def test_retry_delays_grow_and_stop_at_the_maximum(settings):
    settings.CONTACT_RETRY_BASE_SECONDS = 60
    settings.CONTACT_RETRY_MAX_SECONDS = 3600
    delays = [retry_delay(attempt).total_seconds() for attempt in range(1, 9)]
    assert delays == [60, 120, 240, 480, 960, 1920, 3600, 3600]


@pytest.mark.django_db
def test_header_injection_cannot_reach_the_headers(contact_page):
    """Even data that never passed the form (stored before a change, say) is cleaned."""
    submission = ContactSubmission.objects.create(
        page=contact_page,
        language="sl",
        form_data={
            "name": "Eva\r\nBcc: victim@example.com",
            "email": "eva@example.si\r\nBcc: victim@example.com",
            "subject": "Pozdrav\r\nBcc: victim@example.com\nX-Evil: 1",
            "message": "Vrstica 1\r\nBcc: not-a-header@example.com",
            "consent": True,
        },
    )
    message = build_message(submission, contact_page).message()
    raw = message.as_bytes().decode("utf-8", "replace")
    header_lines = raw.split("\n\n", 1)[0].splitlines()
    assert not [line for line in header_lines if line.lower().startswith(("bcc", "x-evil"))]
    assert message["Bcc"] is None
    assert message["X-Evil"] is None
    assert message["Subject"].startswith("[URBACT Slovenija] Pozdrav Bcc: victim@example.com")
    assert message["Reply-To"] is None  # not a valid address: no Reply-To at all
    assert message["To"] == "urbact@ipop.si"
    assert message["Message-ID"] == submission.message_id


@pytest.mark.django_db
def test_worker_delivery_with_locmem_backend_marks_sent(contact_page):
    submission = ContactSubmission.objects.create(
        page=contact_page, language="sl", form_data={"subject": "Test", "email": "a@b.si"}
    )
    assert deliver(submission.pk)["result"] == "sent"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].reply_to == ["a@b.si"]
    assert deliver(submission.pk)["result"] == "skipped"
    assert len(mail.outbox) == 1


@transactional
def test_an_abandoned_attempt_is_taken_over_when_its_claim_expires(
    client, contact_page, smtp_server
):
    """A worker claims a message and dies before sending: the task queued with the claim
    takes it over once the claim has expired, and the message arrives once."""
    submit(client)
    submission = ContactSubmission.objects.get()
    attempt = claim(submission.pk)  # ...and the worker is killed here
    submission.refresh_from_db()
    assert submission.delivery_state == DeliveryState.SENDING
    assert submission.claim_id == attempt
    assert claim(submission.pk) is None  # a live claim is never taken twice
    smtp_server.start()
    run_mail_worker()  # the claim has not expired: nothing is sent
    assert smtp_server.envelopes == []

    ContactSubmission.objects.filter(pk=submission.pk).update(
        claim_expires_at=timezone.now() - timedelta(seconds=1)
    )
    make_retries_due()
    run_mail_worker()
    assert len(smtp_server.envelopes) == 1
    submission.refresh_from_db()
    assert submission.delivery_state == DeliveryState.SENT
    assert submission.attempts == 2
    # The dead attempt's outcome, should it ever come, changes nothing.
    assert record(submission.pk, attempt, None) == "sent, claim lost"
    assert record(submission.pk, attempt, RuntimeError("late")) == "error, claim lost"
    submission.refresh_from_db()
    assert submission.delivery_state == DeliveryState.SENT and submission.last_error == ""


@transactional
def test_a_crash_after_smtp_accepted_gives_a_copy_with_the_same_message_id(
    client, contact_page, smtp_server
):
    """The one case of a duplicate: the server accepted the message, the worker died before
    writing "sent". The copy carries the same Message-ID, so mail clients show one."""
    submit(client)
    submission = ContactSubmission.objects.get()
    smtp_server.start()
    claim(submission.pk)
    send_submission(submission, contact_page)  # accepted; the worker dies now
    ContactSubmission.objects.filter(pk=submission.pk).update(
        claim_expires_at=timezone.now() - timedelta(seconds=1)
    )
    make_retries_due()
    run_mail_worker()
    ids = [message["Message-ID"] for message in smtp_server.messages]
    assert ids == [submission.message_id] * 2
    submission.refresh_from_db()
    assert submission.delivery_state == DeliveryState.SENT


@transactional
def test_a_message_whose_tasks_never_ran_is_taken_over_by_the_next_task(
    client, contact_page, smtp_server
):
    """Both tasks of a message lost (workers killed between picking them and claiming):
    the next task of any message delivers it as well."""
    submit(client)
    lost = ContactSubmission.objects.get()
    DBTaskResult.objects.update(status="RUNNING", started_at=timezone.now())
    ContactSubmission.objects.filter(pk=lost.pk).update(
        next_attempt_at=timezone.now() - timedelta(minutes=10)
    )
    smtp_server.start()
    submit(client, subject="Drugo sporočilo")
    run_mail_worker()
    assert len(smtp_server.envelopes) == 2
    assert set(ContactSubmission.objects.values_list("delivery_state", flat=True)) == {"sent"}


# --- every valid address ----------------------------------------------------------------------


@transactional
def test_an_internationalised_domain_goes_out_in_idna_form(client, contact_page, smtp_server):
    smtp_server.start()
    submit(client, email="ana@šola.si", name="Ana Šolar")
    run_mail_worker()
    message = smtp_server.messages[0]
    reply_to = message["Reply-To"].addresses[0]
    assert reply_to.addr_spec == "ana@xn--ola-zza.si"
    assert reply_to.display_name == "Ana Šolar"
    assert "E-pošta: ana@šola.si" in message.get_content()
    assert ContactSubmission.objects.get().delivery_state == DeliveryState.SENT


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_non_ascii_local_part_goes_out_with_smtputf8_when_offered(client, contact_page):
    from tests.contact_support import SMTPServer

    server = SMTPServer(smtputf8=True)
    server.start()
    try:
        with server.settings():
            submit(client, email="žiga@primer.si", name="Žiga")
            run_mail_worker()
        envelope = server.envelopes[0]
        assert "SMTPUTF8" in [option.upper() for option in envelope.mail_options]
        headers = envelope.original_content.split(b"\r\n\r\n", 1)[0]
        assert "Reply-To: =?utf-8?b?xb1pZ2E=?= <žiga@primer.si>".encode() in headers
        assert headers.count(b"Message-ID:") == 1
        assert ContactSubmission.objects.get().delivery_state == DeliveryState.SENT
    finally:
        server.stop()


@transactional
def test_a_non_ascii_local_part_without_smtputf8_is_delivered_with_the_address_in_the_body(
    client, contact_page, smtp_server
):
    smtp_server.start()  # aiosmtpd without SMTPUTF8
    submit(client, email="žiga@primer.si")
    run_mail_worker()
    assert len(smtp_server.envelopes) == 1
    assert "SMTPUTF8" not in smtp_server.envelopes[0].mail_options
    message = smtp_server.messages[0]
    assert message["Reply-To"] is None
    body = message.get_content()
    assert "E-pošta: žiga@primer.si" in body
    assert "pišite na žiga@primer.si sami" in body
    assert ContactSubmission.objects.get().delivery_state == DeliveryState.SENT


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("address", "valid"),
    [
        ("ana@šola.si", True),
        ("žiga@primer.si", True),
        ("用户@例子.广告", True),
        ("ziga.cuk+urbact@example.si", True),
        ("nope", False),
        ("a@b", False),
        ("a b@example.si", False),
        ("ana@šola..si", False),
        ("x" * 65 + "@example.si", False),
    ],
)
def test_the_form_accepts_every_valid_address_and_only_those(client, contact_page, address, valid):
    response = client.post("/kontakt/", form_data(email=address))
    assert response.status_code == (303 if valid else 200), address
    assert ContactSubmission.objects.exists() == valid
