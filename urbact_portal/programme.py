"""The URBACT programme itself: its periods. Shared vocabulary of the core, used by any app
that dates something by programme period (networks, the home page's figures)."""

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
