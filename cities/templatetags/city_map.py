"""The map of Slovenia: an inline SVG drawn on the server, no tiles, no scripts.

The outline is a simplified polygon of the state border (a few dozen approximate points,
accurate to a few kilometres: enough to place a city, not to survey a boundary). Cities and
outline share one projection: equirectangular, longitudes shrunk by cos(46°) so that
Slovenia keeps its shape at its own latitude."""

import math

from django import template
from django.utils.translation import gettext as _

register = template.Library()

# Projection bounds (degrees) and the SVG width; the height follows from the aspect ratio.
LON_WEST, LON_EAST = 13.30, 16.70
LAT_SOUTH, LAT_NORTH = 45.35, 46.95
SVG_WIDTH = 600
COS_LAT = math.cos(math.radians(46.0))
SCALE = SVG_WIDTH / ((LON_EAST - LON_WEST) * COS_LAT)
SVG_HEIGHT = round((LAT_NORTH - LAT_SOUTH) * SCALE)

# The border, clockwise from the Italian–Austrian–Slovenian tripoint, as (longitude, latitude).
BORDER = [
    # Austria: the Karawanks, the Drava hills and the Mura.
    (13.714, 46.523),
    (13.83, 46.51),
    (14.02, 46.48),
    (14.15, 46.44),
    (14.32, 46.43),
    (14.45, 46.42),
    (14.55, 46.38),
    (14.68, 46.42),
    (14.81, 46.48),
    (14.88, 46.60),
    (15.00, 46.64),
    (15.07, 46.65),
    (15.20, 46.63),
    (15.42, 46.66),
    (15.55, 46.64),
    (15.65, 46.70),
    (15.82, 46.71),
    (15.98, 46.68),
    (16.02, 46.75),
    (16.04, 46.84),
    (16.11, 46.87),
    # Hungary.
    (16.20, 46.87),
    (16.30, 46.84),
    (16.36, 46.80),
    (16.42, 46.72),
    (16.43, 46.64),
    (16.52, 46.50),
    (16.60, 46.475),
    # Croatia: the Mura and Drava, the Sotla, Gorjanci and the Kolpa, then the Karst.
    (16.38, 46.42),
    (16.26, 46.38),
    (16.10, 46.37),
    (15.95, 46.32),
    (15.78, 46.21),
    (15.65, 46.22),
    (15.62, 46.14),
    (15.68, 46.07),
    (15.71, 45.95),
    (15.67, 45.84),
    (15.50, 45.82),
    (15.40, 45.77),
    (15.28, 45.70),
    (15.38, 45.63),
    (15.33, 45.52),
    (15.17, 45.43),
    (15.05, 45.49),
    (14.94, 45.52),
    (14.80, 45.49),
    (14.70, 45.53),
    (14.56, 45.62),
    (14.45, 45.56),
    (14.33, 45.48),
    (14.12, 45.47),
    (13.98, 45.47),
    (13.75, 45.46),
    (13.59, 45.47),
    # The coast.
    (13.59, 45.51),
    (13.57, 45.53),
    (13.65, 45.54),
    (13.72, 45.55),
    (13.72, 45.59),
    # Italy: the Karst, Gorizia, Brda, Kolovrat and the Julian Alps.
    (13.80, 45.60),
    (13.87, 45.63),
    (13.91, 45.68),
    (13.84, 45.73),
    (13.71, 45.77),
    (13.60, 45.82),
    (13.60, 45.90),
    (13.64, 45.95),
    (13.58, 46.03),
    (13.48, 46.00),
    (13.48, 46.08),
    (13.63, 46.15),
    (13.52, 46.21),
    (13.40, 46.22),
    (13.38, 46.28),
    (13.43, 46.33),
    (13.48, 46.37),
    (13.58, 46.42),
    (13.66, 46.45),
]


def project(latitude, longitude):
    """(latitude, longitude) in degrees -> (x, y) in the SVG's user units."""
    x = (float(longitude) - LON_WEST) * COS_LAT * SCALE
    y = (LAT_NORTH - float(latitude)) * SCALE
    return round(x, 1), round(y, 1)


def _outline_path():
    points = [project(lat, lon) for lon, lat in BORDER]
    head, *rest = points
    return f"M{head[0]} {head[1]}" + "".join(f"L{x} {y}" for x, y in rest) + "Z"


OUTLINE_PATH = _outline_path()


def coordinates_text(latitude, longitude):
    """ "46,0569° S, 14,5058° V" in Slovene, "46.0569° N, 14.5058° E" in English."""
    from django.utils.formats import number_format

    return _("%(latitude)s° N, %(longitude)s° E") % {
        "latitude": number_format(float(latitude), 4),
        "longitude": number_format(float(longitude), 4),
    }


LABEL_GAP = 12  # between a point and its label
LABEL_HEIGHT = 18
CHAR_WIDTH = 9.5  # an estimate for the bold 15px label font
# Where a label may go: (side, text-anchor, dx, dy) relative to its point.
LABEL_SPOTS = [
    ("right", "start", LABEL_GAP, 5),
    ("left", "end", -LABEL_GAP, 5),
    ("above", "middle", 0, -LABEL_GAP),
    ("below", "middle", 0, LABEL_GAP + 10),
]


def _label_box(marker, spot):
    _side, anchor, dx, dy = spot
    width = len(marker["name"]) * CHAR_WIDTH
    x, baseline = marker["px"] + dx, marker["py"] + dy
    left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
    return (left, baseline - LABEL_HEIGHT + 4, left + width, baseline + 4)


def _overlaps(a, b):
    return not (a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1])


def _place_labels(markers):
    """Put each label right of its point, else left, above or below it: the first spot that
    stays on the map and covers no label placed before (a greedy pass, west to east)."""
    placed = []
    for marker in sorted(markers, key=lambda m: (m["px"], m["py"])):
        candidates = [(spot, _label_box(marker, spot)) for spot in LABEL_SPOTS]
        on_map = [
            (spot, rect)
            for spot, rect in candidates
            if rect[0] >= 0 and rect[2] <= SVG_WIDTH and rect[1] >= 0 and rect[3] <= SVG_HEIGHT
        ] or candidates
        free = [
            (spot, rect) for spot, rect in on_map if not any(_overlaps(rect, p) for p in placed)
        ]
        spot, rect = (free or on_map)[0]
        placed.append(rect)
        _side, anchor, dx, dy = spot
        marker["label_x"] = str(round(marker["px"] + dx, 1))
        marker["label_y"] = str(round(marker["py"] + dy, 1))
        marker["label_anchor"] = anchor


@register.inclusion_tag("components/map.html", takes_context=True)
def slovenia_map(context, cities, current=None, title=None):
    """Render the map. `cities`: CityPage objects (any iterable); `current`: the city whose
    page this is (highlighted, not a link). Cities without coordinates are listed, not drawn."""
    request = context.get("request")
    # Ids unique within the page, stable between requests.
    count = getattr(request, "_slovenia_maps", 0) + 1
    if request is not None:
        request._slovenia_maps = count
    markers = []
    for city in cities:
        has_point = city.latitude is not None and city.longitude is not None
        x, y = project(city.latitude, city.longitude) if has_point else (0.0, 0.0)
        is_current = current is not None and city.pk == current.pk
        markers.append(
            {
                "name": city.title,
                "url": "" if is_current else city.get_url(request),
                "current": is_current,
                "drawn": has_point,
                "px": x,
                "py": y,
                # SVG coordinates as strings: templates would localise floats ("12,5").
                "x": str(x),
                "y": str(y),
                "coordinates": coordinates_text(city.latitude, city.longitude) if has_point else "",
            }
        )
    drawn = [m for m in markers if m["drawn"]]
    _place_labels(drawn)
    interactive = any(m["url"] for m in drawn)
    if current is not None:
        default_title = _("Location of %(city)s on the map of Slovenia") % {"city": current.title}
    else:
        default_title = _("Map of Slovenia with URBACT cities")
    return {
        "map_id": f"map-{count}",
        "width": SVG_WIDTH,
        "height": SVG_HEIGHT,
        "outline": OUTLINE_PATH,
        "markers": markers,
        "drawn": drawn,
        "interactive": interactive,
        "title": title or default_title,
        "current": current,
    }
