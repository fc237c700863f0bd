"""Template tags for the shared layout: menu, breadcrumbs, language alternates, canonical
URL, site settings, structured data and a few small filters.

What does not change between requests (menu, settings, breadcrumbs' ancestors, the news
feed address) is built once per site, language and content version and kept in the cache
(see urbact_portal/site_cache.py); everything else here makes no database queries."""

import contextlib
import html
import json
import logging
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.images.models import Filter
from wagtail.models import Page, Site

from urbact_portal import site_cache
from urbact_portal.english import (
    english_active,
    exists_in,
    falls_back_to_slovene,
    page_exists_in_english,
)
from urbact_portal.models.relations import shown
from urbact_portal.site_cache import get_or_build
from urbact_portal.text import shorten as text_shorten

register = template.Library()
logger = logging.getLogger(__name__)

LANGUAGE_NAMES = {"sl": "Slovenščina", "en": "English"}
OG_LOCALES = {"sl": "sl_SI", "en": "en_GB"}
SITE_NAME = "URBACT Slovenija"


# --- helpers -------------------------------------------------------------------------------


def _request(context):
    return context.get("request")


def _site(request):
    if request is None:
        return None
    try:
        return Site.find_for_request(request)
    except Exception:  # no site configured at all: render the layout without tree data
        logger.warning("No Wagtail site for %s", request.get_host(), exc_info=True)
        return None


def _current_page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


def _url(page, request):
    try:
        return page.get_url(request) or ""
    except Exception:  # a page outside any site, or an unsaved preview
        return ""


def _languages():
    return [code for code, _name in settings.LANGUAGES]


def _absolute(request, url):
    if not url:
        return ""
    if url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url)


# --- site-wide data (cached) ---------------------------------------------------------------


def _build_chrome(request, site):
    home = site.root_page
    children = list(shown(home.get_children()).select_related("content_type").order_by("path"))
    menu = [
        {"title": p.title, "url": _url(p, request), "path": p.path}
        for p in children
        if p.show_in_menus
    ]
    # The listing pages under the home page, by their type's `index_key` (see IndexPage):
    # templates link to them as chrome.index_urls.<key>; the first with a feed gives rss_url.
    index_urls = {}
    rss_url = ""
    for child in children:
        page_type = child.content_type.model_class()
        key = getattr(page_type, "index_key", None)
        if key and key not in index_urls:
            index_urls[key] = _url(child, request)
            feed_path = getattr(page_type, "feed_path", None)
            if feed_path and index_urls[key] and not rss_url:
                rss_url = index_urls[key] + feed_path
    home_urls = {}
    for language in _languages():
        with translation.override(language):
            home_urls[language] = _url(home, request)
    return {
        "home_url": _url(home, request) or "/",
        "home_path": home.path,
        "home_depth": home.depth,
        "home_urls": home_urls,
        "menu": menu,
        "index_urls": index_urls,
        "rss_url": rss_url,
    }


def site_chrome(request):
    """The menu, home and feed addresses of the request's site in the active language."""
    site = _site(request)
    if site is None:
        return {
            "home_url": "/",
            "home_path": "",
            "home_depth": 0,
            "home_urls": {},
            "menu": [],
            "index_urls": {},
            "rss_url": "",
        }
    return get_or_build(request, "chrome", site.pk, lambda: _build_chrome(request, site))


def _phone_href(phone):
    digits = "".join(ch for ch in phone or "" if ch.isdigit() or ch == "+")
    return f"tel:{digits}" if digits.strip("+") else ""


def _build_settings(request, site):
    from urbact_portal.models import SiteSettings

    s = SiteSettings.for_site(site)
    logo = None
    if s.logo_id:
        try:
            rendition = s.logo.get_rendition("max-320x96|format-png")
            logo = {
                "url": rendition.url,
                "width": rendition.width,
                "height": rendition.height,
                "alt": s.organisation_name,
            }
        except Exception:  # a missing or broken file: leave the logo out
            logger.warning("Site logo cannot be rendered", exc_info=True)

    def link(page):
        if page is None or not page.live:
            return None
        url = _url(page, request)
        return {"title": page.title, "url": url} if url else None

    urbact_logo = None
    if s.urbact_logo_id:
        try:
            rendition = s.urbact_logo.get_rendition("height-96|format-png")
            share = s.urbact_logo.get_rendition("max-1200x630|format-png")
            urbact_logo = {
                "url": rendition.url,
                "width": rendition.width,
                "height": rendition.height,
                "alt": s.urbact_logo.default_alt_text or SITE_NAME,
                "share": {"url": share.url, "width": share.width, "height": share.height},
            }
        except Exception:  # a missing or broken file: the wordmark stays
            logger.warning("URBACT logo cannot be rendered", exc_info=True)

    privacy = link(s.privacy_page) if s.privacy_page_id else None
    accessibility = link(s.accessibility_page) if s.accessibility_page_id else None
    return {
        "contact_person": s.contact_person,
        "contact_role": s.contact_role,
        "contact_email": s.contact_email,
        "contact_phone": s.contact_phone,
        "contact_phone_href": _phone_href(s.contact_phone),
        "organisation_name": s.organisation_name,
        "organisation_url": s.organisation_url,
        "logo": logo,
        "urbact_logo": urbact_logo,
        "footer_text": s.footer_text,
        "privacy": privacy,
        "accessibility": accessibility,
        "social_links": [{"label": label, "url": url} for label, url in s.social_links],
        # The translated texts shown in Slovene on the English site (marked lang="sl").
        "slovene_fallbacks": [
            field
            for field in ("contact_role", "organisation_name", "footer_text")
            if falls_back_to_slovene(s, field)
        ],
    }


EMPTY_SETTINGS = {
    "contact_person": "",
    "contact_role": "",
    "contact_email": "",
    "contact_phone": "",
    "contact_phone_href": "",
    "organisation_name": "",
    "organisation_url": "",
    "logo": None,
    "urbact_logo": None,
    "footer_text": "",
    "privacy": None,
    "accessibility": None,
    "social_links": [],
    "slovene_fallbacks": [],
}


def site_settings(request):
    site = _site(request)
    if site is None:
        return EMPTY_SETTINGS
    return get_or_build(request, "settings", site.pk, lambda: _build_settings(request, site))


@register.simple_tag(takes_context=True)
def get_site_settings(context):
    """`{% get_site_settings as site_settings %}`: the contact box and footer data."""
    return site_settings(_request(context))


@register.simple_tag(takes_context=True)
def get_chrome(context):
    """`{% get_chrome as chrome %}`: home_url, menu (title, url, active), rss_url."""
    request = _request(context)
    chrome = dict(site_chrome(request))
    page = _current_page(context)
    current_path = page.path if page is not None and page.path else ""
    chrome["menu"] = [
        dict(item, active=bool(current_path) and current_path.startswith(item["path"]))
        for item in chrome["menu"]
    ]
    return chrome


# --- breadcrumbs -----------------------------------------------------------------------------


def _build_crumbs(request, page, home_depth):
    crumbs = []
    for ancestor in page.get_ancestors().filter(depth__gte=home_depth).order_by("depth"):
        url = _url(ancestor, request)
        if not url:
            continue
        title = _("Home") if ancestor.depth == home_depth else ancestor.title
        crumbs.append({"title": str(title), "url": url})
    return crumbs


@register.simple_tag(takes_context=True)
def get_breadcrumbs(context):
    """`{% get_breadcrumbs as crumbs %}`: the ancestors of the current page from the home
    page down (title, url), without the page itself; empty on the home page and on pages
    outside the site's tree."""
    request = _request(context)
    page = _current_page(context)
    if page is None or not page.pk or not page.path:
        return []
    chrome = site_chrome(request)
    home_depth = chrome["home_depth"]
    if not home_depth or page.depth <= home_depth or not page.path.startswith(chrome["home_path"]):
        return []
    site = _site(request)
    return get_or_build(
        request, "crumbs", site.pk, lambda: _build_crumbs(request, page, home_depth), page.pk
    )


# --- language alternates and canonical -----------------------------------------------------


def _page_number(context):
    items = context.get("items")
    number = getattr(items, "number", None)
    if isinstance(number, int) and number > 1:
        return number
    return None


def _with_page(url, number):
    if not url or not number:
        return url
    return f"{url}?{urlencode({'page': number})}"


def _subpage_route(page, remainder):
    """The route of a routable page that `remainder` (the request's path below the page's
    URL) resolves to, as (name, args, kwargs), so that its address in another language can
    be reversed: a route may be translated (e.g. "pretekli/" and "past/"). None when the
    page is not routable or the route has no name."""
    if not remainder or not hasattr(page, "get_resolver"):
        return None
    try:
        match = page.get_resolver().resolve("/" + remainder)
    except Exception:  # no such route: keep the path as it is
        return None
    return (match.url_name, match.args, match.kwargs) if match.url_name else None


def _reverse_subpage(page, route):
    name, args, kwargs = route
    try:
        return page.reverse_subpage(name, args=args, kwargs=kwargs)
    except NoReverseMatch:
        return None


def language_urls(context):
    """The current page's address in each language, as paths: {language: url}.

    A Wagtail page gives its own URL under each language (plus the sub-route of a routable
    page, reversed by its name in each language, so a translated route gets its own words);
    another view is reversed by its URL name under each language; anything else (a 404, a
    view that cannot be reversed) falls back to the home page of each language.

    A page that does not exist in English (urbact_portal/english.py) has no English address:
    the switcher offers the English home page, and no hreflang names English
    (`absent_languages`)."""
    request = _request(context)
    if request is None:
        return {}
    cached = getattr(request, "_urbact_language_urls", None)
    if cached is not None:
        return cached
    chrome = site_chrome(request)
    result = dict(chrome["home_urls"]) or dict.fromkeys(_languages(), "/")
    page = _current_page(context)
    match = getattr(request, "resolver_match", None)
    if page is not None and page.pk and match and match.url_name == "wagtail_serve":
        current = _url(page, request)
        remainder = ""
        if current and request.path.startswith(current):
            remainder = request.path[len(current) :]
        route = _subpage_route(page, remainder)
        for language in _present_languages(request, page):
            with translation.override(language):
                url = _url(page, request)
                sub_path = _reverse_subpage(page, route) if url and route else None
            if url:
                result[language] = url + (remainder if sub_path is None else sub_path)
    elif page is None and match and match.url_name and match.url_name != "wagtail_serve":
        request._urbact_view_alternates = True
        name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
        for language in _languages():
            with translation.override(language), contextlib.suppress(NoReverseMatch):
                result[language] = reverse(name, args=match.args, kwargs=match.kwargs)
    elif page is not None and page.pk:
        # A page rendered by a view of its own (e.g. a form's landing page, a preview).
        for language in _present_languages(request, page):
            with translation.override(language):
                url = _url(page, request)
            if url:
                result[language] = url
    request._urbact_language_urls = result
    return result


def _present_languages(request, page):
    """The languages `page` exists in; the others are remembered on the request."""
    present = [language for language in _languages() if exists_in(page, language)]
    request._urbact_absent_languages = set(_languages()) - set(present)
    return present


def absent_languages(request):
    """The languages the current page does not exist in (after language_urls())."""
    return getattr(request, "_urbact_absent_languages", set())


@register.simple_tag(takes_context=True)
def get_alternates(context):
    """`{% get_alternates as alternates %}`: a list of dicts (code, name, url, absolute,
    current) for every language, in settings order. `absolute` (for hreflang) keeps only the
    page number; `url` (for the switcher) also keeps a non-page view's query (?q=)."""
    request = _request(context)
    urls = language_urls(context)
    number = _page_number(context)
    current = translation.get_language()
    # A view outside the page tree (the search) keeps its query in the other language.
    query = ""
    if getattr(request, "_urbact_view_alternates", False) and request.GET:
        query = "?" + request.GET.urlencode()
    absent = absent_languages(request) if request is not None else set()
    alternates = []
    for code, _name in settings.LANGUAGES:
        url = urls.get(code) or "/"
        alternates.append(
            {
                "code": code,
                "name": LANGUAGE_NAMES.get(code, code),
                "url": url + query if query else _with_page(url, number),
                "absolute": _absolute(request, _with_page(url, number)) if request else url,
                "current": code == current,
                # False: the page does not exist in this language (no hreflang for it).
                "exists": code not in absent,
            }
        )
    return alternates


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The absolute address of this page in the active language; keeps ?page=N (N > 1)
    but no filters or other parameters."""
    request = _request(context)
    if request is None:
        return ""
    url = language_urls(context).get(translation.get_language()) or request.path
    return _absolute(request, _with_page(url, _page_number(context)))


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    request = _request(context)
    return _absolute(request, url) if request else url


# --- structured data -----------------------------------------------------------------------


def _json_ld(data):
    """Serialise for a <script type="application/ld+json"> element: the characters that
    could end the element or start markup are escaped, so any text is safe inside it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def _organization(request, s):
    org = {"@type": "Organization", "@id": _absolute(request, "/#organization")}
    org["name"] = s["organisation_name"] or SITE_NAME
    if s["organisation_url"]:
        org["url"] = s["organisation_url"]
    if s["logo"]:
        org["logo"] = _absolute(request, s["logo"]["url"])
    contact = {
        "@type": "ContactPoint",
        "contactType": s["contact_role"] or _("National URBACT Point"),
    }
    if s["contact_person"]:
        contact["name"] = s["contact_person"]
    if s["contact_email"]:
        contact["email"] = s["contact_email"]
    if s["contact_phone"]:
        contact["telephone"] = s["contact_phone"]
    contact["availableLanguage"] = ["sl", "en"]
    org["contactPoint"] = contact
    same_as = [link["url"] for link in s["social_links"]]
    if same_as:
        org["sameAs"] = same_as
    return org


@register.simple_tag(takes_context=True)
def structured_data(context):
    """JSON-LD for the page: the organisation and the website everywhere, a BreadcrumbList
    below the home page, and what the page type adds of its own (BasePage.get_json_ld: a
    NewsArticle on news items)."""
    request = _request(context)
    if request is None:
        return ""
    s = site_settings(request)
    chrome = site_chrome(request)
    organization = _organization(request, s)
    graph = [
        organization,
        {
            "@type": "WebSite",
            "@id": _absolute(request, chrome["home_url"]) + "#website",
            "name": SITE_NAME,
            "url": _absolute(request, chrome["home_url"]),
            "inLanguage": translation.get_language(),
            "publisher": {"@id": organization["@id"]},
        },
    ]
    page = _current_page(context)
    crumbs = get_breadcrumbs(context)
    if page is not None and crumbs:
        elements = [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb["title"],
                "item": _absolute(request, crumb["url"]),
            }
            for position, crumb in enumerate(crumbs, start=1)
        ]
        elements.append(
            {
                "@type": "ListItem",
                "position": len(elements) + 1,
                "name": page.title,
                "item": canonical_url(context),
            }
        )
        graph.append({"@type": "BreadcrumbList", "itemListElement": elements})
    own = _page_json_ld(context, page, organization)
    if own:
        graph.append(own)
    return _json_ld({"@context": "https://schema.org", "@graph": graph})


def _page_json_ld(context, page, organization):
    from urbact_portal.models import BasePage

    if not isinstance(page, BasePage) or type(page).get_json_ld is BasePage.get_json_ld:
        return None  # nothing of its own: skip gathering what it would be given
    og = og_image(context)
    return page.get_json_ld(
        url=canonical_url(context),
        description=meta_description(page),
        image=og.get("absolute") if og else None,
        publisher={"@id": organization["@id"], "name": organization["name"]},
        language=translation.get_language(),
    )


# The Open Graph image's rendition, its spec parsed once.
OG_FILTER = Filter(spec="fill-1200x630|format-jpeg|jpegquality-80")


def _page_og_image(page) -> dict | None:
    """The page's own Open Graph image as dict(url, width, height, alt), or None."""
    try:
        image = page.get_og_image()
    except Exception:
        image = None
    if image is None:
        return None
    try:
        rendition = image.get_rendition(OG_FILTER)
    except Exception:  # a missing file must not break the page
        logger.warning("Open Graph image cannot be rendered", exc_info=True)
        return None
    alt = page.get_image_alt() if hasattr(page, "get_image_alt") else ""
    return {"url": rendition.url, "width": rendition.width, "height": rendition.height, "alt": alt}


@register.simple_tag(takes_context=True)
def og_image(context):
    """The Open Graph image: the page's own (a 1200×630 rendition), else the site default.
    Returns dict(url, absolute, width, height, alt)."""
    request = _request(context)
    cached = getattr(request, "_urbact_og_image", None) if request is not None else None
    if cached is not None:
        return cached
    page = _current_page(context)
    result = None
    if page is not None and hasattr(page, "get_og_image"):
        # Kept per content version (an image's change bumps it too, models/relations.py).
        result = site_cache.page_value(
            request, page, "og-image", lambda: _page_og_image(page) or {}
        )
        result = dict(result) if result else None  # a copy: "absolute" is added below
    uploaded = site_settings(request)["urbact_logo"] if request is not None else None
    if result is None and uploaded:
        result = {**uploaded["share"], "alt": uploaded["alt"]}
    if result is None:
        result = {
            "url": static("img/og-default.png"),
            "width": 1200,
            "height": 630,
            "alt": SITE_NAME,
        }
    result["absolute"] = _absolute(request, result["url"]) if request else result["url"]
    if request is not None:
        request._urbact_og_image = result
    return result


@register.simple_tag(takes_context=True)
def og_type(context):
    """The page type's Open Graph type (BasePage.og_type), "website" by default."""
    return getattr(_current_page(context), "og_type", None) or "website"


@register.simple_tag
def og_locale(code):
    return OG_LOCALES.get(code, code)


# --- small helpers for templates -----------------------------------------------------------


@register.filter
def meta_description(page):
    """The page's description as plain text of at most 160 characters: a summary may be rich
    text (the home page's introduction), and markup has no place in a meta tag."""
    getter = getattr(page, "get_meta_description", None)
    if not callable(getter):
        return ""
    text = getter() or ""
    if "<" in text or "&" in text:
        source = getattr(page, "search_description", "") or page.get_summary()
        text = text_shorten(html.unescape(strip_tags(str(source))), 160)
    return text


@register.simple_tag
def url_or_empty(name, *args, **kwargs):
    """Like {% url %}, but '' when the URL does not exist (yet): a template that links to
    an optional view never breaks."""
    try:
        return reverse(name, args=args or None, kwargs=kwargs or None)
    except NoReverseMatch:
        return ""


@register.filter
def type_label(page):
    """The human name of a page's type ("Novica", "Omrežje"), for specific and generic
    page objects alike."""
    cls = getattr(page, "specific_class", None) or type(page)
    label = getattr(cls, "type_label", None)
    if callable(label):
        return label()
    meta = getattr(cls, "_meta", None)
    return meta.verbose_name if meta else ""


@register.filter
def card_image_contain(page):
    """Logos and coats of arms are shown whole on a card, never cropped."""
    return getattr(page, "image_field", None) in ("logo", "coat_of_arms")


@register.filter
def phone_href(phone):
    return _phone_href(phone)


@register.filter
def filesize_human(size):
    """1536 -> "1,5 KB" in Slovene, "1.5 KB" in English."""
    from django.utils.formats import number_format

    try:
        size = int(size)
    except (TypeError, ValueError):
        return ""
    units = ["B", "KB", "MB", "GB"]
    value = float(size)
    unit = 0
    while value >= 1024 and unit < len(units) - 1:
        value /= 1024
        unit += 1
    decimals = 0 if unit == 0 or value >= 10 or round(value, 1).is_integer() else 1
    return f"{number_format(value, decimals)} {units[unit]}"


@register.simple_tag
def child_pages(page):
    """The live, public children of a page in tree order, as specific pages (two queries
    however many there are)."""
    if not isinstance(page, Page) or not page.pk:
        return []
    children = shown(page.get_children()).defer_streamfields().specific()
    return list(children.order_by("path"))


@register.simple_tag
def document_size(document):
    """The size of a document's file in bytes, or None when it cannot be known (a file that
    is missing from storage must not break the page)."""
    size = getattr(document, "file_size", None)
    if size:
        return size
    try:
        return document.file.size
    except Exception:  # missing file or storage error
        return None


@register.filter
def shorten(text, limit):
    """`{{ summary|shorten:160 }}`: at most `limit` characters, cut at a word boundary with an
    ellipsis (urbact_portal/text.py)."""
    try:
        limit = int(limit)
    except (TypeError, ValueError):
        return text
    return text_shorten(text, limit)


@register.simple_tag
def fallback_lang(obj, field):
    """` lang="sl"` where `obj.<field>` shows its Slovene value on the English site (its
    English value is empty: modeltranslation falls back to Slovene), so that screen readers
    and translators read it as Slovene; nothing otherwise. `{% fallback_lang page "intro" %}`
    inside the element's tag. No query."""
    return mark_safe(' lang="sl"') if falls_back_to_slovene(obj, field) else ""


@register.simple_tag(takes_context=True)
def page_link(context, page):
    """A link's attributes to `page` in the language it is read in: on the English site a page
    that exists only in Slovene (a network's participant city, say, which is still a fact
    worth naming) is linked at its Slovene address and marked `hreflang="sl" lang="sl"`,
    instead of an English address that would only redirect. `<a {% page_link page %}>`."""
    request = context.get("request")
    if not english_active() or page_exists_in_english(page):
        return format_html('href="{}"', page.get_url(request))
    with translation.override(settings.LANGUAGE_CODE):
        url = page.get_url(request)
    return format_html('href="{}" hreflang="sl" lang="sl"', url)
