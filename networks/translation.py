from modeltranslation.translator import TranslationOptions, register

from .models import (
    GoodPracticeIndexPage,
    GoodPracticePage,
    NetworkIndexPage,
    NetworkPage,
    NetworkParticipant,
    NetworkPartner,
)


@register(NetworkIndexPage)
class NetworkIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(NetworkPage)
class NetworkPageTR(TranslationOptions):
    fields = ("summary", "body", "lead_partner_city")


@register(NetworkParticipant)
class NetworkParticipantTR(TranslationOptions):
    fields = ("organisation",)


@register(NetworkPartner)
class NetworkPartnerTR(TranslationOptions):
    fields = ("city_name",)


@register(GoodPracticeIndexPage)
class GoodPracticeIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(GoodPracticePage)
class GoodPracticePageTR(TranslationOptions):
    fields = ("summary", "body", "image_alt", "city_name")
