"""How the contact page answers: GET shows the form, a POST is judged by the spam defences,
validated, stored with its delivery task and answered with a redirect to the thank-you view
(`?poslano=1`), so reloading the thank-you page never sends anything again.

A submission the spam defences reject is neither stored nor mailed; the visitor gets the
form back, their text kept, with a calm explanation instead of an error page."""

import json
import logging

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from urbact_portal.templatetags.site_tags import site_settings

from . import spam
from .delivery import store_and_enqueue
from .mail import DEFAULT_RECIPIENT
from .spam import TIMESTAMP_FIELD, Verdict
from .submissions import ContactSubmission

logger = logging.getLogger(__name__)

THANK_YOU_PARAM = "poslano"

NOT_ACCEPTED = _(
    "We could not accept the form as it was sent. Please check your message and send it "
    "again. If this keeps happening, write to us at %(email)s."
)
NOTICES = {
    Verdict.HONEYPOT: NOT_ACCEPTED,
    Verdict.INVALID: NOT_ACCEPTED,
    Verdict.TOO_FAST: _(
        "The form was sent faster than a person usually fills it in, so we did not accept "
        "it. Please wait a few seconds and send it again."
    ),
    Verdict.EXPIRED: _(
        "The form was open for a very long time. Your text is still here: please send it again."
    ),
    Verdict.RATE_LIMITED: _(
        "We have received several messages from your network in a short time. Please try "
        "again in an hour, or write to us at %(email)s."
    ),
    Verdict.REUSED: _(
        "This form has already sent a message. Your new text is still here: please send it again."
    ),
}
# Robot signals count against the address's rate limit; a slow or hasty person does not.
COUNTED_VERDICTS = {Verdict.HONEYPOT, Verdict.INVALID}


def page_context(page, request) -> dict:
    """What the form and the thank-you page show besides the form: the privacy notice."""
    site = site_settings(request)
    return {
        "privacy_link": site.get("privacy"),
        "data_controller": site.get("organisation_name") or "IPoP – Inštitut za politike prostora",
        "contact_email": site.get("contact_email") or DEFAULT_RECIPIENT,
        "retention_months": settings.CONTACT_RETENTION_MONTHS,
        "thank_you_param": THANK_YOU_PARAM,
    }


def notice_html(verdict: Verdict, email: str):
    text = escape(str(NOTICES[verdict]))
    link = format_html('<a href="mailto:{0}">{0}</a>', email)
    return mark_safe(text.replace("%(email)s", link))  # noqa: S308 - both parts escaped


def form_context(page, request, form, verdict: Verdict | None = None) -> dict:
    errors = form.error_summary() if form.is_bound else []
    notice = None
    if verdict is not None:
        notice = notice_html(verdict, page_context(page, request)["contact_email"])
    return {"form": form, "form_errors": errors, "notice": notice}


def render_form(page, request, form, verdict=None, status=200):
    context = page.get_context(request)
    context.update(form_context(page, request, form, verdict))
    return TemplateResponse(request, page.get_template(request), context, status=status)


def refilled_form(page, request):
    """A fresh form (new start time, no errors) showing what the visitor typed."""
    form = page.get_form(page=page, user=request.user)
    for bound in form.contact_fields():
        value = bound.field.widget.value_from_datadict(request.POST, request.FILES, bound.html_name)
        if value not in (None, "", [], False):
            form.initial[bound.name] = value
    return form


def thank_you_url(page, request) -> str:
    return f"{page.get_url(request)}?{THANK_YOU_PARAM}=1"


def handle_post(page, request):
    ip = spam.client_ip(request)
    if spam.is_rate_limited(ip):
        logger.info("Contact form: rate limit reached, message not accepted")
        return render_form(
            page, request, refilled_form(page, request), Verdict.RATE_LIMITED, status=429
        )
    verdict = spam.check_submission(request.POST)
    if verdict is not Verdict.OK:
        logger.info("Contact form: message not accepted (%s)", verdict.value)
        if verdict in COUNTED_VERDICTS:
            spam.count_submission(ip)
        return render_form(page, request, refilled_form(page, request), verdict)

    form = page.get_form(request.POST, request.FILES, page=page, user=request.user)
    if not form.is_valid():
        return render_form(page, request, form)
    # The start time is single-use: the same form sent twice (a double click, a reload of
    # the POST) is the message already received; a different message with it is a replay.
    token = spam.token_key(request.POST.get(TIMESTAMP_FIELD))
    previous = ContactSubmission.objects.filter(form_token=token).first()
    if previous is None:
        spam.count_submission(ip)
        try:
            submission = store_and_enqueue(page, form, form_token=token)
        except IntegrityError:  # the same form, sent twice at once: one of them stored it
            previous = ContactSubmission.objects.filter(form_token=token).first()
        else:
            logger.info("Contact form: message %s stored and queued", submission.pk)
            return HttpResponseRedirect(thank_you_url(page, request), status=303)
    if previous is not None and previous.form_data == as_stored(form.submission_data()):
        logger.info("Contact form: message %s sent again with its form; not stored", previous.pk)
        return HttpResponseRedirect(thank_you_url(page, request), status=303)
    logger.info("Contact form: a used form brought another message; not accepted")
    spam.count_submission(ip)
    return render_form(page, request, refilled_form(page, request), Verdict.REUSED)


def as_stored(data: dict):
    """`data` as the JSON field gives it back."""
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def serve_contact_page(page, request):
    if request.method == "POST":
        return handle_post(page, request)
    if request.GET.get(THANK_YOU_PARAM) == "1":
        return page.render_landing_page(request)
    return render_form(page, request, page.get_form(page=page, user=request.user))


def serve_contact_preview(page, request, mode_name):
    """Previews: the form, or (mode "landing", also "en:landing") the thank-you page."""
    if (mode_name or "").rsplit(":", 1)[-1] == "landing":
        return page.render_landing_page(request)
    return render_form(page, request, page.get_form(page=page, user=request.user))
