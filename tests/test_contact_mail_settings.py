"""Production mail settings from the environment (urbact_portal/settings/mail.py): EMAIL_URL
or the separate EMAIL_HOST / EMAIL_PORT / … variables; and the development file backend."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from urbact_portal.settings.mail import SMTP_BACKEND, email_settings_from_env, parse_email_url

MAIL_VARIABLES = [
    "EMAIL_URL",
    "EMAIL_BACKEND",
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_HOST_USER",
    "EMAIL_HOST_PASSWORD",
    "EMAIL_USE_TLS",
    "EMAIL_USE_SSL",
    "EMAIL_TIMEOUT",
]


@pytest.fixture
def clean_env(monkeypatch):
    for name in MAIL_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_smtp_url_with_starttls_and_an_encoded_password():
    assert parse_email_url("smtp://urbact%40ipop.si:p%40ss%2Fw0rd@mail.ipop.si:587/?tls=1") == {
        "EMAIL_BACKEND": SMTP_BACKEND,
        "EMAIL_HOST": "mail.ipop.si",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "urbact@ipop.si",
        "EMAIL_HOST_PASSWORD": "p@ss/w0rd",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 20,
    }


@pytest.mark.parametrize(
    "url, port, tls, ssl",
    [
        ("smtp://relay.local", 25, False, False),
        ("smtp://relay.local:2525", 2525, False, False),
        ("smtps://mail.example.si", 465, False, True),
        ("smtp://mail.example.si/?ssl=true", 465, False, True),
        ("submission://mail.example.si", 587, True, False),
        ("smtp://mail.example.si/?tls=true", 587, True, False),
    ],
)
def test_schemes_choose_port_and_encryption(url, port, tls, ssl):
    settings = parse_email_url(url)
    assert (settings["EMAIL_PORT"], settings["EMAIL_USE_TLS"], settings["EMAIL_USE_SSL"]) == (
        port,
        tls,
        ssl,
    )
    assert not (settings["EMAIL_USE_TLS"] and settings["EMAIL_USE_SSL"])


def test_timeout_and_console_and_bad_urls():
    assert parse_email_url("smtp://h/?timeout=5")["EMAIL_TIMEOUT"] == 5
    assert parse_email_url("console://") == {
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"
    }
    with pytest.raises(ImproperlyConfigured):
        parse_email_url("http://mail.example.si")
    with pytest.raises(ImproperlyConfigured):
        parse_email_url("smtp://h/?timeout=soon")


def test_email_url_from_the_environment_wins(clean_env):
    clean_env.setenv("EMAIL_URL", "smtps://u:p@smtp.example.si")
    clean_env.setenv("EMAIL_HOST", "ignored.example.si")
    settings = email_settings_from_env()
    assert settings["EMAIL_HOST"] == "smtp.example.si"
    assert settings["EMAIL_USE_SSL"] is True


def test_separate_variables(clean_env):
    clean_env.setenv("EMAIL_HOST", "mail.ipop.si")
    clean_env.setenv("EMAIL_PORT", "587")
    clean_env.setenv("EMAIL_HOST_USER", "urbact@ipop.si")
    clean_env.setenv("EMAIL_HOST_PASSWORD", "skrivnost")
    clean_env.setenv("EMAIL_USE_TLS", "true")
    clean_env.setenv("EMAIL_TIMEOUT", "10")
    assert email_settings_from_env() == {
        "EMAIL_BACKEND": SMTP_BACKEND,
        "EMAIL_HOST": "mail.ipop.si",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "urbact@ipop.si",
        "EMAIL_HOST_PASSWORD": "skrivnost",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 10,
    }


def test_defaults_and_contradictions(clean_env):
    settings = email_settings_from_env()
    assert (settings["EMAIL_HOST"], settings["EMAIL_PORT"]) == ("localhost", 25)
    clean_env.setenv("EMAIL_USE_TLS", "1")
    clean_env.setenv("EMAIL_USE_SSL", "1")
    with pytest.raises(ImproperlyConfigured):
        email_settings_from_env()
    clean_env.setenv("EMAIL_USE_SSL", "perhaps")
    with pytest.raises(ImproperlyConfigured):
        email_settings_from_env()


def test_development_mail_goes_to_var_mail():
    from urbact_portal.settings import dev

    assert dev.EMAIL_BACKEND == "django.core.mail.backends.filebased.EmailBackend"
    assert dev.EMAIL_FILE_PATH.parts[-2:] == ("var", "mail")


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({}, ("django.core.mail.backends.filebased.EmailBackend", "localhost", 25)),
        (
            {"EMAIL_URL": "smtp://127.0.0.1:1025"},
            (SMTP_BACKEND, "127.0.0.1", 1025),
        ),
        (
            {"EMAIL_HOST": "mail.ipop.si", "EMAIL_PORT": "2525"},
            (SMTP_BACKEND, "mail.ipop.si", 2525),
        ),
    ],
)
def test_make_run_honours_email_url_and_email_host(variables, expected):
    """The development settings (`make run`) read the mail variables as production does."""
    import json
    import os
    import subprocess
    import sys

    environ = {key: value for key, value in os.environ.items() if key not in MAIL_VARIABLES}
    environ.update(variables, DJANGO_SETTINGS_MODULE="urbact_portal.settings.dev")
    script = (
        "import json, django; from django.conf import settings as s; django.setup(); "
        "print(json.dumps([s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT]))"
    )
    output = subprocess.run(
        [sys.executable, "-c", script], env=environ, capture_output=True, text=True, check=True
    ).stdout
    assert tuple(json.loads(output.strip().splitlines()[-1])) == expected
