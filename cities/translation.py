from modeltranslation.translator import TranslationOptions, register

from .models import CityIndexPage, CityPage


@register(CityIndexPage)
class CityIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(CityPage)
class CityPageTR(TranslationOptions):
    fields = ("intro", "body")
