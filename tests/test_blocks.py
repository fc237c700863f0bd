"""Every StreamField block renders through its template on a real page."""

import json
import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from tests import factories


@pytest.fixture
def document(db):
    doc = get_document_model()(title="Letno poročilo 2025")
    doc.file.save("letno-porocilo.pdf", ContentFile(b"%PDF-1.4\n" + b"x" * 2039), save=False)
    doc.save()
    return doc


@pytest.fixture
def image(db):
    return factories.image("Delavnica v Ljubljani", size=(1600, 1000))


def page_with(home, blocks, title="Vsebina"):
    """A standard page with `blocks` as its body, in both languages (the English site shows
    the Slovene body where the English one is empty)."""
    return factories.standard_page(home, title=title, title_en=title, body=json.dumps(blocks))


def render(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('<div class="article__body stream">')
    return html[start : html.index("</main>", start)]


def test_paragraph_and_headings(home, client):
    page = page_with(
        home,
        [
            {"type": "heading", "value": {"text": "Prvi razdelek", "level": "h2"}},
            {
                "type": "paragraph",
                "value": '<p>Besedilo s <a href="https://urbact.eu/">povezavo</a>.</p>',
            },
            {"type": "heading", "value": {"text": "Podrazdelek", "level": "h3"}},
        ],
    )
    html = render(client, page)
    assert '<h2 class="block-heading">Prvi razdelek</h2>' in html
    assert '<h3 class="block-heading">Podrazdelek</h3>' in html
    assert (
        '<div class="rich-text"><p>Besedilo s <a href="https://urbact.eu/">povezavo</a>.</p></div>'
        in html
    )


def test_paragraph_rich_text_resolves_page_links(home, client):
    target = factories.standard_page(home, title="Cilj")
    page = page_with(
        home,
        [{"type": "paragraph", "value": f'<p><a linktype="page" id="{target.pk}">cilj</a></p>'}],
    )
    assert '<a href="/cilj/">cilj</a>' in render(client, page)


def test_image_with_alt_text_caption_and_credit(home, client, image):
    page = page_with(
        home,
        [
            {
                "type": "image",
                "value": {
                    "image": {
                        "image": image.pk,
                        "alt_text": "Udeleženci za mizo",
                        "decorative": False,
                    },
                    "caption": "Delavnica mest",
                    "credit": "IPoP",
                },
            },
            {
                "type": "image",
                "value": {
                    "image": {"image": image.pk, "alt_text": "", "decorative": True},
                    "caption": "",
                    "credit": "",
                },
            },
        ],
    )
    html = render(client, page)
    figures = re.findall(r'<figure class="block-image">.*?</figure>', html, re.S)
    assert len(figures) == 2
    assert "<picture>" in figures[0]
    assert 'type="image/avif"' in figures[0] and 'type="image/webp"' in figures[0]
    img = re.search(r"<img [^>]+>", figures[0]).group(0)
    assert 'alt="Udeleženci za mizo"' in img
    assert 'loading="lazy"' in img and "width=" in img and "height=" in img
    assert "<figcaption>Delavnica mest" in figures[0]
    assert '<span class="block-image__credit">IPoP</span>' in figures[0]
    decorative = re.search(r"<img [^>]+>", figures[1]).group(0)
    assert 'alt=""' in decorative
    assert "<figcaption>" not in figures[1]


def test_quote(home, client):
    page = page_with(
        home,
        [
            {
                "type": "quote",
                "value": {"quote": "Mesta se učijo druga od druge.", "attribution": "URBACT"},
            }
        ],
    )
    html = render(client, page)
    assert "<blockquote><p>Mesta se učijo druga od druge.</p></blockquote>" in html
    assert "<cite>URBACT</cite>" in html


@pytest.mark.parametrize(
    "url, provider, button",
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            "Predvajaj videoposnetek (naloži vsebino s storitve YouTube)",
        ),
        (
            "https://vimeo.com/76979871",
            "player.vimeo.com/video/76979871",
            "Predvajaj videoposnetek (naloži vsebino s storitve Vimeo)",
        ),
    ],
)
def test_video_loads_nothing_from_the_provider_until_asked(home, client, url, provider, button):
    page = page_with(
        home,
        [
            {
                "type": "video",
                "value": {"url": url, "title": "Predstavitev programa", "caption": "Posnetek"},
            }
        ],
    )
    response = client.get(page.url)
    full = response.content.decode()
    html = render(client, page)
    # No iframe, and no element that would fetch from the provider.
    assert "<iframe" not in full
    for attr in re.findall(r'\b(?:src|srcset|poster)="([^"]+)"', full):
        assert not re.search(r"youtube|vimeo", attr), attr
    # The facade: the title, a button (shown by the script) and a plain link without JS.
    assert '<p class="video-facade__title">Predstavitev programa</p>' in html
    assert button in html
    assert f'<a href="{url}">' in html
    assert f'data-video-embed="https://{provider}' in html
    assert "<figcaption>Posnetek</figcaption>" in html


def test_video_in_english(home, client):
    page = page_with(
        home,
        [{"type": "video", "value": {"url": "https://youtu.be/dQw4w9WgXcQ", "title": "Intro"}}],
    )
    html = client.get("/en" + page.url).content.decode()
    assert "Play the video (loads content from YouTube)" in html
    assert "<iframe" not in html


def test_document_shows_type_and_size(home, client, document):
    page = page_with(
        home,
        [
            {"type": "document", "value": {"document": document.pk, "title": ""}},
            {"type": "document", "value": {"document": document.pk, "title": "Poročilo"}},
        ],
    )
    html = render(client, page)
    assert f'<a href="{document.url}" download>' in html
    assert '<span class="block-document__title">Letno poročilo 2025</span>' in html
    assert '<span class="block-document__title">Poročilo</span>' in html
    assert "(PDF, 2 KB)" in html


def test_call_to_action_to_a_page_and_an_address(home, client):
    target = factories.standard_page(home, title="Razpis", title_en="Call")
    page = page_with(
        home,
        [
            {
                "type": "call_to_action",
                "value": {
                    "heading": "Prijavite se",
                    "text": "Rok je konec meseca.",
                    "button_label": "Več o razpisu",
                    "page": target.pk,
                    "url": "",
                },
            },
            {
                "type": "call_to_action",
                "value": {
                    "heading": "Obiščite urbact.eu",
                    "text": "",
                    "button_label": "URBACT",
                    "page": None,
                    "url": "https://urbact.eu/",
                },
            },
        ],
    )
    html = render(client, page)
    assert '<h2 class="block-cta__heading">Prijavite se</h2>' in html
    assert '<a class="button" href="/razpis/">Več o razpisu</a>' in html
    assert '<a class="button" href="https://urbact.eu/">URBACT</a>' in html
    html = client.get("/en" + page.url).content.decode()
    assert '<a class="button" href="/en/call/">Več o razpisu</a>' in html


def test_standard_page_lists_its_children(home, client):
    parent = factories.standard_page(home, title="O programu", intro="Kaj je URBACT.")
    factories.standard_page(parent, title="Zgodovina", intro="Od leta 2002.")
    factories.standard_page(parent, title="Osnutek", live=False)
    html = client.get(parent.url).content.decode()
    assert '<p class="lead">Kaj je URBACT.</p>' in html
    assert 'id="children-heading">V tem razdelku</h2>' in html
    assert '<a href="/o-programu/zgodovina/">Zgodovina</a>' in html
    assert "Od leta 2002." in html
    assert "Osnutek" not in html


def test_missing_image_file_does_not_break_the_page(home, client, image):
    page = page_with(
        home,
        [
            {
                "type": "image",
                "value": {
                    "image": {"image": image.pk, "alt_text": "Slika", "decorative": False},
                    "caption": "",
                    "credit": "",
                },
            }
        ],
    )
    image.file.storage.delete(image.file.name)
    response = client.get(page.url)
    assert response.status_code == 200
