"""Dates in the Wagtail admin, in a real browser (Debian's Chromium through Playwright), as an
editor sets them: go-live and expiry dates in the scheduling dialog ("Nastavite urnik objave")
and a news item's "Datum", picked in the date picker or typed by hand, in the Slovene and the
English admin. What the editor picked or typed is what is stored; a page scheduled to go live
stays offline; a date the site cannot read is an error on the field, never "now".

The admin's picker used to replace the spaced Slovene format it writes ("04. 12. 2026") with
the current time: see static/js/admin/date-picker.js."""

import os
import urllib.error
import urllib.request
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

# Playwright's sync API runs an event loop in this thread (from the module-scoped browser
# fixture on, before the test database exists); the tests' own database calls stay sync.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group, Permission  # noqa: E402
from django.utils import timezone, translation  # noqa: E402
from wagtail.models import GroupPagePermission, Revision  # noqa: E402
from wagtail.users.models import UserProfile  # noqa: E402

from news.models import NewsPage  # noqa: E402
from tests import factories
from tests.browser import LIVE_SERVER_BROWSER, WAIT_MS, log_in, new_tab, submit  # noqa: E402

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

LJUBLJANA = ZoneInfo("Europe/Ljubljana")
PASSWORD = "urednica-geslo-2026"

pytestmark = LIVE_SERVER_BROWSER

# What the editor reads in each admin language.
TEXT = {
    "sl": {
        "set_schedule": "Nastavite urnik",
        "save_schedule": "Shrani urnik",
        "more_actions": "Več dejanj",
        "schedule_to_publish": "Načrtuj objavo",
        "publish": "Objavi",
        "invalid_date": "Vnesite veljaven datum.",
        "invalid_datetime": "Vnesite veljaven datum/čas.",
        "invalid_schedule": "Neveljaven urnik",
    },
    "en": {
        "set_schedule": "Set schedule",
        "save_schedule": "Save schedule",
        "more_actions": "More actions",
        "schedule_to_publish": "Schedule to publish",
        "publish": "Publish",
        "invalid_date": "Enter a valid date.",
        "invalid_datetime": "Enter a valid date/time.",
        "invalid_schedule": "Invalid schedule",
    },
}


@pytest.fixture
def news(live_server):
    """A live news item and an unpublished one, each with its public URL."""
    home = factories.ensure_home_page()
    index = factories.news_index(home)
    live = factories.news_page(index, "Objavljena novica", intro="Prvotni uvod novice.")
    draft = factories.news_page(index, "Neobjavljena novica", live=False)
    return {"base": live_server.url, "live": live, "draft": draft}


@pytest.fixture
def editor(news):
    """An NUP editor: admin access, may edit and publish pages under the home page."""
    group = Group.objects.create(name="Uredniki NUP")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    home = news["live"].get_parent().get_parent()
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=home, permission=Permission.objects.get(codename=codename)
        )
    user = get_user_model().objects.create_user("urednica", "urednica@ipop.si", PASSWORD)
    user.groups.add(group)
    return user


class Admin:
    """One editor's browser tab in the Wagtail admin."""

    def __init__(self, tab, base, language):
        self.tab = tab
        self.base = base
        self.language = language
        self.text = TEXT[language]

    def log_in(self):
        log_in(self.tab, self.base, "urednica", PASSWORD)
        assert self.tab.locator("html").get_attribute("lang") == self.language

    def edit(self, page):
        self.tab.goto(f"{self.base}/admin/pages/{page.pk}/edit/")
        self.tab.wait_for_load_state("networkidle")

    def picker(self):
        picker = self.tab.locator(".xdsoft_datetimepicker:visible")
        expect(picker).to_have_count(1)
        return picker

    def leave_field(self, field_id):
        """Click next to the field, as an editor does when done (Tab would open the next
        field's picker over the dialog's button)."""
        dialog = self.tab.locator("#schedule-publishing-dialog")
        if dialog.is_visible():
            dialog.locator(".w-dialog__subtitle").click()
        else:
            self.tab.locator("#id_intro_sl").click()
        expect(self.tab.locator(".xdsoft_datetimepicker:visible")).to_have_count(0)
        assert self.tab.evaluate("document.activeElement.id") != field_id

    def pick(self, field_id, day, hour=None):
        """Open the field's picker, go to the month of `day` with its arrows, click the day
        (and the hour), then leave the field as an editor would."""
        self.tab.locator(f"#{field_id}").click()
        picker = self.picker()
        days = picker.locator("td.xdsoft_date:not(.xdsoft_other_month)")
        for _step in range(24):
            shown = days.first
            # data-month counts from 0, as JavaScript does.
            year = int(shown.get_attribute("data-year"))
            month = int(shown.get_attribute("data-month"))
            if (year, month + 1) == (day.year, day.month):
                break
            arrow = "xdsoft_next" if (year, month + 1) < (day.year, day.month) else "xdsoft_prev"
            picker.locator(f".xdsoft_datepicker .{arrow}").click()
            expect(days.first).not_to_have_attribute("data-month", str(month))
        days.and_(self.tab.locator(f'[data-date="{day.day}"]')).click()
        if hour is not None:
            # The time list is a scroll box that opens at the current hour: the wanted hour
            # may sit under the box's edge, so the click is dispatched to the item itself.
            picker.locator(f'.xdsoft_time[data-hour="{hour}"][data-minute="0"]').dispatch_event(
                "click"
            )
        self.leave_field(field_id)

    def type(self, field_id, text):
        field = self.tab.locator(f"#{field_id}")
        field.click()
        self.picker()  # it opens a moment after the focus; type once it is there
        field.press("Control+A")
        field.press_sequentially(text)
        self.leave_field(field_id)

    def field_error(self, field_id):
        """The error Wagtail shows with the field (present even inside a closed dialog)."""
        field = self.tab.locator(".w-field").filter(has=self.tab.locator(f"#{field_id}"))
        return " ".join(field.locator(".error-message").text_content().split())

    def value(self, field_id):
        return self.tab.locator(f"#{field_id}").input_value()

    def open_schedule_dialog(self):
        toggle = self.tab.locator('[data-side-panel-toggle="status"]')
        if toggle.get_attribute("aria-expanded") != "true":
            toggle.click()
        self.tab.get_by_role("button", name=self.text["set_schedule"], exact=True).click()
        expect(self.tab.locator("#schedule-publishing-dialog")).to_be_visible()

    def save_schedule(self):
        submit(self.tab, self.tab.get_by_role("button", name=self.text["save_schedule"]).click)
        self.tab.wait_for_load_state("networkidle")

    def footer_action(self, label):
        self.tab.get_by_role("button", name=self.text["more_actions"]).click()
        submit(self.tab, self.tab.get_by_role("button", name=label, exact=True).click)
        self.tab.wait_for_load_state("networkidle")

    def fill_title(self, title):
        self.tab.locator("#id_title_sl").fill(title)


@pytest.fixture(params=["sl", "en"])
def admin(request, browser, news, editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = request.param
    profile.save()
    # An editor in Ljubljana: the picker's "today" and hours are Slovenia's.
    context, tab = new_tab(
        browser,
        locale="sl-SI",
        timezone_id="Europe/Ljubljana",
        viewport={"width": 1400, "height": 1000},
    )
    admin = Admin(tab, news["base"], request.param)
    try:
        admin.log_in()
        yield admin
        # Let the page's last requests finish before the database is flushed.
        tab.wait_for_load_state("networkidle")
    finally:
        context.close()


def public_status_and_text(url):
    try:
        with urllib.request.urlopen(url, timeout=WAIT_MS / 1000) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


def local(day, hour=0):
    return datetime.combine(day, time(hour), tzinfo=LJUBLJANA)


def assert_scheduled_not_live(news, go_live_at):
    """The live item still shows its old content and waits with its new version; the
    unpublished one stays offline; both wait for exactly `go_live_at`."""
    live = NewsPage.objects.get(pk=news["live"].pk)
    assert live.live and live.title == "Objavljena novica"
    with translation.override("en"):
        assert live.status_string == "live + scheduled"
    waiting = Revision.page_revisions.get(object_id=str(live.pk), approved_go_live_at__isnull=False)
    assert waiting.approved_go_live_at == go_live_at
    assert waiting.as_object().title == "Nova različica novice"

    draft = NewsPage.objects.get(pk=news["draft"].pk)
    assert not draft.live
    assert draft.go_live_at == go_live_at
    with translation.override("en"):
        assert draft.status_string == "scheduled"

    status, html = public_status_and_text(news["base"] + live.url)
    assert status == 200
    assert "Objavljena novica" in html and "Nova različica novice" not in html
    assert public_status_and_text(news["base"] + news["draft"].url)[0] == 404


@pytest.mark.parametrize("how", ["picker", "typed"])
def test_a_go_live_date_schedules_live_and_unpublished_news(admin, news, how):
    day = timezone.localdate() + timedelta(days=3)
    for page in (news["live"], news["draft"]):
        admin.edit(page)
        if page == news["live"]:
            admin.fill_title("Nova različica novice")
        admin.open_schedule_dialog()
        if how == "picker":
            admin.pick("id_go_live_at", day, hour=10)
            expected = local(day, 10)
        else:
            admin.type("id_go_live_at", f"{day.day}. {day.month}. {day.year}")
            expected = local(day)
        # The picker writes (and reads back) the Slovene format.
        assert admin.value("id_go_live_at") == expected.strftime("%d. %m. %Y %H:%M")
        admin.save_schedule()
        assert admin.value("id_go_live_at") == expected.strftime("%d. %m. %Y %H:%M")
        admin.footer_action(admin.text["schedule_to_publish"])
    assert_scheduled_not_live(news, expected)


@pytest.mark.parametrize("how", ["picker", "typed"])
def test_an_expiry_date_is_stored_as_chosen(admin, news, how):
    day = timezone.localdate() + timedelta(days=3)
    for page in (news["live"], news["draft"]):
        admin.edit(page)
        admin.open_schedule_dialog()
        if how == "picker":
            admin.pick("id_expire_at", day, hour=16)
            expected = local(day, 16)
        else:
            admin.type("id_expire_at", day.strftime("%d. %m. %Y") + " 16:00")
            expected = local(day, 16)
        assert admin.value("id_expire_at") == expected.strftime("%d. %m. %Y %H:%M")
        admin.save_schedule()
        admin.footer_action(admin.text["publish"])
    for page in (news["live"], news["draft"]):
        page = NewsPage.objects.get(pk=page.pk)
        assert page.live and not page.expired
        assert page.expire_at == expected
        assert public_status_and_text(news["base"] + page.url)[0] == 200


@pytest.mark.parametrize("how", ["picker", "typed"])
def test_a_news_date_in_the_past_is_stored_as_chosen(admin, news, how):
    day = timezone.localdate() - timedelta(days=40)  # another month: the picker's arrows
    admin.edit(news["live"])
    if how == "picker":
        admin.pick("id_date", day)
    else:
        admin.type("id_date", f"{day.day}. {day.month}. {day.year}")
    assert admin.value("id_date") == day.strftime("%d. %m. %Y")
    admin.footer_action(admin.text["publish"])
    page = NewsPage.objects.get(pk=news["live"].pk)
    assert page.live and page.date == day
    assert page.live_revision.as_object().date == day


def test_an_unreadable_date_is_an_error_on_the_field_not_now(admin, news):
    # The scheduling dialog: the text stays as typed and the server refuses it.
    admin.edit(news["draft"])
    admin.open_schedule_dialog()
    admin.type("id_go_live_at", "32. 13. 2026 10:00")
    assert admin.value("id_go_live_at") == "32. 13. 2026 10:00"
    admin.save_schedule()
    expect(admin.tab.get_by_text(admin.text["invalid_schedule"])).to_be_visible()
    assert admin.field_error("id_go_live_at") == admin.text["invalid_datetime"]
    assert admin.value("id_go_live_at") == "32. 13. 2026 10:00"
    draft = NewsPage.objects.get(pk=news["draft"].pk)
    assert draft.go_live_at is None and not draft.live
    assert not draft.revisions.filter(approved_go_live_at__isnull=False).exists()

    # The news date, on the live item: "Objavi" refuses it and the live page is unchanged.
    admin.edit(news["live"])
    admin.type("id_date", "jutri")
    assert admin.value("id_date") == "jutri"
    admin.footer_action(admin.text["publish"])
    assert admin.field_error("id_date") == admin.text["invalid_date"]
    assert admin.tab.locator("#id_date").get_attribute("aria-invalid") == "true"
    assert admin.value("id_date") == "jutri"
    live = NewsPage.objects.get(pk=news["live"].pk)
    assert live.date == news["live"].date
    assert live.live_revision_id == news["live"].live_revision_id
