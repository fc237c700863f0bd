from .base import BasePage, IndexPage  # noqa: F401
from .documents import SiteDocument  # noqa: F401
from .pages import HomePage, StandardPage  # noqa: F401
from .search import SearchEntry  # noqa: F401
from .settings import SiteSettings  # noqa: F401
from .snippets import Theme  # noqa: F401
