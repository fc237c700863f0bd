"""Dates in the Wagtail admin round-trip in both admin languages.

Wagtail 8's date pickers (jQuery xdsoft datetimepicker) could not read back the spaced
Slovene format they write ("04. 12. 2026", from WAGTAIL_DATE_FORMAT) and replaced it with the
current time on blur: a go-live date became "now" and an embargoed page was published at once.
static/js/admin/date-picker.js fixes the picker's parser and stops it from replacing what it
cannot read; its header explains the fault. Loaded on every admin page, right after the
vendor script and before any picker is created."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

DATE_PICKER_JS = "js/admin/date-picker.js"


@hooks.register("insert_global_admin_js")
def date_picker_script():
    return format_html('<script src="{}"></script>', static(DATE_PICKER_JS))
