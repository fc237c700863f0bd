"""Stored first, mailed after.

store_and_enqueue() saves a valid submission and queues its delivery task in ONE database
transaction: the "mail" task backend (django_tasks_db) writes the task row through the same
connection, so a rollback loses both or neither. The worker
(`manage.py db_worker --backend mail --queue-name '*'`) then runs deliver():

- the submission row is claimed and locked for the whole attempt, and only a pending
  submission whose current task is this one is sent, so a second task for the same
  submission does nothing and a message is never sent twice;
- it is marked sent in the same transaction, right after the SMTP server accepted it;
- when sending fails, the error and the attempt are recorded and a retry is queued with
  exponential backoff (CONTACT_RETRY_BASE_SECONDS doubling up to CONTACT_RETRY_MAX_SECONDS),
  until CONTACT_MAX_ATTEMPTS attempts leave it "failed" for an editor to resend."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language
from django_tasks import task

from .mail import build_message
from .submissions import ContactSubmission, DeliveryState

logger = logging.getLogger(__name__)

# The task backend whose worker sends the mail:
# python manage.py db_worker --backend mail --queue-name '*'
MAIL_BACKEND = "mail"

ERROR_MAX_LENGTH = 2000


def store_and_enqueue(page, form, form_token: str | None = None) -> ContactSubmission:
    """Save the submission and queue its delivery, atomically. A `form_token` already used
    raises IntegrityError and stores nothing."""
    with transaction.atomic():
        submission = ContactSubmission.objects.create(
            page=page,
            form_data=form.submission_data(),
            language=(get_language() or settings.LANGUAGE_CODE)[:8],
            form_token=form_token,
        )
        result = deliver_submission.enqueue(submission.pk)
        submission.task_id = str(result.id)
        submission.save(update_fields=["task_id"])
    return submission


def retry_delay(attempts: int) -> timedelta:
    """How long to wait after the `attempts`-th failed attempt."""
    base = max(settings.CONTACT_RETRY_BASE_SECONDS, 0)
    seconds = min(base * 2 ** max(attempts - 1, 0), settings.CONTACT_RETRY_MAX_SECONDS)
    return timedelta(seconds=seconds)


def describe_error(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}".strip()
    return text[:ERROR_MAX_LENGTH]


def deliver(submission_id: int, task_id: str | None = None) -> dict:
    """One delivery attempt. Returns what happened, for the task's result."""
    now = timezone.now()
    with transaction.atomic():
        # Claim the attempt with a conditional UPDATE first: on PostgreSQL it locks the row
        # (a concurrent task waits here, then finds the submission no longer pending), on
        # SQLite it takes the write lock before anything is read.
        claim = ContactSubmission.objects.filter(
            pk=submission_id, delivery_state=DeliveryState.PENDING
        )
        if task_id is not None:
            claim = claim.filter(task_id=str(task_id))
        if not claim.update(attempts=F("attempts") + 1, last_attempt_at=now):
            return {"submission": submission_id, "result": "skipped"}
        submission = (
            ContactSubmission.objects.select_for_update()
            .select_related("page")
            .get(pk=submission_id)
        )
        if submission.delivery_state != DeliveryState.PENDING:  # pragma: no cover - locked above
            return {"submission": submission_id, "result": "skipped"}

        try:
            page = submission.page.specific
            build_message(submission, page).send(fail_silently=False)
        except Exception as exc:  # SMTP refused or down, DNS, timeouts, bad configuration
            submission.last_error = describe_error(exc)
            if submission.attempts >= settings.CONTACT_MAX_ATTEMPTS:
                submission.delivery_state = DeliveryState.FAILED
                submission.task_id = ""
                result = "failed"
                logger.error(
                    "Contact message %s not delivered after %s attempts: %s",
                    submission.pk,
                    submission.attempts,
                    submission.last_error,
                )
            else:
                run_after = timezone.now() + retry_delay(submission.attempts)
                retry = deliver_submission.using(run_after=run_after).enqueue(submission.pk)
                submission.task_id = str(retry.id)
                result = "retry"
                logger.warning(
                    "Contact message %s: attempt %s failed (%s); retrying after %s",
                    submission.pk,
                    submission.attempts,
                    submission.last_error,
                    run_after.isoformat(),
                )
            submission.save(update_fields=["last_error", "delivery_state", "task_id"])
            return {"submission": submission.pk, "result": result, "attempts": submission.attempts}

        submission.delivery_state = DeliveryState.SENT
        submission.sent_at = timezone.now()
        submission.task_id = ""
        submission.save(update_fields=["delivery_state", "sent_at", "task_id"])
    logger.info("Contact message %s sent", submission_id)
    return {"submission": submission_id, "result": "sent", "attempts": submission.attempts}


def resend(submission_id: int) -> ContactSubmission | None:
    """Queue a new delivery for a submission that has not been sent (an editor's action).

    A failed submission gets a fresh round of attempts; a pending one is tried at once and
    its scheduled retry becomes a no-op. Returns None when it was sent already."""
    with transaction.atomic():
        # Write first, as deliver() does: wait for a running attempt to finish (PostgreSQL's
        # row lock, SQLite's write lock) and then see whether it has sent the message.
        unsent = ContactSubmission.objects.filter(pk=submission_id).exclude(
            delivery_state=DeliveryState.SENT
        )
        if not unsent.update(task_id=F("task_id")):
            if not ContactSubmission.objects.filter(pk=submission_id).exists():
                raise ContactSubmission.DoesNotExist(submission_id)
            return None
        submission = ContactSubmission.objects.select_for_update().get(pk=submission_id)
        if submission.delivery_state == DeliveryState.FAILED:
            submission.attempts = 0
        submission.delivery_state = DeliveryState.PENDING
        result = deliver_submission.enqueue(submission.pk)
        submission.task_id = str(result.id)
        submission.save(update_fields=["attempts", "delivery_state", "task_id"])
    return submission


def stale_submissions(older_than: timedelta):
    """Pending messages nobody is working on: their current task is missing, has failed or
    has been running for longer than `older_than` (a worker killed in the middle of it), and
    nothing happened to them for that long either."""
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - older_than
    candidates = list(
        ContactSubmission.objects.filter(delivery_state=DeliveryState.PENDING).filter(
            Q(last_attempt_at__lt=cutoff) | Q(last_attempt_at__isnull=True, submit_time__lt=cutoff)
        )
    )
    alive = DBTaskResult.objects.filter(
        Q(status="READY") | Q(status="RUNNING", started_at__gte=cutoff),
        id__in=[submission.task_id for submission in candidates if submission.task_id],
    )
    waiting = {str(task_id) for task_id in alive.values_list("id", flat=True)}
    return [submission for submission in candidates if submission.task_id not in waiting]


def requeue_stale(older_than: timedelta) -> list[int]:
    """Give every stale pending message a new delivery task; returns their ids."""
    requeued = []
    for submission in stale_submissions(older_than):
        if resend(submission.pk) is not None:
            requeued.append(submission.pk)
            logger.warning(
                "Contact message %s had no live delivery task: queued again", submission.pk
            )
    return requeued


@task(backend=MAIL_BACKEND, takes_context=True)
def deliver_submission(context, submission_id: int) -> dict:
    """Send one contact submission (see deliver)."""
    return deliver(submission_id, task_id=context.task_result.id)
