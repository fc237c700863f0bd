"""The e-mail a contact submission becomes: plain UTF-8 text to the page's recipients, with
Reply-To set to the visitor and the submission's own Message-ID. Every value that reaches a
header is cleaned of line breaks and control characters again here, whatever the form let
through.

Every valid address works (RFC 6531/6532): an internationalised domain (ana@šola.si) goes
into Reply-To in its IDNA form (ana@xn--ola-zza.si); a local part that is not ASCII
(žiga@primer.si) can only travel in a UTF-8 header, so the message is sent with SMTPUTF8 when
the server offers it, and otherwise without Reply-To, the sender's address written in the
body for the NUP to copy."""

import re
import smtplib
from email.header import Header
from email.utils import formataddr

import idna
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.core.mail.message import sanitize_address
from django.core.validators import validate_email
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Where messages go unless an editor sets other recipients on the contact page.
DEFAULT_RECIPIENT = "urbact@ipop.si"

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")
SUBJECT_MAX_LENGTH = 150


def header_safe(value, max_length: int = 200) -> str:
    """One line of text for a mail header: control characters become spaces."""
    text = CONTROL_CHARACTERS.sub(" ", str(value or "")).strip()
    text = re.sub(r"\s{2,}", " ", text)
    return text[:max_length].strip()


# A dot-atom local part (RFC 5322) whose characters may be any letter or digit (RFC 6531).
LOCAL_PART = re.compile(r"[\w!#$%&'*+/=?^`{|}~-]+(\.[\w!#$%&'*+/=?^`{|}~-]+)*")
INVALID_ADDRESS = gettext_lazy("Enter a valid e-mail address.")


def ascii_domain(domain: str) -> str:
    """The domain in its IDNA (xn--) form; ValueError when it is not a valid domain."""
    domain = domain.strip().rstrip(".")
    if domain.isascii():
        return domain.lower()
    try:
        return idna.encode(domain, uts46=True).decode("ascii")
    except idna.IDNAError as exc:
        raise ValueError(str(exc)) from exc


def split_address(email) -> tuple[str, str] | None:
    """(local part, ASCII domain) of a valid address, else None. Accepts internationalised
    addresses: a domain in any script, a local part of letters in any script."""
    email = str(email or "").strip()
    if not email or CONTROL_CHARACTERS.search(email) or len(email) > 254:
        return None
    local, at, domain = email.rpartition("@")
    if not at or not local or len(local.encode()) > 64 or not LOCAL_PART.fullmatch(local):
        return None
    try:
        domain = ascii_domain(domain)
        validate_email(f"x@{domain}")
    except (ValueError, ValidationError):
        return None
    return local, domain


def validate_address(value) -> None:
    """The contact form's check of an e-mail address (internationalised ones included)."""
    if split_address(value) is None:
        raise ValidationError(INVALID_ADDRESS, code="invalid")


def reply_to_address(name, email) -> str | None:
    """'Name <address>' (ASCII, the domain in IDNA form) for a valid address whose local part
    is ASCII; otherwise None."""
    parts = split_address(email)
    if parts is None or not parts[0].isascii():
        return None
    return formataddr((header_safe(name, 100), "@".join(parts)))


def needs_smtputf8(email) -> bool:
    """A valid address that only a UTF-8 header can carry (its local part is not ASCII)."""
    parts = split_address(email)
    return parts is not None and not parts[0].isascii()


def utf8_reply_to_header(name, email) -> bytes:
    """A Reply-To header line with the address in UTF-8 (RFC 6532), for SMTPUTF8."""
    local, domain = split_address(email)
    display = header_safe(name, 100)
    encoded = Header(display, "utf-8").encode() if display else ""
    value = f"{encoded} <{local}@{domain}>" if encoded else f"<{local}@{domain}>"
    return f"Reply-To: {value}\r\n".encode()


def display_value(value) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if value is None or value == "":
        return "–"
    return str(value)


def field_labels(page) -> list[tuple[str, str, str]]:
    """(name, Slovene label, field type) for the page's fields, in their order."""
    return [
        (
            field.clean_name,
            (field.label_sl or field.label or field.clean_name).rstrip(" .:"),
            field.field_type,
        )
        for field in page.form_fields.all()
    ]


def build_message(submission, page, utf8_reply_to: bool = False) -> EmailMessage:
    """The message for `submission` of the ContactPage `page`, always in Slovene (the NUP's
    inbox); the visitor's language is noted in the body. With `utf8_reply_to`, the caller
    adds the visitor's internationalised address as Reply-To itself (SMTPUTF8)."""
    data = submission.form_data or {}
    visitor = data.get("email")
    with translation.override("sl"):
        labels = field_labels(page)
        known = {name for name, _label, _type in labels}
        lines = [
            _("A new message from the contact form of %(site)s.")
            % {"site": settings.WAGTAIL_SITE_NAME},
            "",
        ]
        for name, label, field_type in labels:
            if name not in data:
                continue
            value = display_value(data[name])
            if field_type == "multiline":
                lines += ["", f"{label}:", value, ""]
            else:
                lines.append(f"{label}: {value}")
        for name in sorted(set(data) - known):  # fields removed from the page since
            lines.append(f"{name}: {display_value(data[name])}")
        language = str(dict(settings.LANGUAGES).get(submission.language, submission.language))
        submitted = timezone.localtime(submission.submit_time)
        lines += [
            "",
            "-- ",
            _("Sent on %(date)s from the page %(url)s; language of the form: %(language)s.")
            % {
                "date": date_format(submitted, "j. n. Y H:i"),
                "url": page.full_url or page.url_path,
                "language": language.lower(),
            },
            _("Message no. %(number)s. Reply to the sender by answering this e-mail.")
            % {"number": submission.pk},
        ]
        if needs_smtputf8(visitor) and not utf8_reply_to:
            lines.append(
                _(
                    "The sender's address cannot be set as the reply address of this e-mail: "
                    "write to %(email)s yourself."
                )
                % {"email": header_safe(visitor, 254)}
            )
        subject_text = header_safe(data.get("subject"), SUBJECT_MAX_LENGTH) or header_safe(
            page.title_sl or page.title, SUBJECT_MAX_LENGTH
        )

    reply_to = reply_to_address(data.get("name"), visitor)
    return EmailMessage(
        subject=f"{settings.EMAIL_SUBJECT_PREFIX}{subject_text}",
        body="\n".join(lines).strip() + "\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=page.recipients,
        reply_to=[reply_to] if reply_to else [],
        headers={"Message-ID": submission.message_id} if submission.message_id else {},
    )


def smtputf8_offered(connection) -> bool:
    smtp = getattr(connection, "connection", None)
    if not isinstance(smtp, smtplib.SMTP):
        return False
    smtp.ehlo_or_helo_if_needed()  # the server lists its extensions in its EHLO answer
    return bool(smtp.has_extn("smtputf8"))


def send_submission(submission, page) -> None:
    """Send the message once; raises when it was not accepted."""
    data = submission.form_data or {}
    visitor = data.get("email")
    connection = get_connection(fail_silently=False)
    with connection:
        utf8 = needs_smtputf8(visitor) and smtputf8_offered(connection)
        message = build_message(submission, page, utf8_reply_to=utf8)
        if utf8:
            raw = utf8_reply_to_header(data.get("name"), visitor) + message.message().as_bytes(
                linesep="\r\n"
            )
            encoding = message.encoding or settings.DEFAULT_CHARSET
            connection.connection.sendmail(
                sanitize_address(message.from_email, encoding),
                [sanitize_address(address, encoding) for address in message.recipients()],
                raw,
                mail_options=["SMTPUTF8"],
            )
        elif not connection.send_messages([message]):
            raise RuntimeError("The mail backend did not send the message.")
