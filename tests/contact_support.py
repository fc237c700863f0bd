"""Shared helpers of the contact-form tests (tests/test_contact*.py): form data that passes
the time trap, a real SMTP server on loopback, and the real mail worker."""

import asyncio
import signal
import socket
import time
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests import factories
from urbact_portal.contact import spam

# Transactional tests flush the database; serialized_rollback puts back what the migrations
# created (Wagtail's root page and default site) for the tests that follow.
transactional = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def form_data(**overrides):
    """A complete, valid submission whose form was shown a minute ago."""
    data = {
        "name": "Žiga Čuk",
        "email": "ziga.cuk@example.si",
        "organisation": "Mestna občina Škofja Loka",
        "subject": "Vprašanje o šolskih poteh",
        "message": "Pozdravljeni,\nzanima me, kako se prijavimo. Hvala in lep pozdrav, Žiga",
        "consent": "on",
        "website": "",
        "form_started": spam.issue_token(time.time() - 60),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RecordingHandler:
    """Accepts every message and keeps it; with `refuse` set it answers 451 instead."""

    def __init__(self):
        self.envelopes = []
        self.refuse = False

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return "451 4.3.0 Try again later"
        self.envelopes.append(envelope)
        return "250 Message accepted"


class SMTPServer:
    """aiosmtpd on a free loopback port; `start()` may come later than the settings, to play
    a mail server that is down when the visitor submits."""

    def __init__(self, smtputf8=False):
        self.port = free_port()
        self.handler = RecordingHandler()
        self.controller = None
        self.smtputf8 = smtputf8

    @property
    def messages(self):
        return [
            message_from_bytes(envelope.original_content, policy=policy.default)
            for envelope in self.handler.envelopes
        ]

    @property
    def envelopes(self):
        return self.handler.envelopes

    def settings(self):
        return override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=self.port,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
            EMAIL_USE_TLS=False,
            EMAIL_USE_SSL=False,
            EMAIL_TIMEOUT=5,
        )

    def start(self):
        self.controller = Controller(
            self.handler,
            hostname="127.0.0.1",
            port=self.port,
            loop=asyncio.new_event_loop(),
            enable_SMTPUTF8=self.smtputf8,
        )
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture(name="smtp_server")
def smtp_server_fixture():
    """A real SMTP server on loopback, not started yet; Django's settings point to it."""
    server = SMTPServer()
    with server.settings():
        yield server
    server.stop()


@pytest.fixture(name="contact_page")
def contact_page_fixture(db):
    home = factories.ensure_home_page()
    return factories.contact_page(home)


def run_mail_worker():
    """Run the real worker command once over every task that is due, then return."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command(
            "db_worker",
            "--backend",
            "mail",
            "--queue-name",
            "*",
            "--batch",
            "--no-startup-delay",
            "--no-reload",
            verbosity=0,
        )
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def make_retries_due():
    """Move every scheduled task and every retry to now: the backoff has passed."""
    from urbact_portal.contact.submissions import ContactSubmission, DeliveryState

    now = timezone.now()
    ContactSubmission.objects.filter(delivery_state=DeliveryState.RETRYING).update(
        next_attempt_at=now
    )
    return DBTaskResult.objects.filter(status="READY").update(run_after=now)
