"""Events (events/): the listing of upcoming and past events with its filters, an event page
in both languages, the iCalendar files parsed back with the icalendar library, search,
the home page section, the sections on city and network pages, the sitemap, JSON-LD,
dates as Slovene writes them, validation and the query budgets."""

import json
import re
from datetime import date, datetime, time, timedelta
from xml.etree import ElementTree as ET
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from events import dates
from events.models import Attendance, EventKind, EventPage
from tests import factories
from tests.listing_helpers import (
    assert_within_budget,
    card_titles,
    measure,
    quick_page,
    robots_noindex,
)
from tests.test_translations_complete import english_words_in, visible_text

LJUBLJANA = ZoneInfo("Europe/Ljubljana")


def today():
    return timezone.localdate()


def days(n):
    return today() + timedelta(days=n)


def html_of(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.fixture
def index(site_tree):
    return factories.event_index(site_tree["home"])


def event(index, title, *, start=None, **fields):
    fields.setdefault("start_date", start or days(30))
    return factories.event_page(index, title, **fields)


def parse_ics(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def vevents(cal):
    return {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}


def json_ld_event(response):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html_of(response), re.S
    )
    for data in map(json.loads, blocks):
        for node in data.get("@graph", [data]):
            if node["@type"] == "Event":
                return node
    return None


# --- dates as readers write them ---------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "sl", "en"),
    [
        ((date(2027, 3, 12), time(10)), "12. marca 2027 ob 10.00", "12 March 2027 at 10:00"),
        (
            (date(2027, 3, 12), time(10), None, time(12, 30)),
            "12. marca 2027 od 10.00 do 12.30",
            "12 March 2027, 10:00–12:30",
        ),
        ((date(2027, 3, 12),), "12. marca 2027", "12 March 2027"),
        ((date(2027, 3, 12), None, date(2027, 3, 14)), "12.–14. marca 2027", "12–14 March 2027"),
        (
            (date(2027, 3, 30), None, date(2027, 4, 2)),
            "30. marca – 2. aprila 2027",
            "30 March – 2 April 2027",
        ),
        (
            (date(2026, 12, 30), None, date(2027, 1, 2)),
            "30. decembra 2026 – 2. januarja 2027",
            "30 December 2026 – 2 January 2027",
        ),
        (
            (date(2027, 3, 12), time(9), date(2027, 3, 13), time(16)),
            "12. marca 2027 ob 9.00 – 13. marca 2027 ob 16.00",
            "12 March 2027 at 09:00 – 13 March 2027 at 16:00",
        ),
    ],
)
def test_when_an_event_takes_place_in_slovene_and_english(args, sl, en):
    with translation.override("sl"):
        assert dates.when(*args) == sl
    with translation.override("en"):
        assert dates.when(*args) == en


# --- validation --------------------------------------------------------------------------


def unsaved(**fields):
    page = EventPage(title="Dogodek", slug="dogodek", summary="Povzetek.", **fields)
    return page


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"start_date": date(2027, 3, 12), "end_date": date(2027, 3, 11)}, "end_date"),
        ({"start_date": date(2027, 3, 12), "end_time": time(12)}, "end_time"),
        (
            {"start_date": date(2027, 3, 12), "start_time": time(12), "end_time": time(10)},
            "end_time",
        ),
        (
            {"start_date": date(2027, 3, 12), "registration_deadline": date(2027, 3, 13)},
            "registration_deadline",
        ),
        (
            {"start_date": date(2027, 3, 12), "attendance": Attendance.ONLINE, "locality": "Kranj"},
            "attendance",
        ),
    ],
)
def test_impossible_dates_and_places_are_refused_in_slovene(db, fields, field):
    with pytest.raises(ValidationError) as error:
        unsaved(**fields).clean()
    assert field in error.value.message_dict
    message = " ".join(error.value.message_dict[field])
    assert re.search(r"[čšž]|ne more|nima|izberite", message), message


def test_a_one_day_event_ends_on_its_start_date(index):
    page = event(index, "Enodnevni", start=date(2027, 3, 12))
    assert page.end_date == date(2027, 3, 12)
    assert not page.multi_day and page.all_day


# --- the listing -------------------------------------------------------------------------


def test_upcoming_events_soonest_first_and_past_ones_on_their_own_page(index, client):
    event(index, "Čez mesec", start=days(30))
    event(index, "Jutri", start=days(1), start_time=time(9))
    event(index, "Jutri ves dan", start=days(1))
    event(index, "Danes ves dan", start=days(0))
    event(index, "Lani", start=days(-365))
    event(index, "Prejšnji teden", start=days(-9), end_date=days(-7))
    event(index, "Osnutek", start=days(3), live=False)

    upcoming = client.get("/dogodki/")
    html = html_of(upcoming)
    assert card_titles(upcoming) == ["Danes ves dan", "Jutri ves dan", "Jutri", "Čez mesec"]
    assert "<h1>Dogodki</h1>" in html
    assert "Najdeni 4 prihajajoči dogodki" in html
    assert '<a href="/dogodki/" aria-current="page">' in html
    assert 'href="/dogodki/pretekli/"' in html
    assert 'href="/dogodki/koledar.ics"' in html
    assert "Dogodek je že minil" not in html

    past = client.get("/dogodki/pretekli/")
    html = html_of(past)
    assert card_titles(past) == ["Prejšnji teden", "Lani"]
    assert "<h1>Pretekli dogodki</h1>" in html
    assert "<title>Pretekli dogodki – Dogodki – URBACT Slovenija</title>" in html
    assert "Najdena 2 pretekla dogodka" in html
    assert '<a href="/dogodki/pretekli/" aria-current="page">' in html
    assert html.count("dogodek je že minil") == 2  # on each card, in words


def test_a_timed_event_moves_to_the_past_when_it_ends(index, client, monkeypatch):
    # The clock at noon in Ljubljana, so that an hour before and after now fall on the same
    # day whenever the suite runs (it skipped between 23.00 and 1.00 before).
    noon = timezone.make_aware(datetime.combine(timezone.localdate(), time(12)))
    monkeypatch.setattr(timezone, "now", lambda: noon)
    now = timezone.localtime()
    ended = (now - timedelta(hours=1)).time().replace(second=0, microsecond=0)
    started = (now - timedelta(hours=2)).time().replace(second=0, microsecond=0)
    later = (now + timedelta(hours=1)).time().replace(second=0, microsecond=0)
    event(index, "Že končan", start=today(), start_time=started, end_time=ended)
    event(index, "Še traja", start=today(), start_time=started, end_time=later)
    assert card_titles(client.get("/dogodki/")) == ["Še traja"]
    assert card_titles(client.get("/dogodki/pretekli/")) == ["Že končan"]


def test_an_event_that_ends_leaves_the_cached_listing_when_the_minute_turns(
    index, client, cache_minute
):
    """No publish marks the moment an event ends: the upcoming listing's cached cards, count
    and filters are kept for the minute they were built in (changes_with_time), no longer."""
    event(index, "Jutri", start=days(1))
    ending = event(index, "Se konča", start=days(2))
    assert card_titles(client.get("/dogodki/")) == ["Jutri", "Se konča"]
    # As if its time had passed: no save signal, so no new content version.
    EventPage.objects.filter(pk=ending.pk).update(start_date=days(-1), end_date=days(-1))
    assert card_titles(client.get("/dogodki/")) == ["Jutri", "Se konča"]
    cache_minute.advance()
    assert card_titles(client.get("/dogodki/")) == ["Jutri"]
    assert card_titles(client.get("/dogodki/pretekli/")) == ["Se konča"]


def test_listing_in_english(index, client):
    event(index, "Informativni dan", title_en="Info day", start=date(2031, 3, 12))
    event(
        index,
        "Delavnica",
        title_en="Workshop",
        start=date(2031, 3, 14),
        end_date=date(2031, 3, 16),
    )
    event(index, "Samo slovensko", start=date(2031, 3, 15))  # no English: not listed there
    response = client.get("/en/events/")
    html = html_of(response)
    assert "<h1>Events</h1>" in html
    assert card_titles(response) == ["Info day", "Workshop"]
    assert "12 March 2031" in html and "14–16 March 2031" in html
    assert "Samo slovensko" not in html
    assert "2 upcoming events found" in html
    assert 'href="/en/events/past/"' in html
    assert 'href="/en/events/calendar.ics"' in html
    assert "<h1>Past events</h1>" in html_of(client.get("/en/events/past/"))


def test_past_listing_links_to_the_other_language(index, client):
    html = html_of(client.get("/dogodki/pretekli/"))
    assert '<link rel="canonical" href="http://testserver/dogodki/pretekli/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/events/past/">' in html
    html = html_of(client.get("/en/events/past/"))
    assert '<link rel="alternate" hreflang="sl" href="http://testserver/dogodki/pretekli/">' in html


def test_empty_listings_say_so(index, client):
    html = html_of(client.get("/dogodki/"))
    assert "Trenutno ni napovedanih dogodkov." in html
    assert "Najdenih 0 prihajajočih dogodkov" in html
    assert "Preteklih dogodkov še ni." in html_of(client.get("/dogodki/pretekli/"))


def test_pagination_twelve_per_page(index, client):
    for n in range(14):
        quick_page(index, EventPage, f"Dogodek {n + 1:02d}", summary="P.", start_date=days(n + 1))
    first = client.get("/dogodki/")
    assert card_titles(first)[0] == "Dogodek 01" and len(card_titles(first)) == 12
    assert card_titles(client.get("/dogodki/?page=2")) == ["Dogodek 13", "Dogodek 14"]
    assert card_titles(client.get("/dogodki/?page=99")) == ["Dogodek 13", "Dogodek 14"]
    assert card_titles(client.get("/dogodki/?page=x"))[0] == "Dogodek 01"


@pytest.fixture
def filtered(index):
    governance = factories.theme("Upravljanje", slug="upravljanje")
    economy = factories.theme("Gospodarstvo", slug="gospodarstvo")
    year = today().year
    event(index, "Infodan A", start=date(year + 1, 2, 1), kind="infoday", themes=[governance])
    event(index, "Usposabljanje B", start=date(year + 2, 3, 1), kind="training", themes=[economy])
    event(index, "Infodan C", start=date(year + 2, 5, 1), kind="infoday", themes=[economy])
    event(index, "Stara konferenca", start=date(year - 2, 5, 1), kind="conference")
    return year


def test_filters_offer_what_the_tab_holds(filtered, client):
    html = html_of(client.get("/dogodki/"))
    assert '<select id="filter-kind" name="kind">' in html
    assert '<option value="infoday">Informativni dan</option>' in html
    assert '<option value="training">Usposabljanje</option>' in html
    assert 'value="conference"' not in html  # only a past event is a conference
    assert re.findall(r'<option value="(\d{4})"', html) == [
        str(filtered + 2),
        str(filtered + 1),
    ]
    assert '<option value="upravljanje">Upravljanje</option>' in html
    past = html_of(client.get("/dogodki/pretekli/"))
    assert '<option value="conference">Konferenca</option>' in past


def test_filter_by_kind_theme_and_year(filtered, client):
    assert card_titles(client.get("/dogodki/?kind=infoday")) == ["Infodan A", "Infodan C"]
    assert card_titles(client.get("/dogodki/?theme=gospodarstvo")) == [
        "Usposabljanje B",
        "Infodan C",
    ]
    assert card_titles(client.get(f"/dogodki/?year={filtered + 2}")) == [
        "Usposabljanje B",
        "Infodan C",
    ]
    response = client.get(f"/dogodki/?kind=infoday&theme=gospodarstvo&year={filtered + 2}")
    assert card_titles(response) == ["Infodan C"]
    assert robots_noindex(response)
    past = client.get(f"/dogodki/pretekli/?kind=conference&year={filtered - 2}")
    assert card_titles(past) == ["Stara konferenca"]


def test_filters_without_results_and_unknown_values(filtered, client):
    response = client.get(f"/dogodki/?kind=training&year={filtered + 1}")
    html = html_of(response)
    assert card_titles(response) == []
    assert "Noben dogodek ne ustreza izbranim filtrom." in html
    assert 'href="/dogodki/">Prikaži vse prihajajoče dogodke</a>' in html
    for query in ["kind=party", "year=abc", "theme=%00", "kind[]=x", "page=-1"]:
        response = client.get(f"/dogodki/?{query}")
        assert response.status_code == 200, query
        assert len(card_titles(response)) == 3, query


# --- the event page ----------------------------------------------------------------------


@pytest.fixture
def full_event(site_tree, index):
    theme = factories.theme("Participativno upravljanje", slug="participativno-upravljanje")
    city = factories.city_page(site_tree["cities"], "Idrija", title_en="Idrija")
    network = factories.network_page(
        site_tree["networks"], "CityCentreDoctor", title_en="CityCentreDoctor"
    )
    return event(
        index,
        "Informativni dan o razpisu",
        title_en="Info day on the call",
        kind=EventKind.INFODAY,
        start=date(2031, 3, 12),
        start_time=time(10),
        end_time=time(12),
        attendance=Attendance.HYBRID,
        venue="Mestna hiša",
        venue_en="Town hall",
        street_address="Mestni trg 1",
        postal_code="5280",
        locality="Idrija",
        online_url="https://meet.example.org/urbact",
        organiser="Nacionalna URBACT točka",
        organiser_en="National URBACT Point",
        registration_url="https://example.org/prijava",
        registration_deadline=date(2031, 3, 5),
        summary="Predstavitev razpisa za nova omrežja.",
        summary_en="The call for new networks, presented.",
        body=[{"type": "paragraph", "value": "<p>Program dneva.</p>"}],
        themes=[theme],
        cities=[city],
        networks=[network],
    )


def test_event_page_in_slovene(full_event, client):
    html = html_of(client.get("/dogodki/informativni-dan-o-razpisu/"))
    assert "<h1>Informativni dan o razpisu</h1>" in html
    assert '<p class="detail__type">Informativni dan</p>' in html
    assert (
        '<time datetime="2031-03-12T10:00:00+01:00">12. marca 2031 od 10.00 do 12.00</time>' in html
    )
    assert "<span>Mestna hiša</span><br>Mestni trg 1<br>5280 Idrija" in html
    assert "Tudi na spletu" in html and 'href="https://meet.example.org/urbact"' in html
    assert "Nacionalna URBACT točka" in html
    assert 'href="https://example.org/prijava"' in html and "(do 5. marca 2031)" in html
    assert "Program dneva." in html
    assert 'href="/dogodki/informativni-dan-o-razpisu.ics"' in html
    assert "Dodajte v svoj koledar" in html
    assert 'href="/dogodki/?theme=participativno-upravljanje"' in html
    assert '<a href="/mesta/idrija/">Idrija</a>' in html
    assert '<a href="/omrezja/citycentredoctor/">CityCentreDoctor</a>' in html
    assert 'type="text/calendar"' in html and 'href="/dogodki/koledar.ics"' in html
    assert "Dogodek je že minil" not in html
    assert not english_words_in(visible_text(html))


def test_event_page_in_english(full_event, client):
    html = html_of(client.get("/en/events/info-day-on-the-call/"))
    assert "<h1>Info day on the call</h1>" in html
    assert '<p class="detail__type">Info day</p>' in html
    assert "12 March 2031, 10:00–12:00" in html
    assert "Town hall" in html and "The call for new networks, presented." in html
    assert "Program dneva." in html  # the body falls back to Slovene
    assert 'href="/en/events/info-day-on-the-call.ics"' in html
    assert 'href="/en/cities/idrija/"' in html


def test_a_past_event_says_so_and_closes_registration(index, client):
    event(
        index,
        "Lanski dogodek",
        start=days(-400),
        registration_url="https://example.org/prijava",
        online_url="https://meet.example.org/staro",
        attendance=Attendance.ONLINE,
    )
    html = html_of(client.get("/dogodki/lanski-dogodek/"))
    assert "Dogodek je že minil." in html
    assert "Prijave so zaprte." in html
    assert 'href="https://example.org/prijava"' not in html
    assert 'href="https://meet.example.org/staro"' not in html
    assert "lanski-dogodek.ics" not in html  # no use adding it to a calendar now
    assert client.get("/dogodki/lanski-dogodek.ics").status_code == 200  # but it is there


def test_registration_closes_after_its_deadline(index, client):
    event(
        index,
        "Rok je mimo",
        start=days(10),
        registration_url="https://example.org/prijava",
        registration_deadline=days(-1),
    )
    html = html_of(client.get("/dogodki/rok-je-mimo/"))
    assert "Prijave so zaprte." in html and "Dogodek je že minil" not in html


def test_an_in_person_event_without_a_place_yet(index, client):
    event(index, "Kraj še ni znan", start=days(10))
    assert "Kraj bo objavljen naknadno." in html_of(client.get("/dogodki/kraj-se-ni-znan/"))


def test_json_ld_event_in_person_and_online(full_event, client):
    data = json_ld_event(client.get("/dogodki/informativni-dan-o-razpisu/"))
    assert data["name"] == "Informativni dan o razpisu"
    assert data["startDate"] == "2031-03-12T10:00:00+01:00"
    assert data["endDate"] == "2031-03-12T12:00:00+01:00"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, virtual = data["location"]
    assert place["@type"] == "Place" and place["name"] == "Mestna hiša"
    assert place["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Mestni trg 1",
        "postalCode": "5280",
        "addressLocality": "Idrija",
        "addressCountry": "SI",
    }
    assert virtual == {"@type": "VirtualLocation", "url": "https://meet.example.org/urbact"}
    assert data["organizer"] == {"@type": "Organization", "name": "Nacionalna URBACT točka"}
    assert data["url"] == "http://testserver/dogodki/informativni-dan-o-razpisu/"


def test_json_ld_all_day_online_event_organised_by_the_site(index, client):
    event(
        index,
        "Spletni seminar",
        start=date(2031, 3, 30),
        end_date=date(2031, 4, 1),
        attendance=Attendance.ONLINE,
    )
    data = json_ld_event(client.get("/dogodki/spletni-seminar/"))
    assert data["startDate"] == "2031-03-30" and data["endDate"] == "2031-04-01"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {
        "@type": "VirtualLocation",
        "url": "http://testserver/dogodki/spletni-seminar/",
    }
    assert data["organizer"]["@id"].endswith("/#organization")


# --- iCalendar ---------------------------------------------------------------------------


def test_event_ics_field_by_field(full_event, client):
    response = client.get("/dogodki/informativni-dan-o-razpisu.ics")
    assert response["Content-Disposition"] == (
        'attachment; filename="informativni-dan-o-razpisu.ics"'
    )
    cal = parse_ics(response)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["METHOD"]) == "PUBLISH"
    (vevent,) = cal.walk("VEVENT")
    assert str(vevent["UID"]) == f"event-{full_event.pk}@localhost"
    assert str(vevent["SUMMARY"]) == "Informativni dan o razpisu"
    start, end = vevent["DTSTART"], vevent["DTEND"]
    assert start.params["TZID"] == "Europe/Ljubljana"
    assert start.dt == datetime(2031, 3, 12, 10, tzinfo=LJUBLJANA)
    assert start.dt.utcoffset() == timedelta(hours=1)
    assert end.dt == datetime(2031, 3, 12, 12, tzinfo=LJUBLJANA)
    assert str(vevent["LOCATION"]) == "Mestna hiša, Mestni trg 1, 5280 Idrija"
    assert str(vevent["URL"]) == "http://testserver/dogodki/informativni-dan-o-razpisu/"
    description = str(vevent["DESCRIPTION"])
    assert description.startswith("Predstavitev razpisa za nova omrežja.")
    assert "https://meet.example.org/urbact" in description
    assert "Prijava: https://example.org/prijava" in description
    assert vevent["DTSTAMP"].dt == full_event.last_published_at.replace(microsecond=0)
    assert str(vevent.get("CATEGORIES").cats[0]) == "Informativni dan"
    # The time zone the event refers to is defined in the file, with summer time.
    (zone,) = cal.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Ljubljana"
    assert {str(c["TZNAME"]) for c in zone.subcomponents} == {"CET", "CEST"}


def test_event_ics_in_english_has_the_same_uid(full_event, client):
    cal = parse_ics(client.get("/en/events/info-day-on-the-call.ics"))
    (vevent,) = cal.walk("VEVENT")
    assert str(vevent["UID"]) == f"event-{full_event.pk}@localhost"
    assert str(vevent["SUMMARY"]) == "Info day on the call"
    assert str(vevent["LOCATION"]) == "Town hall, Mestni trg 1, 5280 Idrija"
    assert str(vevent["URL"]) == "http://testserver/en/events/info-day-on-the-call/"
    assert "Registration: https://example.org/prijava" in str(vevent["DESCRIPTION"])


def test_english_calendar_file_of_a_slovene_only_event_redirects_to_the_slovene_file(index, client):
    """Like its page (urbact_portal/wagtail_hooks.py), the English address of a Slovene-only
    event's calendar file answers 302 to the Slovene file, not to the Slovene page."""
    event(index, "Samo slovensko", start=date(2031, 3, 12))
    response = client.get("/en/events/samo-slovensko.ics")
    assert response.status_code == 302
    assert response["Location"] == "/dogodki/samo-slovensko.ics"
    slovene = client.get(response["Location"])
    assert slovene.status_code == 200 and slovene["Content-Type"].startswith("text/calendar")
    page = client.get("/en/events/samo-slovensko/")
    assert page.status_code == 302 and page["Location"] == "/dogodki/samo-slovensko/"


def test_all_day_events_are_dates_with_an_exclusive_end(index, client):
    event(index, "Tridnevna konferenca", start=date(2031, 3, 12), end_date=date(2031, 3, 14))
    event(index, "Enodnevni", start=date(2031, 10, 26))
    cal = parse_ics(client.get("/dogodki/tridnevna-konferenca.ics"))
    (vevent,) = cal.walk("VEVENT")
    assert vevent["DTSTART"].params["VALUE"] == "DATE"
    assert vevent["DTSTART"].dt == date(2031, 3, 12)
    assert vevent["DTEND"].dt == date(2031, 3, 15)  # the day after the last day
    assert not cal.walk("VTIMEZONE")  # no times, no time zone needed
    (one_day,) = parse_ics(client.get("/dogodki/enodnevni.ics")).walk("VEVENT")
    assert (one_day["DTSTART"].dt, one_day["DTEND"].dt) == (date(2031, 10, 26), date(2031, 10, 27))


def test_summer_time_is_kept(index, client):
    event(index, "Poletni", start=date(2031, 7, 1), start_time=time(9, 30))
    (vevent,) = parse_ics(client.get("/dogodki/poletni.ics")).walk("VEVENT")
    assert vevent["DTSTART"].dt.utcoffset() == timedelta(hours=2)
    assert vevent["DTSTART"].to_ical() == b"20310701T093000"
    assert "DTEND" not in vevent


def test_feed_of_upcoming_events_per_language(index, client):
    soon = event(index, "Kmalu", title_en="Soon", start=days(5), start_time=time(14))
    later = event(index, "Pozneje", title_en="Later", start=days(40), end_date=days(41))
    event(index, "Samo slovensko", start=days(42))  # no English: not in the English feed
    event(index, "Minulo", start=days(-5))
    event(index, "Osnutek", start=days(6), live=False)
    response = client.get("/dogodki/koledar.ics")
    assert response["Content-Disposition"] == 'inline; filename="koledar.ics"'
    cal = parse_ics(response)
    assert str(cal["X-WR-CALNAME"]) == "URBACT Slovenija: dogodki"
    assert cal["REFRESH-INTERVAL"].dt == timedelta(hours=6)
    events = vevents(cal)
    assert set(events) == {"Kmalu", "Pozneje", "Samo slovensko"}
    assert str(events["Kmalu"]["UID"]) == f"event-{soon.pk}@localhost"
    assert str(events["Pozneje"]["UID"]) == f"event-{later.pk}@localhost"
    assert str(events["Kmalu"]["URL"]) == "http://testserver/dogodki/kmalu/"
    assert cal.walk("VTIMEZONE")

    english = parse_ics(client.get("/en/events/calendar.ics"))
    assert str(english["X-WR-CALNAME"]) == "URBACT Slovenia: events"
    events_en = vevents(english)
    assert set(events_en) == {"Soon", "Later"}
    assert str(events_en["Soon"]["UID"]) == f"event-{soon.pk}@localhost"
    assert str(events_en["Soon"]["URL"]) == "http://testserver/en/events/soon/"


def test_uids_follow_the_page_not_the_order(index, client):
    first = event(index, "Prvi", start=days(20))
    second = event(index, "Drugi", start=days(10))
    uids = {str(e["UID"]) for e in parse_ics(client.get("/dogodki/koledar.ics")).walk("VEVENT")}
    assert uids == {f"event-{first.pk}@localhost", f"event-{second.pk}@localhost"}
    second.start_date = second.end_date = days(30)
    second.save_revision().publish()
    again = {str(e["UID"]) for e in parse_ics(client.get("/dogodki/koledar.ics")).walk("VEVENT")}
    assert again == uids


BAD_CALENDAR_ADDRESSES = [
    "/dogodki/ni-takega.ics",
    "/dogodki/osnutek.ics",
    "/dogodki/12345.ics",
    "/dogodki/calendar.ics",  # the English name under the Slovene address
    "/en/events/koledar.ics",
    "/novice/koledar.ics",  # not an events listing
    "/novice/novica.ics",
    "/ni-strani/koledar.ics",
    "/dogodki/obstojec/koledar.ics",
    "/dogodki/obstojec/x.ics",
    "/dogodki/.ics",
    "/dogodki/obstojec.ics.ics",
    "/dogodki/%C5%BE%C5%BE.ics",
    "/koledar.ics",
]


def test_bad_or_unknown_calendar_addresses_are_404(site_tree, index, client):
    event(index, "Obstoječ", slug="obstojec")
    event(index, "Osnutek", live=False)
    factories.news_page(site_tree["news"], "Novica")
    assert client.get("/dogodki/obstojec.ics").status_code == 200
    for url in BAD_CALENDAR_ADDRESSES:
        assert client.get(url).status_code == 404, url


def test_calendar_files_answer_only_get_and_head(index, client):
    event(index, "Dogodek", slug="dogodek")
    assert client.post("/dogodki/dogodek.ics").status_code == 405
    assert client.head("/dogodki/koledar.ics").status_code == 200


def test_calendar_of_a_private_section_is_not_served(index, client):
    event(index, "Zaseben", slug="zaseben")
    PageViewRestriction.objects.create(page=index, restriction_type="login")
    for url in ["/dogodki/koledar.ics", "/dogodki/zaseben.ics"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "login" in response["Location"]


# --- search, sitemap, home page, cities and networks -------------------------------------


def test_events_are_found_in_search_as_events(full_event, client):
    html = html_of(client.get("/iskanje/?q=razpisu"))
    assert 'href="/dogodki/informativni-dan-o-razpisu/"' in html
    assert "Informativni dan o <mark>razpisu</mark>" in html
    assert re.findall(r'<p class="search-result__type">(.*?)</p>', html) == ["Dogodek"]
    # Found by its place too.
    assert 'href="/dogodki/informativni-dan-o-razpisu/"' in html_of(
        client.get("/iskanje/?q=mestna+hisa")
    )
    html = html_of(client.get("/en/search/?q=call"))
    assert 'href="/en/events/info-day-on-the-call/"' in html
    assert '<p class="search-result__type">Event</p>' in html


def test_sitemap_lists_events_and_the_past_listing_in_both_languages(index, client):
    event(index, "Dogodek", title_en="Event", slug="dogodek")
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locs = {el.text for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    for url in [
        "/dogodki/",
        "/en/events/",
        "/dogodki/dogodek/",
        "/en/events/event/",
        "/dogodki/pretekli/",
        "/en/events/past/",
    ]:
        assert f"http://testserver{url}" in locs, url


def test_home_page_section_upcoming_events(site_tree, index, client):
    assert "Prihajajoči dogodki" not in html_of(client.get("/"))
    event(index, "Minuli", start=days(-3))
    assert "Prihajajoči dogodki" not in html_of(client.get("/"))
    for n in range(4):
        event(index, f"Prihajajoči {n}", title_en=f"Upcoming {n}", start=days(n + 1))
    factories.news_page(site_tree["news"], "Novica")
    html = html_of(client.get("/"))
    section = html[html.index('id="events-heading"') :]
    section = section[: section.index("</section>")]
    assert re.findall(r'class="card__title"><a href="[^"]*">([^<]+)</a>', section) == [
        "Prihajajoči 0",
        "Prihajajoči 1",
        "Prihajajoči 2",
    ]
    assert 'href="/dogodki/">Vsi dogodki</a>' in section
    assert html.index('id="events-heading"') < html.index('id="news-heading"')
    assert "Upcoming events" in html_of(client.get("/en/"))


def test_city_and_network_pages_list_their_events(site_tree, index, client):
    city = factories.city_page(site_tree["cities"], "Celje")
    network = factories.network_page(site_tree["networks"], "Cities@Heart", cities=[city])
    event(index, "Prihodnji v Celju", start=days(20), cities=[city], networks=[network])
    event(index, "Bližnji v Celju", start=days(2), cities=[city])
    event(index, "Minuli v Celju", start=days(-20), cities=[city], networks=[network])
    event(index, "Drugje", start=days(3))

    html = html_of(client.get("/mesta/celje/"))
    section = html[html.index('id="events-heading"') :]
    assert '<h2 id="events-heading">Dogodki</h2>' in html
    assert section.index("<h3>Prihajajoči dogodki</h3>") < section.index(
        "<h3>Pretekli dogodki</h3>"
    )
    titles = re.findall(r'class="card__title"><a href="[^"]*">([^<]+)</a>', section)
    assert titles[:3] == ["Bližnji v Celju", "Prihodnji v Celju", "Minuli v Celju"]
    assert "Drugje" not in html

    html = html_of(client.get("/omrezja/citiesheart/"))
    assert "Prihodnji v Celju" in html and "Minuli v Celju" in html
    assert "Bližnji v Celju" not in html


def test_a_network_without_events_has_no_events_section(site_tree, index, client):
    factories.network_page(site_tree["networks"], "Brez dogodkov")
    assert 'id="events-heading"' not in html_of(client.get("/omrezja/brez-dogodkov/"))


# --- query budgets -----------------------------------------------------------------------


def make_events(index, how_many, theme):
    for n in range(how_many):
        quick_page(
            index,
            EventPage,
            summary="Povzetek.",
            start_date=days((n * 7) % 20 - 8),
            start_time=time(10) if n % 2 else None,
            kind=EventKind.values[n % 3],
            image=factories.image(size=(40, 25)),
            m2m={"themes": [theme]},
        )


def test_listing_and_feed_query_budget_does_not_grow(
    site_tree, index, client, django_assert_max_num_queries
):
    theme = factories.theme("Tema")
    urls = [
        "/dogodki/",
        "/dogodki/pretekli/",
        f"/dogodki/?theme={theme.slug}&kind=training",
        "/en/events/",
        "/dogodki/koledar.ics",
        "/",
    ]
    make_events(index, 5, theme)
    few = measure(client, urls)
    make_events(index, 45, theme)
    many = measure(client, urls)
    assert few == many
    assert_within_budget(client, urls, django_assert_max_num_queries)


def test_event_and_city_page_query_budget_does_not_grow(
    site_tree, index, client, django_assert_max_num_queries
):
    from cities.models import CityPage

    def city_with(how_many):
        city = quick_page(site_tree["cities"], CityPage)
        for _ in range(how_many):
            quick_page(
                index, EventPage, summary="P.", start_date=days(3), m2m={"related_cities": [city]}
            )
        return city

    few, many = city_with(2), city_with(20)
    assert measure(client, [few.url]) == measure(client, [many.url])
    page = quick_page(index, EventPage, summary="P.", start_date=days(3))
    assert_within_budget(client, [few.url, many.url, page.url], django_assert_max_num_queries)
