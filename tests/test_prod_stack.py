"""Smoke test of the production stack as `make prod` runs it (deploy/run_prod.py): nginx from
the repository's template in front of two gunicorn instances with the production settings, the
mail worker and the scheduler, on PostgreSQL and Redis. Everything goes through the proxy as a
visitor's browser would, and nothing may answer with a 5xx."""

import re
import secrets
import time

import pytest
from wagtail.test.utils.form_data import querydict_from_html

from tests.prod_content import EDITOR
from tests.prodstack import (
    ProdStack,
    base_database_name,
    collected_static,
    drop_database,
    recreate_database,
    request,
)

pytestmark = [pytest.mark.prod]

BROWSER = {"Accept-Encoding": "br, gzip", "Accept": "text/html"}


def test_pages(prod_stack):
    home = prod_stack.get("/", headers=BROWSER)
    assert home.status == 200
    assert home.header("content-type") == "text/html; charset=utf-8"
    assert home.header("content-encoding") == "br"
    assert "script-src 'self'" in home.header("content-security-policy")
    assert home.header("strict-transport-security").startswith("max-age=31536000")
    assert re.fullmatch(r"[0-9a-f]{32}", home.header("x-request-id"))  # nginx's request id

    news = prod_stack.get(prod_stack.content["news"])
    assert news.status == 200
    assert "Mreže URBACT v Sloveniji" in news.text
    assert prod_stack.get("/en/").status == 200


def test_static_file_with_immutable_caching(prod_stack):
    html = prod_stack.get("/").text
    stylesheet = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', html).group(1)
    response = prod_stack.get(stylesheet, headers={"Accept-Encoding": "br"})
    assert response.status == 200
    assert response.header("cache-control") == "public, max-age=31536000, immutable"
    assert response.header("content-encoding") == "br"  # collectstatic's .br copy
    assert response.header("content-type") == "text/css"


def test_uploaded_image(prod_stack):
    html = prod_stack.get(prod_stack.content["news"]).text
    renditions = re.findall(r'(/media/images/[^"\s,]+)', html)
    assert renditions
    for url in set(renditions):
        response = prod_stack.get(url)
        assert response.status == 200, url
        assert response.header("content-type").startswith("image/")
        assert response.header("x-content-type-options") == "nosniff"
        assert "sandbox" in response.header("content-security-policy")
    original = prod_stack.get(f"/media/{prod_stack.content['image_original']}")
    assert original.status == 200 and original.body.startswith(b"\x89PNG")


def test_document_download(prod_stack):
    news = prod_stack.get(prod_stack.content["news"]).text
    assert prod_stack.content["document"] in news
    response = prod_stack.get(prod_stack.content["document"])
    assert response.status == 200
    assert response.header("content-disposition") == 'attachment; filename="porocilo-2026.pdf"'
    assert response.header("x-content-type-options") == "nosniff"
    assert response.body == b"%PDF-1.4\n% URBACT report\n"
    # The file itself is only reachable through the document view (which checks privacy).
    direct = prod_stack.get(f"/media/{prod_stack.content['document_file']}")
    assert direct.status == 404


def test_healthz(prod_stack):
    response = prod_stack.get("/healthz")
    assert response.status == 200 and response.body == b"ok\n"
    assert response.header("cache-control") == "no-store"


def test_admin_login_page_with_its_policy(prod_stack):
    response = prod_stack.get("/admin/login/")
    assert response.status == 200
    policy = response.header("content-security-policy")
    for directive in ("default-src 'self'", "object-src 'none'", "base-uri 'self'"):
        assert directive in policy
    assert "frame-ancestors 'self'" in policy
    assert "secure" in response.header("set-cookie", [""])[0].lower()  # csrftoken cookie


def test_not_found_page(prod_stack):
    response = prod_stack.get("/ta-stran-ne-obstaja/")
    assert response.status == 404
    assert 'lang="sl"' in response.text


def test_bad_host_is_refused_without_error(prod_stack):
    response = prod_stack.get("/", headers={"Host": "napadalec.example"})
    assert response.status == 400


def _login(port, web_headers):
    """Log the editor in through one gunicorn; returns the session and CSRF cookies."""
    page = request(port, "/admin/login/", headers=web_headers)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    cookies = page.cookies()
    body = f"username={EDITOR[0]}&password={EDITOR[1]}&csrfmiddlewaretoken={token}&next=/admin/"
    response = request(
        port,
        "/admin/login/",
        method="POST",
        body=body,
        headers={
            **web_headers,
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": "https://127.0.0.1",
            "Cookie": f"csrftoken={cookies['csrftoken']}",
        },
    )
    assert response.status == 302, response.text[:500]
    return {**cookies, **response.cookies()}


def test_an_edit_is_visible_through_both_instances_at_once(prod_stack):
    """Two gunicorns share PostgreSQL, Redis (cache and sessions) and the media: a session
    made on one works on the other, and a settings change saved through one shows on every
    page of both at the next request."""
    web_headers = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https"}
    first, second = prod_stack.web_ports
    for port in (first, second):  # both render (and cache) the pages as they are now
        assert request(port, "/", headers=web_headers).status == 200

    cookies = _login(first, web_headers)
    cookie_header = "; ".join(f"{k}={v}" for k, v in cookies.items())
    authenticated = {**web_headers, "Cookie": cookie_header}
    index = request(second, "/admin/settings/urbact_portal/sitesettings/", headers=authenticated)
    assert index.status == 302  # logged in on the other instance too: to the site's settings
    edit_url = index.header("location")
    form_page = request(second, edit_url, headers=authenticated)
    assert form_page.status == 200
    data = querydict_from_html(form_page.text, form_id="w-editor-form", exclude_csrf=False)
    marker = f"Noga {secrets.token_hex(4)}"
    data["footer_text_sl"] = marker
    saved = request(
        second,
        edit_url,
        method="POST",
        body=data.urlencode(),
        headers={
            **authenticated,
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": "https://127.0.0.1",
        },
    )
    assert saved.status == 302, saved.text[:2000]

    for port in (first, second):
        assert marker in request(port, "/", headers=web_headers).text, port
    # Through the proxy, whose page cache may hold the home page for a few seconds.
    assert _eventually(lambda: marker in prod_stack.get("/").text)


def _eventually(check, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while True:
        if check():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)


def _cache_status(prod_stack, path, **kwargs):
    return prod_stack.get(path, **kwargs).header("x-cache-status")


def test_page_cache_serves_anonymous_pages(prod_stack):
    news = prod_stack.content["news"]
    started = time.time()
    first = prod_stack.get(news + "?predpomnilnik=1")
    assert first.status == 200 and first.header("x-cache-status") == "MISS"
    assert re.fullmatch(r"public, max-age=0, s-maxage=\d+", first.header("cache-control"))
    assert "accept-language" not in first.header("vary", "").lower()
    assert first.header("etag") and first.header("last-modified")
    second = prod_stack.get(news + "?predpomnilnik=1")
    assert second.header("x-cache-status") == "HIT" and second.body == first.body
    # The browser revalidates (max-age=0): nginx answers from its copy.
    conditional = prod_stack.get(
        news + "?predpomnilnik=1", headers={"If-None-Match": first.header("etag")}
    )
    assert conditional.status == 304
    # Once the copy expires, nginx revalidates it with the app, which answers 304 (nginx
    # counts whole seconds: a copy may live up to one second longer).
    seconds = int(first.header("cache-control").rsplit("=", 1)[1])
    time.sleep(seconds + 1.2)
    status = _cache_status(prod_stack, news + "?predpomnilnik=1")
    # The ETag also changes each minute (urbact_portal/http_cache.py): then it is rendered anew.
    same_minute = int(started) // 60 == int(time.time()) // 60
    assert status == "REVALIDATED" if same_minute else status in ("REVALIDATED", "EXPIRED")


@pytest.mark.parametrize(
    ("path", "kwargs"),
    [
        ("/", {"headers": {"Cookie": "sessionid=neznana"}}),
        ("/admin/login/", {}),
        ("/", {"method": "POST", "body": b"a=1"}),
    ],
)
def test_page_cache_never_holds(prod_stack, path, kwargs):
    for _ in range(2):
        response = prod_stack.get(path, **kwargs)
        assert response.status < 500
        assert response.header("x-cache-status") in (None, "BYPASS", "MISS")


def test_contact_page_is_never_cached(prod_stack):
    contact = prod_stack.content["contact"]
    for _ in range(2):
        response = prod_stack.get(contact)
        assert response.status == 200
        assert response.header("x-cache-status") in (None, "BYPASS", "MISS")
        assert response.header("cache-control").startswith("private")


def test_a_publish_shows_on_every_affected_page_within_5_seconds(prod_stack):
    """Publishing (in another process, as an editor's save does) changes the page, its
    listing, the home page, the feed and the sitemap through the proxy within 5 seconds, in
    both languages, although every one of them was cached just before."""
    news = prod_stack.content["news"]
    feed = re.search(
        r'<link rel="alternate" type="application/rss\+xml"[^>]*href="([^"]+)"',
        prod_stack.get("/").text,
    ).group(1)
    pages = ["/", "/en/", news, prod_stack.content["news_index"], feed, "/sitemap.xml"]
    pages.append(prod_stack.content["news_index_en"])
    for path in pages:
        prod_stack.get(path)
        assert _cache_status(prod_stack, path) == "HIT", path
    title = f"Objavljeno {secrets.token_hex(3)}"
    title_en = f"Published {secrets.token_hex(3)}"
    prod_stack.manage(
        "shell",
        "-c",
        "from news.models import NewsPage; "
        f"page = NewsPage.objects.get(pk={prod_stack.content['news_id']}); "
        f"page.title_sl = {title!r}; page.title_en = {title_en!r}; "
        "page.save_revision().publish()",
    )
    published = time.monotonic()
    expected = {
        "/": title,
        "/en/": title_en,
        news: title,
        prod_stack.content["news_index"]: title,
        prod_stack.content["news_index_en"]: title_en,
        feed: title,
    }
    for path, text in expected.items():
        remaining = 5 - (time.monotonic() - published)
        assert _eventually(lambda p=path, t=text: t in prod_stack.get(p).text, remaining), path
    sitemap = prod_stack.get("/sitemap.xml")
    assert sitemap.status == 200 and sitemap.header("etag")
    assert time.monotonic() - published <= 5


def test_backup_restores_into_an_empty_site(prod_stack, tmp_path_factory):
    """`manage.py backup` from the running site, `manage.py restore` into a scratch database
    and media directory, and the restored site serves its pages, images and documents."""
    backups = tmp_path_factory.mktemp("backups")
    stale = backups / "urbact-backup-20200101-000000.tar"  # years old: retention removes it
    stale.write_bytes(b"old")
    output = prod_stack.manage("backup", "--output-dir", str(backups), "--keep-days", "7").stdout
    assert f"removed {stale}" in output and not stale.exists()
    (archive,) = backups.glob("urbact-backup-*.tar")
    assert archive.stat().st_mode & 0o777 == 0o600  # contact messages and users are inside

    name = f"{base_database_name()}_restored"
    scratch = {"DATABASE_URL": recreate_database(name), "MEDIA_ROOT": str(backups / "media")}
    try:
        prod_stack.manage("restore", str(archive), env=scratch)
        again = prod_stack.manage("restore", str(archive), env=scratch, check=False)
        assert again.returncode != 0 and "The database is not empty" in again.stderr

        restored = ProdStack(
            tmp_path_factory.mktemp("restored-state"),
            scratch["DATABASE_URL"],
            static_root=collected_static(tmp_path_factory),
            media_root=backups / "media",
            skip_setup=True,
        ).start()
        try:
            original = prod_stack.get(prod_stack.content["news"]).text
            page = restored.get(prod_stack.content["news"])
            assert page.status == 200 and "Mreže URBACT v Sloveniji" in page.text
            assert restored.get("/").status == 200
            for image in set(re.findall(r"(/media/images/[^\"\s,]+)", original)):
                served = restored.get(image)
                assert served.status == 200 and served.body == prod_stack.get(image).body
            document = restored.get(prod_stack.content["document"])
            assert document.status == 200
            assert document.body == b"%PDF-1.4\n% URBACT report\n"
            assert [line for line in restored.access_log() if line["status"] >= 500] == []
        finally:
            assert restored.stop() == 0, restored.log_tail()
            restored.forget_cache()
    finally:
        drop_database(name)


def test_no_server_errors_through_the_proxy(prod_stack):
    errors = [line for line in prod_stack.access_log() if line["status"] >= 500]
    assert errors == []
