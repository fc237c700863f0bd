"""Every factory of the site in one namespace for the tests: the core's
(urbact_portal/factories.py), the contact page's and each content app's own factories.py."""

from cities.factories import city_index, city_page
from events.factories import event_index, event_page
from networks.factories import (
    good_practice_index,
    good_practice_page,
    network_index,
    network_page,
)
from news.factories import news_index, news_page
from urbact_portal.contact.factories import contact_page
from urbact_portal.factories import (
    create_page,
    ensure_home_page,
    image,
    sequence_number,
    standard_page,
    theme,
)

__all__ = [
    "city_index",
    "city_page",
    "contact_page",
    "create_page",
    "ensure_home_page",
    "event_index",
    "event_page",
    "good_practice_index",
    "good_practice_page",
    "image",
    "network_index",
    "network_page",
    "news_index",
    "news_page",
    "sequence_number",
    "standard_page",
    "theme",
]
