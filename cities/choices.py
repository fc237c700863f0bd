from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    """The twelve statistical regions of Slovenia (SURS)."""

    POMURSKA = "pomurska", _("Mura")
    PODRAVSKA = "podravska", _("Drava")
    KOROSKA = "koroska", _("Carinthia")
    SAVINJSKA = "savinjska", _("Savinja")
    ZASAVSKA = "zasavska", _("Central Sava")
    POSAVSKA = "posavska", _("Lower Sava")
    JUGOVZHODNA = "jugovzhodna-slovenija", _("Southeast Slovenia")
    OSREDNJESLOVENSKA = "osrednjeslovenska", _("Central Slovenia")
    GORENJSKA = "gorenjska", _("Upper Carniola")
    PRIMORSKO_NOTRANJSKA = "primorsko-notranjska", _("Littoral–Inner Carniola")
    GORISKA = "goriska", _("Gorizia")
    OBALNO_KRASKA = "obalno-kraska", _("Coastal–Karst")
