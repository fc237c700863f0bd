"""The editors' side: pages created and edited through the Wagtail admin with the form data a
browser sends (modeltranslation's _sl/_en fields, StreamField blocks, m2m checkboxes, inline
partners), validation errors instead of 500s, the Themes snippet, site settings, the
dashboard and the admin in Slovene."""

import json
import re
from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import capfirst
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cities.choices import Region
from cities.models import CityIndexPage, CityPage
from networks.choices import NetworkType
from networks.models import GoodPracticeIndexPage, GoodPracticePage, NetworkIndexPage, NetworkPage
from news.models import NewsIndexPage, NewsPage
from tests import factories
from tests.admin_form_data import block_form_data, page_form_data
from tests.test_page_types import PAGE_KEYS, build_tree
from urbact_portal.models import HomePage, SiteSettings, StandardPage, Theme
from urbact_portal.programme import Period

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
PROMOTE_EMPTY = {
    "seo_title_sl": "",
    "seo_title_en": "",
    "search_description_sl": "",
    "search_description_en": "",
}


# --- helpers -----------------------------------------------------------------------------


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def form_errors(response):
    """Readable form errors of an admin response (for assertion messages)."""
    form = (response.context or {}).get("form")
    if form is None:
        return {"status": response.status_code}
    errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
    for name, formset in getattr(form, "formsets", {}).items():
        errors.update({f"{name}[{i}]": f for i, f in enumerate(formset.errors) if f})
    return errors


def assert_saved(response, parent=None, page=None):
    """The admin redirected after a successful save (to the parent's listing on publish)."""
    assert response.status_code == 302, f"not saved: {form_errors(response)}"
    if parent is not None:
        assert response["Location"] == reverse("wagtailadmin_explore", args=[parent.pk])


def post_new_page(client, model, parent, data, publish=True):
    data = dict(data)
    if publish:
        data["action-publish"] = "action-publish"
    return client.post(add_url(model, parent), data)


def block_types(stream):
    return [block.block_type for block in stream]


def blocks_by_type(stream):
    return {block.block_type: block.value for block in stream}


def slovene(text):
    """`text` (a msgid or a lazy translation) as the Slovene admin shows it."""
    with translation.override("sl"):
        return translation.gettext(text) if isinstance(text, str) else str(text)


def sidebar_menu(html):
    """The main menu of the admin sidebar as [(label, [sub-labels])]."""
    match = re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    modules = json.loads(match.group(1))["modules"]
    main = next(m for m in modules if m["_type"] == "wagtail.sidebar.MainMenuModule")

    def items(raw):
        result = []
        for item in raw:
            meta = item["_args"][0]
            children = item["_args"][1] if item["_type"].endswith("SubMenuItem") else []
            result.append((meta["label"], [label for label, _sub in items(children)]))
        return result

    return items(main["_args"][0])


@pytest.fixture
def tree(db):
    return build_tree()


@pytest.fixture
def content(site_tree):
    """Bare index pages plus what new pages link to: themes, a city, a network."""
    city = factories.city_page(site_tree["cities"], "Maribor")
    other_city = factories.city_page(site_tree["cities"], "Kranj")
    network = factories.network_page(site_tree["networks"], "Omrežje za mobilnost")
    return dict(
        site_tree,
        themes=[factories.theme("Mobilnost"), factories.theme("Podnebje")],
        city=city,
        other_city=other_city,
        network=network,
    )


# --- creating every page type with real form data ----------------------------------------


def test_create_news_page_with_every_kind_of_block(admin_client, content):
    index, network, city = content["news"], content["network"], content["city"]
    data = nested_form_data(
        {
            "title_sl": "Mesta se učijo druga od druge",
            "slug_sl": "mesta-se-ucijo",
            "title_en": "Cities learn from each other",
            "slug_en": "cities-learn",
            "date": "25. 11. 2026",
            "intro_sl": "Kratek uvod v novico.",
            "intro_en": "A short introduction.",
            "image": "",
            "image_alt_sl": "",
            "image_alt_en": "",
            "body_sl": streamfield(
                [
                    ("paragraph", rich_text("<p>Prvi <b>odstavek</b> novice.</p>")),
                    ("heading", {"text": "Kaj se je zgodilo", "level": "h3"}),
                    ("quote", {"quote": "Mesta se učijo skupaj.", "attribution": "URBACT"}),
                    (
                        "call_to_action",
                        {
                            "heading": "Spoznajte omrežje",
                            "text": "Vse o omrežju.",
                            "button_label": "Na stran omrežja",
                            "page": str(network.pk),
                            "url": "",
                        },
                    ),
                    ("video", {"url": YOUTUBE, "title": "Posnetek srečanja", "caption": ""}),
                ]
            ),
            "body_en": streamfield([("paragraph", rich_text("<p>The English text.</p>"))]),
            **PROMOTE_EMPTY,
        }
    )
    data["themes"] = [str(t.pk) for t in content["themes"]]
    data["related_cities"] = [str(city.pk)]
    data["related_networks"] = [str(network.pk)]

    assert_saved(post_new_page(admin_client, NewsPage, index, data), parent=index)

    page = NewsPage.objects.get(slug_sl="mesta-se-ucijo")
    assert page.live and not page.has_unpublished_changes
    assert page.get_parent().pk == index.pk
    assert (page.title_sl, page.title_en) == (
        "Mesta se učijo druga od druge",
        "Cities learn from each other",
    )
    assert page.date == date(2026, 11, 25)
    assert page.intro_en == "A short introduction."

    # Every block arrived, in order, with its values (unknown names would be dropped).
    assert block_types(page.body_sl) == ["paragraph", "heading", "quote", "call_to_action", "video"]
    body = blocks_by_type(page.body_sl)
    assert "<b>odstavek</b>" in body["paragraph"].source
    assert (body["heading"]["text"], body["heading"]["level"]) == ("Kaj se je zgodilo", "h3")
    assert body["quote"]["quote"] == "Mesta se učijo skupaj."
    assert body["quote"]["attribution"] == "URBACT"
    assert body["call_to_action"]["page"].specific == network
    assert body["call_to_action"]["button_label"] == "Na stran omrežja"
    assert body["video"]["url"] == YOUTUBE
    assert body["video"]["title"] == "Posnetek srečanja"
    assert block_types(page.body_en) == ["paragraph"]
    assert "The English text." in page.body_en[0].value.source

    assert set(page.themes.all()) == set(content["themes"])
    assert list(page.related_cities.all()) == [city]
    assert list(page.related_networks.all()) == [network]

    # ... and it is on the public site in both languages.
    with translation.override("sl"):
        response = admin_client.get(page.url)
    assert response.status_code == 200
    assert "Kaj se je zgodilo" in response.content.decode()
    with translation.override("en"):
        response = admin_client.get(page.url)
    assert response.status_code == 200
    assert "The English text." in response.content.decode()


def test_create_network_page_with_partners_cities_and_themes(admin_client, content):
    index, city, other_city = content["networks"], content["city"], content["other_city"]
    data = nested_form_data(
        {
            "title_sl": "Zelena mesta",
            "slug_sl": "zelena-mesta",
            "title_en": "Green cities",
            "slug_en": "green-cities",
            "network_type": NetworkType.TRANSFER,
            "period": Period.URBACT_IV,
            "start_year": "2023",
            "end_year": "2026",
            "summary_sl": "Omrežje za zelene površine.",
            "summary_en": "A network for green spaces.",
            "body_sl": streamfield(
                [
                    ("heading", {"text": "O omrežju", "level": "h2"}),
                    ("paragraph", rich_text("<p>Opis omrežja.</p>")),
                    ("video", {"url": YOUTUBE, "title": "Predstavitev", "caption": "Kratek film"}),
                ]
            ),
            "body_en": streamfield([]),
            "lead_partner_city_sl": "Gradec",
            "lead_partner_city_en": "Graz",
            "lead_partner_country": "AT",
            "participants": inline_formset(
                [
                    {"city_page": str(city.pk), "role": "partner"},
                    {
                        "city_page": str(other_city.pk),
                        "organisation_sl": "Razvojna agencija",
                        "organisation_en": "Development agency",
                        "role": "partner",
                    },
                ]
            ),
            "partners": inline_formset(
                [
                    {"city_name_sl": "Gradec", "city_name_en": "Graz", "country": "AT"},
                    {"city_name_sl": "Benetke", "city_name_en": "Venice", "country": "IT"},
                ]
            ),
            "urbact_url": "https://urbact.eu/networks/green-cities",
            "logo": "",
            **PROMOTE_EMPTY,
        }
    )
    data["themes"] = [str(content["themes"][1].pk)]

    assert_saved(post_new_page(admin_client, NetworkPage, index, data), parent=index)

    page = NetworkPage.objects.get(slug_sl="zelena-mesta")
    assert page.live
    assert (page.network_type, page.period) == (NetworkType.TRANSFER, Period.URBACT_IV)
    assert (page.start_year, page.end_year) == (2023, 2026)
    assert (page.lead_partner_city_sl, page.lead_partner_city_en) == ("Gradec", "Graz")
    assert page.urbact_url == "https://urbact.eu/networks/green-cities"
    assert block_types(page.body_sl) == ["heading", "paragraph", "video"]
    assert blocks_by_type(page.body_sl)["video"]["caption"] == "Kratek film"

    partners = list(page.partners.order_by("sort_order"))
    assert [(p.city_name_sl, p.city_name_en or "", p.country) for p in partners] == [
        ("Gradec", "Graz", "AT"),
        ("Benetke", "Venice", "IT"),
    ]
    participants = list(page.participants.order_by("sort_order"))
    assert [(p.city_page.specific, p.organisation_sl or "", p.role) for p in participants] == [
        (city, "", "partner"),
        (other_city, "Razvojna agencija", "partner"),
    ]
    assert participants[1].organisation_en == "Development agency"
    assert list(page.themes.all()) == [content["themes"][1]]
    # The city's page derives its networks from this relation.
    assert city.network_participations.get().network.specific == page


def test_create_good_practice_page(admin_client, content):
    index, city, network = content["practices"], content["city"], content["network"]
    data = nested_form_data(
        {
            "title_sl": "Skupnostni vrtovi",
            "slug_sl": "skupnostni-vrtovi",
            "title_en": "Community gardens",
            "slug_en": "community-gardens",
            "city_name_sl": "Maribor",
            "city_name_en": "",
            "country": "SI",
            "city_page": str(city.pk),
            "summary_sl": "Vrtovi, ki jih urejajo meščani.",
            "summary_en": "",
            "body_sl": streamfield(
                [
                    ("paragraph", rich_text("<p>Kako so začeli.</p>")),
                    ("quote", {"quote": "Vrt je skupen prostor.", "attribution": ""}),
                    (
                        "call_to_action",
                        {
                            "heading": "Več na urbact.eu",
                            "text": "",
                            "button_label": "Odpri",
                            "page": "",
                            "url": "https://urbact.eu/good-practices",
                        },
                    ),
                ]
            ),
            "body_en": streamfield([]),
            "image": "",
            "image_alt_sl": "",
            "image_alt_en": "",
            "related_network": str(network.pk),
            "label_year": "2017",
            "urbact_url": "",
            **PROMOTE_EMPTY,
        }
    )
    data["themes"] = [str(t.pk) for t in content["themes"]]

    assert_saved(post_new_page(admin_client, GoodPracticePage, index, data), parent=index)

    page = GoodPracticePage.objects.get(slug_sl="skupnostni-vrtovi")
    assert page.live
    assert page.city_page.specific == city and page.related_network.specific == network
    assert page.label_year == 2017
    assert block_types(page.body_sl) == ["paragraph", "quote", "call_to_action"]
    cta = blocks_by_type(page.body_sl)["call_to_action"]
    assert (cta["url"], cta["page"]) == ("https://urbact.eu/good-practices", None)
    assert set(page.themes.all()) == set(content["themes"])
    assert page in city.good_practices.all()


def test_create_city_page(admin_client, content):
    index = content["cities"]
    data = nested_form_data(
        {
            "title_sl": "Novo mesto",
            "slug_sl": "novo-mesto",
            "title_en": "",
            "slug_en": "",
            "region": Region.JUGOVZHODNA,
            "population": "24000",
            "latitude": "45.80360",
            "longitude": "15.16890",
            "coat_of_arms": "",
            "intro_sl": "Mesto ob Krki.",
            "intro_en": "",
            "body_sl": streamfield(
                [
                    ("heading", {"text": "Mesto in URBACT", "level": "h2"}),
                    ("paragraph", rich_text("<p>Sodelovanje v omrežjih.</p>")),
                ]
            ),
            "body_en": streamfield([]),
            "website": "https://www.novomesto.si/",
            **PROMOTE_EMPTY,
        }
    )

    assert_saved(post_new_page(admin_client, CityPage, index, data), parent=index)

    page = CityPage.objects.get(slug_sl="novo-mesto")
    assert page.live and page.population == 24000
    assert (str(page.latitude), str(page.longitude)) == ("45.80360", "15.16890")
    assert block_types(page.body_sl) == ["heading", "paragraph"]
    assert page.website == "https://www.novomesto.si/"


def test_create_standard_pages_nested(admin_client, home):
    data = nested_form_data(
        {
            "title_sl": "O programu URBACT",
            "slug_sl": "o-programu",
            "title_en": "About URBACT",
            "slug_en": "about",
            "intro_sl": "Kaj je URBACT.",
            "intro_en": "",
            "body_sl": streamfield(
                [
                    ("paragraph", rich_text("<p>Evropski program.</p>")),
                    (
                        "video",
                        {"url": "https://youtu.be/dQw4w9WgXcQ", "title": "URBACT", "caption": ""},
                    ),
                ]
            ),
            "body_en": streamfield([]),
            **PROMOTE_EMPTY,
        }
    )
    assert_saved(post_new_page(admin_client, StandardPage, home, data), parent=home)
    about = StandardPage.objects.get(slug_sl="o-programu")
    assert block_types(about.body_sl) == ["paragraph", "video"]

    child = dict(data, title_sl="Zgodovina", slug_sl="zgodovina", title_en="", slug_en="")
    assert_saved(post_new_page(admin_client, StandardPage, about, child), parent=about)
    assert StandardPage.objects.get(slug_sl="zgodovina").get_parent().pk == about.pk


def test_create_contact_page_with_default_and_custom_fields(admin_client, home):
    from urbact_portal.contact.models import ContactPage

    base = {
        "title_sl": "Kontakt",
        "slug_sl": "kontakt",
        "title_en": "Contact",
        "slug_en": "contact",
        "intro_sl": rich_text("<p>Pišite nam.</p>"),
        "intro_en": rich_text(""),
        "thank_you_text_sl": rich_text("<p>Hvala.</p>"),
        "thank_you_text_en": rich_text(""),
        "to_address": "urbact@ipop.si",
        **PROMOTE_EMPTY,
    }
    # Without fields the page gets the standard ones (name, e-mail, …, consent).
    data = nested_form_data(dict(base, form_fields=inline_formset([])))
    assert_saved(post_new_page(admin_client, ContactPage, home, data), parent=home)
    page = ContactPage.objects.get()
    assert page.live and page.to_address == "urbact@ipop.si"
    assert page.form_fields.count() >= 5
    assert "Pišite nam." in page.intro_sl

    # Editors change labels and add a field through the inline panel.
    data = page_form_data(admin_client, page)
    total = int(data["form_fields-TOTAL_FORMS"])
    data.update(
        nested_form_data(
            {
                f"form_fields-{total}": {
                    "label_sl": "Občina",
                    "label_en": "Municipality",
                    "help_text_sl": "",
                    "help_text_en": "",
                    "field_type": "singleline",
                    "required": "",
                    "choices": "",
                    "default_value": "",
                    "ORDER": str(total),
                    "DELETE": "",
                    "id": "",
                }
            }
        )
    )
    data["form_fields-TOTAL_FORMS"] = str(total + 1)
    data["action-publish"] = "action-publish"
    assert_saved(admin_client.post(edit_url(page), data))
    labels = list(page.form_fields.order_by("sort_order").values_list("label_sl", flat=True))
    assert labels[-1] == "Občina" and len(labels) == total + 1

    # A second contact page is refused.
    again = post_new_page(admin_client, ContactPage, home, dict(data, slug_sl="kontakt-2"))
    assert again.status_code != 500 and ContactPage.objects.count() == 1


@pytest.mark.parametrize(
    "model,slug_sl,slug_en",
    [
        (NewsIndexPage, "novice", "news"),
        (NetworkIndexPage, "omrezja", "networks"),
        (GoodPracticeIndexPage, "dobre-prakse", "good-practices"),
        (CityIndexPage, "mesta", "cities"),
    ],
)
def test_create_index_page_once(admin_client, home, model, slug_sl, slug_en):
    data = {
        "title_sl": slug_sl.replace("-", " ").capitalize(),
        "slug_sl": slug_sl,
        "title_en": slug_en.capitalize(),
        "slug_en": slug_en,
        "intro_sl": "Uvod v seznam.",
        "intro_en": "",
        **PROMOTE_EMPTY,
    }
    assert_saved(post_new_page(admin_client, model, home, data), parent=home)
    page = model.objects.get()
    assert page.live and page.intro_sl == "Uvod v seznam."
    with translation.override("en"):
        assert page.url == f"/en/{slug_en}/"

    # A second one is refused: index pages are singletons.
    again = post_new_page(admin_client, model, home, dict(data, slug_sl=slug_sl + "-2"))
    assert again.status_code != 500
    assert model.objects.count() == 1


def test_edit_home_page_with_real_form_data(admin_client, tree):
    home = tree["home"]
    data = page_form_data(admin_client, home)
    data.update(
        {
            "hero_heading_sl": "Mesta, ki se učijo",
            "hero_heading_en": "Cities that learn",
            "hero_intro_sl": rich_text("<p>URBACT je <i>evropski</i> program.</p>"),
            "hero_link": str(tree["standard"].pk),
            "slovenia_heading_sl": "URBACT v Sloveniji",
            "nup_heading_sl": "Nacionalna URBACT točka",
            "action-publish": "action-publish",
        }
    )
    assert_saved(admin_client.post(edit_url(home), data))
    home = HomePage.objects.get(pk=home.pk)
    assert (home.hero_heading_sl, home.hero_heading_en) == (
        "Mesta, ki se učijo",
        "Cities that learn",
    )
    assert "<i>evropski</i>" in home.hero_intro_sl
    assert home.hero_link.specific == tree["standard"].specific
    assert not home.has_unpublished_changes
    with translation.override("sl"):
        assert "Mesta, ki se učijo" in admin_client.get("/").content.decode()


def test_saving_an_unchanged_edit_form_keeps_every_field(admin_client, tree):
    """What the browser sends back from an untouched form changes nothing: blocks, m2m
    relations and partner rows survive a save."""
    for key in PAGE_KEYS:
        page = tree[key].specific
        before_body = [(b.block_type, b.id) for b in getattr(page, "body_sl", None) or []]
        before_m2m = {
            name: set(getattr(page, name).values_list("pk", flat=True))
            for name in ("themes", "related_cities", "related_networks")
            if hasattr(page, name)
        }
        before_participants = (
            [(p.city_page_id, p.role) for p in page.participants.order_by("sort_order")]
            if hasattr(page, "participants")
            else None
        )
        data = page_form_data(admin_client, page)
        data["action-publish"] = "action-publish"
        assert_saved(admin_client.post(edit_url(page), data))
        page = type(page).objects.get(pk=page.pk)
        after_body = [(b.block_type, b.id) for b in getattr(page, "body_sl", None) or []]
        assert after_body == before_body, key
        for name, pks in before_m2m.items():
            assert set(getattr(page, name).values_list("pk", flat=True)) == pks, (key, name)
        if before_participants is not None:
            after = [(p.city_page_id, p.role) for p in page.participants.order_by("sort_order")]
            assert after == before_participants, key
    assert [p.city_name for p in tree["network"].partners.all()] == ["Gradec"]
    assert [p.city_page_id for p in tree["network"].participants.all()] == [tree["city"].pk]


# --- bad input gives form errors, never a 500 --------------------------------------------


def invalid_network_data(**overrides):
    data = nested_form_data(
        {
            "title_sl": "Napačno omrežje",
            "slug_sl": "napacno-omrezje",
            "title_en": "",
            "slug_en": "",
            "network_type": NetworkType.ACTION_PLANNING,
            "period": Period.URBACT_III,
            "start_year": "2018",
            "end_year": "2016",
            "summary_sl": "Povzetek.",
            "summary_en": "",
            "body_sl": streamfield([]),
            "body_en": streamfield([]),
            "participants": inline_formset([]),
            "partners": inline_formset([]),
            **PROMOTE_EMPTY,
        }
    )
    data.update(overrides)
    return data


def test_end_year_before_start_year_is_a_form_error(admin_client, content):
    response = post_new_page(admin_client, NetworkPage, content["networks"], invalid_network_data())
    assert response.status_code == 200
    errors = form_errors(response)
    assert "end_year" in errors
    assert slovene("The end year cannot be before the start year.") in errors["end_year"]
    html = response.content.decode()
    assert "Strani ni bilo mogoče ustvariti, ker obrazec vsebuje napake." in html
    assert not NetworkPage.objects.filter(slug_sl="napacno-omrezje").exists()


def test_year_outside_the_programme_is_a_form_error(admin_client, content):
    data = invalid_network_data(start_year="1990", end_year="3000")
    response = post_new_page(admin_client, NetworkPage, content["networks"], data)
    assert response.status_code == 200
    assert {"start_year", "end_year"} <= set(form_errors(response))


def test_city_edit_view_lists_the_networks_and_practices_pointing_to_it(admin_client, content):
    city, other = content["city"], content["other_city"]
    led = factories.network_page(
        content["networks"],
        "Vodeno omrežje",
        participants=[{"city_page": city, "role": "lead"}],
    )
    through = factories.network_page(
        content["networks"],
        "Omrežje prek agencije",
        participants=[{"city_page": city, "organisation": "Razvojna agencija"}],
        live=False,
    )
    factories.network_page(content["networks"], "Tuje omrežje", cities=[other])
    practice = factories.good_practice_page(content["practices"], "Praksa mesta", city_page=city)

    html = admin_client.get(edit_url(city)).content.decode()
    start = html.index('class="referencing-pages"')
    panel = html[start : html.index("</div>", start)]
    assert "Omrežja in dobre prakse tega mesta" in html
    assert f'<a href="{edit_url(led)}">Vodeno omrežje</a> – vodilni partner' in panel
    assert f'<a href="{edit_url(through)}">Omrežje prek agencije</a> – partner: Razvojna' in panel
    assert "(ni objavljeno)" in panel  # the draft network
    assert f'<a href="{edit_url(practice)}">Praksa mesta</a>' in panel
    assert '<a href="/omrezja/vodeno-omrezje/" target="_blank"' in panel
    assert "Tuje omrežje" not in panel

    # A city nothing points to says so.
    html = admin_client.get(edit_url(factories.city_page(content["cities"], "Ptuj"))).content
    assert "Nobeno omrežje še ne navaja tega mesta med slovenskimi udeleženci." in html.decode()


def valid_network_data(participants, partners=(), **overrides):
    data = invalid_network_data(end_year="2019", **overrides)
    for key in [k for k in data if k.startswith(("participants-", "partners-"))]:
        del data[key]
    data.update(
        nested_form_data(
            {
                "participants": inline_formset(list(participants)),
                "partners": inline_formset(list(partners)),
            }
        )
    )
    return data


def test_two_lead_partners_are_a_form_error_on_the_second(admin_client, content):
    city, other = content["city"], content["other_city"]
    data = valid_network_data(
        [
            {"city_page": str(city.pk), "role": "lead"},
            {"city_page": str(other.pk), "role": "lead"},
        ],
    )
    response = post_new_page(admin_client, NetworkPage, content["networks"], data)
    assert response.status_code == 200
    errors = form_errors(response)
    assert errors["participants[1]"]["role"] == [
        slovene("A network has one lead partner: another participant is already it.")
    ]
    assert "participants[0]" not in errors
    assert not NetworkPage.objects.filter(slug_sl="napacno-omrezje").exists()


def test_slovenian_lead_and_a_lead_from_abroad_are_a_form_error(admin_client, content):
    data = valid_network_data(
        [{"city_page": str(content["city"].pk), "role": "lead"}],
        lead_partner_city_sl="Gradec",
        lead_partner_country="AT",
    )
    response = post_new_page(admin_client, NetworkPage, content["networks"], data)
    errors = form_errors(response)
    assert errors["lead_partner_city_sl"] == [
        slovene(
            "The lead partner is a Slovenian participant already: leave the lead partner "
            "from abroad empty."
        )
    ]


def test_slovenian_partner_from_abroad_and_duplicates_are_form_errors(admin_client, content):
    city = content["city"]
    data = valid_network_data(
        [{"city_page": str(city.pk), "role": "partner"}] * 2,
        partners=[{"city_name_sl": "Maribor", "city_name_en": "", "country": "SI"}],
    )
    response = post_new_page(admin_client, NetworkPage, content["networks"], data)
    errors = form_errors(response)
    assert errors["participants[1]"]["city_page"] == [
        slovene("This participant is listed already.")
    ]
    assert errors["partners[0]"]["country"] == [
        slovene("Enter a Slovenian partner under Slovenian participants, with its city page.")
    ]


@pytest.mark.parametrize(
    "latitude,longitude,field",
    [
        ("48.20820", "16.37380", "latitude"),  # Vienna
        ("46.05690", "11.00000", "longitude"),
        ("46.05690", "", "longitude"),  # one coordinate without the other
        ("sever", "14.5", "latitude"),
    ],
)
def test_coordinates_outside_slovenia_are_a_form_error(
    admin_client, content, latitude, longitude, field
):
    data = nested_form_data(
        {
            "title_sl": "Daleč",
            "slug_sl": "dalec",
            "region": Region.OSREDNJESLOVENSKA,
            "latitude": latitude,
            "longitude": longitude,
            "intro_sl": "",
            "body_sl": streamfield([]),
            "body_en": streamfield([]),
            **PROMOTE_EMPTY,
        }
    )
    response = post_new_page(admin_client, CityPage, content["cities"], data)
    assert response.status_code == 200
    assert field in form_errors(response)
    assert not CityPage.objects.filter(slug_sl="dalec").exists()


@pytest.mark.parametrize(
    "block",
    [
        ("video", {"url": "https://example.com/film.mp4", "title": "Film", "caption": ""}),
        (
            "video",
            {"url": "http://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "", "caption": ""},
        ),
        ("video", {"url": "javascript:alert(1)", "title": "Film", "caption": ""}),
        (
            "call_to_action",
            {"heading": "Brez cilja", "button_label": "Klik", "page": "", "url": ""},
        ),
        ("heading", {"text": "", "level": "h2"}),
        ("heading", {"text": "Naslov", "level": "h1"}),
    ],
)
def test_invalid_blocks_are_form_errors(admin_client, content, block):
    data = nested_form_data(
        {
            "title_sl": "Novica z napako",
            "slug_sl": "novica-z-napako",
            "date": "25. 11. 2026",
            "intro_sl": "Uvod.",
            "body_sl": streamfield([("paragraph", rich_text("<p>Dobro.</p>")), block]),
            "body_en": streamfield([]),
            **PROMOTE_EMPTY,
        }
    )
    response = post_new_page(admin_client, NewsPage, content["news"], data)
    assert response.status_code == 200
    assert "body_sl" in form_errors(response)
    assert not NewsPage.objects.filter(slug_sl="novica-z-napako").exists()


def test_non_youtube_video_error_is_in_slovene(admin_client, content):
    data = nested_form_data(
        {
            "title_sl": "Video",
            "slug_sl": "video",
            "date": "25. 11. 2026",
            "intro_sl": "Uvod.",
            "body_sl": streamfield(
                [("video", {"url": "https://example.com/v", "title": "V", "caption": ""})]
            ),
            "body_en": streamfield([]),
            **PROMOTE_EMPTY,
        }
    )
    response = post_new_page(admin_client, NewsPage, content["news"], data)
    message = slovene("Only YouTube and Vimeo addresses (https://…) are supported.")
    error = response.context["form"].errors.as_data()["body_sl"][0]
    assert message in json.dumps(error.as_json_data(), ensure_ascii=False)


def test_duplicate_slug_is_a_form_error(admin_client, content):
    factories.news_page(content["news"], "Obstoječa", slug="obstojeca")
    data = nested_form_data(
        {
            "title_sl": "Obstoječa",
            "slug_sl": "obstojeca",
            "date": "25. 11. 2026",
            "intro_sl": "Uvod.",
            "body_sl": streamfield([]),
            "body_en": streamfield([]),
            **PROMOTE_EMPTY,
        }
    )
    response = post_new_page(admin_client, NewsPage, content["news"], data)
    assert response.status_code == 200
    assert "slug_sl" in form_errors(response)
    assert NewsPage.objects.filter(slug_sl="obstojeca").count() == 1


def test_hostile_and_huge_input_gives_no_500(admin_client, content):
    data = nested_form_data(
        {
            "title_sl": "<script>alert(1)</script>" * 50,
            "slug_sl": "x" * 1000,
            "date": "31. 02. 2026",
            "intro_sl": "é" * 10_000,
            "body_sl": streamfield([("heading", {"text": "x" * 5000, "level": "h2"})]),
            "body_en": streamfield([]),
            **PROMOTE_EMPTY,
        }
    )
    response = post_new_page(admin_client, NewsPage, content["news"], data)
    assert response.status_code == 200
    assert {"title_sl", "slug_sl", "date", "intro_sl", "body_sl"} <= set(form_errors(response))


# --- the admin in Slovene ----------------------------------------------------------------


def test_every_edit_view_opens_in_slovene(admin_client, tree):
    for key in PAGE_KEYS:
        page = tree[key].specific
        response = admin_client.get(edit_url(page))
        assert response.status_code == 200, key
        html = response.content.decode()
        assert re.search(r'<html[^>]*lang="sl"', html), key
        assert "Shrani osnutek" in html  # Wagtail's own "Save draft"
        model = type(page)
        assert capfirst(slovene(model._meta.verbose_name)) in html, key
        # Our labels and help texts are rendered lazily, in the editor's language.
        for field in model._meta.get_fields():
            help_text = getattr(field, "help_text", "")
            if help_text and f'id="id_{field.name}' in html:
                assert slovene(help_text) in html.replace("&#x27;", "'"), (key, field.name)


def test_panels_and_labels_are_slovene(admin_client, tree):
    html = admin_client.get(edit_url(tree["network"])).content.decode()
    for expected in ["Povzetek [sl]", "Vrsta in trajanje", "Vodilni partner", "Partnerska mesta"]:
        assert expected in html
    html = admin_client.get(edit_url(tree["news"])).content.decode()
    for expected in ["Uvod [sl]", "Glavna slika", "Povezave", "Teme"]:
        assert expected in html
    # wagtail-modeltranslation's locale picker, in Slovene from locale_wagtail/.
    assert "Pokaži / uredi polja za" in html


def test_a_new_editor_gets_the_slovene_admin_whatever_the_browser_says(client, db, home):
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.create_user("urednica", "urednica@ipop.si", "geslo-123")
    editor.groups.add(Group.objects.get(name="Uredniki"))
    client.force_login(editor)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'<html[^>]*lang="sl"', html)
    assert "Nadzorna plošča - URBACT Slovenija" in html
    # Editors may still choose English in their account settings.
    response = client.get(reverse("wagtailadmin_account"))
    assert 'value="en"' in response.content.decode()


def test_menu_is_slovene_and_ordered_for_editors(admin_client, home):
    html = admin_client.get("/admin/").content.decode()
    menu = sidebar_menu(html)
    labels = [label for label, _sub in menu]
    assert labels[:4] == ["Strani", "Teme", "Slike", "Dokumenti"]
    settings_menu = dict(menu)["Nastavitve"]
    assert capfirst(slovene(SiteSettings._meta.verbose_name)) in settings_menu
    assert "Izrezki" not in labels  # no generic "Snippets" entry: themes have their own


def test_admin_title_branding_and_no_third_party_requests(admin_client, home):
    html = admin_client.get("/admin/").content.decode()
    assert "<title>Nadzorna plošča - URBACT Slovenija</title>" in html
    assert "gravatar.com" not in html
    admin_client.logout()
    login = admin_client.get(reverse("wagtailadmin_login")).content.decode()
    assert "Prijava v URBACT Slovenija" in login


def test_dashboard_counts_content_with_slovene_plurals(admin_client, site_tree):
    for i in range(2):
        factories.news_page(site_tree["news"], f"Novica {i}")
    factories.network_page(site_tree["networks"], "Omrežje")
    for i in range(3):
        factories.good_practice_page(site_tree["practices"], f"Praksa {i}")
    for i in range(5):
        factories.city_page(site_tree["cities"], f"Mesto {i}")
    html = admin_client.get("/admin/").content.decode()
    summary = re.sub(r"\s+", " ", re.search(r'class="w-summary__list">(.*?)</ul>', html, re.S)[1])
    for text, index in [
        ("2 novici", site_tree["news"]),
        ("1 omrežje", site_tree["networks"]),
        ("3 dobre prakse", site_tree["practices"]),
        ("5 mest", site_tree["cities"]),
    ]:
        explore = reverse("wagtailadmin_explore", args=[index.pk])
        assert re.search(rf'href="{explore}">{text}</a>', summary), (text, summary)


def test_date_fields_use_the_slovene_format_in_both_admin_languages(admin_client, tree):
    """The date pickers show and accept "25. 11. 2026", in the Slovene and the English admin
    (publishing can be scheduled with "01. 12. 2030 09:30")."""
    from wagtail.users.models import UserProfile

    admin_client.get(reverse("wagtailadmin_account"))  # creates the editor's profile
    for language in ["sl", "en"]:
        UserProfile.objects.filter(user__username="admin").update(preferred_language=language)
        # A scheduled page is locked until its schedule is cancelled: one page per language.
        page = factories.news_page(tree["news_index"], f"Datum {language}", date=date(2026, 11, 25))
        html = admin_client.get(edit_url(page)).content.decode()
        assert re.search(rf'<html[^>]*lang="{language}"', html)
        assert 'value="25. 11. 2026"' in html
        data = page_form_data(admin_client, page)
        data["go_live_at"] = "01. 12. 2030 09:30"
        data["action-publish"] = "action-publish"
        response = admin_client.post(edit_url(page), data)
        assert response.status_code == 302, (language, form_errors(response))
        revision = NewsPage.objects.get(pk=page.pk).scheduled_revision
        assert revision is not None, language
        local = timezone.localtime(revision.approved_go_live_at)
        assert local.strftime("%d. %m. %Y %H:%M") == "01. 12. 2030 09:30"


# --- the Themes snippet and site settings ------------------------------------------------


def test_theme_snippet_create_edit_list_and_search(admin_client, tree):
    add = reverse("wagtailsnippets_urbact_portal_theme:add")
    response = admin_client.post(
        add, {"name_sl": "Podnebje", "name_en": "Climate", "slug": "podnebje"}
    )
    assert response.status_code == 302, form_errors(response)
    theme = Theme.objects.get(slug="podnebje")
    assert (theme.name_sl, theme.name_en) == ("Podnebje", "Climate")

    edit = reverse("wagtailsnippets_urbact_portal_theme:edit", args=[theme.pk])
    assert admin_client.get(edit).status_code == 200
    response = admin_client.post(
        edit, {"name_sl": "Podnebne spremembe", "name_en": "Climate change", "slug": "podnebje"}
    )
    assert response.status_code == 302, form_errors(response)
    theme.refresh_from_db()
    assert theme.name_sl == "Podnebne spremembe"

    # A duplicate slug is a form error, not a 500.
    response = admin_client.post(add, {"name_sl": "Drugo", "name_en": "", "slug": "podnebje"})
    assert response.status_code == 200 and "slug" in form_errors(response)

    listing = reverse("wagtailsnippets_urbact_portal_theme:list")
    html = admin_client.get(listing).content.decode()
    assert "Podnebne spremembe" in html and "Urbana prenova" in html
    # Searching by the English name finds the theme too.
    html = admin_client.get(listing, {"q": "Climate"}).content.decode()
    assert "Podnebne spremembe" in html and "Urbana prenova" not in html
    # Usage counts per content type (news, networks, practices, events: the tree has no event).
    response = admin_client.get(listing, {"q": "prenova"})
    row = re.search(r"Urbana prenova.*?</tr>", response.content.decode(), re.S)[0]
    assert re.findall(r"<td[^>]*>\s*(\d+)\s*</td>", row) == ["1", "1", "1", "0"]


def test_site_settings_save(admin_client, tree):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["urbact_portal", "sitesettings", site.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert re.search(r'<html[^>]*lang="sl"', response.content.decode())
    data = {
        "contact_person": "Mojca Novak",
        "contact_role_sl": "Nacionalna URBACT točka",
        "contact_role_en": "National URBACT Point",
        "contact_email": "urbact@ipop.si",
        "contact_phone": "+386 1 000 00 00",
        "organisation_name_sl": "IPoP – Inštitut za politike prostora",
        "organisation_name_en": "IPoP – Institute for Spatial Policies",
        "organisation_url": "https://ipop.si/",
        "logo": "",
        "footer_text_sl": "Besedilo noge.",
        "footer_text_en": "",
        "privacy_page": str(tree["standard"].pk),
        "accessibility_page": "",
        "facebook_url": "https://www.facebook.com/urbact",
        "linkedin_url": "",
        "instagram_url": "",
        "youtube_url": "",
        "x_url": "",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    settings = SiteSettings.objects.get(site=site)
    assert settings.contact_person == "Mojca Novak"
    assert settings.organisation_name_en == "IPoP – Institute for Spatial Policies"
    assert settings.privacy_page.pk == tree["standard"].pk
    assert settings.social_links == [("Facebook", "https://www.facebook.com/urbact")]

    response = admin_client.post(url, dict(data, contact_email="ni-e-naslov"))
    assert response.status_code == 200 and "contact_email" in form_errors(response)


def test_block_form_data_round_trips_every_block_type(tree):
    """The test helper itself: rebuilding a body's form data and reading it back gives the
    same blocks (so the round-trip tests above are meaningful)."""
    from django.http import QueryDict

    page = tree["news"].specific
    stream_block = NewsPage._meta.get_field("body_sl").stream_block
    page.body_sl = [
        ("paragraph", "<p>Odstavek.</p>"),
        ("heading", {"text": "Naslov", "level": "h3"}),
        ("quote", {"quote": "Citat", "attribution": "Avtor"}),
        ("video", {"url": YOUTUBE, "title": "Video", "caption": ""}),
        (
            "call_to_action",
            {
                "heading": "Poziv",
                "text": "",
                "button_label": "Klik",
                "page": None,
                "url": "https://urbact.eu/",
            },
        ),
    ]
    data = QueryDict(mutable=True)
    for key, value in block_form_data(stream_block, page.body_sl, "body_sl").items():
        data[key] = value
    value = stream_block.clean(stream_block.value_from_datadict(data, {}, "body_sl"))
    assert [b.block_type for b in value] == [b.block_type for b in page.body_sl]
    assert "Odstavek." in value[0].value.source
    for sent, received in list(zip(page.body_sl, value, strict=True))[1:]:
        assert received.block.get_prep_value(received.value) == sent.block.get_prep_value(
            sent.value
        )


def test_editors_find_pages_by_their_slovene_title(admin_client, tree):
    search = reverse("wagtailadmin_pages:search")
    for query, page in [("Ljubljana", tree["city"]), ("omrežje", tree["network"])]:
        response = admin_client.get(search, {"q": query})
        assert response.status_code == 200
        assert edit_url(page) in response.content.decode(), query
