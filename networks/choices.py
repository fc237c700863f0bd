from django.db import models
from django.utils.translation import gettext_lazy as _


class Period(models.TextChoices):
    URBACT_I = "urbact-i", _("URBACT I (2002–2006)")
    URBACT_II = "urbact-ii", _("URBACT II (2007–2013)")
    URBACT_III = "urbact-iii", _("URBACT III (2014–2020)")
    URBACT_IV = "urbact-iv", _("URBACT IV (2021–2027)")


PERIOD_SHORT = {
    Period.URBACT_I: "URBACT I",
    Period.URBACT_II: "URBACT II",
    Period.URBACT_III: "URBACT III",
    Period.URBACT_IV: "URBACT IV",
}


class NetworkType(models.TextChoices):
    ACTION_PLANNING = "action-planning", _("Action Planning Network")
    TRANSFER = "transfer", _("Transfer Network")
    IMPLEMENTATION = "implementation", _("Implementation Network")
    INNOVATION_TRANSFER = "innovation-transfer", _("Innovation Transfer Network")
    THEMATIC = "thematic", _("Thematic Network (URBACT II)")
    WORKING_GROUP = "working-group", _("Working Group (URBACT II)")
    PILOT = "pilot", _("Pilot Network (URBACT II)")
