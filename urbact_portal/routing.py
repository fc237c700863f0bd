"""Page routing that finds a child page by its slug in the active language with one
indexed query, instead of loading every sibling.

wagtail-modeltranslation replaces each translated page type's `route` with a version that
iterates over all children and compares their (translated) slugs in Python; under an index
with hundreds of news items that loads every row on every request. This keeps its semantics —
the slug in the active language, falling back to the Slovene slug when it is empty — as a
database filter."""

from django.db.models import Q
from django.http import Http404
from django.utils.translation import get_language
from modeltranslation import settings as mt_settings
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult


def child_slug_filter(slug: str) -> Q:
    language = get_language() or mt_settings.DEFAULT_LANGUAGE
    if language not in mt_settings.AVAILABLE_LANGUAGES:
        language = mt_settings.DEFAULT_LANGUAGE
    default_field = build_localized_fieldname("slug", mt_settings.DEFAULT_LANGUAGE)
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
            view, args, kwargs = self.resolve_subpage(path)
            return RouteResult(self, args=(view, args, kwargs))
        except Http404:
            pass

    if path_components:
        child_slug, remaining = path_components[0], path_components[1:]
        child = self.get_children().filter(child_slug_filter(child_slug)).first()
        if child is None:
            raise Http404
        return child.specific.route(request, remaining)

    if self.live:
        return RouteResult(self)
    raise Http404


def install():
    """Called from AppConfig.ready(), after wagtail-modeltranslation has patched the models."""
    for model in translator.get_registered_models():
        if issubclass(model, Page):
            model.route = localized_route
