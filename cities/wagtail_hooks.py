"""What the cities app adds to the admin: a count on the dashboard. (A city's networks,
good practices and news are sections the other apps add to CityPage.)"""

from django.utils.translation import ngettext_lazy

from urbact_portal.dashboard import register_page_count

from .models import CityPage

register_page_count(
    CityPage,
    label=ngettext_lazy("%(count)d city", "%(count)d cities", "count"),
    icon="site",
    order=140,
)
