"""Old addresses keep working (issue 11, part 6): Wagtail's redirects, imported from a CSV file
through the Slovene admin, answer the old path with a permanent redirect (301) to the new page."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from tests import factories
from tests.listing_helpers import html_of

# The new addresses are full addresses (Wagtail's import checks them as URLs), as the README
# says; the old ones are paths of the old site.
CSV = (
    "stari naslov,nov naslov\n"
    "/index.php/novice/poziv-2023,https://urbact.si/novice/poziv-za-nova-omrezja/\n"
    "/o-nas.html,https://urbact.si/o-programu/\n"
)

# English words of Wagtail's import screens that must not show in the Slovene admin.
ENGLISH = re.compile(
    r">\s*(Import redirects|Import|Choose file|From field|To field|Permanent|Site|Redirects|"
    r"Confirm|Import summary)\s*<"
)


def _visible(html):
    body = html.split("<main", 1)[-1]
    body = re.sub(r"<script.*?</script>", "", body, flags=re.S)
    return body


@pytest.fixture
def new_pages(site_tree):
    news = factories.news_page(site_tree["news"], "Poziv za nova omrežja")
    about = factories.standard_page(site_tree["home"], "O programu")
    return news, about


def test_csv_import_in_the_slovene_admin_makes_old_paths_answer_301(
    admin_client, client, new_pages
):
    start = reverse("wagtailredirects:start_import")
    page = admin_client.get(start)
    assert page.status_code == 200
    assert "Uvoz preusmeritev" in html_of(page)
    html = _visible(html_of(page))
    assert re.search(r'value="Uvozi"', html)
    assert not ENGLISH.search(html), ENGLISH.search(html)

    upload = SimpleUploadedFile("stari-naslovi.csv", CSV.encode(), content_type="text/csv")
    confirm = admin_client.post(start, {"import_file": upload})
    assert confirm.status_code == 200
    html = html_of(confirm)
    assert not ENGLISH.search(_visible(html)), ENGLISH.search(_visible(html))
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html))
    assert "Stolpec s starim naslovom" in html and "Stolpec z novim naslovom" in html
    assert "Stalne preusmeritve (301)" in html
    assert {"import_file_name", "input_format"} <= set(hidden)
    site = Site.objects.get(is_default_site=True)
    done = admin_client.post(
        reverse("wagtailredirects:process_import"),
        {
            "import_file_name": hidden["import_file_name"],
            "input_format": hidden["input_format"],
            "from_index": 0,
            "to_index": 1,
            "site": site.pk,
            "permanent": "on",
        },
        follow=True,
    )
    assert done.status_code == 200
    assert "Uvoženi sta 2 preusmeritvi" in html_of(done)
    assert Redirect.objects.count() == 2

    news, about = new_pages
    old = client.get("/index.php/novice/poziv-2023")
    assert old.status_code == 301
    assert old["Location"] == "https://urbact.si" + news.url
    assert news.url == "/novice/poziv-za-nova-omrezja/"
    assert client.get(news.url).status_code == 200
    old = client.get("/o-nas.html")
    assert old.status_code == 301
    assert old["Location"] == "https://urbact.si" + about.url == "https://urbact.si/o-programu/"
    assert client.get(about.url).status_code == 200


def test_redirects_are_in_the_slovene_settings_menu(admin_client, home):
    html = html_of(admin_client.get(reverse("wagtailredirects:index")))
    assert "Preusmeritve" in html
