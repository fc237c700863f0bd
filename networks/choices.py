from django.db import models
from django.utils.translation import gettext_lazy as _


class NetworkType(models.TextChoices):
    ACTION_PLANNING = "action-planning", _("Action Planning Network")
    TRANSFER = "transfer", _("Transfer Network")
    IMPLEMENTATION = "implementation", _("Implementation Network")
    INNOVATION_TRANSFER = "innovation-transfer", _("Innovation Transfer Network")
    THEMATIC = "thematic", _("Thematic Network (URBACT II)")
    WORKING_GROUP = "working-group", _("Working Group (URBACT II)")
    PILOT = "pilot", _("Pilot Network (URBACT II)")


class ParticipantRole(models.TextChoices):
    LEAD = "lead", _("lead partner")
    PARTNER = "partner", _("partner")
