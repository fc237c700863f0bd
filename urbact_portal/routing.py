"""Page routing that finds a child page by its slug in the active language with one
indexed query, instead of loading every sibling.

wagtail-modeltranslation replaces each translated page type's `route` with a version that
iterates over all children and compares their (translated) slugs in Python; under an index
with hundreds of news items that loads every row on every request. This keeps its semantics —
the slug in the active language, falling back to the slug in the default language when it is
empty — as a database filter, and keeps Wagtail's own routing contract:

- a routable page's sub-route sets `request.routable_resolver_match`, as
  RoutablePageMixin.route does (templates and `routablepageurl` read it);
- the child found gets its parent cached (`_cached_parent_obj`), so `get_parent()` costs no
  query;
- the default language is read from the settings (MODELTRANSLATION_DEFAULT_LANGUAGE, else
  LANGUAGE_CODE) when a request is routed, not fixed in the code.

View restrictions and redirects need nothing here: Wagtail checks restrictions when the page
found is served (the `before_serve_page` hook) and wagtail.contrib.redirects' middleware acts
on the 404 this raises for a path that leads nowhere."""

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.utils.translation import get_language
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult


def default_language() -> str:
    return getattr(settings, "MODELTRANSLATION_DEFAULT_LANGUAGE", None) or settings.LANGUAGE_CODE


def available_languages() -> list[str]:
    return list(
        getattr(settings, "MODELTRANSLATION_LANGUAGES", None)
        or [code for code, _name in settings.LANGUAGES]
    )


def child_slug_filter(slug: str) -> Q:
    default = default_language()
    language = (get_language() or default).split("-")[0]
    if language not in available_languages():
        language = default
    default_field = build_localized_fieldname("slug", default)
    field = build_localized_fieldname("slug", language)
    if field == default_field:
        return Q(**{default_field: slug})
    untranslated = Q(**{f"{field}__isnull": True}) | Q(**{field: ""})
    return Q(**{field: slug}) | (untranslated & Q(**{default_field: slug}))


def localized_route(self, request, path_components):
    if isinstance(self, RoutablePageMixin) and self.live:
        path = "/"
        if path_components:
            path += "/".join(path_components) + "/"
        try:
            resolver_match = self.resolve_subpage(path)
        except Http404:
            pass
        else:
            if request is not None:
                request.routable_resolver_match = resolver_match
            view, args, kwargs = resolver_match
            return RouteResult(self, args=(view, args, kwargs))

    if path_components:
        child_slug, remaining = path_components[0], path_components[1:]
        child = self.get_children().filter(child_slug_filter(child_slug)).first()
        if child is None:
            raise Http404
        # As Page.route does: treebeard's get_parent() then costs no query.
        child._cached_parent_obj = self
        return child.specific.route(request, remaining)

    if self.live:
        return RouteResult(self)
    raise Http404


def install():
    """Called from AppConfig.ready(), after wagtail-modeltranslation has patched the models."""
    for model in translator.get_registered_models():
        if issubclass(model, Page):
            model.route = localized_route
