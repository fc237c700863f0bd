"""The networks app's part of the demo content (see urbact_portal/demo/parts.py): the
network and good practice listings, the networks with Slovenian partners and the good
practices of the verified facts. Each network's Slovenian participants (cities, or
organisations with their city) point to the city pages of the cities app's part, which is
built first."""

from wagtail.models import Site

from urbact_portal.demo.blocks import paragraph
from urbact_portal.demo.parts import DemoPart
from urbact_portal.demo.texts import ILLUSTRATION_ALT

from ..factories import (
    good_practice_index,
    good_practice_page,
    network_index,
    network_page,
    participant_rows,
)
from ..models import (
    GoodPracticeIndexPage,
    GoodPracticePage,
    NetworkIndexPage,
    NetworkPage,
    NetworkPartner,
    ProgrammeFigures,
)
from .data import GOOD_PRACTICES, NETWORKS, PROGRAMME_FIGURES
from .texts import NETWORK_INDEX, PRACTICE_INDEX, practice_body


def build_indexes(loader):
    loader.index_page("networks", NetworkIndexPage, network_index, NETWORK_INDEX)
    loader.index_page("practices", GoodPracticeIndexPage, good_practice_index, PRACTICE_INDEX)


def _participants(loader, spec):
    return participant_rows(
        [
            {
                "city_page": loader.ref[f"city:{slug}"],
                "role": role,
                "organisation": organisation or "",
                "organisation_en": organisation_en,
            }
            for slug, role, organisation, organisation_en in spec["participants"]
        ]
    )


def _partners(spec):
    return [
        NetworkPartner(sort_order=order, city_name=name, city_name_en=name_en, country=country)
        for order, (name, name_en, country) in enumerate(spec["partners"])
    ]


def build_networks(loader):
    for spec in NETWORKS:
        lead = spec["lead"]
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
            "urbact_url": spec["urbact_url"],
            "logo": logo,
            "body": [paragraph(f"<p>{dates[0]}</p>")] if dates else [],
            "body_en": [paragraph(f"<p>{dates[1]}</p>")] if dates else [],
            "participants": _participants(loader, spec),
            "partners": _partners(spec),
        }
        # Every network has its English text: its English title is its own name unless the
        # data gives another (a page exists in English when its English title is set).
        fields["title_en"] = spec.get("title_en") or spec["title"]
        themes = loader.themes(spec["themes"])
        page = loader.upsert(
            loader.ref["networks"],
            NetworkPage,
            spec["slug"],
            lambda fields=fields, themes=themes: network_page(
                loader.ref["networks"], themes=themes, **fields
            ),
            fields,
            m2m={"themes": themes},
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
            "urbact_url": spec["urbact_url"],
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


def build_programme_figures(loader):
    """The programme's published figures (data.PROGRAMME_FIGURES) in the default site's
    setting: blank fields are filled, --reset rewrites them."""
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    setting = ProgrammeFigures.for_site(site)
    for name, value in PROGRAMME_FIGURES.items():
        if loader.reset or getattr(setting, name) in (None, ""):
            setattr(setting, name, value)
    setting.save()


def build_content(loader):
    build_networks(loader)
    build_practices(loader)
    build_programme_figures(loader)


DEMO = DemoPart(name="networks", indexes=build_indexes, content=build_content, after=("cities",))
