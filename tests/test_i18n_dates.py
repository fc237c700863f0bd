"""Slovene dates (the month in the genitive) and the four Slovene plural forms, in
rendered templates and on a real page."""

import datetime
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import translation

from networks.home import cities_label, networks_label, with_labels
from tests import factories
from urbact_portal.dates import MONTHS_GENITIVE
from urbact_portal.programme import Period

SL_PO = Path(settings.BASE_DIR) / "locale" / "sl" / "LC_MESSAGES" / "django.po"


def render_date(language, value):
    with translation.override(language):
        return Template("{{ value|date }}").render(Context({"value": value}))


def test_date_format_in_slovene_uses_the_genitive():
    assert render_date("sl", datetime.date(2026, 11, 25)) == "25. novembra 2026"
    assert render_date("sl", datetime.date(2026, 3, 1)) == "1. marca 2026"
    assert render_date("sl", datetime.date(2025, 7, 4)) == "4. julija 2025"


def test_date_format_in_english():
    assert render_date("en", datetime.date(2026, 11, 25)) == "25 November 2026"


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_has_its_genitive(month):
    genitives = [
        "januarja",
        "februarja",
        "marca",
        "aprila",
        "maja",
        "junija",
        "julija",
        "avgusta",
        "septembra",
        "oktobra",
        "novembra",
        "decembra",
    ]
    with translation.override("sl"):
        assert str(MONTHS_GENITIVE[month]) == genitives[month - 1]
    assert render_date("sl", datetime.date(2026, month, 2)) == f"2. {genitives[month - 1]} 2026"


def test_slovene_catalogue_header():
    po = polib.pofile(str(SL_PO))
    assert po.metadata["Language"] == "sl"
    assert not po.metadata_is_fuzzy
    assert po.metadata["Plural-Forms"].startswith("nplurals=4;")
    months = [e for e in po if e.msgctxt == "alt. month"]
    assert len(months) == 12 and all(e.msgstr and "fuzzy" not in e.flags for e in months)


@pytest.mark.parametrize(
    "count, city, network",
    [
        (1, "1 mesto", "1 omrežje"),
        (2, "2 mesti", "2 omrežji"),
        (3, "3 mesta", "3 omrežja"),
        (4, "4 mesta", "4 omrežja"),
        (5, "5 mest", "5 omrežij"),
        (101, "101 mesto", "101 omrežje"),
        (102, "102 mesti", "102 omrežji"),
        (111, "111 mest", "111 omrežij"),
    ],
)
def test_slovene_plural_forms(count, city, network):
    with translation.override("sl"):
        assert cities_label(count) == city
        assert networks_label(count) == network
    with translation.override("en"):
        assert cities_label(count) == f"{count} {'city' if count == 1 else 'cities'}"


@pytest.mark.parametrize(
    "count, phrase",
    [
        (1, "slovensko mesto v omrežjih URBACT"),
        (2, "slovenski mesti v omrežjih URBACT"),
        (3, "slovenska mesta v omrežjih URBACT"),
        (5, "slovenskih mest v omrežjih URBACT"),
        (101, "slovensko mesto v omrežjih URBACT"),
        (102, "slovenski mesti v omrežjih URBACT"),
    ],
)
def test_plural_forms_in_the_rendered_figures(count, phrase):
    figures = {
        "cities": count,
        "networks": count,
        "periods": [
            {"period": Period.URBACT_IV, "label": "URBACT IV", "cities": count, "networks": count}
        ],
    }
    with translation.override("sl"):
        html = render_to_string("networks/home_figures.html", {"figures": with_labels(figures)})
        row = f"<td>{cities_label(count)}</td><td>{networks_label(count)}</td>"
    assert f'<span class="figures__number">{count}</span>' in html
    assert f'<span class="figures__label">{phrase}</span>' in html
    assert row in html


@pytest.fixture
def periods_tree(site_tree):
    """Cities and networks so that the periods show 1, 2, 3 and 5 of each."""
    cities = [factories.city_page(site_tree["cities"], title=f"Mesto {i}") for i in range(5)]
    layout = [(Period.URBACT_I, 1), (Period.URBACT_II, 2), (Period.URBACT_III, 3)]
    layout.append((Period.URBACT_IV, 5))
    for period, count in layout:
        for i in range(count):
            factories.network_page(
                site_tree["networks"], title=f"{period} {i}", period=period, cities=cities[:count]
            )
    return site_tree


def test_plural_forms_on_the_home_page(periods_tree, client):
    html = client.get("/").content.decode()
    for expected in [
        "<td>1 mesto</td><td>1 omrežje</td>",
        "<td>2 mesti</td><td>2 omrežji</td>",
        "<td>3 mesta</td><td>3 omrežja</td>",
        "<td>5 mest</td><td>5 omrežij</td>",
    ]:
        assert expected in html
    assert '<span class="figures__label">slovenskih mest v omrežjih URBACT</span>' in html
    assert '<span class="figures__label">omrežij s slovensko udeležbo</span>' in html
    html = client.get("/en/").content.decode()
    assert "<td>1 city</td><td>1 network</td>" in html
    assert "<td>5 cities</td><td>5 networks</td>" in html


def test_news_dates_on_pages(site_tree, client):
    factories.news_page(
        site_tree["news"],
        title="Jesenska novica",
        title_en="Autumn news",
        date=datetime.date(2026, 11, 25),
    )
    assert "25. novembra 2026" in client.get("/").content.decode()
    assert "25 November 2026" in client.get("/en/").content.decode()
