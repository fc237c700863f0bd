"""The cities app's part of the demo content (see urbact_portal/demo/parts.py): the listing
and the Slovenian cities of the verified facts (../shared/seed/facts.md). Nothing here may be
invented about a real city: what is not known stays empty (populations, coats of arms, most
websites). A city's networks, good practices and news come from those pages' relations."""

from urbact_portal.demo import data
from urbact_portal.demo.blocks import paragraph
from urbact_portal.demo.parts import DemoPart

from .choices import Region
from .factories import city_index, city_page
from .models import CityIndexPage, CityPage

INDEX = {
    "title": "Mesta",
    "slug": "mesta",
    "title_en": "Cities",
    "slug_en": "cities",
    "intro": "Slovenska mesta, ki sodelujejo ali so sodelovala v programu URBACT, in "
    "omrežja, v katerih so dejavna.",
    "intro_en": "Slovenian cities that take or have taken part in the URBACT programme, "
    "and the networks they are active in.",
}

# Municipal websites only where the official domain is certain; else empty.
# (slug, name, region, latitude, longitude, website)
CITIES = [
    ("ljubljana", "Ljubljana", Region.OSREDNJESLOVENSKA, "46.0569", "14.5058",
     "https://www.ljubljana.si/"),
    ("maribor", "Maribor", Region.PODRAVSKA, "46.5547", "15.6459", "https://www.maribor.si/"),
    ("celje", "Celje", Region.SAVINJSKA, "46.2397", "15.2677", ""),
    ("kranj", "Kranj", Region.GORENJSKA, "46.2389", "14.3556", "https://www.kranj.si/"),
    ("nova-gorica", "Nova Gorica", Region.GORISKA, "45.9558", "13.6483",
     "https://www.nova-gorica.si/"),
    ("idrija", "Idrija", Region.GORISKA, "46.0028", "14.0300", "https://www.idrija.si/"),
    ("kocevje", "Kočevje", Region.JUGOVZHODNA, "45.6428", "14.8633", "https://www.kocevje.si/"),
    ("ljutomer", "Ljutomer", Region.POMURSKA, "46.5208", "16.1975", ""),
    ("grosuplje", "Grosuplje", Region.OSREDNJESLOVENSKA, "45.9556", "14.6589",
     "https://www.grosuplje.si/"),
    ("skofja-loka", "Škofja Loka", Region.GORENJSKA, "46.1655", "14.3064", ""),
]  # fmt: skip

# Cities that took part only through an organisation based in them (facts.md: Kranj through
# BSC Kranj, the Gorenjska regional development agency).
THROUGH_ORGANISATION = {"kranj": ("BSC Kranj", "BSC Kranj")}


def city_intro(slug, name):
    """A generic introduction that claims nothing beyond the facts; the list of networks
    on the city's page is derived from the networks' Slovenian participants."""
    if slug in THROUGH_ORGANISATION:
        organisation, organisation_en = THROUGH_ORGANISATION[slug]
        return (
            f"Iz mesta {name} je v omrežju programa URBACT sodelovala organizacija {organisation}.",
            f"{organisation_en}, based in {name}, has taken part in an URBACT network.",
        )
    return (
        f"Mesto {name} je sodelovalo v omrežjih programa URBACT.",
        f"{name} has taken part in URBACT networks.",
    )


def city_body(slug):
    """Extra verified facts for a city's body, as (Slovene, English) paragraph HTML."""
    if slug == "idrija":
        names = ", ".join(data.NPTI_MUNICIPALITIES[:-1]) + " in " + data.NPTI_MUNICIPALITIES[-1]
        names_en = ", ".join(data.NPTI_MUNICIPALITIES[:-1]) + " and " + data.NPTI_MUNICIPALITIES[-1]
        return [
            (
                "<p>Med junijem 2021 in decembrom 2022 je Idrija v okviru Pobude za prenos "
                "dobre prakse na nacionalni ravni svojo prakso platforme nevladnih "
                f"organizacij prenesla v občine {names}.</p>",
                "<p>Between June 2021 and December 2022, within the National Practice "
                "Transfer Initiative, Idrija transferred its NGO-platform practice to "
                f"{names_en}.</p>",
            )
        ]
    return []


def build_index(loader):
    loader.index_page("cities", CityIndexPage, city_index, INDEX)


def build_cities(loader):
    parent = loader.ref["cities"]
    for slug, name, region, lat, lon, website in CITIES:
        intro, intro_en = city_intro(slug, name)
        extra = city_body(slug)
        fields = {
            "title": name,
            "slug": slug,
            # A city's name is its English title too: the page exists in English.
            "title_en": name,
            "slug_en": slug,
            "region": region,
            "latitude": data.decimal(lat),
            "longitude": data.decimal(lon),
            "website": website,
            "intro": intro,
            "intro_en": intro_en,
            "body": [paragraph(sl) for sl, _en in extra],
            "body_en": [paragraph(en) for _sl, en in extra],
        }
        page = loader.upsert(
            parent,
            CityPage,
            slug,
            lambda fields=fields: city_page(parent, **fields),
            fields,
        )
        loader.ref[f"city:{slug}"] = page


DEMO = DemoPart(name="cities", indexes=build_index, content=build_cities)
