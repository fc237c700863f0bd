"""Spam and abuse defences of the contact form, none of which needs a third party:

- a honeypot field that people never see or reach and robots fill in;
- a time trap: the form carries the time it was shown, signed by the server, and a
  submission sooner than CONTACT_MIN_FILL_SECONDS (or older than CONTACT_MAX_FORM_AGE) is
  not accepted;
- the signed time is single-use: it carries a random nonce, and the submission it brought
  stores its digest (token_key), so replaying one solved form stores nothing more;
- a per-IP rate limit (CONTACT_RATE_LIMIT accepted messages per CONTACT_RATE_WINDOW
  seconds), counted in the Django cache. No IP address is stored anywhere else. Behind
  TRUSTED_PROXY_COUNT proxies that each append to X-Forwarded-For, the client is the
  right-most entry no trusted proxy could have been given by the client (client_ip)."""

import enum
import hashlib
import ipaddress
import secrets
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

HONEYPOT_FIELD = "website"
TIMESTAMP_FIELD = "form_started"
TOKEN_SALT = "urbact_portal.contact.form_started"


class Verdict(enum.Enum):
    OK = "ok"
    HONEYPOT = "honeypot"  # the hidden field was filled in
    INVALID = "invalid"  # no start time, or one the server did not sign
    TOO_FAST = "too_fast"
    EXPIRED = "expired"
    RATE_LIMITED = "rate_limited"
    REUSED = "reused"  # a start time that already brought a different message


def issue_token(issued_at: float | None = None) -> str:
    """The signed start time (and a nonce: each shown form is unique) a fresh form carries."""
    issued_at = time.time() if issued_at is None else issued_at
    payload = {"t": round(issued_at, 3), "n": secrets.token_urlsafe(12)}
    return signing.dumps(payload, salt=TOKEN_SALT, compress=False)


def token_key(token: str) -> str:
    """What a submission stores of the token that brought it (single use)."""
    return hashlib.sha256(str(token or "").encode()).hexdigest()


def check_submission(data, now: float | None = None) -> Verdict:
    """Judge a POST by its honeypot and start time (not by its content)."""
    now = time.time() if now is None else now
    if data.get(HONEYPOT_FIELD, ""):
        return Verdict.HONEYPOT
    token = data.get(TIMESTAMP_FIELD, "")
    if not token or len(token) > 500:
        return Verdict.INVALID
    try:
        payload = signing.loads(token, salt=TOKEN_SALT, max_age=settings.CONTACT_MAX_FORM_AGE)
        issued_at = float(payload["t"])
    except signing.SignatureExpired:
        return Verdict.EXPIRED
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return Verdict.INVALID
    elapsed = now - issued_at
    if elapsed < settings.CONTACT_MIN_FILL_SECONDS:
        return Verdict.TOO_FAST
    if elapsed > settings.CONTACT_MAX_FORM_AGE:
        return Verdict.EXPIRED
    return Verdict.OK


def client_ip(request) -> str:
    """The visitor's address.

    Without proxies (TRUSTED_PROXY_COUNT=0) it is REMOTE_ADDR, and X-Forwarded-For is
    ignored. Behind N trusted proxies, each of which APPENDS the address it was connected
    from to X-Forwarded-For, the last N entries were written by them: the N-th from the
    right is the address the outermost one saw, the client's. Whatever a client sends in
    its own header stays to the left of it and changes nothing. A header shorter than N or
    an entry that is not an address falls back to REMOTE_ADDR."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = max(int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0), 0)
    candidate = remote
    if count:
        forwarded = [
            entry.strip()
            for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if entry.strip()
        ]
        if len(forwarded) >= count:
            candidate = forwarded[-count]
    for address in (candidate, remote):
        try:
            return str(ipaddress.ip_address(address))
        except ValueError:
            continue
    return "unknown"


def _rate_key(ip: str) -> str:
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        bucket = ip
    else:
        # One IPv6 /64 is usually one household or one machine.
        bucket = (
            str(ipaddress.ip_network(f"{address}/64", strict=False))
            if address.version == 6
            else str(address)
        )
    digest = hashlib.sha256(bucket.encode()).hexdigest()[:32]
    return f"urbact:contact-rate:{digest}"


def is_rate_limited(ip: str) -> bool:
    return (cache.get(_rate_key(ip)) or 0) >= settings.CONTACT_RATE_LIMIT


def count_submission(ip: str) -> int:
    """Count one accepted (or rejected-as-spam) submission from `ip` in the current window."""
    key = _rate_key(ip)
    cache.add(key, 0, timeout=settings.CONTACT_RATE_WINDOW)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=settings.CONTACT_RATE_WINDOW)
        return 1
