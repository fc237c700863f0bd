from modeltranslation.translator import TranslationOptions, register

from .models import ContactFormField, ContactPage


@register(ContactPage)
class ContactPageTR(TranslationOptions):
    fields = ("intro", "thank_you_text")


@register(ContactFormField)
class ContactFormFieldTR(TranslationOptions):
    fields = ("label", "help_text")
