"""The iCalendar files: /dogodki/<event>.ics (one event) and /dogodki/koledar.ics (the
upcoming events, to subscribe to), /en/events/<event>.ics and /en/events/calendar.ics in
English.

Wagtail's page URLs end in a slash, so these addresses are served here rather than as routes
of the pages: the listing page is found through the page tree like any page (translated
slugs, privacy), then the event among its live children by its slug in the active language.
Anything that is not a live, public event or listing gives 404."""

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail import hooks
from wagtail.models import Site

from urbact_portal.routing import child_slug_filter

from . import ical
from .models import EventIndexPage, EventPage, feed_file_name

CONTENT_TYPE = "text/calendar; charset=utf-8"


def _page_at(request, site, path):
    """The page at `path` below the site's root, as Wagtail's own routing finds it."""
    components = [component for component in path.split("/") if component]
    try:
        return site.root_page.specific.route(request, components).page
    except Http404:
        raise
    except Exception as error:  # a malformed address is no page
        raise Http404 from error


def _serve(request, page, produce):
    """`produce()`, answered the way Wagtail serves a page: through the `on_serve_page` and
    `before_serve_page` hooks, so a page in a private section asks for a login or password
    instead of giving its calendar away."""

    def serve(page, request, args, kwargs):
        return produce()

    chain = serve
    for hook in reversed(hooks.get_hooks("on_serve_page")):
        chain = hook(chain)
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, [], {})
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, [], {})


def _response(cal, filename, *, attachment):
    response = HttpResponse(cal.to_ical(), content_type=CONTENT_TYPE)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def calendar_file(request, path, name):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    index = _page_at(request, site, path)
    if not isinstance(index, EventIndexPage) or not index.live:
        raise Http404
    host = ical.site_host(site, request)

    if name == feed_file_name():

        def feed():
            events = index.get_feed_events()
            urls = {e.pk: request.build_absolute_uri(e.get_url(request)) for e in events}
            cal = ical.calendar(
                events,
                urls=urls,
                host=host,
                name=_("URBACT Slovenia: events"),
                description=_("Upcoming events of the National URBACT Point for Slovenia."),
                refresh=True,
            )
            return _response(cal, f"{name}.ics", attachment=False)

        return _serve(request, index, feed)

    event = EventPage.objects.child_of(index).live().filter(child_slug_filter(name)).first()
    if event is None:
        raise Http404

    def event_file():
        url = request.build_absolute_uri(event.get_url(request))
        cal = ical.calendar([event], urls={event.pk: url}, host=host, name=event.title)
        return _response(cal, f"{name}.ics", attachment=True)

    return _serve(request, event, event_file)
