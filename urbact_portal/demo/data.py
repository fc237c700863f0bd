"""Verified facts for the demo content (../shared/seed/facts.md) that the core and several
apps share: the themes and the towns of the National Practice Transfer Initiative. The apps'
own facts are in their demo modules (cities/demo.py, networks/demo/data.py, news/demo.py).
Nothing here may be invented about a real city, network or person.

Keys are stable: a theme's slug."""

from decimal import Decimal

# URBACT IV main themes, its cross-cutting themes, then the tags seen on network pages.
# (slug, Slovene name, English name)
THEMES = [
    ("physical-urban-development", "Fizični razvoj mest", "Physical urban development"),
    ("environment", "Okolje", "Environment"),
    ("governance", "Upravljanje", "Governance"),
    ("inclusion", "Vključevanje", "Inclusion"),
    ("economy", "Gospodarstvo", "Economy"),
    ("green", "Zeleni prehod", "Green"),
    ("gender", "Enakost spolov", "Gender"),
    ("digital", "Digitalni prehod", "Digital"),
    ("participative-governance", "Participativno upravljanje", "Participative governance"),
    ("urban-planning", "Urbanistično načrtovanje", "Urban planning"),
    ("urban-design", "Urbano oblikovanje", "Urban design"),
    ("local-economy", "Lokalno gospodarstvo", "Local economy"),
    ("city-branding", "Znamčenje mesta", "City branding"),
    ("jobs-and-skills", "Delovna mesta in veščine", "Jobs and skills"),
    ("research-and-innovation", "Raziskave in inovacije", "Research and innovation"),
]

# The National Practice Transfer Initiative (June 2021 – December 2022): the towns to which
# Idrija transferred its practice.
NPTI_MUNICIPALITIES = ["Bohinj", "Bovec", "Ormož", "Podlehnik", "Radenci", "Razkrižje"]


def decimal(value):
    return Decimal(value) if value else None
