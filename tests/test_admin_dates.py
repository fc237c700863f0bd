"""The admin's date formats round-trip on the server in both admin languages, and every admin
page loads the date-picker fix (static/js/admin/date-picker.js; browser tests in
test_scheduling_browser.py)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.templatetags.static import static
from django.utils import translation
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

from tests import factories
from urbact_portal.admin_dates import DATE_PICKER_JS

LJUBLJANA = ZoneInfo("Europe/Ljubljana")


@pytest.mark.parametrize("language", ["sl", "en"])
def test_what_the_widgets_write_the_fields_read(language):
    moment = datetime(2026, 12, 4, 10, 0, tzinfo=LJUBLJANA)
    with translation.override(language):
        date_text = AdminDateInput().format_value(moment.date())
        datetime_text = AdminDateTimeInput().format_value(moment)
        assert date_text == "04. 12. 2026"
        assert datetime_text == "04. 12. 2026 10:00"
        assert forms.DateField().clean(date_text) == moment.date()
        assert forms.DateTimeField().clean(datetime_text) == moment


@pytest.mark.parametrize("language", ["sl", "en"])
@pytest.mark.parametrize(
    "typed, expected",
    [
        ("4. 12. 2026", date(2026, 12, 4)),
        ("04.12.2026", date(2026, 12, 4)),
        ("2026-12-04", date(2026, 12, 4)),
    ],
)
def test_dates_typed_the_slovene_way_are_read(language, typed, expected):
    with translation.override(language):
        assert forms.DateField().clean(typed) == expected
        # A date-time typed without its time is midnight.
        midnight = datetime(2026, 12, 4, tzinfo=LJUBLJANA)
        assert forms.DateTimeField().clean(typed) == midnight


@pytest.mark.parametrize("language", ["sl", "en"])
@pytest.mark.parametrize("typed", ["32. 13. 2026", "31. 2. 2026", "jutri", "4. 12."])
def test_unreadable_dates_are_errors(language, typed):
    with translation.override(language), pytest.raises(forms.ValidationError):
        forms.DateField().clean(typed)


def test_every_admin_page_loads_the_date_picker_fix(admin_client, site_tree):
    news = factories.news_page(site_tree["news"])
    script = f'<script src="{static(DATE_PICKER_JS)}"></script>'
    for url in ["/admin/", f"/admin/pages/{news.pk}/edit/"]:
        html = admin_client.get(url).content.decode()
        # After the vendor picker it patches.
        assert html.index("jquery.datetimepicker.js") < html.index(script)
    # Before the widgets that create pickers.
    assert html.index(script) < html.index("date-time-chooser.js") < html.index('id="id_date"')
