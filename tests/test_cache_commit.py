"""The content-version cache under concurrency and faults: bumped when the editor's
transaction commits (never inside it, never for a rollback), seen by every process that
shares Redis, and a Redis outage only makes pages uncached."""

import threading

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client, override_settings

from tests import factories
from tests.processes import RedisServer, SiteServer, current_database_url, site_environ
from urbact_portal import site_cache

transactional = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def rename(page, title):
    page.title = page.title_sl = title
    page.save_revision().publish()


def version():
    return cache.get(site_cache.VERSION_KEY)


@transactional
def test_a_rolled_back_edit_bumps_nothing_and_a_committed_one_bumps_once():
    home = factories.ensure_home_page()
    news = factories.news_index(home)
    before = site_cache.content_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        rename(news, "Aktualno")
        assert version() == before  # not yet: the edit is not committed
        raise RuntimeError("the editor's request fails after publishing")
    assert version() == before

    news.refresh_from_db()  # forget the revision that was rolled back
    with transaction.atomic():
        rename(news, "Aktualno")
        assert version() == before
    assert version() > before


@transactional
def test_a_reader_during_the_editors_transaction_cannot_make_the_old_menu_stick(client):
    """A reader renders the menu from the last committed content while the rename is not
    committed yet: whatever it caches then, the next request after the commit shows the new
    name."""
    home = factories.ensure_home_page()
    news = factories.news_index(home, show_in_menus=True)
    assert "Novice" in client.get("/").content.decode()

    def read_while_uncommitted():
        try:
            html = Client().get("/").content.decode()
            seen.append("Novice" in html and "Aktualno" not in html)
        finally:
            connection.close()

    seen = []
    with transaction.atomic():
        rename(news, "Aktualno")
        reader = threading.Thread(target=read_while_uncommitted)
        reader.start()
        reader.join(30)
    assert seen == [True]  # it saw (and cached) the old menu
    html = client.get("/").content.decode()
    assert "Aktualno" in html


@pytest.mark.django_db
def test_the_cache_not_answering_degrades_to_uncached_pages(site_tree, client):
    """Redis configured as in production (settings/base.py) but not answering: every page
    is built from the database."""
    from tests.processes import free_port

    broken = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5},
        }
    }
    factories.news_page(site_tree["news"], title="Novica ob izpadu")
    with override_settings(CACHES=broken):
        assert site_cache.content_version() is None
        for path in ("/", "/novice/", "/novice/novica-ob-izpadu/", "/en/"):
            response = client.get(path)
            assert response.status_code == 200, path
        assert "Novica ob izpadu" in client.get("/novice/").content.decode()


@transactional
def test_a_published_edit_is_visible_at_once_in_two_processes_sharing_redis(tmp_path):
    redis = RedisServer(tmp_path)
    redis.start()
    home = factories.ensure_home_page()
    news = factories.news_index(home, show_in_menus=True)
    environ = site_environ(current_database_url(), REDIS_URL=redis.url)
    servers = [SiteServer(environ, tmp_path / f"site{n}.log") for n in range(2)]
    try:
        for server in servers:
            server.start()
        for server in servers:  # both cache the menu
            assert "Novice" in server.get("/").text
            assert "Novice" in server.get("/").text
        # The editor publishes in a third process that shares the same Redis.
        with override_settings(CACHES=redis.cache_settings(environ["CACHE_KEY_PREFIX"])):
            rename(news, "Aktualno")
        for server in servers:
            html = server.get("/").text
            assert "Aktualno" in html and ">Novice<" not in html

        # Redis goes away: pages are still served (uncached), then cached again.
        redis.stop()
        for server in servers:
            for path in ("/", "/novice/", "/en/"):
                assert server.get(path).status == 200, (path, server.log()[-3000:])
        redis.start()
        for server in servers:
            assert server.get("/").status == 200
    finally:
        for server in servers:
            server.stop()
        redis.stop()
