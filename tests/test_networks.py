"""The network listing (/omrezja/) and a network page: fields in both languages,
pagination, the four filters, the lead partner, the Slovenian participants (cities and
organisations with their city), the partners from abroad and the query budget."""

import re

import pytest

from cities.models import CityPage
from networks.choices import NetworkType, ParticipantRole
from networks.models import GoodPracticePage, NetworkPage, NetworkParticipant, NetworkPartner
from news.models import NewsPage
from tests import factories
from tests.listing_helpers import (
    assert_within_budget,
    card_titles,
    html_of,
    measure,
    quick_page,
    robots_noindex,
)
from urbact_portal.programme import Period


@pytest.fixture
def networks(site_tree):
    return site_tree["networks"]


# --- the listing -------------------------------------------------------------------------


def test_listing_renders_in_slovene_and_english(networks, client):
    networks.intro = "Omrežja s slovenskimi partnerji."
    networks.intro_en = "Networks with Slovenian partners."
    networks.save_revision().publish()
    factories.network_page(
        networks,
        "Mesta v središču",
        title_en="Cities at the heart",
        summary="Povzetek v slovenščini.",
        summary_en="A summary in English.",
        network_type=NetworkType.ACTION_PLANNING,
        period=Period.URBACT_IV,
        start_year=2023,
        end_year=2025,
    )
    factories.network_page(networks, "Samo slovensko", start_year=2015)

    sl = client.get("/omrezja/")
    html = html_of(sl)
    assert sl.status_code == 200
    assert "<h1>Omrežja</h1>" in html
    assert "Omrežja s slovenskimi partnerji." in html
    assert card_titles(sl) == ["Mesta v središču", "Samo slovensko"]  # newest first
    assert "Povzetek v slovenščini." in html
    assert "Najdeni 2 omrežji" in html
    assert not robots_noindex(sl)

    en = client.get("/en/networks/")
    html = html_of(en)
    assert "<h1>Networks</h1>" in html
    assert "Networks with Slovenian partners." in html
    # Only what exists in English (its English title is set).
    assert card_titles(en) == ["Cities at the heart"]
    assert "A summary in English." in html
    assert "Action Planning Network · URBACT IV" in html
    assert "1 network found" in html


@pytest.mark.parametrize(
    ("how_many", "sentence"),
    [(1, "Najdeno 1 omrežje"), (3, "Najdena 3 omrežja"), (5, "Najdenih 5 omrežij")],
)
def test_result_count_plural_forms(networks, client, how_many, sentence):
    for _ in range(how_many):
        quick_page(networks, NetworkPage)
    assert sentence in html_of(client.get("/omrezja/"))


def test_empty_listing(networks, client):
    assert "Zaenkrat še ni objavljenih omrežij." in html_of(client.get("/omrezja/"))


def test_pagination(networks, client):
    for n in range(14):
        quick_page(networks, NetworkPage, f"Omrežje {n:02d}", start_year=2005 + n)
    first = client.get("/omrezja/")
    assert "Najdenih 14 omrežij" in html_of(first)
    assert len(card_titles(first)) == 12
    assert card_titles(first)[0] == "Omrežje 13"
    assert card_titles(client.get("/omrezja/?page=2")) == ["Omrežje 01", "Omrežje 00"]
    assert card_titles(client.get("/omrezja/?page=500")) == ["Omrežje 01", "Omrežje 00"]
    assert card_titles(client.get("/omrezja/?page=-3"))[0] == "Omrežje 13"


# --- filters -----------------------------------------------------------------------------


@pytest.fixture
def catalogue(site_tree, networks):
    cities = site_tree["cities"]
    ljubljana = factories.city_page(cities, "Ljubljana", title_en="Ljubljana")
    idrija = factories.city_page(cities, "Idrija", slug_en="idrija-en", title_en="Idrija")
    planning = factories.theme("Urbanizem", slug="urbanizem")
    economy = factories.theme("Gospodarstvo", slug="gospodarstvo")
    factories.network_page(
        networks,
        "Čebelja pot",
        network_type=NetworkType.TRANSFER,
        period=Period.URBACT_III,
        start_year=2018,
        cities=[ljubljana],
        themes=[economy],
    )
    factories.network_page(
        networks,
        "Mestni zdravnik",
        title_en="City Doctor",
        network_type=NetworkType.ACTION_PLANNING,
        period=Period.URBACT_III,
        start_year=2015,
        cities=[idrija],
        themes=[planning],
    )
    factories.network_page(
        networks,
        "Srce mest",
        title_en="Heart of Cities",
        network_type=NetworkType.ACTION_PLANNING,
        period=Period.URBACT_IV,
        start_year=2023,
        end_year=2025,
        cities=[ljubljana, idrija],
        themes=[planning, economy],
    )
    return {"ljubljana": ljubljana, "idrija": idrija}


def test_filter_form_offers_only_values_in_use(catalogue, client):
    html = html_of(client.get("/omrezja/"))
    for name in ("type", "period", "theme", "city"):
        assert f'<select id="filter-{name}" name="{name}">' in html
    assert 'value="transfer"' in html
    assert 'value="implementation"' not in html
    assert 'value="urbact-iv"' in html
    assert 'value="urbact-i"' not in html
    assert '<option value="ljubljana">Ljubljana</option>' in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=action-planning", ["Srce mest", "Mestni zdravnik"]),
        ("type=transfer", ["Čebelja pot"]),
        ("period=urbact-iii", ["Čebelja pot", "Mestni zdravnik"]),
        ("period=urbact-iv", ["Srce mest"]),
        ("theme=urbanizem", ["Srce mest", "Mestni zdravnik"]),
        ("city=ljubljana", ["Srce mest", "Čebelja pot"]),
        ("city=idrija", ["Srce mest", "Mestni zdravnik"]),
        ("type=action-planning&period=urbact-iii", ["Mestni zdravnik"]),
        ("theme=gospodarstvo&city=idrija", ["Srce mest"]),
        ("type=transfer&period=urbact-iii&theme=gospodarstvo&city=ljubljana", ["Čebelja pot"]),
    ],
)
def test_filters_and_combinations(catalogue, client, query, expected):
    response = client.get(f"/omrezja/?{query}")
    assert card_titles(response) == expected
    assert robots_noindex(response)


def test_filters_without_result(catalogue, client):
    response = client.get("/omrezja/?type=transfer&period=urbact-iv")
    assert card_titles(response) == []
    assert "Nobeno omrežje ne ustreza izbranim filtrom." in html_of(response)


def test_city_filter_uses_the_english_slug_in_english(catalogue, client):
    response = client.get("/en/networks/?city=idrija-en")
    assert card_titles(response) == ["Heart of Cities", "City Doctor"]
    assert '<option value="idrija-en" selected>Idrija</option>' in html_of(response)


@pytest.mark.parametrize("query", ["type=ne-obstaja", "period=urbact-ix", "city=<script>"])
def test_unknown_filter_values_are_ignored(catalogue, client, query):
    response = client.get(f"/omrezja/?{query}")
    assert response.status_code == 200
    assert len(card_titles(response)) == 3
    assert robots_noindex(response)
    assert "<script>" not in html_of(response).split("<main", 1)[1]


# --- the detail page ---------------------------------------------------------------------


@pytest.fixture
def beepathnet(site_tree, networks):
    ljubljana = factories.city_page(
        site_tree["cities"], "Ljubljana", title_en="Ljubljana", slug_en="ljubljana"
    )
    theme = factories.theme("Urbana ekologija", slug="urbana-ekologija", name_en="Urban ecology")
    logo = factories.image("Logotip omrežja")
    network = factories.network_page(
        networks,
        "BeePathNet",
        title_en="BeePathNet",
        network_type=NetworkType.TRANSFER,
        period=Period.URBACT_III,
        start_year=2018,
        end_year=2020,
        summary="Prenos dobre prakse Čebelja pot.",
        summary_en="Transfer of the Bee Path good practice.",
        body=[{"type": "paragraph", "value": "<p>Opis omrežja v telesu strani.</p>"}],
        participants=[{"city_page": ljubljana, "role": ParticipantRole.LEAD}],
        themes=[theme],
        urbact_url="https://urbact.eu/networks/beepathnet",
        logo=logo,
        partners=[
            {"city_name": "Cesena", "country": "IT"},
            {"city_name": "Bydgoszcz", "country": "PL"},
            {"city_name": "Amarante", "country": "PT"},
        ],
    )
    practice = factories.good_practice_page(
        site_tree["practices"], "Čebelja pot", related_network=network, city_page=ljubljana
    )
    news = factories.news_page(site_tree["news"], "Čebele v mestu", networks=[network])
    return {"network": network, "city": ljubljana, "practice": practice, "news": news}


def test_detail_shows_its_fields(beepathnet, client):
    response = client.get("/omrezja/beepathnet/")
    assert response.status_code == 200
    html = html_of(response)
    assert "<h1>BeePathNet</h1>" in html
    assert "Prenos dobre prakse Čebelja pot." in html
    assert "Opis omrežja v telesu strani." in html
    assert "<dd>2018–2020</dd>" in html
    assert "<dt>Programsko obdobje</dt>" in html
    assert '<div class="detail__logo"><picture>' in html
    assert 'alt=""' in html  # the logo repeats the title: decorative
    # The link to urbact.eu is marked as external, also for screen readers.
    assert re.search(
        r'<a class="external" href="https://urbact.eu/networks/beepathnet" rel="external noopener">'
        r'Stran na urbact.eu<span class="visually-hidden"> \(zunanja povezava\)</span></a>',
        html,
    )
    assert '<a href="/omrezja/?theme=urbana-ekologija">Urbana ekologija</a>' in html


def test_detail_shows_lead_partners_and_slovenian_cities(beepathnet, client):
    html = html_of(client.get("/omrezja/beepathnet/"))
    lead = re.search(r"<dt>Vodilni partner</dt><dd>(.*?)</dd>", html).group(1)
    assert lead == '<a href="/mesta/ljubljana/">Ljubljana</a>'
    partners = re.search(r'<ol class="partner-list">(.*?)</ol>', html, re.S).group(1)
    names = re.findall(r"<li>([^<]+)", partners)
    assert [n.strip() for n in names] == ["Cesena", "Bydgoszcz", "Amarante"]
    assert "<a" not in partners
    # The lead partner is not listed again among the Slovenian partners.
    assert "<dt>Slovenski partnerji</dt>" not in html


def test_organisation_is_shown_with_its_city(networks, site_tree, client):
    kranj = factories.city_page(site_tree["cities"], "Kranj")
    maribor = factories.city_page(site_tree["cities"], "Maribor")
    factories.network_page(
        networks,
        "Food Corridors",
        lead_partner_city="Coimbra",
        lead_partner_country="PT",
        participants=[
            {"city_page": kranj, "organisation": "BSC Kranj"},
            {"city_page": maribor},
        ],
    )
    html = html_of(client.get("/omrezja/food-corridors/"))
    slovenian = re.search(r"<dt>Slovenski partnerji</dt><dd>(.*?)</dd>", html).group(1)
    assert slovenian == (
        'BSC Kranj (<a href="/mesta/kranj/">Kranj</a>), <a href="/mesta/maribor/">Maribor</a>'
    )
    lead = re.search(r"<dt>Vodilni partner</dt><dd>(.*?)</dd>", html).group(1)
    assert lead == "Coimbra (Portugalska)"
    # The city's page lists the network with the organisation's role.
    city_html = html_of(client.get("/mesta/kranj/"))
    assert '<a href="/omrezja/food-corridors/">Food Corridors</a>' in city_html
    assert "partner: BSC Kranj" in city_html


def test_detail_shows_its_good_practices_and_news(beepathnet, client):
    html = html_of(client.get("/omrezja/beepathnet/"))
    assert '<a href="/dobre-prakse/cebelja-pot/">Čebelja pot</a>' in html
    assert '<a href="/novice/cebele-v-mestu/">Čebele v mestu</a>' in html


def test_detail_in_english(beepathnet, client):
    html = html_of(client.get("/en/networks/beepathnet/"))
    assert "Transfer of the Bee Path good practice." in html
    assert "<dd>Transfer Network</dd>" in html
    assert "(Italy)" in html and "(Poland)" in html
    assert "Page on urbact.eu" in html
    assert '<dt>Lead partner</dt><dd><a href="/en/cities/ljubljana/">Ljubljana</a></dd>' in html
    assert '<a href="/en/networks/?theme=urbana-ekologija">Urban ecology</a>' in html
    assert "(external link)" in html
    # Untranslated body: the Slovene text.
    assert "Opis omrežja v telesu strani." in html


def test_lead_partner_without_page_is_plain_text(networks, client):
    factories.network_page(
        networks, "Druga priložnost", lead_partner_city="Neapelj", lead_partner_country="IT"
    )
    html = html_of(client.get("/omrezja/druga-priloznost/"))
    lead = re.search(r"<dt>Vodilni partner</dt><dd>(.*?)</dd>", html).group(1)
    assert lead.startswith("Neapelj (")
    assert "<a" not in lead


def test_unpublished_city_is_not_linked(beepathnet, client):
    beepathnet["city"].unpublish()
    html = html_of(client.get("/omrezja/beepathnet/"))
    assert "/mesta/ljubljana/" not in html
    assert "<dt>Vodilni partner</dt>" not in html


# --- query budgets -----------------------------------------------------------------------


def test_listing_query_budget_does_not_grow(site_tree, client, django_assert_max_num_queries):
    networks = site_tree["networks"]
    city = quick_page(site_tree["cities"], CityPage)
    theme = factories.theme("Tema")
    logo = factories.image()

    def make(how_many):
        for n in range(how_many):
            network = quick_page(
                networks,
                NetworkPage,
                start_year=2015 + n % 5,
                logo=logo,
                m2m={"themes": [theme]},
            )
            NetworkParticipant.objects.create(network=network, city_page=city)

    urls = [
        "/omrezja/",
        "/omrezja/?type=action-planning&period=urbact-iii",
        f"/omrezja/?theme={theme.slug}&city={city.slug}",
        "/en/networks/?page=2",
    ]
    make(5)
    few = measure(client, urls)
    make(45)
    many = measure(client, urls)
    assert few == many
    assert_within_budget(client, urls, django_assert_max_num_queries)


def test_detail_query_budget_does_not_grow(site_tree, client, django_assert_max_num_queries):
    def network_with(how_many):
        cities = [quick_page(site_tree["cities"], CityPage) for _ in range(how_many)]
        network = quick_page(
            site_tree["networks"],
            NetworkPage,
            logo=factories.image(),
            m2m={"themes": [factories.theme() for _ in range(how_many)]},
        )
        for n, city in enumerate(cities):
            NetworkParticipant.objects.create(
                network=network,
                sort_order=n,
                city_page=city,
                role=ParticipantRole.LEAD if n == 0 else ParticipantRole.PARTNER,
                organisation="Razvojna agencija" if n % 2 else "",
            )
            NetworkPartner.objects.create(
                network=network, sort_order=n, city_name=f"Partner {n}", country="IT"
            )
            quick_page(
                site_tree["practices"],
                GoodPracticePage,
                related_network=network,
                image=factories.image() if n < 3 else None,
            )
            quick_page(site_tree["news"], NewsPage, m2m={"related_networks": [network]})
        return network

    few, many = network_with(5), network_with(50)
    assert measure(client, [few.url]) == measure(client, [many.url])
    assert_within_budget(client, [few.url, many.url], django_assert_max_num_queries)


# --- previews ----------------------------------------------------------------------------


def test_preview_shows_unsaved_relations(beepathnet, site_tree, admin_client):
    """In a preview the relations are held in memory (not yet in the database)."""
    from django.urls import reverse

    from tests.admin_form_data import page_form_data

    network = beepathnet["network"]
    maribor = factories.city_page(site_tree["cities"], "Maribor")
    data = page_form_data(admin_client, network)
    total = int(data["participants-TOTAL_FORMS"])
    data["participants-TOTAL_FORMS"] = str(total + 1)
    data[f"participants-{total}-city_page"] = str(maribor.pk)
    data[f"participants-{total}-role"] = "partner"
    data[f"participants-{total}-ORDER"] = str(total + 1)
    data["partners-0-city_name_sl"] = "Cesena (popravljeno)"
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[network.pk])
    assert admin_client.post(url, data).json() == {"is_valid": True, "is_available": True}
    html = html_of(admin_client.get(url))
    slovenian = re.search(r"<dt>Slovenski partnerji</dt><dd>(.*?)</dd>", html).group(1)
    assert slovenian == '<a href="/mesta/maribor/">Maribor</a>'
    assert "Cesena (popravljeno)" in html
    # The live page is unchanged.
    assert "Maribor" not in html_of(admin_client.get("/omrezja/beepathnet/"))


def test_search_finds_a_network_by_its_participants(networks, site_tree, client):
    """The participants feed search: an organisation's name, a Slovenian city's name and a
    partner from abroad find the network."""
    maribor = factories.city_page(site_tree["cities"], "Maribor")
    factories.network_page(
        networks,
        "Urbano gospodarjenje",
        participants=[{"city_page": maribor, "organisation": "Nigrad d.o.o."}],
        partners=[{"city_name": "Utrecht", "country": "NL"}],
    )
    factories.network_page(networks, "Drugo omrežje")
    for query in ("nigrad", "utrecht"):
        html = html_of(client.get("/iskanje/", {"q": query}))
        assert 'href="/omrezja/urbano-gospodarjenje/"' in html, query
        assert 'href="/omrezja/drugo-omrezje/"' not in html, query
