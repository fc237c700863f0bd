"""Page types: where each can live, which are singletons, and that each renders, opens in
the editor and previews (in Slovene and in English) — with Wagtail's own page assertions."""

import re

from django.test import override_settings
from django.urls import reverse
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase

from cities.models import CityIndexPage, CityPage
from events.models import EventIndexPage
from networks.models import GoodPracticeIndexPage, GoodPracticePage, NetworkIndexPage, NetworkPage
from news.models import NewsIndexPage, NewsPage
from tests import factories
from tests.admin_form_data import page_form_data
from urbact_portal.contact.models import ContactPage
from urbact_portal.models import HomePage, StandardPage

INDEX_TYPES = [NewsIndexPage, NetworkIndexPage, GoodPracticeIndexPage, CityIndexPage]
DETAIL_OF = {
    NewsIndexPage: NewsPage,
    NetworkIndexPage: NetworkPage,
    GoodPracticeIndexPage: GoodPracticePage,
    CityIndexPage: CityPage,
}
ALL_TYPES = [HomePage, StandardPage, *INDEX_TYPES, *DETAIL_OF.values(), ContactPage]


def home_children():
    # The events app's listing too; its page types are checked in tests/test_events_pages.py.
    return {StandardPage, *INDEX_TYPES, EventIndexPage, ContactPage}


class PageTreeRulesTests(WagtailPageTestCase):
    """The page tree of DESIGN.md: home → index pages → their detail pages."""

    def test_home_page_lives_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, home_children())

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_index_pages_live_under_home_and_hold_only_their_detail_pages(self):
        for index_type, detail_type in DETAIL_OF.items():
            with self.subTest(index=index_type.__name__):
                self.assertAllowedParentPageTypes(index_type, {HomePage})
                self.assertAllowedSubpageTypes(index_type, {detail_type})

    def test_detail_pages_live_only_under_their_index_and_have_no_children(self):
        for index_type, detail_type in DETAIL_OF.items():
            with self.subTest(detail=detail_type.__name__):
                self.assertAllowedParentPageTypes(detail_type, {index_type})
                self.assertAllowedSubpageTypes(detail_type, set())

    def test_detail_pages_cannot_be_created_anywhere_else(self):
        for index_type, detail_type in DETAIL_OF.items():
            for parent in [HomePage, StandardPage, *INDEX_TYPES, *DETAIL_OF.values()]:
                if parent is index_type:
                    self.assertCanCreateAt(parent, detail_type)
                else:
                    with self.subTest(detail=detail_type.__name__, parent=parent.__name__):
                        self.assertCanNotCreateAt(parent, detail_type)

    def test_index_and_home_pages_cannot_be_nested(self):
        for page_type in [HomePage, *INDEX_TYPES]:
            for parent in [StandardPage, *INDEX_TYPES, *DETAIL_OF.values()]:
                with self.subTest(page=page_type.__name__, parent=parent.__name__):
                    self.assertCanNotCreateAt(parent, page_type)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_contact_page_lives_under_home_without_children(self):
        self.assertAllowedParentPageTypes(ContactPage, {HomePage})
        self.assertAllowedSubpageTypes(ContactPage, set())


class SingletonTests(WagtailPageTestCase):
    """Index pages (and home) are singletons: once one exists, no second can be added."""

    def setUp(self):
        self.home = factories.ensure_home_page()
        self.root = Page.get_first_root_node()
        self.superuser = self.create_superuser("editor-in-chief")
        self.client.force_login(self.superuser)

    def test_max_count_is_one(self):
        for page_type in [HomePage, *INDEX_TYPES]:
            with self.subTest(page=page_type.__name__):
                self.assertEqual(page_type.max_count, 1)

    def test_each_index_can_be_added_once(self):
        factories_by_type = {
            NewsIndexPage: factories.news_index,
            NetworkIndexPage: factories.network_index,
            GoodPracticeIndexPage: factories.good_practice_index,
            CityIndexPage: factories.city_index,
        }
        for page_type, make in factories_by_type.items():
            with self.subTest(page=page_type.__name__):
                self.assertTrue(page_type.can_create_at(self.home))
                make(self.home)
                self.assertFalse(page_type.can_create_at(self.home))
        self.assertFalse(HomePage.can_create_at(self.root))

    def test_admin_offers_only_the_types_that_can_still_be_added(self):
        factories.news_index(self.home)
        factories.city_index(self.home)
        url = reverse("wagtailadmin_pages:add_subpage", args=[self.home.pk])
        html = self.client.get(url).content.decode()
        offered = set(re.findall(rf"/admin/pages/add/(\w+)/(\w+)/{self.home.pk}/", html))
        self.assertNotIn(("news", "newsindexpage"), offered)
        self.assertNotIn(("cities", "cityindexpage"), offered)
        self.assertIn(("networks", "networkindexpage"), offered)
        self.assertIn(("networks", "goodpracticeindexpage"), offered)
        self.assertIn(("urbact_portal", "standardpage"), offered)
        self.assertNotIn(("news", "newspage"), offered)

    def test_admin_refuses_a_second_index_page(self):
        factories.news_index(self.home)
        url = reverse("wagtailadmin_pages:add", args=["news", "newsindexpage", self.home.pk])
        response = self.client.post(
            url,
            {"title_sl": "Druge novice", "slug_sl": "druge-novice", "action-publish": "1"},
        )
        self.assertNotEqual(response.status_code, 500)
        self.assertEqual(NewsIndexPage.objects.count(), 1)


def sample_body(words):
    return [
        ("heading", {"text": f"Naslov: {words}", "level": "h2"}),
        ("paragraph", RichText(f"<p>Besedilo: {words}.</p>")),
        ("quote", {"quote": f"Citat: {words}.", "attribution": "URBACT"}),
    ]


def build_tree():
    """A small site with one page of every type, related to each other, in two languages."""
    home = factories.ensure_home_page()
    tree = {
        "home": home,
        "news_index": factories.news_index(home),
        "network_index": factories.network_index(home),
        "practice_index": factories.good_practice_index(home),
        "city_index": factories.city_index(home),
    }
    theme = factories.theme("Urbana prenova", name_en="Urban regeneration")
    city = factories.city_page(
        tree["city_index"],
        "Ljubljana",
        title_en="Ljubljana",
        latitude="46.05690",
        longitude="14.50580",
        body_sl=sample_body("mesto"),
    )
    network = factories.network_page(
        tree["network_index"],
        "Omrežje za prenovo",
        title_en="Regeneration network",
        cities=[city],
        themes=[theme],
        partners=[{"city_name": "Gradec", "country": "AT"}],
        body_sl=sample_body("omrežje"),
    )
    tree.update(
        theme=theme,
        city=city,
        network=network,
        practice=factories.good_practice_page(
            tree["practice_index"],
            "Dobra praksa prenove",
            title_en="Regeneration practice",
            themes=[theme],
            city_page=city,
            related_network=network,
            body_sl=sample_body("praksa"),
        ),
        news=factories.news_page(
            tree["news_index"],
            "Novica o prenovi",
            title_en="Regeneration news",
            themes=[theme],
            cities=[city],
            networks=[network],
            body_sl=sample_body("novica"),
            body_en=sample_body("news"),
        ),
        standard=factories.standard_page(
            home, "O programu URBACT", title_en="About URBACT", body_sl=sample_body("stran")
        ),
    )
    tree["contact"] = factories.contact_page(home)
    return tree


PAGE_KEYS = [
    "home",
    "standard",
    "news_index",
    "news",
    "network_index",
    "network",
    "practice_index",
    "practice",
    "city_index",
    "city",
    "contact",
]


@override_settings(WAGTAILADMIN_BASE_URL="http://localhost")
class PageBehaviourTests(WagtailPageTestCase):
    """Every page type renders, opens in the editor and previews."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()

    def pages(self):
        for key in PAGE_KEYS:
            yield key, self.tree[key].specific

    def test_every_page_type_is_covered(self):
        covered = {type(page) for _key, page in self.pages()}
        self.assertEqual(covered, set(ALL_TYPES))

    def test_every_page_renders(self):
        for key, page in self.pages():
            with self.subTest(page=key):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)

    def test_listings_render_with_filters_and_page_numbers(self):
        for key in ["news_index", "network_index", "practice_index", "city_index"]:
            with self.subTest(page=key):
                page = self.tree[key]
                self.assertPageIsRenderable(page, query_data={"page": "2"})
                self.assertPageIsRenderable(page, query_data={"theme": "no-such-theme"})

    def test_every_page_opens_in_the_editor(self):
        for key, page in self.pages():
            with self.subTest(page=key):
                self.client.force_login(self.create_superuser(f"editor-{key}"))
                self.assertPageIsEditable(page, post_data=page_form_data(self.client, page))

    def test_every_page_previews_in_slovene_and_english(self):
        for key, page in self.pages():
            modes = [name for name, _label in page.preview_modes]
            languages = {page.split_preview_mode(mode)[0] for mode in modes}
            self.assertEqual(languages, {"sl", "en"}, key)
            for mode in modes:
                with self.subTest(page=key, mode=mode):
                    self.client.force_login(self.create_superuser(f"previewer-{key}-{mode}"))
                    data = page_form_data(self.client, page)
                    self.assertPageIsPreviewable(page, mode=mode, post_data=data)


@override_settings(WAGTAILADMIN_BASE_URL="http://localhost")
class PreviewContentTests(WagtailPageTestCase):
    """What the editor sees in the preview panel: the unsaved edits, the listing of an index
    page, and the page in the chosen language."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.previewer = cls.create_superuser("previewer")

    def setUp(self):
        self.client.force_login(self.previewer)

    def edit_form_data(self, page):
        return page_form_data(self.client, page)

    def preview(self, page, mode="", data=None):
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        data = self.edit_form_data(page) if data is None else data
        state = self.client.post(url, data)
        self.assertEqual(state.json(), {"is_valid": True, "is_available": True})
        response = self.client.get(url, {"mode": mode})
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_preview_modes_offer_both_languages(self):
        page = self.tree["news"].specific
        self.assertEqual([name for name, _label in page.preview_modes], ["", "en"])
        self.assertEqual(page.default_preview_mode, "")

    def test_preview_shows_unsaved_changes(self):
        page = self.tree["news"].specific
        data = self.edit_form_data(page)
        data["title_sl"] = "Naslov, ki še ni shranjen"
        html = self.preview(page, data=data)
        self.assertIn("Naslov, ki še ni shranjen", html)
        page.refresh_from_db()
        self.assertEqual(page.title_sl, "Novica o prenovi")

    def test_index_previews_show_their_listing(self):
        listed = {
            "news_index": "Novica o prenovi",
            "network_index": "Omrežje za prenovo",
            "practice_index": "Dobra praksa prenove",
            "city_index": "Ljubljana",
        }
        for key, child_title in listed.items():
            with self.subTest(page=key):
                self.assertIn(child_title, self.preview(self.tree[key].specific))

    def test_english_preview_renders_the_english_version(self):
        page = self.tree["news_index"].specific
        slovene = self.preview(page, mode="")
        english = self.preview(page, mode="en")
        self.assertRegex(slovene, r'<html[^>]*lang="sl"')
        self.assertRegex(english, r'<html[^>]*lang="en"')
        self.assertIn("Novica o prenovi", slovene)
        self.assertIn("Regeneration news", english)
        self.assertNotIn("Regeneration news", slovene)

    def test_english_preview_falls_back_to_slovene_for_untranslated_fields(self):
        page = self.tree["standard"].specific
        data = self.edit_form_data(page)
        data["intro_sl"] = "Uvod samo v slovenščini."
        data["intro_en"] = ""
        html = self.preview(page, mode="en", data=data)
        self.assertIn("About URBACT", html)
        self.assertIn("Uvod samo v slovenščini.", html)

    def test_preview_of_a_new_page_before_it_is_saved(self):
        index = self.tree["news_index"]
        url = reverse("wagtailadmin_pages:preview_on_add", args=["news", "newspage", index.pk])
        data = {
            "title_sl": "Osnutek novice",
            "slug_sl": "osnutek-novice",
            "title_en": "Draft news",
            "slug_en": "draft-news",
            "date": "15. 01. 2026",
            "intro_sl": "Uvod osnutka.",
            "body_sl-count": "0",
            "body_en-count": "0",
        }
        state = self.client.post(url, data)
        self.assertEqual(state.json(), {"is_valid": True, "is_available": True})
        for mode, expected in [("", "Osnutek novice"), ("en", "Draft news")]:
            with self.subTest(mode=mode):
                response = self.client.get(url, {"mode": mode})
                self.assertEqual(response.status_code, 200)
                self.assertIn(expected, response.content.decode())
        self.assertFalse(NewsPage.objects.filter(title_sl="Osnutek novice").exists())
