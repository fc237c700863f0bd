"""The demo content command: idempotent, renders in both languages, states the facts.

The content is built once per module (inside a transaction rolled back at the end) with
small illustrations in a temporary media folder; each test runs in its own savepoint."""

import html as html_module
import re
from datetime import date
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count
from django.test import override_settings
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from cities import demo as cities_demo
from cities.models import CityPage
from events.models import EventPage
from networks import demo as networks_demo
from networks.choices import NetworkType
from networks.models import GoodPracticePage, NetworkPage, NetworkParticipant, NetworkPartner
from news.models import NewsPage
from urbact_portal.demo import data as demo_data
from urbact_portal.english import page_exists_in_english
from urbact_portal.models import HomePage, SiteSettings, StandardPage, Theme
from urbact_portal.programme import Period

ADMIN_PASSWORD = "test-admin-password"
IMAGE_WIDTH = 64


def load(**options):
    out, err = StringIO(), StringIO()
    call_command("load_demo_content", image_width=IMAGE_WIDTH, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """Run the command once for the whole module; roll everything back afterwards."""
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        output, errors = load(admin_password=ADMIN_PASSWORD)
        yield {"output": output, "errors": errors}
        transaction.set_rollback(True)


def counts():
    """Everything the command creates, counted per kind."""
    pages = dict(
        Page.objects.order_by()
        .values_list("content_type")
        .annotate(n=Count("pk"))
        .values_list("content_type", "n")
    )
    return {
        "pages": pages,
        "themes": Theme.objects.count(),
        "images": get_image_model().objects.count(),
        "partners": NetworkPartner.objects.count(),
        "participants": NetworkParticipant.objects.count(),
        "users": get_user_model().objects.count(),
        "sites": Site.objects.count(),
        "settings": SiteSettings.objects.count(),
        "revisions": Revision.objects.count(),
    }


def created_pages():
    return list(Page.objects.filter(depth__gt=1).specific().order_by("path"))


def visible_text(html: str) -> str:
    html = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", html)
    return html_module.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


# --- Idempotence -----------------------------------------------------------------------------


def test_second_run_duplicates_nothing(demo, db):
    before = counts()
    output, _errors = load(admin_password=ADMIN_PASSWORD)
    assert counts() == before
    # Everything is found again; nothing is created or rewritten.
    assert re.search(r"\b0\b", output.splitlines()[0])
    assert before["pages"][ContentType.objects.get_for_model(NetworkPage).pk] == len(
        networks_demo.NETWORKS
    )
    assert before["pages"][ContentType.objects.get_for_model(CityPage).pk] == len(
        cities_demo.CITIES
    )
    assert before["themes"] == len(demo_data.THEMES)
    assert all(not problems for problems in Page.find_problems())


def test_demo_events_state_facts_and_mark_examples(demo, client):
    events = {page.slug_sl: page for page in EventPage.objects.all()}
    npti = events["pobuda-za-prenos-dobre-prakse-2021-2022"]
    assert (npti.start_date, npti.end_date, npti.all_day) == (
        date(2021, 6, 1),
        date(2022, 12, 31),
        True,
    )
    assert [c.slug_sl for c in npti.related_cities.all()] == ["idrija"]
    network = events["omrezje-cities-at-heart"]
    assert (network.start_date, network.end_date) == (date(2023, 6, 1), date(2025, 12, 31))
    assert [c.slug_sl for c in network.related_cities.all()] == ["celje"]
    assert [n.slug_sl for n in network.related_networks.all()] == ["cities-at-heart"]
    examples = [page for page in events.values() if not page.is_past]
    assert len(examples) >= 2
    for page in examples:
        assert page.title_sl.startswith("Primer:"), page.title_sl
        assert page.title_en.startswith("Example:"), page.title_en
        assert "primer dogodka" in page.summary_sl.lower()
        assert not page.related_cities.exists()  # nothing claimed about a real city

    html = client.get("/").content.decode()
    assert "Prihajajoči dogodki" in html and "Primer: informativni dan" in html
    past = client.get("/dogodki/pretekli/").content.decode()
    assert "1. junija 2021 – 31. decembra 2022" in past
    assert "1. junija 2023 – 31. decembra 2025" in past
    assert "Omrežje Cities@Heart" in client.get("/mesta/celje/").content.decode()
    cal = client.get("/dogodki/koledar.ics")
    assert cal.status_code == 200
    assert len(re.findall(rb"BEGIN:VEVENT", cal.content)) == len(examples)
    with translation.override("en"):
        assert client.get("/en/events/").status_code == 200


def test_second_run_keeps_editors_changes(demo, db):
    news = NewsPage.objects.get(slug_sl="nacionalna-tocka-urbact-vabi-k-sodelovanju")
    news.title = "Uredniški naslov"
    news.save_revision().publish()
    city = CityPage.objects.get(slug_sl="kranj")
    city.delete()  # an editor removed a page: the next run brings it back

    load()

    news.refresh_from_db()
    assert news.title_sl == "Uredniški naslov"
    assert CityPage.objects.filter(slug_sl="kranj").count() == 1
    assert NewsPage.objects.filter(slug_sl=news.slug_sl).count() == 1


def test_reset_rewrites_without_duplicating(demo, db):
    news = NewsPage.objects.get(slug_sl="nacionalna-tocka-urbact-vabi-k-sodelovanju")
    news.title = "Uredniški naslov"
    news.save_revision().publish()
    network = NetworkPage.objects.get(slug_sl="beepathnet")
    NetworkPartner.objects.filter(network=network).delete()
    NetworkParticipant.objects.filter(network=network).delete()
    before = counts()

    load(reset=True)

    news.refresh_from_db()
    assert news.title_sl == "Nacionalna točka URBACT vabi k sodelovanju"
    assert network.partners.count() == 5
    assert [(p.city_page.slug, p.role) for p in network.participants.all()] == [
        ("ljubljana", "lead")
    ]
    after = counts()
    assert after["pages"] == before["pages"]
    assert after["themes"] == before["themes"]
    assert after["images"] == before["images"]
    assert after["partners"] == before["partners"] + 5
    assert after["participants"] == before["participants"] + 1


# --- Every page renders, in Slovene and in English ------------------------------------------


def test_every_page_renders_in_both_languages(demo, db, client):
    pages = created_pages()
    assert len(pages) >= 30
    for page in pages:
        for language in ("sl", "en"):
            with translation.override(language):
                url = page.url
                title = page.hero_heading if isinstance(page, HomePage) else page.title
            response = client.get(url)
            if language == "en" and not page_exists_in_english(page):
                # Slovene only: its English address leads to the Slovene page.
                assert response.status_code == 302, (url, response.status_code)
                with translation.override("sl"):
                    assert response["Location"] == page.url, url
                continue
            assert response.status_code == 200, (url, response.status_code)
            text = visible_text(response.content.decode())
            assert title.split(":")[0] in text, (url, title)
            # The home page counts cities and networks itself: no figures typed into text.
            assert "9 slovenskih mest" not in text, url
            assert "14 omrežjih" not in text, url
            assert "slovenske jeziku" not in text, url


def test_english_urls_are_translated(demo, db):
    with translation.override("en"):
        assert StandardPage.objects.get(slug_sl="o-programu").url == "/en/about-urbact/"
        assert StandardPage.objects.get(slug_sl="nacionalna-tocka").url == (
            "/en/national-urbact-point/"
        )
        assert StandardPage.objects.get(slug_sl="varstvo-osebnih-podatkov").url == "/en/privacy/"
        assert StandardPage.objects.get(slug_sl="izjava-o-dostopnosti").url == (
            "/en/accessibility/"
        )
        assert HomePage.objects.get().url == "/en/"
    with translation.override("sl"):
        assert StandardPage.objects.get(slug_sl="o-programu").url == "/o-programu/"
        urls = {page.url for page in created_pages()}
    assert {"/novice/", "/omrezja/", "/dobre-prakse/", "/mesta/"} <= urls


def test_no_page_states_hard_coded_counts(demo, db):
    home = HomePage.objects.get()
    for language in ("sl", "en"):
        text = str(getattr(home, f"slovenia_text_{language}"))
        assert not re.search(r"\b9\b|\b14\b", text)
    assert "Pobudi za prenos dobre prakse" in home.slovenia_text_sl
    assert "slovenskem jeziku" in home.hero_intro_sl
    assert "IPoP" in home.nup_text_sl and "IPoP" in home.nup_text_en
    assert home.hero_link.specific.slug_sl == "o-programu"
    assert home.nup_link.specific.slug_sl == "nacionalna-tocka"


# --- Facts -------------------------------------------------------------------------------------


def test_networks_match_the_facts(demo, db):
    idrija = CityPage.objects.get(slug_sl="idrija")
    ccd = NetworkPage.objects.get(slug_sl="citycentredoctor")
    assert [(p.city_page_id, p.role) for p in ccd.participants.all()] == [(idrija.pk, "partner")]
    assert ccd.lead_partner_city_sl == "San Donà di Piave"
    assert ccd.lead_partner_country == "IT"
    assert (ccd.network_type, ccd.period) == (NetworkType.ACTION_PLANNING, Period.URBACT_III)
    partners = list(ccd.partners.order_by("sort_order"))
    assert [p.city_name_sl for p in partners][:3] == ["Amarante", "Heerlen", "Medina del Campo"]
    assert "SI" not in {p.country for p in partners}
    assert idrija.network_participations.filter(network=ccd).exists()

    ljubljana = CityPage.objects.get(slug_sl="ljubljana")
    bee = NetworkPage.objects.get(slug_sl="beepathnet")
    assert [(p.city_page_id, p.role) for p in bee.participants.all()] == [(ljubljana.pk, "lead")]
    assert (bee.lead_partner_city_sl, bee.lead_partner_country) == ("", "")
    assert bee.network_type == NetworkType.TRANSFER
    assert (bee.start_year, bee.end_year) == (2018, 2020)
    assert bee.partners.count() == 5

    creative = NetworkPage.objects.get(slug_sl="creative-spirits")
    assert creative.network_type == NetworkType.IMPLEMENTATION
    assert creative.lead_partner_city_sl == "Újbuda"
    # Every demo city takes part in at least one network (Kranj through BSC Kranj).
    for city in CityPage.objects.all():
        assert city.network_participations.exists(), city.slug


# Every Slovenian participation of ../shared/seed/facts.md, transcribed here on its own (not
# read from the demo's data): (network, type, period, start year, end year, lead partner,
# Slovenian participants as {city slug: (role, organisation's first word or None)}, partners
# from abroad as [(city, country)] where facts.md lists them). The lead partner is a city
# slug when Slovenian, else (English name, country).
AP, TR, IMP, TH = "action-planning", "transfer", "implementation", "thematic"
II, III, IV = "urbact-ii", "urbact-iii", "urbact-iv"
FACTS = [
    ("CityCentreDoctor", AP, III, 2015, 2018, ("San Donà di Piave", "IT"),
     {"idrija": ("partner", None)},
     [("Amarante", "PT"), ("Heerlen", "NL"), ("Medina del Campo", "ES"), ("Naas", "IE"),
      ("Nort-sur-Erdre", "FR"), ("Petrinja", "HR"), ("Radlin", "PL"),
      ("Valašské Meziříčí", "CZ")]),
    ("2nd Chance", AP, III, 2015, 2018, ("Naples", "IT"), {"maribor": ("partner", None)},
     [("Liverpool", "GB"), ("Lublin", "PL"), ("Gijón", "ES"), ("Dubrovnik", "HR"),
      ("Genoa", "IT"), ("Chemnitz", "DE"), ("Brussels", "BE"), ("Caen", "FR"),
      ("Porto", "PT")]),
    ("BeePathNet", TR, III, 2018, 2020, "ljubljana", {"ljubljana": ("lead", None)},
     [("Cesena", "IT"), ("Bydgoszcz", "PL"), ("Amarante", "PT"),
      ("Hegyvidék – Budapest XII", "HU"), ("Nea Propontida", "GR")]),
    ("BeePathNet Reloaded", TR, III, 2021, 2022, "ljubljana", {"ljubljana": ("lead", None)},
     [("Bansko", "BG"), ("Bergamo", "IT"), ("Osijek", "HR"), ("Sosnowiec", "PL")]),
    ("Playful Paradigm (2nd round)", TR, III, 2021, 2022, ("Udine", "IT"),
     {"grosuplje": ("partner", None)},
     [("Igualada", "ES"), ("Jelgava", "LV"), ("Lousã", "PT")]),
    ("Cities@Heart", AP, IV, 2023, 2025, ("Greater Paris Metropolis", "FR"),
     {"celje": ("partner", None)},
     [("Cesena", "IT"), ("Fleurus", "BE"), ("Sligo", "IE"), ("Granada", "ES"),
      ("Kraków", "PL"), ("Osijek", "HR"), ("Quadrilatero", "PT")]),
    ("Urban Green Labs", AP, III, 2015, 2016, ("Budapest 18th district", "HU"),
     {"maribor": ("partner", None)}, None),
    ("CREATIVE SPIRITS", IMP, III, 2015, 2018, ("Újbuda", "HU"),
     {"maribor": ("partner", None)}, None),
    ("JobTown 2", IMP, III, 2016, None, ("Thurrock", "GB"),
     {"ljubljana": ("partner", None)}, None),
    ("Re-growCity", TR, III, 2018, 2021, ("Altena", "DE"), {"idrija": ("partner", None)}, None),
    ("GenderedLandscape", AP, III, 2019, 2022, ("Umeå", "SE"),
     {"celje": ("partner", None)}, None),
    ("FOOD CORRIDORS", AP, III, 2019, 2022, ("Region of Coimbra", "PT"),
     {"kranj": ("partner", "BSC")}, None),
    ("Thriving Streets", AP, III, 2019, 2022, ("Parma", "IT"),
     {"nova-gorica": ("partner", None)}, None),
    ("URGE", AP, III, 2019, 2022, ("Utrecht", "NL"), {"maribor": ("partner", "Nigrad")}, None),
    ("iPlace", AP, III, 2019, 2022, ("Amarante", "PT"), {"kocevje": ("partner", None)}, None),
    ("Breaking Isolation", AP, IV, 2023, 2025, ("Agen", "FR"),
     {"skofja-loka": ("partner", None)}, None),
    ("WEED", TH, II, 2008, 2011, "celje", {"celje": ("lead", None)}, None),
    ("Active A.G.E.", TH, II, 2008, 2011, ("Rome", "IT"), {"maribor": ("partner", None)}, None),
    ("FIN-URB-ACT", TH, II, 2010, 2011, ("Berlin", "DE"), {"maribor": ("partner", None)}, None),
    ("My Generation at Work", TH, II, 2013, 2015, ("Rotterdam", "NL"),
     {"maribor": ("partner", None)}, None),
    ("LUMASEC", TH, II, 2008, 2010, ("Karlsruhe", "DE"),
     {"ljubljana": ("partner", "University")}, None),
    ("Active Travel Network", TH, II, 2009, 2012, ("Weiz", "AT"),
     {"ljutomer": ("partner", None)}, None),
]  # fmt: skip

# facts.md's good practices: (English title, city slug, network's title or None, label year).
PRACTICE_FACTS = [
    ("Creation of a new NGO platform", "idrija", "CityCentreDoctor", None),
    ("Bee Path", "ljubljana", "BeePathNet", 2017),
    ("Citizens' Initiatives", "ljubljana", None, 2017),
]


def english(page, field):
    return getattr(page, f"{field}_en") or getattr(page, f"{field}_sl")


@pytest.mark.parametrize("fact", FACTS, ids=[fact[0] for fact in FACTS])
def test_demo_holds_every_documented_participation(demo, db, fact):
    title, network_type, period, start, end, lead, participants, partners = fact
    networks = [n for n in NetworkPage.objects.all() if english(n, "title") == title]
    assert len(networks) == 1, title
    network = networks[0]
    assert (network.network_type, network.period) == (network_type, period)
    assert (network.start_year, network.end_year) == (start, end)
    rows = list(network.participants.select_related("city_page").order_by("sort_order"))
    found = {
        row.city_page.slug_sl: (row.role, (row.organisation_en or "").split(" ")[0] or None)
        for row in rows
    }
    assert found == participants
    if isinstance(lead, str):
        assert [row.city_page.slug_sl for row in rows if row.role == "lead"] == [lead]
        assert not network.lead_partner_city_sl and not network.lead_partner_country
    else:
        assert (english(network, "lead_partner_city"), network.lead_partner_country) == lead
    if partners is not None:
        listed = [(english(p, "city_name"), p.country) for p in network.partners.all()]
        assert listed == partners
    assert network.live


@pytest.mark.parametrize("fact", PRACTICE_FACTS, ids=[fact[0] for fact in PRACTICE_FACTS])
def test_demo_holds_every_documented_good_practice(demo, db, fact):
    title, city, network, label_year = fact
    practice = GoodPracticePage.objects.get(title_en=title)
    assert practice.city_page.slug_sl == city
    assert practice.label_year == label_year
    if network:
        assert english(practice.related_network, "title") == network
    else:
        assert practice.related_network is None


def test_demo_holds_no_network_beyond_the_facts(demo, db):
    assert sorted(english(n, "title") for n in NetworkPage.objects.all()) == sorted(
        fact[0] for fact in FACTS
    )


def test_computed_figures_follow_the_documented_record(demo, db):
    """URBACT II: four cities (facts.md: "four Slovenian cities") in six networks;
    URBACT III: the 14 networks of the official figure, in 8 municipalities; URBACT IV: the
    two networks known so far."""
    from networks.home import compute_figures

    figures = compute_figures()
    rows = {row["period"]: (row["cities"], row["networks"]) for row in figures["periods"]}
    assert rows == {II: (4, 6), III: (8, 14), IV: (2, 2)}
    assert figures["networks"] == len(FACTS)
    assert figures["cities"] == CityPage.objects.count() == 10


def test_every_network_and_practice_links_to_its_page_on_urbact_eu(demo, db, client):
    pages = list(NetworkPage.objects.all()) + list(GoodPracticePage.objects.all())
    assert len(pages) == len(FACTS) + len(PRACTICE_FACTS)
    for page in pages:
        assert re.fullmatch(r"https://urbact\.eu/[a-z0-9/-]+", page.urbact_url), page.title
        html = client.get(page.url).content.decode()
        assert re.search(
            rf'<a class="external" href="{re.escape(page.urbact_url)}" rel="external noopener">'
            r"Stran na urbact\.eu<span",
            html,
        ), page.url
    named = {n.slug_sl: n.urbact_url for n in NetworkPage.objects.all()}
    # The addresses facts.md names itself.
    assert named["urge"] == "https://urbact.eu/networks/urge"
    assert named["creative-spirits"] == "https://urbact.eu/networks/creative-spirits"
    assert named["breaking-isolation"] == "https://urbact.eu/networks/breaking-isolation"


def test_organisations_appear_under_their_city(demo, db, client):
    for city, organisation, network in (
        ("kranj", "BSC Kranj", "food-corridors"),
        ("maribor", "Nigrad d.o.o.", "urge"),
    ):
        html = client.get(CityPage.objects.get(slug_sl=city).url).content.decode()
        card = re.search(
            rf'<a href="/omrezja/{network}/">[^<]+</a></h\d>\s*<p class="card__meta">([^<]+)</p>',
            html,
        )
        assert card, (city, network)
        assert f"partner: {organisation}" in html_module.unescape(card.group(1))
        network_html = client.get(NetworkPage.objects.get(slug_sl=network).url).content.decode()
        assert organisation in network_html
        assert f'(<a href="/mesta/{city}/">' in network_html


def test_cities_match_the_facts(demo, db):
    cities = {city.slug_sl: city for city in CityPage.objects.all()}
    assert set(cities) == {slug for slug, *_rest in cities_demo.CITIES}
    ljubljana = cities["ljubljana"]
    assert (str(ljubljana.latitude), str(ljubljana.longitude)) == ("46.05690", "14.50580")
    assert ljubljana.region == "osrednjeslovenska"
    assert cities["kocevje"].title_sl == "Kočevje"
    for city in cities.values():
        assert city.population is None
        assert city.coat_of_arms is None
        assert city.intro_sl and city.intro_en


def test_good_practices_match_the_facts(demo, db):
    idrija = CityPage.objects.get(slug_sl="idrija")
    ljubljana = CityPage.objects.get(slug_sl="ljubljana")
    platform = GoodPracticePage.objects.get(title_en="Creation of a new NGO platform")
    assert platform.city_page_id == idrija.pk
    assert platform.related_network.slug_sl == "citycentredoctor"
    assert "Altena" in platform.summary_sl and "Altena" in platform.summary_en
    bee = GoodPracticePage.objects.get(slug_sl="cebelja-pot")
    assert (bee.city_page_id, bee.label_year) == (ljubljana.pk, 2017)
    assert bee.related_network.slug_sl == "beepathnet"
    initiatives = GoodPracticePage.objects.get(slug_sl="pobude-mescanov")
    assert (initiatives.city_page_id, initiatives.label_year) == (ljubljana.pk, 2017)
    assert initiatives.related_network is None
    assert set(ljubljana.good_practices.values_list("slug_sl", flat=True)) == {
        "cebelja-pot",
        "pobude-mescanov",
    }


def test_news_items(demo, db):
    news = list(NewsPage.objects.all())
    assert 5 <= len(news) <= 8
    assert all(2024 <= item.date.year <= 2026 for item in news)
    assert sum(1 for item in news if item.title_en) * 2 >= len(news)
    block_types = {block.block_type for item in news for block in item.body_sl}
    assert {"paragraph", "heading", "quote", "call_to_action", "image"} <= block_types
    assert all(item.image and item.intro_sl for item in news)
    idrija_news = NewsPage.objects.get(slug_sl="pobuda-za-prenos-dobre-prakse-izkusnja-idrije")
    assert list(idrija_news.related_cities.values_list("slug_sl", flat=True)) == ["idrija"]


def test_themes_settings_and_images(demo, db):
    assert Theme.objects.get(slug="participative-governance").name_en == (
        "Participative governance"
    )
    assert Theme.objects.get(slug="environment").name_sl == "Okolje"

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.contact_person == "Nina Plevnik"
    assert settings.contact_email == "urbact@ipop.si"
    assert settings.contact_phone == "(+386) 40/342-811"
    assert settings.contact_role_sl == "Nacionalna URBACT točka Slovenija"
    assert settings.contact_role_en == "National URBACT Point Slovenia"
    assert settings.organisation_url == "https://ipop.si/"
    assert settings.privacy_page.specific.slug_sl == "varstvo-osebnih-podatkov"
    assert settings.accessibility_page.specific.slug_sl == "izjava-o-dostopnosti"
    assert settings.logo is not None
    assert settings.social_links == []

    images = get_image_model().objects.all()
    titles = [image.title for image in images]
    assert len(titles) == len(set(titles))
    assert all(image.description for image in images)
    assert all(image.width == IMAGE_WIDTH for image in images if image.pk != settings.logo_id)


# --- Admin user ------------------------------------------------------------------------------


def test_admin_user_and_login_line(demo, db):
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert admin.check_password(ADMIN_PASSWORD)
    assert "http://127.0.0.1:8000/admin/" in demo["output"]
    assert ADMIN_PASSWORD in demo["output"]

    # An existing admin's password is never reset.
    output, _errors = load(admin_password="another-password")
    admin.refresh_from_db()
    assert admin.check_password(ADMIN_PASSWORD)
    assert "another-password" not in output


def test_admin_needs_debug_or_a_password(demo, db, settings):
    get_user_model().objects.filter(username="admin").delete()
    settings.DEBUG = False
    _output, errors = load()
    assert not get_user_model().objects.filter(username="admin").exists()
    assert "--admin-password" in errors

    settings.DEBUG = True
    output, _errors = load()
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert "admin" in output.splitlines()[-1]


def test_editors_can_open_every_demo_page_in_the_admin(demo, db, client):
    """The rich text and blocks the command writes must load in the admin editor."""
    client.force_login(get_user_model().objects.get(username="admin"))
    for page in created_pages():
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page.url_path
        page.full_clean()
        for language in ("sl", "en"):
            body = getattr(page, f"body_{language}", None)
            if body:
                body.stream_block.clean(body)  # an editor can save it unchanged
    site = Site.objects.get(is_default_site=True)
    assert client.get(f"/admin/settings/urbact_portal/sitesettings/{site.pk}/").status_code == 200


def test_page_tree_is_sound_and_in_menu_order(demo, db):
    assert all(not problems for problems in Page.find_problems())
    home = HomePage.objects.get()
    menu = [page.slug_sl for page in home.get_children().filter(show_in_menus=True)]
    assert (
        menu
        == [
            "o-programu",
            "novice",
            "omrezja",
            "dobre-prakse",
            "mesta",
            "dogodki",
            "nacionalna-tocka",
            "kontakt",
        ][: len(menu)]
    )
    assert "o-programu" in menu and "nacionalna-tocka" in menu


# --- Finished pages (issue 11): distinct card images, varied texts, the accessibility statement


@pytest.mark.parametrize(
    "url", ["/novice/", "/omrezja/", "/dobre-prakse/", "/dogodki/", "/mesta/", "/en/news/"]
)
def test_no_two_cards_on_a_listing_share_an_image_file(demo, db, client, url):
    html = client.get(url).content.decode()
    cards = re.findall(r'<article class="card[^"]*">(.*?)</article>', html, re.S)
    files = []
    for card in cards:
        src = re.search(r'<img [^>]*src="([^"]+)"', card)
        if src:  # the rendition's file name starts with its original's
            files.append(src.group(1).rsplit("/", 1)[1].split(".", 1)[0])
    assert len(files) == len(set(files)), (url, files)


def _sentences(text):
    text = re.sub(r"\s+", " ", html_module.unescape(re.sub(r"<[^>]+>", " ", text)))
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip()) >= 40]


def test_demo_texts_repeat_no_filler(demo, db):
    """News, events and standard pages: no sentence of one page's text appears on another
    page of these kinds, and the programme quote is used once at most."""
    from events.models import EventPage

    seen = {}
    pages = [
        *NewsPage.objects.all(),
        *EventPage.objects.all(),
        *StandardPage.objects.all(),
    ]
    quotes = 0
    for page in pages:
        for language in ("sl", "en"):
            parts = [str(getattr(page, f"{page.summary_field}_{language}", "") or "")]
            body = getattr(page, f"body_{language}", None) or []
            for block in body:
                if block.block_type == "quote":
                    # A quotation repeats its (attributed) source by nature: once at most.
                    quotes += language == "sl"
                    continue
                parts.append(str(block.render()))
            for sentence in {s for part in parts for s in _sentences(part)}:
                other = seen.setdefault(sentence, page.pk)
                assert other == page.pk, (sentence, page.title)
    assert quotes <= 1


def test_accessibility_statement_follows_the_zdsma_model(demo, db, client):
    for url, headings, words in [
        (
            "/izjava-o-dostopnosti/",
            [
                "Stopnja skladnosti",
                "Nedostopna vsebina",
                "Priprava izjave",
                "Povratne informacije in kontakt",
                "Izvršilni postopek",
                "Datum pregleda",
            ],
            ["delno skladno", "Inšpektorat", "nazadnje pregledana", "urbact@ipop.si"],
        ),
        (
            "/en/accessibility/",
            [
                "Compliance status",
                "Non-accessible content",
                "Preparation of this statement",
                "Feedback and contact details",
                "Enforcement procedure",
                "Date of review",
            ],
            ["partially compliant", "Inšpektorat", "last reviewed", "urbact@ipop.si"],
        ),
    ]:
        html = client.get(url).content.decode()
        found = [visible_text(h).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html)]
        assert [h for h in found if h in headings] == headings, found
        text = visible_text(html)
        for word in words:
            assert word in text, (url, word)
