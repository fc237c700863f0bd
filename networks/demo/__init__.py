"""The networks app's part of the demo content (see urbact_portal/demo/parts.py): the
network and good practice listings, the networks with Slovenian partners and the good
practices of the verified facts. Slovenian cities are linked to their pages from the cities
app's part, which is built first."""

from urbact_portal.demo.blocks import paragraph
from urbact_portal.demo.parts import DemoPart
from urbact_portal.demo.texts import ILLUSTRATION_ALT

from ..factories import good_practice_index, good_practice_page, network_index, network_page
from ..models import (
    GoodPracticeIndexPage,
    GoodPracticePage,
    NetworkIndexPage,
    NetworkPage,
    NetworkPartner,
)
from .data import GOOD_PRACTICES, NETWORKS
from .texts import NETWORK_INDEX, PRACTICE_INDEX, practice_body


def build_indexes(loader):
    loader.index_page("networks", NetworkIndexPage, network_index, NETWORK_INDEX)
    loader.index_page("practices", GoodPracticeIndexPage, good_practice_index, PRACTICE_INDEX)


def _partners(loader, spec):
    partners = []
    for name, name_en, country in spec["partners"]:
        city = loader.ref.get(f"city:{name.lower()}") if country == "SI" else None
        partners.append(
            {"city_name": name, "city_name_en": name_en, "country": country, "city_page": city}
        )
    return partners


def build_networks(loader):
    for spec in NETWORKS:
        lead = spec["lead"]
        lead_page = loader.ref.get(f"city:{lead[0].lower()}") if lead and lead[2] == "SI" else None
        logo = loader.image(f"network-{spec['slug']}", f"Ilustracija – omrežje {spec['title']}")
        dates = spec["dates"]
        fields = {
            "title": spec["title"],
            "slug": spec["slug"],
            "network_type": spec["network_type"],
            "period": spec["period"],
            "start_year": spec["start_year"],
            "end_year": spec["end_year"],
            "summary": spec["summary"],
            "summary_en": spec["summary_en"],
            "lead_partner_city": lead[0] if lead else "",
            "lead_partner_city_en": lead[1] if lead else None,
            "lead_partner_country": lead[2] if lead else "",
            "lead_partner_page": lead_page,
            "logo": logo,
            "body": [paragraph(f"<p>{dates[0]}</p>")] if dates else [],
            "body_en": [paragraph(f"<p>{dates[1]}</p>")] if dates else [],
        }
        if spec.get("title_en"):
            fields["title_en"] = spec["title_en"]
        cities = [loader.ref[f"city:{slug}"] for slug in spec["cities"]]
        themes = loader.themes(spec["themes"])
        partners = _partners(loader, spec)

        def replace_partners(page, partners=partners):
            NetworkPartner.objects.filter(network=page).delete()
            for order, partner in enumerate(partners):
                NetworkPartner.objects.create(network=page, sort_order=order, **partner)

        page = loader.upsert(
            loader.ref["networks"],
            NetworkPage,
            spec["slug"],
            lambda fields=fields, cities=cities, themes=themes, partners=partners: network_page(
                loader.ref["networks"],
                cities=cities,
                themes=themes,
                partners=partners,
                **fields,
            ),
            fields,
            m2m={"slovenian_cities": cities, "themes": themes},
            after_update=replace_partners,
        )
        loader.ref[f"network:{spec['slug']}"] = page


def build_practices(loader):
    for spec in GOOD_PRACTICES:
        key = spec["slug"]
        image = loader.image(f"practice-{key}", f"Ilustracija – dobra praksa {spec['title']}")
        fields = {
            "title": spec["title"],
            "slug": key,
            "title_en": spec["title_en"],
            "slug_en": spec["slug_en"],
            "city_name": spec["city_name"],
            "country": spec["country"],
            "city_page": loader.ref.get(f"city:{spec['city']}"),
            "related_network": (
                loader.ref[f"network:{spec['network']}"] if spec["network"] else None
            ),
            "label_year": spec["label_year"],
            "summary": spec["summary"],
            "summary_en": spec["summary_en"],
            "image": image,
            "image_alt": ILLUSTRATION_ALT[0],
            "image_alt_en": ILLUSTRATION_ALT[1],
            "body": practice_body(key, loader.ref, "sl"),
            "body_en": practice_body(key, loader.ref, "en"),
        }
        themes = loader.themes(spec["themes"])
        page = loader.upsert(
            loader.ref["practices"],
            GoodPracticePage,
            key,
            lambda fields=fields, themes=themes: good_practice_page(
                loader.ref["practices"], themes=themes, **fields
            ),
            fields,
            m2m={"themes": themes},
        )
        loader.ref[f"practice:{key}"] = page


def build_content(loader):
    build_networks(loader)
    build_practices(loader)


DEMO = DemoPart(name="networks", indexes=build_indexes, content=build_content, after=("cities",))
