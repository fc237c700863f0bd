from modeltranslation.translator import TranslationOptions, register

from .models import HomePage, SiteDocument, SiteSettings, StandardPage, Theme


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


@register(SiteDocument)
class DocumentTR(TranslationOptions):
    fields = ("title", "description")
