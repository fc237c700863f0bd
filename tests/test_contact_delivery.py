"""Contact messages: stored first, mailed after by the worker, through a real SMTP server on
loopback; retries with backoff while the server is down; never sent twice."""

import io
import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
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
    deliver,
    deliver_submission,
    resend,
    retry_delay,
    store_and_enqueue,
)
from urbact_portal.contact.mail import build_message
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
    assert submission.delivery_state == DeliveryState.PENDING
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
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


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
    assert submission.delivery_state == DeliveryState.PENDING

    before = timezone.now()
    run_mail_worker()
    submission.refresh_from_db()
    assert submission.delivery_state == DeliveryState.PENDING
    assert submission.attempts == 1
    assert "Connection refused" in submission.last_error or "Errno" in submission.last_error
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after >= before + timedelta(seconds=60)  # backoff, not at once
    assert str(retry.id) == submission.task_id
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
    assert submission.delivery_state == DeliveryState.PENDING
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
    assert not DBTaskResult.objects.filter(status="READY").exists()  # no more retries

    # The editor sees it in the list and sends it again once the server works.
    listing = admin_client.get(f"/admin/forms/submissions/{contact_page.pk}/")
    html = listing.content.decode()
    assert "neuspešno" in html
    assert f"/admin/contact/submissions/{submission.pk}/resend/" in html
    smtp_server.start()
    response = admin_client.post(f"/admin/contact/submissions/{submission.pk}/resend/")
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.delivery_state == DeliveryState.PENDING
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
def test_resend_of_a_pending_message_makes_its_scheduled_retry_a_no_op(
    client, contact_page, smtp_server
):
    submit(client)
    run_mail_worker()  # server down: a retry is scheduled
    submission = ContactSubmission.objects.get()
    scheduled = submission.task_id
    smtp_server.start()
    resend(submission.pk)
    run_mail_worker()
    make_retries_due()  # the old retry comes due as well
    run_mail_worker()
    assert len(smtp_server.envelopes) == 1
    old = DBTaskResult.objects.get(id=scheduled)
    assert old.return_value == {"submission": submission.pk, "result": "skipped"}


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
        assert DBTaskResult.objects.count() == 1
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

    # Both, when all goes well, with the task's id on the message.
    submission = store_and_enqueue(contact_page, form)
    task = DBTaskResult.objects.get()
    assert str(task.id) == submission.task_id
    assert task.args_kwargs == {"args": [submission.pk], "kwargs": {}}
    assert task.backend_name == "mail"


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
def test_messages_whose_task_was_lost_are_queued_again(client, contact_page, smtp_server):
    """A worker killed in the middle of an attempt leaves its task "running" for ever: the
    requeue command notices and the message still arrives, once."""
    two_hours_ago = timezone.now() - timedelta(hours=2)
    for _n in range(4):
        submit(client)
    lost, scheduled, recent, sent = ContactSubmission.objects.order_by("pk")
    ContactSubmission.objects.filter(pk__in=[lost.pk, scheduled.pk, sent.pk]).update(
        submit_time=two_hours_ago, last_attempt_at=two_hours_ago
    )
    DBTaskResult.objects.filter(id=lost.task_id).update(status="RUNNING", started_at=two_hours_ago)
    DBTaskResult.objects.filter(id=scheduled.task_id).update(
        run_after=timezone.now() + timedelta(hours=1)
    )
    ContactSubmission.objects.filter(pk=sent.pk).update(delivery_state=DeliveryState.SENT)

    out = io.StringIO()
    call_command("requeue_contact_submissions", stdout=out)
    assert "Queued 1 contact message(s)" in out.getvalue()
    lost.refresh_from_db()
    assert DBTaskResult.objects.get(id=lost.task_id).status == "READY"
    call_command("requeue_contact_submissions", stdout=io.StringIO())  # nothing more
    # Ready: the lost one's new task, the scheduled retry, the recent one's, and the sent
    # one's old task (which will find the message sent and do nothing).
    assert DBTaskResult.objects.filter(status="READY").count() == 4

    smtp_server.start()
    run_mail_worker()
    subjects = [m["Subject"] for m in smtp_server.messages]
    assert len(subjects) == 2  # the lost one and the recent one; the scheduled one waits
    lost.refresh_from_db()
    assert lost.delivery_state == DeliveryState.SENT
