"""Error reporting to Sentry (or a Sentry-compatible service such as GlitchTip) when
SENTRY_DSN is set. sentry-sdk is an optional extra: `pip install ".[sentry]"` (the Docker
image has it)."""

import os

from django.core.exceptions import ImproperlyConfigured


def init_sentry(dsn: str | None = None) -> bool:
    """Start the SDK when a DSN is configured; returns whether it did."""
    dsn = dsn if dsn is not None else os.environ.get("SENTRY_DSN", "")
    if not dsn:
        return False
    try:
        import sentry_sdk
        from sentry_sdk.integrations.django import DjangoIntegration
        from sentry_sdk.integrations.logging import ignore_logger
    except ImportError as exc:
        raise ImproperlyConfigured(
            'SENTRY_DSN is set but sentry-sdk is not installed: pip install ".[sentry]".'
        ) from exc

    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        release=os.environ.get("SENTRY_RELEASE") or None,
        # Errors only unless the operator asks for performance traces.
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0") or 0),
        # The SDK's defaults keep visitors' addresses, cookies and form fields out of the
        # reports (GDPR): leave send_default_pii / data_collection unset.
    )
    # Bad Host headers are noise from scanners: logged, never reported.
    ignore_logger("django.security.DisallowedHost")
    return True
