"""The events app's part of the demo content (see urbact_portal/demo/parts.py): the listing,
past events built only on verified facts (/work/shared/seed/facts.md: the National Practice
Transfer Initiative, June 2021 – December 2022, led from Idrija; the dates of the URBACT IV
network Cities@Heart), and upcoming events that are clearly examples ("Primer: …"), dated
from the day the demo is loaded so the site always has something coming up."""

from datetime import date, time, timedelta

from django.utils import timezone

from urbact_portal.demo import blocks as b
from urbact_portal.demo import data
from urbact_portal.demo.parts import DemoPart

from .factories import event_index, event_page
from .models import Attendance, EventIndexPage, EventKind, EventPage

INDEX = {
    "title": "Dogodki",
    "slug": "dogodki",
    "title_en": "Events",
    "slug_en": "events",
    "intro": "Informativni dnevi, usposabljanja in dogodki programa URBACT za slovenska mesta.",
    "intro_en": "Info days, trainings and URBACT programme events for Slovenian cities.",
}

EXAMPLE_NOTE = (
    "To je primer dogodka za predstavitev spletnega mesta, ne napoved resničnega dogodka.",
    "This is an example event to show the website, not an announcement of a real event.",
)
# The second example says the same in other words (demo texts do not repeat themselves).
EXAMPLE_NOTE_2 = (
    "Gre za izmišljen primer dogodka, ki le kaže, kako je usposabljanje prikazano na strani.",
    "It is a made-up example event that only shows how a training looks on the site.",
)


def _towns(sl):
    towns = data.NPTI_MUNICIPALITIES
    return ", ".join(towns[:-1]) + (" in " if sl else " and ") + towns[-1]


def _events(today):
    """The demo events: (stable key, fields, relations)."""
    return [
        (
            "pobuda-za-prenos-dobre-prakse-2021-2022",
            {
                "title": "Pobuda za prenos dobre prakse 2021–2022",
                "title_en": "National Practice Transfer Initiative 2021–2022",
                "slug_en": "national-practice-transfer-initiative-2021-2022",
                "kind": EventKind.URBACT,
                # facts.md: June 2021 – December 2022 (months only: the first and last day).
                "start_date": date(2021, 6, 1),
                "end_date": date(2022, 12, 31),
                "attendance": Attendance.IN_PERSON,
                "organiser": "Program URBACT",
                "organiser_en": "URBACT programme",
                "summary": "Nacionalna pobuda programa URBACT, v kateri je šest slovenskih občin "
                "prevzemalo idrijsko prakso platforme nevladnih organizacij.",
                "summary_en": "A national initiative of the URBACT programme in which six "
                "Slovenian municipalities took up Idrija's NGO-platform practice.",
                "body": [
                    b.paragraph(
                        b.p(
                            "S to pobudo je program URBACT prakse svojih mest prenašal "
                            "znotraj držav. Idrijsko platformo nevladnih organizacij so od "
                            f"junija 2021 do decembra 2022 prevzemale občine {_towns(True)}."
                        )
                    )
                ],
                "body_en": [
                    b.paragraph(
                        b.p(
                            "With this initiative the URBACT programme carried its cities' "
                            "practices over within countries. From June 2021 to December 2022, "
                            f"{_towns(False)} took up Idrija's NGO platform."
                        )
                    )
                ],
            },
            {"themes": ["governance"], "cities": ["idrija"], "networks": ["citycentredoctor"]},
        ),
        (
            "omrezje-cities-at-heart",
            {
                "title": "Omrežje Cities@Heart",
                "title_en": "The Cities@Heart network",
                "slug_en": "the-cities-at-heart-network",
                "kind": EventKind.URBACT,
                "start_date": date(2023, 6, 1),
                "end_date": date(2025, 12, 31),
                "attendance": Attendance.IN_PERSON,
                "organiser": "Metropola Veliki Pariz (vodilni partner)",
                "organiser_en": "Greater Paris Metropolis (lead partner)",
                "summary": "Omrežje za akcijsko načrtovanje Cities@Heart obdobja URBACT IV, v "
                "katerem sodeluje Celje, je delovalo od 1. junija 2023 do 31. decembra 2025.",
                "summary_en": "Cities@Heart, an URBACT IV Action Planning network with Celje "
                "among its partners, ran from 1 June 2023 to 31 December 2025.",
                "body": [
                    b.paragraph(
                        b.p(
                            "Poleg Celja so v omrežju sodelovali Cesena (Italija), Fleurus "
                            "(Belgija), Sligo (Irska), Granada (Španija), Krakov (Poljska), "
                            "Osijek (Hrvaška) in Quadrilatero (Portugalska)."
                        )
                    )
                ],
            },
            {"themes": [], "cities": ["celje"], "networks": ["cities-at-heart"]},
        ),
        (
            "primer-informativni-dan-o-programu-urbact",
            {
                "title": "Primer: informativni dan o programu URBACT",
                "title_en": "Example: an info day on the URBACT programme",
                "slug_en": "example-info-day-on-the-urbact-programme",
                "kind": EventKind.INFODAY,
                "start_date": today + timedelta(days=45),
                "start_time": time(10, 0),
                "end_time": time(12, 0),
                "attendance": Attendance.ONLINE,
                "summary": "Primer spletnega informativnega dneva: kaj je program URBACT, "
                "kako delujejo omrežja in kako se nanje prijaviti. " + EXAMPLE_NOTE[0],
                "summary_en": "An example online info day: what URBACT is, how its networks "
                "work and how to apply. " + EXAMPLE_NOTE[1],
            },
            {"themes": ["governance"], "cities": [], "networks": []},
        ),
        (
            "primer-usposabljanje-za-obcine",
            {
                "title": "Primer: usposabljanje za občine",
                "title_en": "Example: a training for municipalities",
                "slug_en": "example-training-for-municipalities",
                "kind": EventKind.TRAINING,
                "start_date": today + timedelta(days=75),
                "end_date": today + timedelta(days=76),
                "attendance": Attendance.IN_PERSON,
                "summary": "Primer dvodnevnega usposabljanja o pripravi integriranih akcijskih "
                "načrtov; kraj bo objavljen. " + EXAMPLE_NOTE_2[0],
                "summary_en": "An example two-day training on preparing integrated action "
                "plans; the place will be announced. " + EXAMPLE_NOTE_2[1],
            },
            {"themes": ["participative-governance"], "cities": [], "networks": []},
        ),
    ]


def build_index(loader):
    loader.index_page("events", EventIndexPage, event_index, INDEX)


def build_events(loader):
    index = loader.ref["events"]
    for key, fields, relations in _events(timezone.localdate()):
        fields = {"slug": key, **fields}
        themes = loader.themes(relations["themes"])
        cities = [loader.ref[f"city:{slug}"] for slug in relations["cities"]]
        networks = [loader.ref[f"network:{slug}"] for slug in relations["networks"]]
        page = loader.upsert(
            index,
            EventPage,
            key,
            lambda fields=fields, themes=themes, cities=cities, networks=networks: event_page(
                index, themes=themes, cities=cities, networks=networks, **fields
            ),
            fields,
            m2m={"themes": themes, "related_cities": cities, "related_networks": networks},
        )
        loader.ref[f"event:{key}"] = page


DEMO = DemoPart(
    name="events", indexes=build_index, content=build_events, after=("cities", "networks")
)
