import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections
from django.utils import translation

from tests import factories


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    call_command("compile_translations", verbosity=0)


# `make test` gives each xdist worker whole files (--dist loadfile: a file's set-up, its
# browser, the production stack, is built once) in the order of the collection
# (--no-loadscope-reorder). The files that take longest go first, so that the two workers of
# a 2-core machine end together instead of one waiting for the other's last long file.
# Measured with --durations on a 2-core machine (December 2026), longest first.
SLOW_FILES = [
    "test_scheduling_browser.py",
    "test_prod_stack.py",
    "test_demo_content.py",
    "test_search.py",
    "test_events_pages.py",
    "test_home.py",
    "test_participants_browser.py",
    "test_faults.py",
    "test_query_counts.py",
    "test_seo.py",
    "test_networks.py",
    "test_cities.py",
    "test_news.py",
    "test_layout.py",
]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    serialized_rollback_everywhere(items)
    per_file = {}
    for item in items:
        per_file[item.path.name] = per_file.get(item.path.name, 0) + 1

    def rank(item):
        name = item.path.name
        slow = SLOW_FILES.index(name) if name in SLOW_FILES else len(SLOW_FILES)
        return (slow, -per_file[name], name)

    items.sort(key=rank)  # stable: a file's tests keep their order (transactional ones last)


def is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(
        (marker and marker.kwargs.get("transaction"))
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test empties the database when it ends (Django's flush); put back what
    the migrations created (the root page and collection, the groups, the workflow, the
    content types) at once. `make test` gives each worker whole files (xdist's loadfile, so
    that a file's set-up is built once), and a file's ordinary tests may follow another
    file's transactional ones on the same worker: they must find the migrated database, not
    an empty one. (After the worker's last test the test database is gone: nothing to do.)"""
    result = yield
    if nextitem is not None and is_transactional(item):
        from django.contrib.contenttypes.models import ContentType

        with blocker_of(item.config).unblock():
            for alias in connections:
                contents = getattr(connections[alias], "_test_serialized_contents", None)
                if contents:
                    connections[alias].creation.deserialize_db_from_string(contents)
        ContentType.objects.clear_cache()
    return result


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
    SHARED_TREE.database_ready = True
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


INDEX_FACTORIES = {
    "news": factories.news_index,
    "networks": factories.network_index,
    "practices": factories.good_practice_index,
    "cities": factories.city_index,
}


class SharedTree:
    """The home page and the four index pages, built once per test file instead of once per
    test (about 650 queries; half the suite asks for them), inside a transaction that stays
    open while the file's tests that ask for `site_tree` run, each in a savepoint of its own,
    and is rolled back after them. Any other test (a transactional one: its data must commit
    for other threads and processes to see it) closes it first; the next test that asks for
    the tree opens a new one. A test file may add its own pages to it: a module-level
    `build_shared_tree(tree)` returns them by name, and `site_tree` holds them too."""

    def __init__(self):
        self.atomic = None
        self.module = None
        self.pks = {}
        self.database_ready = False  # the session's test database exists (django_db_setup)

    @property
    def open(self) -> bool:
        return self.atomic is not None

    def start(self, module, blocker) -> None:
        from django.db import transaction

        from urbact_portal import site_cache

        with blocker.unblock():
            if connections["default"].in_atomic_block:
                return  # a file's own module-wide transaction (tests/test_demo_content.py)
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            self.module = module
            # Nothing commits here: what follows a commit (cache bumps) runs at once.
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(site_cache, "after_commit", lambda func: func())
                tree = build_tree(factories.ensure_home_page(), module)
                self.pks = {name: page.pk for name, page in tree.items()}

    def close(self, blocker) -> None:
        if not self.open:
            return
        from django.db import transaction

        with blocker.unblock():
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
        self.atomic = self.module = None
        self.pks = {}

    def fresh(self, *names) -> dict:
        """New instances for each test (a test may change its copy in memory) of the pages
        named, or of all: one query per page type."""
        from wagtail.models import Page

        pks = {name: self.pks[name] for name in names or self.pks}
        pages = Page.objects.filter(pk__in=pks.values()).specific().in_bulk()
        return {name: pages[pk] for name, pk in pks.items()}


SHARED_TREE = SharedTree()


def blocker_of(config):
    from pytest_django.plugin import blocking_manager_key

    return config.stash[blocking_manager_key]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Open the shared tree before the test's own transaction begins (it must be the outer
    one) for a test that asks for `site_tree`; close it before any other test, which sees the
    database as it would without it."""
    wants_tree = "site_tree" in getattr(item, "fixturenames", ()) and not is_transactional(item)
    if SHARED_TREE.open and not wants_tree:
        SHARED_TREE.close(blocker_of(item.config))
    if wants_tree and not SHARED_TREE.open and SHARED_TREE.database_ready:
        SHARED_TREE.start(item.module, blocker_of(item.config))


@pytest.fixture(scope="module", autouse=True)
def shared_tree_ends_with_its_file(request):
    yield
    if SHARED_TREE.module is request.module:
        SHARED_TREE.close(blocker_of(request.config))


def build_tree(home, module) -> dict:
    """The home page, the four listings under it and the test file's own shared pages."""
    tree = {"home": home, **{name: make(home) for name, make in INDEX_FACTORIES.items()}}
    extra = getattr(module, "build_shared_tree", None)
    if extra:
        tree.update(extra(dict(tree)))
    return tree


@pytest.fixture
def home(db):
    if SHARED_TREE.open:
        return SHARED_TREE.fresh("home")["home"]
    return factories.ensure_home_page()


@pytest.fixture
def site_tree(request, home):
    """The home page with every index page under it (and the file's own shared pages)."""
    if SHARED_TREE.open:
        others = [name for name in SHARED_TREE.pks if name != "home"]
        return {"home": home, **SHARED_TREE.fresh(*others)}
    return build_tree(home, request.module)


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
