from modeltranslation.translator import TranslationOptions, register

from .models import EventIndexPage, EventPage


@register(EventIndexPage)
class EventIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(EventPage)
class EventPageTR(TranslationOptions):
    fields = ("summary", "venue", "organiser", "image_alt", "body")
