"""Identity (issue 11, part 2): one logo system (the "URBACT Slovenija" wordmark in the header,
the same mark as favicon, share image and e-mail header, replaceable by an upload in the site
settings), the EU funding statement with the emblem drawn to its official construction, IPoP's
name and link, and urbact.eu."""

import math
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from django.conf import settings
from wagtail.models import Site

from tests import factories
from tests.listing_helpers import html_of
from urbact_portal.models import SiteSettings

STATIC = Path(settings.BASE_DIR) / "static" / "img"
SVG = "{http://www.w3.org/2000/svg}"


def footer(html):
    return html[html.index('<footer class="site-footer">') :]


@pytest.mark.parametrize(
    ("url", "statement", "emblem_alt", "programme"),
    [
        ("/", "Sofinancira Evropska unija", "Emblem Evropske unije", "Program URBACT"),
        (
            "/en/",
            "Co-funded by the European Union",
            "Emblem of the European Union",
            "The URBACT programme",
        ),
    ],
)
def test_footer_carries_the_eu_statement_and_the_identity_marks(
    site_tree, client, url, statement, emblem_alt, programme
):
    html = footer(html_of(client.get(url)))
    marks = html[html.index('class="site-footer__marks') :]
    emblem = re.search(r'<img class="eu-funding__emblem" src="([^"]+)"[^>]* alt="([^"]+)"', marks)
    assert emblem, marks
    assert emblem.group(1).endswith("img/eu-emblem.svg")
    assert emblem.group(2) == emblem_alt
    assert f'<span class="eu-funding__text">{statement}</span>' in marks
    assert re.search(r'<a href="https://ipop\.si/"[^>]*>IPoP – ', marks)
    assert f'<a href="https://urbact.eu/">{programme} (urbact.eu)</a>' in marks


def test_header_shows_the_wordmark_and_favicon_the_same_mark(site_tree, client):
    html = html_of(client.get("/"))
    header = html[html.index('<header class="site-header">') : html.index("</header>")]
    assert re.search(
        r'<img class="brand__logo" src="[^"]*img/urbact-slovenija\.svg" width="264" height="48" '
        r'alt="URBACT Slovenija">',
        header,
    )
    assert '<link rel="icon" href="/static/img/favicon.svg"' in html
    # The wordmark's mark is the favicon's drawing.
    wordmark = ElementTree.parse(STATIC / "urbact-slovenija.svg").getroot()
    favicon = ElementTree.parse(STATIC / "favicon.svg").getroot()
    mark_paths = {p.get("d") for p in wordmark.iter(f"{SVG}path")}
    assert {p.get("d") for p in favicon.iter(f"{SVG}path")} <= mark_paths
    assert wordmark.find(f"{SVG}title").text == "URBACT Slovenija"
    assert wordmark.get("role") == "img"
    text = "".join(wordmark.find(f"{SVG}text").itertext())
    assert text == "URBACT Slovenija"


def test_uploaded_urbact_logo_replaces_the_wordmark_and_the_share_image(site_tree, client):
    logo = factories.image("URBACT logo", size=(600, 200), description="Logotip URBACT")
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.urbact_logo = logo
    site_settings.save()
    html = html_of(client.get("/"))
    header = html[html.index('<header class="site-header">') : html.index("</header>")]
    assert "urbact-slovenija.svg" not in header
    image = re.search(
        r'<img class="brand__logo" src="([^"]+)" width="(\d+)" height="96" '
        r'alt="Logotip URBACT">',
        header,
    )
    assert image and image.group(1).startswith(settings.MEDIA_URL)
    og = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert settings.MEDIA_URL in og and "og-default" not in og


def test_notification_emails_carry_the_wordmark(db):
    from django.contrib.auth import get_user_model
    from django.template.loader import render_to_string

    user = get_user_model().objects.create_user("urednica", "urednica@ipop.si", "geslo-123")
    html = render_to_string("wagtailadmin/notifications/base.html", {"user": user})
    assert "email-header.jpg" not in html
    assert re.search(
        r'<img[^>]+alt="URBACT Slovenija"[^>]+src="[^"]*urbact-slovenija\.png[^"]*"', html
    )


def _points(d):
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", d)]
    return list(zip(numbers[::2], numbers[1::2], strict=True))


def test_eu_emblem_follows_the_official_construction():
    root = ElementTree.parse(STATIC / "eu-emblem.svg").getroot()
    _x, _y, width, height = (float(v) for v in root.get("viewBox").split())
    assert width / height == pytest.approx(1.5)  # the flag is 3:2
    rect = root.find(f"{SVG}rect")
    assert rect.get("fill").upper() == "#003399"  # reflex blue
    assert float(rect.get("width")) == width and float(rect.get("height")) == height

    star = root.find(f"{SVG}defs/{SVG}path")
    assert star.get("fill").upper() == "#FFDD00"  # gold
    points = _points(star.get("d"))
    assert len(points) == 10  # five points and five notches
    radii = [math.hypot(x, y) for x, y in points]
    outer, inner = radii[0::2], radii[1::2]
    # Each star's points lie on a circle whose radius is one eighteenth of the height.
    assert all(r == pytest.approx(height / 18, abs=0.01) for r in outer)
    # Five-pointed and regular: points every 72°, notches in between at the regular ratio.
    angles = [math.degrees(math.atan2(x, -y)) % 360 for x, y in points[0::2]]
    assert angles == pytest.approx([0, 72, 144, 216, 288], abs=0.01)
    ratio = math.sin(math.radians(18)) / math.sin(math.radians(54))
    assert all(r == pytest.approx(height / 18 * ratio, abs=0.01) for r in inner)
    # Upright: one point straight up.
    assert points[0][0] == pytest.approx(0) and points[0][1] < 0

    uses = root.findall(f"{SVG}use")
    assert len(uses) == 12
    centre = (width / 2, height / 2)
    positions = [(float(u.get("x")), float(u.get("y"))) for u in uses]
    for x, y in positions:
        # On a circle whose radius is one third of the height, around the centre.
        assert math.hypot(x - centre[0], y - centre[1]) == pytest.approx(height / 3, abs=0.01)
    hours = sorted(
        round(math.degrees(math.atan2(x - centre[0], centre[1] - y)) % 360, 2) for x, y in positions
    )
    assert hours == pytest.approx([30.0 * hour for hour in range(12)], abs=0.01)
    assert all(u.get("href") == "#star" for u in uses)  # no rotation: all upright
    assert all(u.get("transform") is None for u in uses)
