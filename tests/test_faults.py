"""Faults, with real processes on PostgreSQL: the mail worker is `manage.py db_worker` in a
process of its own, the SMTP server is aiosmtpd on loopback, Redis is a redis-server of the
test's own. The SMTP server refuses and then accepts; the worker is killed with SIGKILL in
the middle of the DATA phase; its database connection is terminated; Redis stops while
visitors read pages and write. Each ends with every message delivered, each Message-ID at
least once, and no 5xx. Select them with `pytest -m faults`."""

import asyncio
import re
import threading
import time

import pytest
from django.db import connection

from tests.contact_support import (
    SMTPServer,
    contact_page_fixture,  # noqa: F401
    form_data,
)
from tests.processes import (
    MailWorker,
    RedisServer,
    SiteServer,
    current_database_url,
    site_environ,
    wait_until,
)
from urbact_portal.contact.submissions import ContactSubmission, DeliveryState

pytestmark = [
    pytest.mark.faults,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FAST_RETRIES = {
    "CONTACT_RETRY_BASE_SECONDS": 1,
    "CONTACT_RETRY_MAX_SECONDS": 2,
    "CONTACT_CLAIM_SECONDS": 3,
    "CONTACT_MAX_ATTEMPTS": 50,
}


class StallingHandler:
    """Accepts every message; with `stall` set, the next message's DATA is held (the server
    has the message and has not answered yet) until `release` is set."""

    def __init__(self):
        self.envelopes = []
        self.refuse = False
        self.stall = False
        self.stalled = threading.Event()
        self.release = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return "451 4.3.0 Try again later"
        self.envelopes.append(envelope)  # a real MTA has queued it by now
        if self.stall:
            self.stall = False
            self.stalled.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
        return "250 Message accepted"


@pytest.fixture(name="smtp")
def smtp_fixture():
    server = SMTPServer()
    server.handler = StallingHandler()
    server.start()
    yield server
    server.handler.release.set()
    server.stop()


def worker_for(smtp, tmp_path, **extra):
    environ = site_environ(
        current_database_url(),
        EMAIL_URL=f"smtp://127.0.0.1:{smtp.port}/?timeout=10",
        **FAST_RETRIES,
        **extra,
    )
    return MailWorker(environ, tmp_path / "worker.log")


def message_ids(smtp) -> list[str]:
    ids = []
    for message in smtp.messages:
        ids.append(message["Message-ID"])
    return ids


def assert_all_delivered(smtp, timeout=40):
    def done():
        states = set(ContactSubmission.objects.values_list("delivery_state", flat=True))
        return states == {DeliveryState.SENT}

    wait_until(done, timeout, interval=0.2, message="not every message was sent")
    delivered = set(message_ids(smtp))
    expected = set(ContactSubmission.objects.values_list("message_id", flat=True))
    assert expected <= delivered  # each Message-ID at least once
    return expected


def submit_all(client, count):
    for n in range(count):
        response = client.post("/kontakt/", form_data(subject=f"Sporočilo {n}"))
        assert response.status_code == 303


def test_smtp_refusing_then_accepting(client, contact_page, smtp, tmp_path):
    smtp.handler.refuse = True
    submit_all(client, 3)
    worker = worker_for(smtp, tmp_path)
    worker.start()
    try:
        wait_until(
            lambda: ContactSubmission.objects.filter(attempts__gte=2).count() == 3,
            40,
            message="the refused messages were not retried",
        )
        assert set(ContactSubmission.objects.values_list("delivery_state", flat=True)) <= {
            DeliveryState.RETRYING,
            DeliveryState.SENDING,
        }
        assert smtp.envelopes == []
        smtp.handler.refuse = False
        expected = assert_all_delivered(smtp)
        assert sorted(message_ids(smtp)) == sorted(expected)  # nothing twice
    finally:
        worker.stop()


def test_worker_killed_during_data(client, contact_page, smtp, tmp_path):
    smtp.handler.stall = True
    submit_all(client, 3)
    worker = worker_for(smtp, tmp_path)
    worker.start()
    try:
        assert smtp.handler.stalled.wait(40), worker.log()[-3000:]
        worker.kill()  # SIGKILL in the middle of the DATA phase
        smtp.handler.release.set()
        stuck = ContactSubmission.objects.get(delivery_state=DeliveryState.SENDING)
        # A supervisor starts the worker again; the claim expires and is taken over.
        worker = worker_for(smtp, tmp_path)
        worker.start()
        assert_all_delivered(smtp)
        copies = [mid for mid in message_ids(smtp) if mid == stuck.message_id]
        assert 1 <= len(copies) <= 2  # a copy after a crash carries the same Message-ID
        stuck.refresh_from_db()
        assert stuck.attempts == 2
    finally:
        worker.stop()


def test_database_connection_terminated_during_data(client, contact_page, smtp, tmp_path):
    smtp.handler.stall = True
    submit_all(client, 2)
    worker = worker_for(smtp, tmp_path)
    worker.start()
    try:
        assert smtp.handler.stalled.wait(40), worker.log()[-3000:]
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            assert cursor.fetchall()  # the worker's connection was there, and is gone
        smtp.handler.release.set()
        expected = assert_all_delivered(smtp)
        # The worker reconnected to record the outcome: nothing was sent twice.
        assert sorted(message_ids(smtp)) == sorted(expected)
        assert worker.alive()
    finally:
        worker.stop()


def test_redis_stopped_while_visitors_read_and_write(contact_page, smtp, tmp_path):
    from tests import factories

    factories.news_index(factories.ensure_home_page())
    redis = RedisServer(tmp_path)
    redis.start()
    environ = site_environ(
        current_database_url(),
        REDIS_URL=redis.url,
        EMAIL_URL=f"smtp://127.0.0.1:{smtp.port}",
        CONTACT_MIN_FILL_SECONDS=0,
        CONTACT_RATE_LIMIT=1000,
        **FAST_RETRIES,
    )
    site = SiteServer(environ, tmp_path / "site.log")
    worker = MailWorker(environ, tmp_path / "worker.log")
    statuses = []
    sent = []
    stop = threading.Event()

    def visitor():
        n = 0
        while not stop.is_set():
            for path in ("/", "/novice/", "/en/", "/kontakt/"):
                statuses.append((path, site.get(path).status))
            form = site.get("/kontakt/").text
            fields = {
                name: re.search(rf'name="{name}" value="([^"]*)"', form).group(1)
                for name in ("csrfmiddlewaretoken", "form_started")
            }
            data = form_data(subject=f"Obisk {n}", **fields)
            response = site.request("/kontakt/", method="POST", data=data)
            statuses.append(("POST /kontakt/", response.status))
            if response.status == 303:
                sent.append(n)
            n += 1

    try:
        site.start()
        worker.start()
        thread = threading.Thread(target=visitor)
        thread.start()
        wait_until(lambda: len(sent) >= 2, 60, message="no message got through")
        redis.stop()  # Redis goes away while they keep reading and writing
        during = len(sent)
        wait_until(lambda: len(sent) >= during + 3, 60, message="no message while Redis was down")
        redis.start()
        time.sleep(1)
        stop.set()
        thread.join(60)
        assert [item for item in statuses if item[1] >= 500] == [], site.log()[-3000:]
        assert {status for _path, status in statuses} <= {200, 303}
        assert ContactSubmission.objects.count() == len(sent)
        assert_all_delivered(smtp)
    finally:
        stop.set()
        worker.stop()
        site.stop()
        redis.stop()
