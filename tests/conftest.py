import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from urbact_portal import factories


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    call_command("compile_translations", verbosity=0)


@pytest.fixture(autouse=True)
def slovene():
    """Every test starts in Slovene, the site's default: a request under /en/ leaves English
    active in the test's thread, and the next test must not inherit it."""
    with translation.override("sl"):
        yield


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
