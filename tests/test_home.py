"""The home page: seed texts, live figures from the database, latest lists, contact box and
its query budget."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from networks.home import compute_figures
from tests import factories
from urbact_portal.programme import Period


def figures_html(client, url="/"):
    html = client.get(url).content.decode()
    start = html.index('aria-labelledby="slovenia-heading"')
    return html[start : html.index("</section>", start)]


def figure_items(client, url="/"):
    """The two headline figures as (number, label) pairs."""
    section = figures_html(client, url)
    return re.findall(
        r'<span class="figures__number">(\d+)</span> <span class="figures__label">([^<]+)</span>',
        section,
    )


def period_rows(client, url="/"):
    """(period, cities, networks) of each row of the table by programme period."""
    section = figures_html(client, url)
    return re.findall(
        r'<tr data-period="[^"]+"><th scope="row">([^<]+)</th><td>([^<]+)</td><td>([^<]+)</td>',
        section,
    )


def source_cells(client, url="/"):
    """{period value: the text of its source cell}, when the table has that column."""
    section = figures_html(client, url)
    rows = re.findall(r'<tr data-period="([^"]+)">.*?</td><td>.*?</td><td>(.*?)</td></tr>', section)
    return {period: re.sub(r"<[^>]+>", "", cell) for period, cell in rows}


@pytest.fixture
def home_tree(site_tree):
    home = site_tree["home"]
    home.hero_heading_sl = "URBACT v Sloveniji"
    home.hero_intro_sl = "<p>Program URBACT je namenjen povezovanju mest.</p>"
    home.slovenia_text_sl = "<p>V programu URBACT delujejo nacionalne točke.</p>"
    home.nup_text_sl = "<p>V Sloveniji nalogo opravlja IPoP.</p>"
    about = factories.standard_page(home, title="O programu", title_en="About")
    home.hero_link = about
    home.nup_link = about
    home.save_revision().publish()
    return site_tree


def test_home_shows_the_seed_texts_and_links(home_tree, client):
    html = client.get("/").content.decode()
    assert '<h1 class="hero__heading">URBACT v Sloveniji</h1>' in html
    assert "Program URBACT je namenjen povezovanju mest." in html
    assert "V programu URBACT delujejo nacionalne točke." in html
    assert "V Sloveniji nalogo opravlja IPoP." in html
    assert re.search(r'<a class="button" href="/o-programu/">Več informacij', html)
    assert '<h2 id="nup-heading">Nacionalna URBACT točka</h2>' in html
    assert 'class="contact-box"' in html
    assert html.count("<h1") == 1
    html = client.get("/en/").content.decode()
    assert re.search(r'<a class="button" href="/en/about/">More information', html)


def test_figures_are_counted_from_the_database(home_tree, client):
    cities, networks = home_tree["cities"], home_tree["networks"]
    assert "Nobeno slovensko mesto še ne sodeluje v omrežju." in figures_html(client)

    ljubljana = factories.city_page(cities, title="Ljubljana")
    factories.network_page(networks, title="A", cities=[ljubljana], period=Period.URBACT_III)
    assert figure_items(client) == [
        ("1", "slovensko mesto v omrežjih URBACT"),
        ("1", "omrežje s slovensko udeležbo"),
    ]
    assert period_rows(client) == [("URBACT III (2014–2020)", "1 mesto", "1 omrežje")]

    maribor = factories.city_page(cities, title="Maribor")
    factories.network_page(
        networks, title="B", cities=[ljubljana, maribor], period=Period.URBACT_IV
    )
    factories.network_page(networks, title="C", cities=[maribor], period=Period.URBACT_IV)
    assert figure_items(client) == [
        ("2", "slovenski mesti v omrežjih URBACT"),
        ("3", "omrežja s slovensko udeležbo"),
    ]
    assert period_rows(client) == [
        ("URBACT III (2014–2020)", "1 mesto", "1 omrežje"),
        ("URBACT IV (2021–2027)", "2 mesti", "2 omrežji"),
    ]
    assert period_rows(client, "/en/") == [
        ("URBACT III (2014–2020)", "1 city", "1 network"),
        ("URBACT IV (2021–2027)", "2 cities", "2 networks"),
    ]


def test_figures_ignore_unpublished_and_unlinked_pages(home_tree, client):
    cities, networks = home_tree["cities"], home_tree["networks"]
    kranj = factories.city_page(cities, title="Kranj")
    factories.city_page(cities, title="Celje")  # in no network: does not count
    draft_city = factories.city_page(cities, title="Koper", live=False)
    factories.network_page(networks, title="A", cities=[kranj, draft_city])
    factories.network_page(networks, title="Osnutek", cities=[kranj], live=False)
    factories.network_page(networks, title="Brez mest")  # no Slovenian city
    assert compute_figures()["cities"] == 1
    assert compute_figures()["networks"] == 1
    assert figure_items(client)[0][0] == "1"

    # Unpublishing the only network takes its city out of the figures at once.
    network = networks.get_children().get(title_sl="A").specific
    network.unpublish()
    assert "Nobeno slovensko mesto še ne sodeluje v omrežju." in figures_html(client)


def test_an_organisation_counts_for_its_city(home_tree, client):
    kranj = factories.city_page(home_tree["cities"], title="Kranj")
    factories.network_page(
        home_tree["networks"],
        title="Food Corridors",
        participants=[{"city_page": kranj, "organisation": "BSC Kranj"}],
    )
    factories.network_page(home_tree["networks"], title="B", cities=[kranj])
    assert compute_figures()["cities"] == 1
    assert compute_figures()["networks"] == 2


def test_programme_figures_from_the_setting_with_source_and_date(home_tree, client):
    """Where the programme's published figure is larger than the directory's count, the
    home page shows it with its source and date and the directory's count beside it; the
    headline totals and smaller programme figures stay the directory's."""
    import datetime

    from wagtail.models import Site

    from networks.models import ProgrammeFigures

    cities, networks = home_tree["cities"], home_tree["networks"]
    ljubljana = factories.city_page(cities, title="Ljubljana")
    maribor = factories.city_page(cities, title="Maribor")
    factories.network_page(networks, title="A", cities=[ljubljana], period=Period.URBACT_III)
    factories.network_page(networks, title="B", cities=[ljubljana, maribor], period="urbact-ii")
    assert '<th scope="col">Vir</th>' not in figures_html(client)

    setting = ProgrammeFigures.for_site(Site.objects.get(is_default_site=True))
    setting.urbact_iii_cities, setting.urbact_iii_networks = 9, 14
    setting.urbact_iv_cities, setting.urbact_iv_networks = 8, 10
    setting.urbact_ii_cities = 1  # smaller than the directory's two: not shown
    setting.source_name = "urbact.eu/slovenija"
    setting.source_url = "https://urbact.eu/slovenija"
    setting.source_date = datetime.date(2023, 6, 1)
    setting.save()  # an editor's change shows at once (the home page's cache is bumped)

    assert period_rows(client) == [
        ("URBACT II (2007–2013)", "2 mesti", "1 omrežje"),
        ("URBACT III (2014–2020)", "9 mest", "14 omrežij"),
        ("URBACT IV (2021–2027)", "8 mest", "10 omrežij"),
    ]
    cells = source_cells(client)
    assert cells["urbact-ii"] == "imenik te strani"
    assert cells["urbact-iii"] == (
        "urbact.eu/slovenija, 1. junija 2023; na tej strani: 1 mesto, 1 omrežje"
    )
    assert cells["urbact-iv"] == (
        "urbact.eu/slovenija, 1. junija 2023; na tej strani: 0 mest, 0 omrežij"
    )
    assert '<a href="https://urbact.eu/slovenija" rel="external noopener">' in figures_html(client)
    # The headline totals are the directory's: what the listings show.
    assert [number for number, _label in figure_items(client)] == ["2", "2"]
    en = source_cells(client, "/en/")
    assert en["urbact-iii"] == "urbact.eu/slovenija, 1 June 2023; on this site: 1 city, 1 network"

    # The figures follow the setting and the database, never a typed number elsewhere.
    setting.urbact_iii_networks = None
    setting.urbact_iii_cities = None
    setting.save()
    assert period_rows(client)[1] == ("URBACT III (2014–2020)", "1 mesto", "1 omrežje")
    assert source_cells(client)["urbact-iii"] == "imenik te strani"


def test_latest_news_are_the_three_newest(home_tree, client):
    from datetime import date

    for day in range(1, 6):
        factories.news_page(home_tree["news"], title=f"Novica {day}", date=date(2026, 3, day))
    html = client.get("/").content.decode()
    start = html.index('id="news-heading"')
    section = html[start : html.index("</section>", start)]
    titles = re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', section)
    assert titles == ["Novica 5", "Novica 4", "Novica 3"]
    assert "5. marca 2026" in section
    assert 'href="/novice/">Vse novice</a>' in section


def test_practices_and_networks_are_mixed_by_publication(home_tree, client):
    created = []
    for i in range(4):
        created.append(factories.good_practice_page(home_tree["practices"], title=f"Praksa {i}"))
        created.append(factories.network_page(home_tree["networks"], title=f"Omrežje {i}"))
    html = client.get("/").content.decode()
    start = html.index('id="practices-heading"')
    section = html[start : html.index("</section>", start)]
    titles = re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', section)
    assert titles == [p.title for p in reversed(created)][:6]
    labels = re.findall(r'<p class="card__type">([^<]+)</p>', section)
    network_label = str(created[1].type_label())
    practice_label = str(created[0].type_label())
    assert labels == [network_label, practice_label] * 3
    assert network_label != practice_label


def test_cards_show_images_as_responsive_pictures(home_tree, client):
    image = factories.image("Delavnica", size=(1200, 800))
    factories.good_practice_page(home_tree["practices"], title="S sliko", image=image)
    html = client.get("/").content.decode()
    card = html[html.index('<article class="card card--image">') :]
    card = card[: card.index("</article>")]
    assert "<picture>" in card
    assert 'type="image/avif"' in card and 'type="image/webp"' in card
    img = re.search(r"<img [^>]+>", card).group(0)
    assert 'alt=""' in img and 'loading="lazy"' in img
    assert 'width="400"' in img and 'height="250"' in img
    assert "sizes=" in card


def _home_queries(client):
    client.get("/")
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/")
    assert response.status_code == 200
    return len(ctx)


def _add_content(tree, count, image):
    for _i in range(count):
        factories.news_page(tree["news"], image=image)
        factories.good_practice_page(tree["practices"], image=image)
    for _i in range(count // 5):
        factories.network_page(tree["networks"], logo=image)


def test_home_query_budget_does_not_grow(home_tree, client):
    image = factories.image("Skupna", size=(900, 600))
    city = factories.city_page(home_tree["cities"], title="Ptuj")
    factories.network_page(home_tree["networks"], cities=[city])
    # Fewer news and practices than the home page shows, then more than it shows.
    _add_content(home_tree, 1, image)
    few = _home_queries(client)
    _add_content(home_tree, 9, image)
    many = _home_queries(client)
    assert few == many
    assert many <= 12


def test_private_pages_stay_out_of_the_home_lists(
    home_tree, client, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    factories.news_page(home_tree["news"], title="Javna novica")
    secret = factories.news_page(home_tree["news"], title="Zaupna novica")
    practice = factories.good_practice_page(home_tree["practices"], title="Zaupna praksa")
    assert "Zaupna novica" in client.get("/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # the caches follow the commit
        for page in (secret, practice):
            PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.LOGIN
            )
    html = client.get("/").content.decode()
    assert "Javna novica" in html
    assert "Zaupna novica" not in html and "Zaupna praksa" not in html


def test_missing_image_files_do_not_break_the_home_page(home_tree, client):
    image = factories.image("Izgubljena", size=(900, 600))
    factories.news_page(home_tree["news"], title="Brez datoteke", image=image)
    home = home_tree["home"]
    home.hero_image = image
    home.save_revision().publish()
    image.file.storage.delete(image.file.name)
    response = client.get("/")
    assert response.status_code == 200
    assert "Brez datoteke" in response.content.decode()
    news = client.get("/novice/brez-datoteke/")
    assert news.status_code == 200


def test_logos_on_cards_are_never_cropped(home_tree, client):
    logo = factories.image("Logotip omrežja", size=(600, 200))
    factories.network_page(home_tree["networks"], title="Z logotipom", logo=logo)
    html = client.get("/").content.decode()
    card = html[html.index('<div class="card__image card__image--contain">') :]
    card = card[: card.index("</div>")]
    assert 'type="image/webp"' in card and "fill-" not in card
    img = re.search(r"<img [^>]+>", card).group(0)
    assert 'width="240"' in img and 'height="80"' in img  # 600×200 scaled, not cropped
