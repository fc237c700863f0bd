from modeltranslation.translator import TranslationOptions, register

from .models import (
    ContactFormField,
    ContactPage,
    HomePage,
    SiteSettings,
    StandardPage,
    Theme,
)


@register(Theme)
class ThemeTR(TranslationOptions):
    fields = ("name",)


@register(SiteSettings)
class SiteSettingsTR(TranslationOptions):
    fields = ("contact_role", "organisation_name", "footer_text")


@register(HomePage)
class HomePageTR(TranslationOptions):
    fields = (
        "hero_heading",
        "hero_intro",
        "slovenia_heading",
        "slovenia_text",
        "nup_heading",
        "nup_text",
    )


@register(StandardPage)
class StandardPageTR(TranslationOptions):
    fields = ("intro", "body")


@register(ContactPage)
class ContactPageTR(TranslationOptions):
    fields = ("intro", "thank_you_text")


@register(ContactFormField)
class ContactFormFieldTR(TranslationOptions):
    fields = ("label", "help_text")
