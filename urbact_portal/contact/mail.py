"""The e-mail a contact submission becomes: plain UTF-8 text to the page's recipients, with
Reply-To set to the visitor. Every value that reaches a header is cleaned of line breaks and
control characters again here, whatever the form let through."""

import re
from email.utils import formataddr

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

# Where messages go unless an editor sets other recipients on the contact page.
DEFAULT_RECIPIENT = "urbact@ipop.si"

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")
SUBJECT_MAX_LENGTH = 150


def header_safe(value, max_length: int = 200) -> str:
    """One line of text for a mail header: control characters become spaces."""
    text = CONTROL_CHARACTERS.sub(" ", str(value or "")).strip()
    text = re.sub(r"\s{2,}", " ", text)
    return text[:max_length].strip()


def reply_to_address(name, email) -> str | None:
    """'Name <address>' for a valid address, otherwise None (the mail goes without Reply-To)."""
    email = str(email or "").strip()
    if not email or CONTROL_CHARACTERS.search(email) or len(email) > 254:
        return None
    try:
        validate_email(email)
    except ValidationError:
        return None
    return formataddr((header_safe(name, 100), email))


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


def build_message(submission, page) -> EmailMessage:
    """The message for `submission` of the ContactPage `page`, always in Slovene (the NUP's
    inbox); the visitor's language is noted in the body."""
    data = submission.form_data or {}
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
        subject_text = header_safe(data.get("subject"), SUBJECT_MAX_LENGTH) or header_safe(
            page.title_sl or page.title, SUBJECT_MAX_LENGTH
        )

    reply_to = reply_to_address(data.get("name"), data.get("email"))
    return EmailMessage(
        subject=f"{settings.EMAIL_SUBJECT_PREFIX}{subject_text}",
        body="\n".join(lines).strip() + "\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=page.recipients,
        reply_to=[reply_to] if reply_to else [],
    )
