"""Stored first, mailed after, never lost.

store_and_enqueue() saves a valid submission ("received") and queues its delivery tasks in
ONE database transaction: the "mail" task backend (django_tasks_db) writes the task rows
through the same connection, so a rollback loses all or nothing. The worker
(`manage.py db_worker --backend mail --queue-name '*'`) then runs deliver(), one attempt:

1. CLAIM, in a transaction of its own that commits before anything is sent: a submission
   that is due (received, or retrying after its backoff, or "sending" under a claim that
   has expired because its worker died) becomes "sending" with a new attempt id and an
   expiry (CONTACT_CLAIM_SECONDS), its attempt counted; in the same transaction a task is
   queued to run when the claim expires, so a worker killed during the attempt leaves a
   task behind that takes the message over. Only one attempt can win a claim (a
   conditional UPDATE).
2. SEND, outside any transaction, with the Message-ID fixed on the submission: every copy
   of one message carries the same Message-ID.
3. RECORD the outcome, only while the claim is still this attempt's: "sent"; or "retrying"
   with the next attempt after an exponential backoff (CONTACT_RETRY_BASE_SECONDS doubling
   up to CONTACT_RETRY_MAX_SECONDS) and its task queued; or "failed" after
   CONTACT_MAX_ATTEMPTS, for an editor to resend. A lost database connection is reopened
   and the outcome written again.

Every task is scheduled with a spare one (at its time plus the claim time), so a worker that
dies between starting a task and committing its claim leaves the message due with a task
still to come; and every task, after its own message, takes over any other message that is
overdue. So a message is never lost. It is sent twice only when a worker dies (or loses the
database for longer than the retries) after the SMTP server accepted it and before the
outcome is written; the copy then carries the same Message-ID."""

import logging
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, InterfaceError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language
from django_tasks import task

from .mail import send_submission
from .submissions import ContactSubmission, DeliveryState

logger = logging.getLogger(__name__)

# The task backend whose worker sends the mail:
# python manage.py db_worker --backend mail --queue-name '*'
MAIL_BACKEND = "mail"

ERROR_MAX_LENGTH = 2000
# How many overdue messages of others one task takes over after its own.
TAKE_OVER_LIMIT = 20
# Writing an outcome survives a database connection lost this many times.
RECORD_TRIES = 5


def claim_time() -> timedelta:
    return timedelta(seconds=max(settings.CONTACT_CLAIM_SECONDS, 1))


def schedule(submission_id: int, when) -> None:
    """Queue an attempt at `when` and a spare one a claim's time later (inside the caller's
    transaction)."""
    deliver_submission.using(run_after=when).enqueue(submission_id)
    deliver_submission.using(run_after=when + claim_time()).enqueue(submission_id)


def store_and_enqueue(page, form, form_token: str | None = None) -> ContactSubmission:
    """Save the submission and queue its delivery, atomically. A `form_token` already used
    raises IntegrityError and stores nothing."""
    now = timezone.now()
    with transaction.atomic():
        submission = ContactSubmission.objects.create(
            page=page,
            form_data=form.submission_data(),
            language=(get_language() or settings.LANGUAGE_CODE)[:8],
            form_token=form_token,
            delivery_state=DeliveryState.RECEIVED,
            next_attempt_at=now,
        )
        schedule(submission.pk, now)
    return submission


def retry_delay(attempts: int) -> timedelta:
    """How long to wait after the `attempts`-th failed attempt."""
    base = max(settings.CONTACT_RETRY_BASE_SECONDS, 0)
    seconds = min(base * 2 ** max(attempts - 1, 0), settings.CONTACT_RETRY_MAX_SECONDS)
    return timedelta(seconds=seconds)


def describe_error(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}".strip()
    return text[:ERROR_MAX_LENGTH]


def due_q(now) -> Q:
    """Submissions an attempt may claim now."""
    waiting = Q(
        delivery_state__in=[DeliveryState.RECEIVED, DeliveryState.RETRYING],
    ) & (Q(next_attempt_at__lte=now) | Q(next_attempt_at__isnull=True))
    abandoned = Q(delivery_state=DeliveryState.SENDING, claim_expires_at__lte=now)
    return waiting | abandoned


def with_reconnect(function, *args):
    """Run `function`, reopening a lost database connection (a restarted or terminated
    backend) and trying again a few times."""
    for tried in range(1, RECORD_TRIES + 1):
        try:
            return function(*args)
        except (DatabaseError, InterfaceError):
            if tried == RECORD_TRIES or connection.in_atomic_block:
                raise
            logger.warning("Database error in contact delivery, trying again", exc_info=True)
            connection.close()
            time.sleep(min(0.5 * tried, 2))
    raise AssertionError("unreachable")  # pragma: no cover


def claim(submission_id: int) -> uuid.UUID | None:
    """Claim the submission for one attempt, committed before anything is sent; None when it
    is not due (sent, failed, claimed by a live attempt, or waiting for its backoff)."""
    now = timezone.now()
    attempt = uuid.uuid4()
    expires = now + claim_time()
    with transaction.atomic():
        claimed = (
            ContactSubmission.objects.filter(pk=submission_id)
            .filter(due_q(now))
            .update(
                delivery_state=DeliveryState.SENDING,
                claim_id=attempt,
                claim_expires_at=expires,
                attempts=F("attempts") + 1,
                last_attempt_at=now,
            )
        )
        if not claimed:
            return None
        # Should this attempt's worker die, this task takes the message over.
        deliver_submission.using(run_after=expires).enqueue(submission_id)
    return attempt


def record(submission_id: int, attempt: uuid.UUID, error: BaseException | None) -> str:
    """Write the attempt's outcome, if the claim is still its own. Returns the result."""
    now = timezone.now()
    mine = ContactSubmission.objects.filter(
        pk=submission_id, delivery_state=DeliveryState.SENDING, claim_id=attempt
    )
    with transaction.atomic():
        if error is None:
            done = mine.update(
                delivery_state=DeliveryState.SENT,
                sent_at=now,
                claim_id=None,
                claim_expires_at=None,
                next_attempt_at=None,
                last_error="",
            )
            return "sent" if done else "sent, claim lost"
        submission = mine.select_for_update().first()
        if submission is None:
            return "error, claim lost"
        submission.last_error = describe_error(error)
        submission.claim_id = None
        submission.claim_expires_at = None
        if submission.attempts >= settings.CONTACT_MAX_ATTEMPTS:
            submission.delivery_state = DeliveryState.FAILED
            submission.next_attempt_at = None
            result = "failed"
            logger.error(
                "Contact message %s not delivered after %s attempts: %s",
                submission.pk,
                submission.attempts,
                submission.last_error,
            )
        else:
            submission.delivery_state = DeliveryState.RETRYING
            submission.next_attempt_at = now + retry_delay(submission.attempts)
            schedule(submission.pk, submission.next_attempt_at)
            result = "retry"
            logger.warning(
                "Contact message %s: attempt %s failed (%s); retrying after %s",
                submission.pk,
                submission.attempts,
                submission.last_error,
                submission.next_attempt_at.isoformat(),
            )
        submission.save(
            update_fields=[
                "last_error",
                "claim_id",
                "claim_expires_at",
                "delivery_state",
                "next_attempt_at",
            ]
        )
    return result


def attempt_delivery(submission_id: int) -> dict:
    """One delivery attempt for one submission: claim, send, record."""
    attempt = with_reconnect(claim, submission_id)
    if attempt is None:
        return {"submission": submission_id, "result": "skipped"}
    error = None
    try:
        submission = ContactSubmission.objects.select_related("page").get(pk=submission_id)
        send_submission(submission, submission.page.specific)
    except Exception as exc:  # SMTP refused or down, DNS, timeouts, bad configuration
        error = exc
    result = with_reconnect(record, submission_id, attempt, error)
    if result == "sent":
        logger.info("Contact message %s sent", submission_id)
    return {"submission": submission_id, "result": result}


def overdue_submissions(exclude: int | None = None) -> list[int]:
    """Messages due for longer than a claim's time: their own tasks did not run (a worker
    died between starting one and claiming)."""
    now = timezone.now()
    overdue = ContactSubmission.objects.filter(due_q(now - claim_time()))
    if exclude is not None:
        overdue = overdue.exclude(pk=exclude)
    return list(overdue.order_by("submit_time").values_list("pk", flat=True)[:TAKE_OVER_LIMIT])


def deliver(submission_id: int) -> dict:
    """A task's work: an attempt for its submission, then for overdue ones of others."""
    outcome = attempt_delivery(submission_id)
    taken_over = [
        pk
        for pk in overdue_submissions(exclude=submission_id)
        if attempt_delivery(pk)["result"] != "skipped"
    ]
    if taken_over:
        outcome["taken_over"] = taken_over
    return outcome


def resend(submission_id: int) -> ContactSubmission | None:
    """Queue a new delivery for a submission that has not been sent (an editor's action).

    A failed submission gets a fresh round of attempts; one waiting for a retry is tried at
    once. One being sent right now is left to that attempt. Returns None when it was sent
    already."""
    now = timezone.now()
    with transaction.atomic():
        submission = ContactSubmission.objects.select_for_update().filter(pk=submission_id).first()
        if submission is None:
            raise ContactSubmission.DoesNotExist(submission_id)
        if submission.delivery_state == DeliveryState.SENT:
            return None
        if submission.delivery_state == DeliveryState.SENDING:
            return submission
        if submission.delivery_state == DeliveryState.FAILED:
            submission.attempts = 0
        submission.delivery_state = DeliveryState.RETRYING
        submission.next_attempt_at = now
        submission.save(update_fields=["attempts", "delivery_state", "next_attempt_at"])
        schedule(submission.pk, now)
    return submission


@task(backend=MAIL_BACKEND)
def deliver_submission(submission_id: int) -> dict:
    """Send one contact submission (see deliver)."""
    return deliver(submission_id)
