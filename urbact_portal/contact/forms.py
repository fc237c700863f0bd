"""The contact form: built from the fields editors manage on the ContactPage, with a length
limit on every field, single-line fields that refuse line breaks (no header injection), and
the two spam-defence fields (a honeypot and a signed start time)."""

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from .mail import validate_address
from .spam import HONEYPOT_FIELD, TIMESTAMP_FIELD, issue_token

SPAM_FIELDS = (HONEYPOT_FIELD, TIMESTAMP_FIELD)

PRIVACY_NOTICE_ID = "contact-privacy"
SINGLE_LINE_MAX_LENGTH = 200
EMAIL_MAX_LENGTH = 254  # RFC 5321
URL_MAX_LENGTH = 500

# Control characters (CR and LF among them) and Unicode line separators: never in a value
# that may end up in a mail header.
single_line_validator = RegexValidator(
    r"[\x00-\x1f\x7f\x85\u2028\u2029]",
    inverse_match=True,
    message=_("Enter a single line, without line breaks."),
    code="single_line",
)

# What browsers may fill in for the visitor (WCAG 1.3.5), by the field's name.
AUTOCOMPLETE = {"name": "name", "email": "email", "organisation": "organization"}

# The standard fields of a new contact page: (name, type, required, label, help text).
DEFAULT_FIELDS = [
    ("name", "singleline", True, _("Full name"), ""),
    ("email", "email", True, _("E-mail"), _("We will reply to this address.")),
    (
        "organisation",
        "singleline",
        False,
        _("Organisation"),
        _("For example a municipality, an institute or a company."),
    ),
    ("subject", "singleline", True, _("Subject"), ""),
    ("message", "multiline", True, _("Message"), ""),
    (
        "consent",
        "checkbox",
        True,
        _("I agree that my data are used to answer this message."),
        "",
    ),
]


def default_form_fields() -> list[dict]:
    """The standard fields as keyword arguments of ContactFormField, labelled in both
    languages."""
    fields = []
    for order, (name, field_type, required, label, help_text) in enumerate(DEFAULT_FIELDS):
        values = {
            "sort_order": order,
            "clean_name": name,
            "field_type": field_type,
            "required": required,
        }
        for language in ("sl", "en"):
            with translation.override(language):
                values[f"label_{language}"] = str(label)
                values[f"help_text_{language}"] = str(help_text)
        values["label"] = values["label_sl"]
        values["help_text"] = values["help_text_sl"]
        fields.append(values)
    return fields


class ContactBaseForm(BaseForm):
    # The honeypot: hidden from people (off-screen, aria-hidden, out of the tab order) and
    # left empty by them; robots that fill every field give themselves away.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=SINGLE_LINE_MAX_LENGTH,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    # When the form was shown, signed by the server (see spam.py).
    form_started = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault(TIMESTAMP_FIELD, issue_token())

    def contact_fields(self):
        """The fields a visitor fills in, in the editors' order. The consent box is also
        described by the privacy notice (PRIVACY_NOTICE_ID in the template)."""
        fields = [self[name] for name in self.fields if name not in SPAM_FIELDS]
        for bound in fields:
            if bound.name == "consent":
                ids = [PRIVACY_NOTICE_ID]
                if bound.help_text:
                    ids.append(f"{bound.auto_id}_helptext")
                if bound.errors:
                    ids.append(f"{bound.auto_id}_error")
                bound.field.widget.attrs["aria-describedby"] = " ".join(ids)
        return fields

    def submission_data(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name not in SPAM_FIELDS}

    def error_summary(self):
        """(target id, field label, message) for every error, in the form's order."""
        items = [("", "", error) for error in self.non_field_errors()]
        for bound in self.contact_fields():
            for error in bound.errors:
                # The consent box's own message says it all; its label is a long sentence.
                label = "" if bound.name == "consent" else str(bound.label).rstrip(" .:")
                items.append((bound.id_for_label or bound.auto_id, label, error))
        return items


class ContactFormBuilder(FormBuilder):
    """Wagtail's form builder with a length limit on every text field."""

    def create_singleline_field(self, field, options):
        options["max_length"] = SINGLE_LINE_MAX_LENGTH
        options["validators"] = [single_line_validator]
        return forms.CharField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = settings.CONTACT_MESSAGE_MAX_LENGTH
        options["widget"] = forms.Textarea(attrs={"rows": 8})
        return forms.CharField(**options)

    def create_email_field(self, field, options):
        # Every valid address, internationalised ones too (ana@šola.si, žiga@primer.si):
        # Django's EmailField knows only ASCII local parts.
        options["max_length"] = EMAIL_MAX_LENGTH
        options["validators"] = [single_line_validator, validate_address]
        options["widget"] = forms.EmailInput
        return forms.CharField(**options)

    def create_url_field(self, field, options):
        options["max_length"] = URL_MAX_LENGTH
        options["assume_scheme"] = "https"
        return forms.URLField(**options)

    def create_hidden_field(self, field, options):
        options["max_length"] = SINGLE_LINE_MAX_LENGTH
        options["validators"] = [single_line_validator]
        return super().create_hidden_field(field, options)

    def create_checkbox_field(self, field, options):
        if field.clean_name == "consent":
            options["error_messages"] = {
                "required": _("Please tick the box: we cannot answer without your consent.")
            }
        return super().create_checkbox_field(field, options)

    @property
    def formfields(self):
        formfields = super().formfields
        for name, autocomplete in AUTOCOMPLETE.items():
            if name in formfields:
                formfields[name].widget.attrs.setdefault("autocomplete", autocomplete)
        return formfields

    def get_form_class(self):
        return type("ContactForm", (ContactBaseForm,), self.formfields)
