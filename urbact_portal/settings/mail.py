"""Mail configuration from the environment: either EMAIL_URL
(smtp://user:password@host:587/?tls=1, smtps://… for implicit TLS) or the individual
EMAIL_HOST / EMAIL_PORT / EMAIL_HOST_USER / EMAIL_HOST_PASSWORD / EMAIL_USE_TLS /
EMAIL_USE_SSL variables."""

from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_str

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


def parse_email_url(url: str) -> dict:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if scheme not in {"smtp", "smtps", "submission"}:
        raise ImproperlyConfigured(f"EMAIL_URL: unsupported scheme {scheme!r}.")
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    use_ssl = scheme == "smtps" or query.get("ssl") in {"1", "true"}
    use_tls = not use_ssl and (scheme == "submission" or query.get("tls") in {"1", "true"})
    default_port = 465 if use_ssl else (587 if use_tls else 25)
    return {
        "EMAIL_BACKEND": SMTP_BACKEND,
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or default_port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
        "EMAIL_TIMEOUT": _timeout(query.get("timeout", "20")),
    }


def _timeout(value: str) -> int:
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"EMAIL_URL: timeout must be a number, not {value!r}.") from exc


def email_settings_from_env() -> dict:
    url = env_str("EMAIL_URL")
    if url:
        return parse_email_url(url)
    if env_bool("EMAIL_USE_TLS", False) and env_bool("EMAIL_USE_SSL", False):
        raise ImproperlyConfigured(
            "Set EMAIL_USE_TLS (STARTTLS, port 587) or EMAIL_USE_SSL, not both."
        )
    return {
        "EMAIL_BACKEND": env_str("EMAIL_BACKEND", SMTP_BACKEND),
        "EMAIL_HOST": env_str("EMAIL_HOST", "localhost"),
        "EMAIL_PORT": env_int("EMAIL_PORT", 25),
        "EMAIL_HOST_USER": env_str("EMAIL_HOST_USER", ""),
        "EMAIL_HOST_PASSWORD": env_str("EMAIL_HOST_PASSWORD", ""),
        "EMAIL_USE_TLS": env_bool("EMAIL_USE_TLS", False),
        "EMAIL_USE_SSL": env_bool("EMAIL_USE_SSL", False),
        "EMAIL_TIMEOUT": env_int("EMAIL_TIMEOUT", 20),
    }
