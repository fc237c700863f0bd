"""Site search: the index (SearchEntry) kept in step with publishing, and the /iskanje/ view."""

import re
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from tests import factories
from urbact_portal.models import SearchEntry
from urbact_portal.search import MAX_QUERY_LENGTH, Query, highlight, normalize

SEARCH_SL = "/iskanje/"
SEARCH_EN = "/en/search/"


def result_titles(response):
    """The result titles of a search page, as text, in order."""
    html = response.content.decode()
    titles = re.findall(r'<h2 class="search-result__title">(.*?)</h2>', html, re.S)
    return [re.sub(r"<[^>]+>", "", title).strip() for title in titles]


def result_links(response):
    html = response.content.decode()
    return re.findall(r'<h2 class="search-result__title"><a href="([^"]+)"', html)


def paragraph(text):
    return [("paragraph", f"<p>{text}</p>")]


# --- normalisation ------------------------------------------------------------------------


def test_normalize_folds_case_diacritics_and_whitespace():
    assert normalize("  ŠOLA  za\tčisto \n  Žalec ") == "sola za cisto zalec"
    assert normalize("Đurđevac, Łódź, Straße, Æbeltoft, Øresund") == (
        "durdevac, lodz, strasse, aebeltoft, oresund"
    )
    assert normalize("null\x00byte") == "null byte"


def test_query_is_cleaned_limited_and_split_into_terms():
    query = Query.parse("  »Šola«,  mesto  šola ")
    assert query.terms == ["sola", "mesto"]
    long_query = Query.parse("a" * 10_000)
    assert long_query.truncated
    assert len(long_query.text) == MAX_QUERY_LENGTH
    many = Query.parse(" ".join(f"beseda{i}" for i in range(30)))
    assert many.too_many_terms
    assert len(many.terms) == 10
    assert Query.parse("%  _ ; --").terms == []


def test_highlight_escapes_first_then_marks_accent_insensitively():
    html = highlight("<b>Šola</b> & sola", ["sola"])
    assert html == "&lt;b&gt;<mark>Šola</mark>&lt;/b&gt; &amp; <mark>sola</mark>"


# --- the index ----------------------------------------------------------------------------


def test_every_live_page_type_is_indexed_in_both_languages(site_tree):
    news = factories.news_page(site_tree["news"], title="Novica", title_en="News item")
    network = factories.network_page(site_tree["networks"], title="Omrežje A")
    practice = factories.good_practice_page(site_tree["practices"], title="Praksa A")
    city = factories.city_page(site_tree["cities"], title="Kranj")
    standard = factories.standard_page(site_tree["home"], title="O programu")
    pages = [site_tree[key] for key in site_tree] + [news, network, practice, city, standard]
    for page in pages:
        languages = set(SearchEntry.objects.filter(page=page).values_list("language", flat=True))
        assert languages == {"sl", "en"}, page
    assert SearchEntry.objects.get(page=news, language="en").title == "News item"
    # Untranslated: the English entry falls back to the Slovene text.
    assert SearchEntry.objects.get(page=city, language="en").title == "Kranj"


def test_index_follows_publish_unpublish_delete_and_privacy(site_tree, client):
    draft = factories.news_page(site_tree["news"], title="Osnutek skrivnostni", live=False)
    assert not SearchEntry.objects.filter(page=draft).exists()
    assert result_titles(client.get(SEARCH_SL, {"q": "skrivnostni"})) == []

    draft.save_revision().publish()
    assert result_titles(client.get(SEARCH_SL, {"q": "skrivnostni"})) == ["Osnutek skrivnostni"]

    draft.refresh_from_db()
    draft.unpublish()
    assert not SearchEntry.objects.filter(page=draft).exists()
    assert result_titles(client.get(SEARCH_SL, {"q": "skrivnostni"})) == []

    live = factories.news_page(site_tree["news"], title="Zasebni članek")
    restriction = PageViewRestriction.objects.create(
        page=live, restriction_type=PageViewRestriction.PASSWORD, password="geslo"
    )
    assert not SearchEntry.objects.filter(page=live).exists()
    assert result_titles(client.get(SEARCH_SL, {"q": "zasebni"})) == []
    restriction.delete()
    assert result_titles(client.get(SEARCH_SL, {"q": "zasebni"})) == ["Zasebni članek"]

    Page.objects.get(pk=live.pk).delete()
    assert not SearchEntry.objects.filter(page_id=live.pk).exists()
    assert result_titles(client.get(SEARCH_SL, {"q": "zasebni"})) == []


def test_pages_under_a_private_section_are_not_found(site_tree, client):
    section = factories.standard_page(site_tree["home"], title="Interno")
    child = factories.standard_page(section, title="Notranji dokument")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    assert not SearchEntry.objects.filter(page__in=[section, child]).exists()
    assert result_titles(client.get(SEARCH_SL, {"q": "notranji"})) == []

    # A public page moved into the private section disappears from search, and
    # back out again it reappears.
    public = factories.standard_page(site_tree["home"], title="Selitev strani")
    assert result_titles(client.get(SEARCH_SL, {"q": "selitev"})) == ["Selitev strani"]
    public.move(section, pos="last-child")
    assert result_titles(client.get(SEARCH_SL, {"q": "selitev"})) == []
    Page.objects.get(pk=public.pk).move(Page.objects.get(pk=site_tree["home"].pk), pos="last-child")
    assert result_titles(client.get(SEARCH_SL, {"q": "selitev"})) == ["Selitev strani"]


def test_moved_page_keeps_its_entries_and_gets_its_new_url(site_tree, client):
    parent = factories.standard_page(site_tree["home"], title="Zgoraj", slug="zgoraj")
    page = factories.standard_page(site_tree["home"], title="Potujoča stran", slug="potujoca")
    page.move(parent, pos="last-child")
    assert result_links(client.get(SEARCH_SL, {"q": "potujoca"})) == ["/zgoraj/potujoca/"]


def test_rebuild_command_recreates_the_index(site_tree, client):
    factories.news_page(site_tree["news"], title="Obnova kazala")
    private = factories.standard_page(site_tree["home"], title="Obnova zasebna")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    SearchEntry.objects.all().delete()
    assert result_titles(client.get(SEARCH_SL, {"q": "obnova"})) == []

    call_command("rebuild_search_entries", verbosity=0)
    assert result_titles(client.get(SEARCH_SL, {"q": "obnova"})) == ["Obnova kazala"]
    expected = Page.objects.live().public().filter(depth__gt=1).count() * 2
    assert SearchEntry.objects.count() == expected
    call_command("rebuild_search_entries", verbosity=0)
    assert SearchEntry.objects.count() == expected


# --- the search page ----------------------------------------------------------------------


def test_search_urls_are_translated():
    with translation.override("sl"):
        assert reverse("search") == SEARCH_SL
    with translation.override("en"):
        assert reverse("search") == SEARCH_EN


def test_finds_news_by_a_word_only_in_its_streamfield_body(site_tree, client):
    factories.news_page(
        site_tree["news"],
        title="Delavnica v Mariboru",
        body=[
            ("heading", {"text": "Program", "level": "h2"}),
            ("paragraph", "<p>Udeleženci so obiskali <b>Pekrsko</b> kotlino.</p>"),
            ("quote", {"quote": "Mesta se učijo.", "attribution": "Kvazimodo"}),
        ],
    )
    factories.news_page(site_tree["news"], title="Druga novica")

    response = client.get(SEARCH_SL, {"q": "pekrsko"})
    assert response.status_code == 200
    assert result_titles(response) == ["Delavnica v Mariboru"]
    assert result_links(response) == ["/novice/delavnica-v-mariboru/"]
    # Text of other block types is searchable too; block choice labels are not.
    assert result_titles(client.get(SEARCH_SL, {"q": "kvazimodo"})) == ["Delavnica v Mariboru"]
    assert result_titles(client.get(SEARCH_SL, {"q": "naslov 2"})) == []


def test_every_block_type_is_indexed_without_errors(site_tree, client):
    picture = factories.image("Fotografija trga")
    target = factories.standard_page(site_tree["home"], title="Cilj povezave")
    body = [
        {"type": "heading", "value": {"text": "Naslov razdelka", "level": "h3"}},
        {
            "type": "image",
            "value": {
                "image": {"image": picture.pk, "alt_text": "Trg", "decorative": False},
                "caption": "Prenovljeni tržni prostor",
                "credit": "Arhiv občine",
            },
        },
        {
            "type": "video",
            "value": {
                "url": "https://youtu.be/dQw4w9WgXcQ",
                "title": "Film o mestu",
                "caption": "",
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "heading": "Prijavite se",
                "text": "Rok je konec meseca.",
                "button_label": "Prijava",
                "page": target.pk,
                "url": "",
            },
        },
    ]
    factories.news_page(site_tree["news"], title="Vse vrste blokov", body=body)
    for word in ("razdelka", "trzni prostor", "arhiv obcine", "film o mestu", "rok je konec"):
        assert result_titles(client.get(SEARCH_SL, {"q": word})) == ["Vse vrste blokov"], word
    # Addresses are not searchable text.
    assert result_titles(client.get(SEARCH_SL, {"q": "youtu"})) == []


def test_contact_page_is_found(site_tree, client):
    factories.contact_page(site_tree["home"])
    response = client.get(SEARCH_SL, {"q": "kontakt"})
    assert "Kontakt" in result_titles(response)
    assert "/kontakt/" in result_links(response)
    assert "Contact" in result_titles(client.get(SEARCH_EN, {"q": "contact"}))


@pytest.mark.parametrize("query", ["sola", "SOLA", "šola", "ŠOLA", "Šola", "šOlA"])
def test_accent_and_case_insensitive(site_tree, client, query):
    factories.news_page(site_tree["news"], title="Poletna šola urbanizma")
    factories.news_page(site_tree["news"], title="Sola brez strešic", intro="Brez strešic.")
    response = client.get(SEARCH_SL, {"q": query})
    assert sorted(result_titles(response)) == ["Poletna šola urbanizma", "Sola brez strešic"]


def test_accent_insensitive_beyond_caron(site_tree, client):
    factories.city_page(site_tree["cities"], title="Đakovo", intro="Partnersko mesto.")
    factories.good_practice_page(site_tree["practices"], title="Praksa iz Łódźa")
    assert result_titles(client.get(SEARCH_SL, {"q": "dakovo"})) == ["Đakovo"]
    assert result_titles(client.get(SEARCH_SL, {"q": "lodz"})) == ["Praksa iz Łódźa"]


def test_every_term_must_match(site_tree, client):
    factories.news_page(site_tree["news"], title="Zelena infrastruktura v Kranju")
    factories.news_page(site_tree["news"], title="Zelena mesta")
    assert len(result_titles(client.get(SEARCH_SL, {"q": "zelena"}))) == 2
    assert result_titles(client.get(SEARCH_SL, {"q": "zelena kranju"})) == [
        "Zelena infrastruktura v Kranju"
    ]
    assert result_titles(client.get(SEARCH_SL, {"q": "zelena ptuju"})) == []


def test_title_matches_first_then_most_recent(site_tree, client):
    factories.news_page(
        site_tree["news"], title="Stara", intro="O participaciji.", date=date(2020, 1, 1)
    )
    factories.news_page(
        site_tree["news"], title="Nova", intro="O participaciji.", date=date(2025, 1, 1)
    )
    factories.news_page(site_tree["news"], title="Participacija v praksi", date=date(2019, 1, 1))
    assert result_titles(client.get(SEARCH_SL, {"q": "participacij"})) == [
        "Participacija v praksi",
        "Nova",
        "Stara",
    ]


def test_result_types_and_highlighted_summary(site_tree, client):
    factories.news_page(site_tree["news"], title="Tržnica novica", intro="Nova tržnica.")
    factories.network_page(site_tree["networks"], title="Tržnica omrežje")
    factories.good_practice_page(site_tree["practices"], title="Tržnica praksa")
    factories.city_page(site_tree["cities"], title="Tržnica mesto")
    factories.standard_page(site_tree["home"], title="Tržnica stran")
    response = client.get(SEARCH_SL, {"q": "trznica"})
    html = response.content.decode()
    labels = re.findall(r'<p class="search-result__type">(.*?)</p>', html)
    assert sorted(labels) == ["Dobra praksa", "Mesto", "Novica", "Omrežje", "Stran"]
    assert '<p class="search-result__summary">Nova <mark>tržnica</mark>.</p>' in html
    assert "<mark>Tržnica</mark> novica" in html


def test_result_count_uses_slovene_plural_forms(site_tree, client):
    words = {1: "ena", 2: "dve", 3: "tri", 5: "pet"}
    for count, word in words.items():
        for i in range(count):
            factories.standard_page(site_tree["home"], title=f"Štetje {word} {i}")
    expected = {1: "1 zadetek", 2: "2 zadetka", 3: "3 zadetki", 5: "5 zadetkov"}
    for count, word in words.items():
        html = client.get(SEARCH_SL, {"q": f"stetje {word}"}).content.decode()
        assert f"{expected[count]} za »stetje {word}«" in html


def test_english_search_finds_only_pages_that_exist_in_english(site_tree, client):
    factories.news_page(
        site_tree["news"],
        title="Zelena mesta",
        slug="zelena-mesta",
        title_en="Green cities",
        slug_en="green-cities",
        intro="Slovenski povzetek.",
        intro_en="English summary about greenery.",
    )
    factories.news_page(
        site_tree["news"],
        title="Nepreveden prispevek",
        slug="nepreveden",
        body=paragraph("Samo slovensko besedilo o kolesarjenju."),
    )
    factories.news_page(
        site_tree["news"],
        title="Delno preveden",
        slug="delno",
        title_en="Partly translated",
        slug_en="partly",
        body=paragraph("Telo je ostalo slovensko: kolesarjenje."),
    )
    response = client.get(SEARCH_EN, {"q": "greenery"})
    assert response.status_code == 200
    assert result_titles(response) == ["Green cities"]
    assert result_links(response) == ["/en/news/green-cities/"]
    assert '<html lang="en"' in response.content.decode()
    # The Slovene search does not see the English text, and vice versa for titles.
    assert result_titles(client.get(SEARCH_SL, {"q": "greenery"})) == []
    assert result_titles(client.get(SEARCH_SL, {"q": "zelena"})) == ["Zelena mesta"]
    # A page without an English title does not exist in English: not found under /en/,
    # even through its Slovene text; one with an English title is, through its fallbacks.
    fallback = client.get(SEARCH_EN, {"q": "kolesarjenju"})
    assert result_titles(fallback) == ["Partly translated"]
    assert result_links(fallback) == ["/en/news/partly/"]
    assert "1 result for" in fallback.content.decode()
    assert sorted(result_titles(client.get(SEARCH_SL, {"q": "kolesarjenju"}))) == [
        "Delno preveden",
        "Nepreveden prispevek",
    ]


def test_search_page_is_not_indexed_by_robots(site_tree, client):
    html = client.get(SEARCH_SL, {"q": "urbact"}).content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert '<label for="search-page-q">' in html


HOSTILE_QUERIES = [
    "",
    "   \t  ",
    "a" * 10_000,
    "šola " * 2_000,
    "' OR 1=1; DROP TABLE urbact_portal_searchentry;--",
    '" OR ""="',
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "%",
    "_",
    "%%",
    "%_%",
    "\x00",
    "šola\x00<script>",
    "\\",
    "\\%",
    "{{ 7*7 }} {% debug %}",
    "😀 ∑ ℵ",
    "a b c d e f g h i j k l m n o p",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
@pytest.mark.parametrize("url", [SEARCH_SL, SEARCH_EN])
def test_hostile_queries_give_a_clean_page(site_tree, client, query, url):
    factories.news_page(site_tree["news"], title="Poletna šola", body=paragraph("Vsebina."))
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Traceback" not in html
    assert "<script>" not in html
    assert "<img src=x" not in html
    assert "\x00" not in html
    assert "49" not in re.findall(r"<main.*</main>", html, re.S)[0]
    assert 'class="search__status"' in html


def test_hostile_query_messages_are_slovene(site_tree, client):
    factories.news_page(site_tree["news"], title="Poletna šola")
    assert "Za iskanje vpišite eno ali več besed" in client.get(SEARCH_SL).content.decode()
    assert (
        "Za iskanje vpišite eno ali več besed"
        in client.get(SEARCH_SL, {"q": "   "}).content.decode()
    )
    assert "ne vsebuje besed" in client.get(SEARCH_SL, {"q": "%_%"}).content.decode()
    long_html = client.get(SEARCH_SL, {"q": "šola " * 2_000}).content.decode()
    assert "predolg" in long_html
    many_words = " ".join(f"beseda{i}" for i in range(20))
    many_html = client.get(SEARCH_SL, {"q": many_words}).content.decode()
    assert "Upoštevali smo le prvih 10 besed" in many_html
    sql = client.get(SEARCH_SL, {"q": "' OR 1=1; DROP TABLE x;--"}).content.decode()
    assert "nismo našli ničesar" in sql
    assert "&#x27; OR 1=1; DROP TABLE x;--" in sql
    assert Page.objects.filter(title="Poletna šola").exists()


def test_like_wildcards_match_only_themselves(site_tree, client):
    factories.news_page(site_tree["news"], title="Xanadu je y", intro="Navadno besedilo.")
    factories.news_page(site_tree["news"], title="Rast 50% in a_b", intro="Odstotki.")
    # Unescaped, "x%y" and "a_b" would match "xanadu je y" and "aab"-like text.
    assert result_titles(client.get(SEARCH_SL, {"q": "x%y"})) == []
    assert result_titles(client.get(SEARCH_SL, {"q": "xa_adu"})) == []
    assert result_titles(client.get(SEARCH_SL, {"q": "50%"})) == ["Rast 50% in a_b"]
    assert result_titles(client.get(SEARCH_SL, {"q": "a_b"})) == ["Rast 50% in a_b"]


def test_repeated_q_parameters(site_tree, client):
    factories.news_page(site_tree["news"], title="Ponovljen parameter")
    response = client.get(SEARCH_SL + "?q=nic&q=ponovljen&q=%3Cscript%3E")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()
    response = client.get(SEARCH_SL + "?q=%3Cscript%3E&q=ponovljen")
    assert result_titles(response) == ["Ponovljen parameter"]


def test_html_in_content_is_escaped_in_results(site_tree, client):
    factories.news_page(
        site_tree["news"], title="<i>Oznaka</i> & co", intro="<script>alert(1)</script> oznaka"
    )
    html = client.get(SEARCH_SL, {"q": "oznaka"}).content.decode()
    assert "&lt;i&gt;<mark>Oznaka</mark>&lt;/i&gt; &amp; co" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>oznaka</mark>" in html
    assert "<script>alert(1)" not in html


def test_pagination_clamps_like_the_listings(site_tree, client):
    for i in range(25):
        factories.standard_page(site_tree["home"], title=f"Mobilnost {i:02d}")
    first = client.get(SEARCH_SL, {"q": "mobilnost"})
    assert len(result_titles(first)) == 10
    assert "25 zadetkov" in first.content.decode()
    # Links to other pages keep the query.
    assert "?q=mobilnost&amp;page=2" in first.content.decode()
    last = client.get(SEARCH_SL, {"q": "mobilnost", "page": "3"})
    assert len(result_titles(last)) == 5
    assert result_titles(client.get(SEARCH_SL, {"q": "mobilnost", "page": "abc"})) == (
        result_titles(first)
    )
    for too_large in ("4", "99999", "9" * 50):
        response = client.get(SEARCH_SL, {"q": "mobilnost", "page": too_large})
        assert response.status_code == 200
        assert result_titles(response) == result_titles(last)
    assert result_titles(client.get(SEARCH_SL, {"q": "mobilnost", "page": "-3"})) == (
        result_titles(first)
    )
    every_title = set()
    for number in (1, 2, 3):
        every_title |= set(result_titles(client.get(SEARCH_SL, {"q": "mobilnost", "page": number})))
    assert len(every_title) == 25


def _count_search_queries(client, django_assert_max_num_queries, url, query):
    client.get(url, {"q": query})  # warm the caches (sites, menus, settings)
    with django_assert_max_num_queries(12) as captured:
        response = client.get(url, {"q": query})
    assert response.status_code == 200
    return len(captured.captured_queries), len(result_titles(response))


@pytest.mark.parametrize("url", [SEARCH_SL, SEARCH_EN])
def test_query_count_does_not_grow_with_results(
    site_tree, client, django_assert_max_num_queries, url
):
    # English titles contain the Slovene word too, so both searches find the same pages.
    network = factories.network_page(site_tree["networks"], title="Omrežje")
    for i in range(5):
        factories.news_page(
            site_tree["news"],
            title=f"Prenova {i}",
            title_en=f"Prenova news {i}",
            networks=[network],
        )
        factories.city_page(
            site_tree["cities"], title=f"Mesto prenova {i}", title_en=f"City prenova {i}"
        )
    few = _count_search_queries(client, django_assert_max_num_queries, url, "prenova")
    for i in range(5, 50):
        factories.news_page(
            site_tree["news"],
            title=f"Prenova {i}",
            title_en=f"Prenova news {i}",
            networks=[network],
        )
    many = _count_search_queries(client, django_assert_max_num_queries, url, "prenova")
    assert few[1] == 10 and many[1] == 10
    assert few[0] == many[0]
