"""The page fragment caches of issue 14 (urbact_portal/templatetags/fragment_tags.py) and the
caches that let a warm page skip its work: a change shows on the next request, editors and
previews never see a stored fragment, and a cached related list does not make its images'
renditions again on every request."""

from django.contrib.auth import get_user_model
from wagtail.images.models import Image

from news.models import NewsPage
from tests import factories


def test_a_publish_shows_on_the_next_request(site_tree, client):
    item = factories.news_page(site_tree["news"], title="Prvi naslov", intro="Prvi uvod.")
    url = item.url
    assert "Prvi uvod." in client.get(url).content.decode()
    assert "Prvi uvod." in client.get(site_tree["news"].url).content.decode()

    item.intro = "Drugi uvod."
    item.save_revision().publish()

    assert "Drugi uvod." in client.get(url).content.decode()
    assert "Drugi uvod." in client.get(site_tree["news"].url).content.decode()


def test_fragments_are_kept_for_visitors_only(site_tree, client):
    """A write that bypasses Wagtail (no publish, so no new content version) shows whether a
    response came from the fragment cache: visitors keep the stored fragment, a signed-in
    editor gets the page rendered afresh."""
    item = factories.news_page(site_tree["news"], title="Naslov", intro="Stari uvod.")
    url = item.url
    assert "Stari uvod." in client.get(url).content.decode()
    NewsPage.objects.filter(pk=item.pk).update(intro="Nov uvod.")

    assert "Stari uvod." in client.get(url).content.decode()
    editor = get_user_model().objects.create_superuser("urednik", "u@example.si", "geslo-123456")
    client.force_login(editor)
    assert "Nov uvod." in client.get(url).content.decode()


def test_each_address_has_its_own_fragments(site_tree, client):
    for i in range(14):
        factories.news_page(site_tree["news"], title=f"Novica {i}")
    listing = site_tree["news"].url
    first = client.get(listing).content.decode()
    second = client.get(listing + "?page=2").content.decode()
    assert first != second
    assert client.get(listing).content.decode() == first
    english = client.get("/en/").content.decode()
    assert 'lang="en"' in english and english != client.get("/").content.decode()


def test_cached_related_pages_do_not_make_renditions_again(site_tree, client, monkeypatch):
    """A city page lists its networks (with their images) from a cached list. The images in
    that list were read before their renditions existed; they must not make them again on
    every later request (the signed-in client renders the related section every time)."""
    city = factories.city_page(site_tree["cities"], title="Kranj")
    factories.network_page(
        site_tree["networks"],
        title="Omrežje s sliko",
        cities=[city],
        logo=factories.image("Ilustracija", size=(800, 500)),
    )
    made = []
    create_renditions = Image.create_renditions

    def counting(self, *filters):
        made.extend(filters)
        return create_renditions(self, *filters)

    monkeypatch.setattr(Image, "create_renditions", counting)
    editor = get_user_model().objects.create_superuser("urednik", "u@example.si", "geslo-123456")
    client.force_login(editor)
    assert client.get(city.url).status_code == 200
    assert made, "the first request makes the network image's renditions"
    made.clear()
    for _ in range(2):
        response = client.get(city.url)
        assert response.status_code == 200
        assert "Omrežje s sliko" in response.content.decode()
    assert made == []
