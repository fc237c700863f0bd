"""Security headers and the no-inline-script rule that makes the strict policy possible."""

import re

import pytest

from tests import factories

SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)


@pytest.fixture
def public_urls(site_tree):
    home = site_tree["home"]
    city = factories.city_page(site_tree["cities"], title="Idrija")
    network = factories.network_page(site_tree["networks"], title="CityCentreDoctor", cities=[city])
    news = factories.news_page(
        site_tree["news"],
        title="Novica z videom",
        body=[
            (
                "video",
                {
                    "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                    "title": "Video",
                    "caption": "",
                },
            )
        ],
    )
    practice = factories.good_practice_page(site_tree["practices"], title="Praksa")
    contact = factories.contact_page(home)
    return [
        "/",
        "/en/",
        news.url,
        network.url,
        city.url,
        practice.url,
        contact.url,
        "/novice/",
        "/iskanje/?q=idrija",
        "/ne-obstaja/",
    ]


def test_public_pages_send_a_strict_policy_and_use_no_inline_script(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy
        assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]
        assert "frame-src https://www.youtube-nocookie.com https://player.vimeo.com" in policy
        assert "camera=()" in response["Permissions-Policy"]
        for attrs in SCRIPT_TAG.findall(response.content.decode()):
            # Every script is either a file of ours or data (JSON-LD), never inline code.
            assert "src=" in attrs or 'type="application/ld+json"' in attrs, (url, attrs)


def test_invalid_contact_form_keeps_its_focus_script_external(client, site_tree):
    contact = factories.contact_page(site_tree["home"])
    response = client.post(contact.url, {})
    assert response.status_code in (200, 400)
    html = response.content.decode()
    assert "js/contact.js" in html
    assert "Content-Security-Policy" in response


def test_admin_has_its_own_policy(client, django_user_model, site_tree):
    user = django_user_model.objects.create_superuser("urednik", "u@example.com", "geslo-123")
    for url in ("/admin/login/", "/admin/"):
        response = client.get(url)
        assert response.status_code == 200, url
        policy = dict(
            directive.strip().split(" ", 1)
            for directive in response["Content-Security-Policy"].split(";")
        )
        assert policy["object-src"] == "'none'"
        assert policy["base-uri"] == "'self'"
        assert policy["frame-ancestors"] == "'self'"
        assert policy["default-src"] == "'self'"
        assert "'unsafe-eval'" not in policy["script-src"]
        # Nothing from another host: every source is 'self' or a keyword/scheme.
        for sources in policy.values():
            assert "http" not in sources and "*" not in sources
        client.force_login(user)


def test_documents_keep_wagtails_own_policy(client, site_tree):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    Document = get_document_model()

    document = Document.objects.create(title="Poročilo", file=ContentFile(b"a,b\n", name="p.csv"))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"
