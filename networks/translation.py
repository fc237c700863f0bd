from modeltranslation.translator import TranslationOptions, register

from .models import (
    GoodPracticeIndexPage,
    GoodPracticePage,
    NetworkIndexPage,
    NetworkPage,
    NetworkPartner,
)


@register(NetworkIndexPage)
class NetworkIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(NetworkPage)
class NetworkPageTR(TranslationOptions):
    fields = ("summary", "body", "lead_partner_city")


@register(NetworkPartner)
class NetworkPartnerTR(TranslationOptions):
    fields = ("city_name",)


@register(GoodPracticeIndexPage)
class GoodPracticeIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(GoodPracticePage)
class GoodPracticePageTR(TranslationOptions):
    fields = ("summary", "body", "image_alt", "city_name")
