"""Site search: the index (SearchEntry) kept in step with publishing, and the /iskanje/ view."""

import re
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from tests import factories
from urbact_portal.english import english_exists_q
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


def test_every_live_page_type_is_indexed_in_each_language_it_exists_in(site_tree):
    news = factories.news_page(site_tree["news"], title="Novica", title_en="News item")
    network = factories.network_page(site_tree["networks"], title="Omrežje A", title_en="A")
    practice = factories.good_practice_page(
        site_tree["practices"], title="Praksa A", title_en="Practice A"
    )
    city = factories.city_page(site_tree["cities"], title="Kranj")
    standard = factories.standard_page(site_tree["home"], title="O programu", title_en="About")
    translated = [site_tree[key] for key in site_tree] + [news, network, practice, standard]
    for page in translated:
        languages = set(SearchEntry.objects.filter(page=page).values_list("language", flat=True))
        assert languages == {"sl", "en"}, page
    assert SearchEntry.objects.get(page=news, language="en").title == "News item"
    # Without an English title a page does not exist in English: no English entry.
    assert list(SearchEntry.objects.filter(page=city).values_list("language", flat=True)) == ["sl"]
    # Each entry knows its page's type and date (for filtering and ordering without joins).
    entry = SearchEntry.objects.get(page=news, language="sl")
    assert entry.content_type.model_class().__name__ == "NewsPage"
    assert entry.date == news.date


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
    public = Page.objects.live().public().filter(depth__gt=1)
    expected = public.count() + public.filter(english_exists_q()).count()
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


@pytest.mark.parametrize("limit", [1000, 7, 25])
def test_ranked_ids_give_the_same_pages_as_the_query(site_tree, client, monkeypatch, limit):
    """The best matches are kept ranked per content version (search.RANKED_LIMIT). Whether
    the ranking holds every match (1000, 25) or was cut (7: pages 2 and 3 and a kind of
    result then come from the ranked query), every page, count and kind is the same."""
    from urbact_portal import search

    monkeypatch.setattr(search, "RANKED_LIMIT", limit)
    for i in range(18):
        factories.standard_page(site_tree["home"], title=f"Mobilnost {i:02d}")
    for i in range(7):
        factories.news_page(
            site_tree["news"],
            title=f"Novica {i}",
            body=paragraph("o mobilnosti"),
            date=date(2026, 1, i + 1),
        )
    shown = []
    for number in (1, 2, 3):
        response = client.get(SEARCH_SL, {"q": "mobilnost", "page": number})
        assert "25 zadetkov" in response.content.decode()
        shown += result_titles(response)
    # Title matches first (newest first: the same publication order), then the news items
    # whose text only matches, newest first.
    assert len(shown) == 25 and len(set(shown)) == 25
    assert shown[18:] == [f"Novica {i}" for i in range(6, -1, -1)]
    news = client.get(SEARCH_SL, {"q": "mobilnost", "type": "newspage"})
    assert result_titles(news) == [f"Novica {i}" for i in range(6, -1, -1)]
    assert "7 zadetkov" in news.content.decode()
    pages = client.get(SEARCH_SL, {"q": "mobilnost", "type": "page", "page": "2"})
    assert result_titles(pages) == shown[10:18]


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
    for i in range(5, 16):  # 21 results: more than a page of them, as with few
        factories.news_page(
            site_tree["news"],
            title=f"Prenova {i}",
            title_en=f"Prenova news {i}",
            networks=[network],
        )
    many = _count_search_queries(client, django_assert_max_num_queries, url, "prenova")
    assert few[1] == 10 and many[1] == 10
    assert few[0] == many[0]


# --- Slovene inflection -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("ljubljana", "ljubljan"),
        ("ljubljani", "ljubljan"),
        ("ljubljano", "ljubljan"),
        ("ljubljanskih", "ljubljan"),
        ("ljubljanska", "ljubljan"),
        ("mariborskega", "maribor"),
        ("kranju", "kranj"),
        ("kranj", "kranj"),
        ("mesta", "mest"),
        ("mestih", "mest"),
        ("mestoma", "mestom"),  # only one ending comes off
        ("sola", "sol"),
        ("soli", "sol"),
        ("eno", "eno"),  # too short to lose anything
        ("covid19", "covid19"),  # not only letters
        ("a_b", "a_b"),
    ],
)
def test_slovene_stem(word, expected):
    from urbact_portal.slovene import stem

    assert stem(word) == expected


@pytest.mark.parametrize("query", ["Ljubljana", "Ljubljani", "ljubljanskih", "LJUBLJANO"])
def test_inflected_slovene_forms_find_each_other(site_tree, client, query):
    factories.city_page(site_tree["cities"], title="Ljubljana", intro="Glavno mesto.")
    factories.news_page(
        site_tree["news"], title="Srečanje mest", intro="Srečali smo se v ljubljanskem parku."
    )
    factories.news_page(site_tree["news"], title="Drugo", intro="Ljubezen do mest.")
    assert sorted(result_titles(client.get(SEARCH_SL, {"q": query}))) == [
        "Ljubljana",
        "Srečanje mest",
    ]


def test_inflected_match_marks_the_whole_word(site_tree, client):
    factories.news_page(site_tree["news"], title="Dan v Ljubljani", intro="Obisk Ljubljane.")
    html = client.get(SEARCH_SL, {"q": "ljubljana"}).content.decode()
    assert "Dan v <mark>Ljubljani</mark>" in html
    assert "Obisk <mark>Ljubljane</mark>." in html


def test_highlight_of_stems_leaves_other_words_alone():
    html = highlight("Soline in šole; resolucija", ["sola"], ["sol"])
    assert html == "<mark>Soline</mark> in <mark>šole</mark>; resolucija"


# --- results: kinds, dates --------------------------------------------------------------------


def _kinds_site(site_tree):
    factories.news_page(
        site_tree["news"], title="Mobilnost novica", intro="Novo.", date=date(2024, 3, 5)
    )
    factories.news_page(site_tree["news"], title="Mobilnost druga", date=date(2023, 1, 2))
    factories.network_page(site_tree["networks"], title="Mobilnost omrežje")
    factories.city_page(site_tree["cities"], title="Mobilnost mesto")
    factories.standard_page(site_tree["home"], title="Mobilnost stran")


def test_results_can_be_filtered_by_kind(site_tree, client):
    _kinds_site(site_tree)
    response = client.get(SEARCH_SL, {"q": "mobilnost"})
    html = response.content.decode()
    assert len(result_titles(response)) == 5
    nav = re.search(r'<nav class="search-types"[^>]*>(.*?)</nav>', html, re.S).group(1)
    links = re.findall(r'<a href="([^"]+)"[^>]*>(.*?) <span class="search-types__count">', nav)
    labels = [label for _href, label in links]
    assert labels[0] == "Vse"
    assert "Novice (2)" in re.sub(r"<[^>]+>", "", nav)
    assert 'aria-current="page">Vse' in nav
    news_href = {label: href for href, label in links}["Novice"]
    assert news_href == "?q=mobilnost&amp;type=newspage"

    filtered = client.get(SEARCH_SL, {"q": "mobilnost", "type": "newspage"})
    assert result_titles(filtered) == ["Mobilnost novica", "Mobilnost druga"]
    assert "2 zadetka" in filtered.content.decode()
    assert 'aria-current="page">Novice' in filtered.content.decode()
    # Other pages (standard, home, contact, index pages) are one kind.
    others = client.get(SEARCH_SL, {"q": "mobilnost", "type": "page"})
    assert result_titles(others) == ["Mobilnost stran"]


@pytest.mark.parametrize("kind", ["nic", "wagtailcore.page", "<script>", "9" * 40, "newspage'"])
def test_unknown_kind_is_ignored_with_a_slovene_notice(site_tree, client, kind):
    _kinds_site(site_tree)
    response = client.get(SEARCH_SL, {"q": "mobilnost", "type": kind})
    assert response.status_code == 200
    html = response.content.decode()
    assert len(result_titles(response)) == 5
    assert "Take vrste zadetkov ni" in html
    assert "<script>" not in html


def test_news_results_show_their_date_and_other_kinds_none(site_tree, client):
    _kinds_site(site_tree)
    html = client.get(SEARCH_SL, {"q": "mobilnost novica"}).content.decode()
    assert '<time datetime="2024-03-05">' in html
    html = client.get(SEARCH_SL, {"q": "mobilnost mesto"}).content.decode()
    assert result_titles_from(html) == ["Mobilnost mesto"]
    assert "<time" not in re.findall(r'<ol class="search-results".*?</ol>', html, re.S)[0]


def result_titles_from(html):
    titles = re.findall(r'<h2 class="search-result__title">(.*?)</h2>', html, re.S)
    return [re.sub(r"<[^>]+>", "", title).strip() for title in titles]


def test_results_are_cards_with_the_type_beside_the_title(site_tree, client):
    _kinds_site(site_tree)
    html = client.get(SEARCH_SL, {"q": "mobilnost omrezje"}).content.decode()
    card = re.findall(r'<article class="card search-result">.*?</article>', html, re.S)
    assert len(card) == 1
    assert '<p class="search-result__type">Omrežje</p>' in card[0]
    assert "<mark>Mobilnost</mark> <mark>omrežje</mark>" in card[0]


# --- PostgreSQL: the indexes serve the query ------------------------------------------------


@pytest.mark.django_db
def test_postgres_search_uses_full_text_and_trigram_indexes(site_tree):
    from django.db import connection

    from urbact_portal.search import VECTOR_SQL, search_entries, term_q

    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no full-text or trigram index: search is a LIKE there")
    factories.news_page(site_tree["news"], title="Kazalo v Ljubljani")
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config WHERE cfgname = 'urbact'")
        assert cursor.fetchone() == ("urbact",)
        # The configuration folds accents itself, so a stored "Šola" is the lexeme "sola".
        cursor.execute("SELECT to_tsvector('urbact', 'Šola v Ljubljani')::text")
        assert cursor.fetchone()[0] == "'ljubljani':3 'sola':1 'v':2"
        # The match condition of a term, alone (the planner's choice for the whole query
        # depends on the table's size; bench_scale measures that at 10,000 items).
        cursor.execute("SET LOCAL enable_seqscan = off")
        matching = SearchEntry.objects.filter(
            term_q("ljubljana", "ljubljan", "text_normalized", VECTOR_SQL)
        )
        sql, params = matching.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        assert "search_entry_vector" in plan
        # A term that is more than letters and digits is a substring, by trigrams.
        hyphenated = SearchEntry.objects.filter(
            term_q("e-mobilnost", "e-mobilnost", "text_normalized", VECTOR_SQL)
        )
        sql, params = hyphenated.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        assert "search_entry_text_trgm" in plan
    assert [e.title for e in search_entries(["ljubljana"], "sl")] == ["Kazalo v Ljubljani"]
