"""Events: infodays, trainings, conferences and URBACT's own events.

An event's dates are what the editor typed, in the site's time zone (Europe/Ljubljana): a
start date, an optional start time (none: an all-day event), an optional end date and end
time. They are kept as dates and wall-clock times, not instants, so an all-day event stays on
its days and "10.00" stays 10.00 across daylight saving time; `starts_at()` and `ends_at()`
give the instants where one is needed (JSON-LD, iCalendar, "has it passed?")."""

from datetime import datetime, time, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from urbact_portal.models import BasePage, IndexPage, Theme
from urbact_portal.models.base import Filter
from urbact_portal.models.mixins import BodyMixin, ImageMixin
from urbact_portal.models.relations import (
    live_related,
    localized_order,
    ordered_snippets,
)

from . import dates


class EventKind(models.TextChoices):
    INFODAY = "infoday", _("Info day")
    TRAINING = "training", _("Training")
    WORKSHOP = "workshop", _("Workshop")
    CONFERENCE = "conference", _("Conference")
    WEBINAR = "webinar", _("Webinar")
    URBACT = "urbact", _("URBACT event")
    OTHER = "other", _("Other event")


class Attendance(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


# schema.org's eventAttendanceMode for each way of taking part.
ATTENDANCE_MODES = {
    Attendance.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    Attendance.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Attendance.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}

HOME_UPCOMING = 3
FEED_LIMIT = 500


def feed_file_name() -> str:
    """The name of the calendar feed's file in the active language ("koledar" in Slovene)."""
    return pgettext("file name of the events calendar, without .ics", "calendar")


def upcoming_q(now=None) -> Q:
    """Events that have not finished by `now`: a timed event until its end time, one without
    an end time or an all-day event until the end of its last day (the site's time zone)."""
    now = timezone.localtime(now)
    today = now.date()
    return (
        Q(end_date__gt=today)
        | Q(end_date=today, end_time__isnull=True)
        | Q(end_date=today, end_time__gt=now.time())
    )


class EventIndexPage(RoutablePageMixin, IndexPage):
    parent_page_types = ["urbact_portal.HomePage"]
    subpage_types = ["events.EventPage"]
    index_key = "events"
    changes_with_time = True  # an event that ends leaves the upcoming listing

    class Meta:
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")

    def events(self):
        """The live, public events of this listing (any time)."""
        return EventPage.objects.child_of(self).shown()

    def tab_events(self, *, past=False, now=None):
        """The events of one tab: those not finished yet, or those that are."""
        if past:
            return self.events().exclude(upcoming_q(now))
        return self.events().filter(upcoming_q(now))

    def get_events(self, *, past=False, now=None):
        """Upcoming events soonest first, or past events newest first, ready for cards."""
        order = ["start_date", models.F("start_time").asc(nulls_first=True), "pk"]
        if past:
            order = ["-start_date", models.F("start_time").desc(nulls_last=True), "-pk"]
        return (
            self.tab_events(past=past, now=now)
            .defer_streamfields()
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by(*order)
        )

    def get_filters(self, request, events):
        """Kind, theme and year, offering only what the events of this tab use."""
        used = set(events.order_by().values_list("kind", "start_date__year").distinct())
        kinds = {kind for kind, _year in used}
        years = sorted({year for _kind, year in used}, reverse=True)
        themes = (
            Theme.objects.filter(event_pages__in=events.order_by().values("pk"))
            .distinct()
            .order_by(localized_order("name"), "pk")
        )
        return [
            Filter(
                "kind",
                _("Kind of event"),
                [(kind.value, kind.label) for kind in EventKind if kind.value in kinds],
                request,
                all_label=_("All kinds"),
            ),
            Filter(
                "theme",
                _("Theme"),
                [(t.slug, t.name) for t in themes],
                request,
                all_label=_("All themes"),
                lookup="themes__slug",
            ),
            Filter(
                "year",
                _("Year"),
                [(year, year) for year in years],
                request,
                all_label=_("All years"),
                lookup="start_date__year",
            ),
        ]

    def listing(self, request, *, past):
        events = self.get_events(past=past)
        filters = self.get_filters(request, self.tab_events(past=past))
        context = self.listing_context(
            request,
            events,
            filters,
            past=past,
            upcoming_url=self.get_url(request),
            past_url=self.past_url(request),
            calendar_url=self.calendar_url(request),
        )
        return self.render(request, context_overrides=context)

    @path("")
    def upcoming_listing(self, request):
        return self.listing(request, past=False)

    @path(pgettext_lazy("address of the past events listing", "past/"), name="past")
    def past_listing(self, request):
        return self.listing(request, past=True)

    def past_url(self, request=None):
        url = self.get_url(request)
        return url + self.reverse_subpage("past") if url else ""

    def calendar_url(self, request=None):
        """The subscribable calendar of upcoming events, in the active language (served by
        events/views.py)."""
        url = self.get_url(request)
        return f"{url.rstrip('/')}/{feed_file_name()}.ics" if url else ""

    def get_feed_events(self, now=None):
        return list(
            self.events()
            .filter(upcoming_q(now))
            .defer_streamfields()
            .order_by("start_date", models.F("start_time").asc(nulls_first=True), "pk")[:FEED_LIMIT]
        )


class EventPage(ImageMixin, BodyMixin, BasePage):
    kind = models.CharField(
        _("kind of event"),
        max_length=20,
        choices=EventKind.choices,
        default=EventKind.INFODAY,
        help_text=_("Listings and the calendar can be filtered by it."),
    )
    start_date = models.DateField(
        _("start date"), help_text=_("The day the event takes place or begins.")
    )
    start_time = models.TimeField(
        _("start time"),
        null=True,
        blank=True,
        help_text=_("Leave empty for an all-day event."),
    )
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        help_text=_("For an event of several days. Empty: the event ends on its start date."),
    )
    end_time = models.TimeField(
        _("end time"), null=True, blank=True, help_text=_("Optional; only with a start time.")
    )
    attendance = models.CharField(
        _("how to take part"),
        max_length=20,
        choices=Attendance.choices,
        default=Attendance.IN_PERSON,
        help_text=_("In person, online or both: decides which address fields apply."),
    )
    venue = models.CharField(
        _("venue"), max_length=200, blank=True, help_text=_("E.g. the name of a hall or building.")
    )
    street_address = models.CharField(
        _("street address"),
        max_length=200,
        blank=True,
        help_text=_("Street and number of the venue, e.g. Trg republike 3."),
    )
    postal_code = models.CharField(
        _("postal code"), max_length=20, blank=True, help_text=_("E.g. 1000.")
    )
    locality = models.CharField(
        _("town or city"), max_length=100, blank=True, help_text=_("E.g. Ljubljana.")
    )
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Where to join online; leave empty if participants get it on registration."),
    )
    organiser = models.CharField(
        _("organiser"),
        max_length=200,
        blank=True,
        help_text=_("Empty: the National URBACT Point."),
    )
    organiser_url = models.URLField(
        _("organiser's website"),
        blank=True,
        help_text=_("Optional; the organiser's name links to it."),
    )
    registration_url = models.URLField(
        _("registration link"),
        blank=True,
        help_text=_("Where visitors register. Leave empty if no registration is needed."),
    )
    registration_deadline = models.DateField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_("The last day to register. Optional."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("One or two sentences: shown in listings, search results and calendars."),
    )
    themes = ParentalManyToManyField(
        "urbact_portal.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="event_pages",
        help_text=_("The themes the event is listed and filtered under."),
    )
    related_cities = ParentalManyToManyField(
        "cities.CityPage",
        verbose_name=_("related cities"),
        blank=True,
        related_name="events",
        help_text=_("The event is also listed on these cities' pages."),
    )
    related_networks = ParentalManyToManyField(
        "networks.NetworkPage",
        verbose_name=_("related networks"),
        blank=True,
        related_name="events",
        help_text=_("The event is also listed on these networks' pages."),
    )

    summary_field = "summary"
    links_to_index = True
    search_type_label = pgettext_lazy("search result type", "Event")
    search_date_field = "start_date"

    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
            ],
            heading=_("When"),
            help_text=_("Dates and times in Slovenian time (Europe/Ljubljana)."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance"),
                FieldPanel("venue"),
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("locality")]),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldPanel("organiser_url"),
                FieldPanel("registration_url"),
                FieldPanel("registration_deadline"),
            ],
            heading=_("Organiser and registration"),
        ),
        FieldPanel("summary"),
        ImageMixin.image_panel(),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("related_cities", widget=forms.CheckboxSelectMultiple),
                FieldPanel("related_networks", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Connections"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.SearchField("locality"),
        index.SearchField("organiser"),
        index.SearchField("kind_label"),
        index.FilterField("start_date"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    # --- validation ----------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        start, end = self.start_date, self.end_date
        if start and end and end < start:
            errors["end_date"] = _("The event cannot end before it starts.")
        if self.end_time and not self.start_time:
            errors["end_time"] = _(
                "An all-day event has no end time: enter a start time or leave this empty."
            )
        elif (
            start
            and self.start_time
            and self.end_time
            and (end is None or end == start)
            and self.end_time <= self.start_time
        ):
            errors["end_time"] = _("The event cannot end before it starts.")
        if self.attendance == Attendance.ONLINE and (
            self.venue or self.street_address or self.locality
        ):
            errors["attendance"] = _(
                "An event only online has no venue: choose “In person and online” or remove "
                "the address."
            )
        if self.registration_deadline and start and self.registration_deadline > self.last_day:
            errors["registration_deadline"] = _(
                "The registration deadline cannot be after the event."
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # A one-day event ends on its start date: listings and feeds compare one column.
        if self.start_date and (self.end_date is None or self.end_date < self.start_date):
            self.end_date = self.start_date
        super().save(*args, **kwargs)

    # --- time ----------------------------------------------------------------------------

    @property
    def all_day(self) -> bool:
        return self.start_time is None

    @property
    def last_day(self):
        if self.end_date and self.start_date and self.end_date > self.start_date:
            return self.end_date
        return self.start_date

    @property
    def multi_day(self) -> bool:
        return self.last_day != self.start_date

    def starts_at(self):
        """The start as an aware date-time (midnight for an all-day event)."""
        return timezone.make_aware(datetime.combine(self.start_date, self.start_time or time.min))

    def ends_at(self):
        """When the event is over: its end time, else the end of its last day."""
        if self.start_time and self.end_time:
            return timezone.make_aware(datetime.combine(self.last_day, self.end_time))
        return timezone.make_aware(datetime.combine(self.last_day + timedelta(days=1), time.min))

    @property
    def is_past(self) -> bool:
        return self.ends_at() <= timezone.now()

    @property
    def registration_open(self) -> bool:
        if not self.registration_url or self.is_past:
            return False
        if self.registration_deadline:
            return self.registration_deadline >= timezone.localdate()
        return True

    def get_when(self) -> str:
        """ "12. marca 2027 ob 10.00", "12.–14. marca 2027": in the active language."""
        end_date = self.end_date if self.multi_day else None
        return dates.when(self.start_date, self.start_time, end_date, self.end_time)

    # --- place ---------------------------------------------------------------------------

    @property
    def kind_label(self) -> str:
        return str(EventKind(self.kind).label) if self.kind in EventKind.values else ""

    @property
    def in_person(self) -> bool:
        return self.attendance in (Attendance.IN_PERSON, Attendance.HYBRID)

    @property
    def online(self) -> bool:
        return self.attendance in (Attendance.ONLINE, Attendance.HYBRID)

    def postal_line(self) -> str:
        return " ".join(part for part in (self.postal_code, self.locality) if part)

    def get_place(self) -> str:
        """The place in one line: venue, street, postal code and town; "online" for an
        event only online."""
        parts = []
        if self.in_person:
            parts = [p for p in (self.venue, self.street_address, self.postal_line()) if p]
        if self.online:
            parts.append(str(_("online")))
        return ", ".join(parts)

    @property
    def has_place(self) -> bool:
        return bool(self.venue or self.street_address or self.locality)

    def get_short_place(self) -> str:
        if self.attendance == Attendance.ONLINE:
            return str(_("Online"))
        if self.attendance == Attendance.HYBRID and self.locality:
            return _("%(town)s and online") % {"town": self.locality}
        if self.attendance == Attendance.HYBRID:
            return str(_("In person and online"))
        return self.locality

    # --- what the core asks --------------------------------------------------------------

    def get_card_meta(self) -> str:
        parts = [self.kind_label, self.get_when(), self.get_short_place()]
        if self.is_past:
            parts.append(str(_("past event")))
        return " · ".join(part for part in parts if part)

    def get_relations(self):
        return {
            "themes": ordered_snippets(self.themes),
            "related_cities": live_related(self.related_cities),
            "related_networks": live_related(self.related_networks),
        }

    def get_json_ld(self, *, url, description, image, publisher, language):
        event = {
            "@type": "Event",
            "name": self.title,
            "url": url,
            "inLanguage": language,
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": ATTENDANCE_MODES.get(self.attendance),
            "location": self.json_ld_location(url),
            "organizer": self.json_ld_organizer(publisher),
        }
        if self.all_day:
            event["startDate"] = self.start_date.isoformat()
            event["endDate"] = self.last_day.isoformat()
        else:
            event["startDate"] = self.starts_at().isoformat()
            if self.end_time:
                event["endDate"] = self.ends_at().isoformat()
        if description:
            event["description"] = description
        if image:
            event["image"] = [image]
        if self.registration_url:
            event["offers"] = {
                "@type": "Offer",
                "url": self.registration_url,
                "price": "0",
                "priceCurrency": "EUR",
                "availability": "https://schema.org/InStock"
                if self.registration_open
                else "https://schema.org/SoldOut",
            }
        return event

    def json_ld_location(self, url):
        places = []
        if self.in_person:
            address = {"@type": "PostalAddress", "addressCountry": "SI"}
            if self.street_address:
                address["streetAddress"] = self.street_address
            if self.postal_code:
                address["postalCode"] = self.postal_code
            if self.locality:
                address["addressLocality"] = self.locality
            place = {"@type": "Place", "address": address}
            if self.venue or self.locality:
                place["name"] = self.venue or self.locality
            places.append(place)
        if self.online:
            places.append({"@type": "VirtualLocation", "url": self.online_url or url})
        return places[0] if len(places) == 1 else places

    def json_ld_organizer(self, publisher):
        if not self.organiser:
            return publisher
        organizer = {"@type": "Organization", "name": self.organiser}
        if self.organiser_url:
            organizer["url"] = self.organiser_url
        return organizer

    # --- addresses -----------------------------------------------------------------------

    def ics_url(self, request=None) -> str:
        """The event's iCalendar file: its address with ".ics" for the final slash
        (served by events/views.py)."""
        url = self.get_url(request)
        return url.rstrip("/") + ".ics" if url else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index_url = context["index_url"]
        context["ics_url"] = self.ics_url(request) if self.pk else ""
        context["calendar_url"] = f"{index_url}{feed_file_name()}.ics" if index_url else ""
        return context
