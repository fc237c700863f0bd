"""The extension points of the core: how a content app adds to the site without the core
naming it. (docs/architecture.md shows them at work.)

The core never imports a content app. It learns what the apps add in two ways:

- It asks the page classes (`wagtail.models.get_page_models()`) for what belongs to one page
  type: the class attributes and methods of urbact_portal.models.BasePage and IndexPage —
  `search_type_label`, `search_date_field`, `og_type`, `get_json_ld()`, `index_key`,
  `feed_path`. A page type places itself in the tree with `parent_page_types`.
- It reads what each app registers in its `wagtail_hooks.py` (Wagtail imports every app's
  module the first time a hook is read) through the functions below: sections of the home
  page, sections of other apps' detail pages and extra sitemaps. The admin uses Wagtail's
  own hooks (see urbact_portal/dashboard.py for the dashboard's counts).

Each app's `demo.py` and `factories.py` add its demo content and test factories (see
urbact_portal/demo/parts.py). Periodic jobs (nightly tasks, clean-ups) are registered from an
app's `AppConfig.ready()` with urbact_portal.scheduler and run by `manage.py run_scheduler`.

Registrations are plain objects kept in Wagtail's hook registry and used in their `order`
(then in the order they were registered); tests add one for a while with
`wagtail.hooks.register_temporarily(<hook name>, obj)`."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wagtail import hooks

HOME_SECTION_HOOK = "urbact_home_section"
RELATED_SECTION_HOOK = "urbact_related_section"
SITEMAP_HOOK = "urbact_sitemap"

# Where a home section is shown: inside "URBACT v Sloveniji", under its heading (the live
# figures), or in the list of sections after the national point's text.
HOME_SLOT_FIGURES = "figures"
HOME_SLOT_MAIN = "main"
HOME_SLOTS = (HOME_SLOT_FIGURES, HOME_SLOT_MAIN)


@dataclass(frozen=True)
class HomeSection:
    """A section of the home page.

    `build(request, private_q)` returns what the section shows (`private_q` matches pages in
    private sections, to exclude); the home page's context holds it as `name`, and
    `template` is included with that context. The template decides what to show when there
    is nothing (e.g. nothing at all: `{% if latest_news %}`). With `cached`, the result is
    kept per site, language and content version (urbact_portal/site_cache.py): it must then
    be plain data (numbers, strings, lists, dicts), not model instances."""

    name: str
    template: str
    build: Callable[[Any, Any], Any]
    order: int = 100
    slot: str = HOME_SLOT_MAIN
    cached: bool = False

    def __post_init__(self):
        if self.slot not in HOME_SLOTS:
            raise ValueError(f"Unknown home page slot {self.slot!r}; use one of {HOME_SLOTS}")


@dataclass(frozen=True)
class RelatedSection:
    """A section of a detail page listing the pages of another type that relate to it, e.g.
    the news about a city on the city's page.

    `target`: the page type it is shown on, as "app_label.ModelName". `build(page)` returns
    the live, public pages to list, in their order and ready for cards (use
    urbact_portal.models.relations.live_related); it is called only for saved pages, and its
    result is cached with the page's other relations. `name` is the template variable holding
    that list and the stem of the heading's id ("<name>-heading"); unique per target.
    `empty_text(page)` is the sentence shown when the list is empty; without it an empty
    section is left out. `group(items)` may split the list under subheadings:
    `[{"label": …, "items": […]}]`."""

    target: str
    name: str
    heading: str
    build: Callable[[Any], list]
    order: int = 100
    empty_text: Callable[[Any], str] | None = None
    group: Callable[[list], list[dict]] | None = None
    template: str = "components/related_section.html"

    def targets(self, model) -> bool:
        return self.target.lower() == model._meta.label_lower


def _by_order(sections):
    # Sorted here, not only by the hook registry, so that a registration made with
    # hooks.register_temporarily() (order 0 there) still takes its own place.
    return sorted(sections, key=lambda section: section.order)


def register_home_section(section: HomeSection) -> None:
    hooks.register(HOME_SECTION_HOOK, section, order=section.order)


def home_sections() -> list[HomeSection]:
    return _by_order(hooks.get_hooks(HOME_SECTION_HOOK))


def register_related_section(section: RelatedSection) -> None:
    hooks.register(RELATED_SECTION_HOOK, section, order=section.order)


def related_sections(model) -> list[RelatedSection]:
    """The sections registered for the page type `model`, in their order."""
    return _by_order(s for s in hooks.get_hooks(RELATED_SECTION_HOOK) if s.targets(model))


def register_sitemap(name: str, factory: Callable[[Any], Any]) -> None:
    """Add a section to /sitemap.xml: `factory(request)` returns a django.contrib.sitemaps
    Sitemap. Every live, public page is listed already; this is for addresses outside the
    page tree or sub-routes of a routable page."""
    hooks.register(SITEMAP_HOOK, (name, factory))


def sitemaps(request) -> dict:
    return {name: factory(request) for name, factory in hooks.get_hooks(SITEMAP_HOOK)}
