import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections
from django.utils import translation

from tests import factories


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    call_command("compile_translations", verbosity=0)


def pytest_collection_modifyitems(items):
    # Meant for xdist's --dist loadgroup (make test): a test file on one worker, its module
    # fixtures (the production stack, a browser, the demo content) built once. Measured in
    # December 2026 it does not group (pytest 9.2 reads Node._id, xdist 3.8 sets _nodeid; with
    # pytest 9.1 the stack was still set up on both workers): see the stop note of issue 20.
    for item in items:
        item.add_marker(pytest.mark.xdist_group(item.path.name))
    serialized_rollback_everywhere(items)


def serialized_rollback_everywhere(items):
    """Every transactional test restores what the migrations created (serialized rollback).
    One that did not would flush with post_migrate, which re-creates the content types under
    new ids, and the next serialized test would then fail to restore its data over them."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            marker
            and marker.kwargs.get("transaction")
            and "serialized_rollback" not in marker.kwargs
        ):
            item.add_marker(
                pytest.mark.django_db(*marker.args, **marker.kwargs, serialized_rollback=True),
                append=False,
            )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Serialized rollback in every context. Playwright's sync API switches the test thread's
    context, and Django's connections are per context: a connection object made there lacks the
    `_test_serialized_contents` of the one that created the test database, so its flush
    re-created the content types (post_migrate) and the next transactional test outside
    Playwright failed to restore its data over them. Kept on the class, every connection
    object has it."""
    with django_db_blocker.unblock():
        for alias in connections:
            contents = getattr(connections[alias], "_test_serialized_contents", None)
            if contents is not None:
                type(connections[alias])._test_serialized_contents = contents
    yield


@pytest.fixture(autouse=True)
def slovene():
    """Every test starts in Slovene, the site's default: a request under /en/ leaves English
    active in the test's thread, and the next test must not inherit it."""
    with translation.override("sl"):
        yield


@pytest.fixture(autouse=True)
def writes_commit_at_once(request, monkeypatch):
    """A test that is not transactional runs inside one transaction that never commits, so
    on_commit callbacks never run there. In it each write stands for a committed one (as
    under autocommit in production): cache invalidations run at once. Transactional tests
    (tests/test_cache_commit.py) get the real behaviour: after the commit, never after a
    rollback."""
    marker = request.node.get_closest_marker("django_db")
    if "transactional_db" in request.fixturenames or (marker and marker.kwargs.get("transaction")):
        return
    from urbact_portal import site_cache

    monkeypatch.setattr(site_cache, "after_commit", lambda func: func())


class CacheMinute:
    """The minute that clock-dependent cache keys carry (site_cache.time_bucket), held still
    for the test; `advance()` moves it on, as the clock would."""

    def __init__(self, minute: int):
        self.minute = minute

    def __call__(self) -> int:
        return self.minute

    def advance(self, minutes: int = 1) -> None:
        self.minute += minutes


@pytest.fixture(autouse=True)
def cache_minute(monkeypatch):
    """Within a test every minute-keyed cache (pages' ETags, fragments, the home page's
    sections, the listings that change with time) stays in the minute the test started in:
    a warm request that happened to cross a minute would rebuild, and a query count or an
    ETag measured on it would differ by chance. (Content changes still show at once: they
    bump the content version, which the keys carry too.) The application reads that minute
    in one place, site_cache.time_bucket."""
    from urbact_portal import site_cache

    clock = CacheMinute(site_cache.time_bucket())
    monkeypatch.setattr(site_cache, "time_bucket", clock)
    return clock


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    return factories.ensure_home_page()


@pytest.fixture
def site_tree(home):
    """The home page with every index page under it."""
    return {
        "home": home,
        "news": factories.news_index(home),
        "networks": factories.network_index(home),
        "practices": factories.good_practice_index(home),
        "cities": factories.city_index(home),
    }


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium through Playwright, one per test module (tests/browser.py)."""
    from tests.browser import launched_chromium

    with launched_chromium() as browser:
        yield browser


@pytest.fixture(scope="session")
def prod_stack(tmp_path_factory):
    """`make prod` with two gunicorn instances (the scale-out layout; the smoke test goes
    through the proxy, which balances over both) on a PostgreSQL database of its own and the
    shared Redis under a key prefix of its own. Content is made by tests/prod_content.py."""
    import json
    import shutil

    from tests import prodstack

    if not shutil.which("nginx"):
        pytest.skip("needs nginx: make prod-deps")
    name = f"{prodstack.base_database_name()}_prod"
    database_url = prodstack.recreate_database(name)
    state = tmp_path_factory.mktemp("prod-state")
    stack = prodstack.ProdStack(
        state,
        database_url,
        static_root=prodstack.collected_static(tmp_path_factory),
        media_root=state / "media",
        web_instances=2,
    )
    stack.start()
    try:
        output = stack.manage("shell", "-c", "from tests.prod_content import build; build()")
        stack.content = json.loads(output.stdout.strip().splitlines()[-1])
        yield stack
    finally:
        status = stack.stop()
        stack.forget_cache()
        prodstack.drop_database(name)
    assert status == 0, stack.log_tail()
