"""Background tasks of the contact form, run by the "mail" task backend's worker:

python manage.py db_worker --backend mail --queue-name '*'
"""

from django_tasks import task

MAIL_BACKEND = "mail"


@task(backend=MAIL_BACKEND, takes_context=True)
def deliver_submission(context, submission_id: int) -> dict:
    """Send one contact submission (see delivery.deliver)."""
    from .delivery import deliver

    return deliver(submission_id, task_id=context.task_result.id)
