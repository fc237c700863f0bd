"""The event page types the way tests/test_page_types.py checks the others: where they can
live, that they render, open in the editor and preview in both languages, what the editor
sees for impossible dates; the Slovene pages show no English. (The demo events are checked on
the demo content that tests/test_demo_content.py loads once.)"""

from datetime import date, time, timedelta

from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from cities.models import CityIndexPage, CityPage
from events.models import Attendance, EventIndexPage, EventPage
from networks.models import NetworkIndexPage, NetworkPage
from news.models import NewsIndexPage, NewsPage
from tests import factories
from tests.admin_form_data import page_form_data
from tests.test_translations_complete import english_words_in, visible_text
from urbact_portal.models import HomePage, StandardPage


class EventPageTreeTests(WagtailPageTestCase):
    def test_event_index_lives_under_home_and_holds_only_events(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertEqual(EventIndexPage.max_count, 1)

    def test_events_live_only_under_their_index_without_children(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        for parent in [HomePage, StandardPage, NewsIndexPage, NewsPage, CityIndexPage]:
            with self.subTest(parent=parent.__name__):
                self.assertCanNotCreateAt(parent, EventPage)
        for parent in [StandardPage, NewsIndexPage, NetworkIndexPage, CityPage, NetworkPage]:
            with self.subTest(parent=parent.__name__):
                self.assertCanNotCreateAt(parent, EventIndexPage)

    def test_the_home_page_offers_the_event_index(self):
        self.assertIn(EventIndexPage, HomePage.allowed_subpage_models())


def build_events():
    home = factories.ensure_home_page()
    tree = {
        "home": home,
        "cities": factories.city_index(home),
        "networks": factories.network_index(home),
        "index": factories.event_index(home, intro="Dogodki za mesta."),
    }
    theme = factories.theme("Urbana prenova", name_en="Urban regeneration")
    city = factories.city_page(tree["cities"], "Ljubljana", title_en="Ljubljana")
    soon = timezone.localdate() + timedelta(days=20)
    tree["event"] = factories.event_page(
        tree["index"],
        "Informativni dan",
        title_en="Info day",
        start_date=soon,
        start_time=time(10),
        end_time=time(12),
        attendance=Attendance.HYBRID,
        venue="Mestna hiša",
        locality="Ljubljana",
        registration_url="https://example.org/prijava",
        registration_deadline=soon - timedelta(days=5),
        body_sl=[{"type": "paragraph", "value": "<p>Program informativnega dneva.</p>"}],
        themes=[theme],
        cities=[city],
    )
    tree["past"] = factories.event_page(
        tree["index"],
        "Pretekla konferenca",
        kind="conference",
        start_date=date(2024, 5, 20),
        end_date=date(2024, 5, 21),
        cities=[city],
    )
    tree["city"] = city
    return tree


@override_settings(WAGTAILADMIN_BASE_URL="http://localhost")
class EventPageBehaviourTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_events()

    def pages(self):
        for key in ["index", "event", "past"]:
            yield key, self.tree[key].specific

    def test_every_event_page_renders(self):
        for key, page in self.pages():
            with self.subTest(page=key):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)
        index = self.tree["index"]
        self.assertPageIsRoutable(index, "pretekli/")
        self.assertPageIsRenderable(index, "pretekli/", query_data={"page": "2"})
        self.assertPageIsRenderable(index, query_data={"kind": "no-such-kind"})

    def test_every_event_page_opens_in_the_editor(self):
        for key, page in self.pages():
            with self.subTest(page=key):
                self.client.force_login(self.create_superuser(f"editor-{key}"))
                self.assertPageIsEditable(page, post_data=page_form_data(self.client, page))

    def test_every_event_page_previews_in_slovene_and_english(self):
        for key, page in self.pages():
            modes = [name for name, _label in page.preview_modes]
            self.assertEqual(modes, ["", "en"])
            for mode in modes:
                with self.subTest(page=key, mode=mode):
                    self.client.force_login(self.create_superuser(f"previewer-{key}-{mode}"))
                    data = page_form_data(self.client, page)
                    self.assertPageIsPreviewable(page, mode=mode, post_data=data)

    def preview(self, page, data, mode=""):
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        state = self.client.post(url, data)
        self.assertEqual(state.json(), {"is_valid": True, "is_available": True})
        response = self.client.get(url, {"mode": mode})
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_preview_shows_unsaved_changes_in_both_languages(self):
        self.client.force_login(self.create_superuser("previewer"))
        page = self.tree["event"].specific
        data = page_form_data(self.client, page)
        data["title_sl"] = "Naslov, ki še ni shranjen"
        data["title_en"] = "A title not saved yet"
        self.assertIn("Naslov, ki še ni shranjen", self.preview(page, data))
        self.assertIn("A title not saved yet", self.preview(page, data, mode="en"))
        page.refresh_from_db()
        self.assertEqual(page.title_sl, "Informativni dan")

    def test_index_preview_shows_its_listing(self):
        self.client.force_login(self.create_superuser("index-previewer"))
        page = self.tree["index"].specific
        html = self.preview(page, page_form_data(self.client, page))
        self.assertIn("Informativni dan", html)

    def test_preview_of_a_new_event_before_it_is_saved(self):
        self.client.force_login(self.create_superuser("new-previewer"))
        index = self.tree["index"]
        url = reverse("wagtailadmin_pages:preview_on_add", args=["events", "eventpage", index.pk])
        data = {
            "title_sl": "Osnutek dogodka",
            "slug_sl": "osnutek-dogodka",
            "title_en": "Draft event",
            "slug_en": "draft-event",
            "kind": "training",
            "start_date": "12. 03. 2031",
            "start_time": "10:00",
            "end_time": "12:00",
            "attendance": "online",
            "summary_sl": "Povzetek osnutka.",
            "body_sl-count": "0",
            "body_en-count": "0",
        }
        state = self.client.post(url, data)
        self.assertEqual(state.json(), {"is_valid": True, "is_available": True})
        for mode, expected in [("", "12. marca 2031 od 10.00 do 12.00"), ("en", "Draft event")]:
            with self.subTest(mode=mode):
                response = self.client.get(url, {"mode": mode})
                self.assertEqual(response.status_code, 200)
                self.assertIn(expected, response.content.decode())
        self.assertFalse(EventPage.objects.filter(title_sl="Osnutek dogodka").exists())

    def test_the_editor_is_told_in_slovene_when_dates_are_impossible(self):
        self.client.force_login(self.create_superuser("careless-editor"))
        page = self.tree["event"].specific
        data = page_form_data(self.client, page)
        data.update(start_date="12. 03. 2031", end_date="10. 03. 2031", **{"action-publish": "1"})
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Dogodek se ne more končati, preden se začne.", response.content.decode())
        page.refresh_from_db()
        self.assertNotEqual(page.start_date, date(2031, 3, 12))

    def test_the_dashboard_counts_events(self):
        self.client.force_login(self.create_superuser("dashboard-reader"))
        html = self.client.get(reverse("wagtailadmin_home")).content.decode()
        self.assertIn("2 dogodka", html)

    def test_slovene_event_pages_show_no_english(self):
        urls = [
            self.tree["index"].url,
            self.tree["index"].url + "pretekli/",
            self.tree["event"].url,
            self.tree["past"].url,
            self.tree["city"].url,
            "/",
            "/dogodki/?kind=nic",
        ]
        for url in urls:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                html = response.content.decode()
                self.assertFalse(english_words_in(visible_text(html)))
                self.assertNotRegex(visible_text(html), r"\b(Upcoming|Past|Event|Online)\b")
