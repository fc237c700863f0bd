"""Illustrations drawn locally with Pillow: abstract geometric compositions in the site's
palette and a simple mark for the logo. Nothing is downloaded. Each image is saved as a
Wagtail image with a title and a description (its alternative text) and found again by
its title, so running the loader twice never duplicates one."""

import hashlib
import math
import random
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw

# Deep teal accent, amber highlight, their tints, dark ink: the site's colours.
INK = (27, 42, 51)
TEAL = (11, 92, 107)
TEAL_MID = (47, 133, 146)
TEAL_LIGHT = (127, 184, 193)
TINT = (216, 236, 239)
AMBER = (240, 180, 41)
SAND = (246, 239, 225)
WHITE = (255, 255, 255)

SHAPE_COLOURS = [TEAL, TEAL, TEAL_MID, TEAL_LIGHT, AMBER, INK, WHITE]
BACKGROUNDS = [TINT, SAND, WHITE]
SUPERSAMPLE = 2


def _rng(key: str) -> random.Random:
    """A random generator seeded by `key`: the same key draws the same picture."""
    return random.Random(int(hashlib.sha256(key.encode()).hexdigest()[:16], 16))


def _tile(draw, rng, x, y, size, background):
    """One cell of the grid: a circle, half or quarter circle, triangle, square or nothing."""
    colour = rng.choice([c for c in SHAPE_COLOURS if c != background])
    kind = rng.choice(["circle", "half", "quarter", "quarter", "triangle", "square", "empty"])
    box = [x, y, x + size, y + size]
    if kind == "circle":
        inset = size * rng.choice([0, 0.12, 0.25])
        draw.ellipse([x + inset, y + inset, x + size - inset, y + size - inset], fill=colour)
    elif kind == "half":
        start = rng.choice([0, 90, 180, 270])
        draw.pieslice(box, start, start + 180, fill=colour)
    elif kind == "quarter":
        corner = rng.choice([(0, 0), (1, 0), (0, 1), (1, 1)])
        cx, cy = x + corner[0] * size, y + corner[1] * size
        start = {(0, 0): 0, (1, 0): 90, (1, 1): 180, (0, 1): 270}[corner]
        draw.pieslice([cx - size, cy - size, cx + size, cy + size], start, start + 90, fill=colour)
    elif kind == "triangle":
        points = [(x, y), (x + size, y), (x + size, y + size), (x, y + size)]
        rng.shuffle(points)
        draw.polygon(points[:3], fill=colour)
    elif kind == "square":
        inset = size * 0.18
        draw.rectangle([x + inset, y + inset, x + size - inset, y + size - inset], fill=colour)


def composition(key: str, width: int = 1200, height: int = 675) -> bytes:
    """An abstract composition of geometric tiles with a thin 'network' of linked
    points over it; returns PNG bytes."""
    rng = _rng(key)
    w, h = width * SUPERSAMPLE, height * SUPERSAMPLE
    background = rng.choice(BACKGROUNDS)
    canvas = PILImage.new("RGB", (w, h), background)
    draw = ImageDraw.Draw(canvas)
    columns = rng.choice([4, 5, 6])
    size = math.ceil(w / columns)
    rows = math.ceil(h / size)
    for row in range(rows):
        for column in range(columns):
            _tile(draw, rng, column * size, row * size, size, background)
    # Linked points: cities learning from each other.
    points = sorted((rng.uniform(0.1, 0.9) * w, rng.uniform(0.15, 0.85) * h) for _ in range(5))
    line = max(2, w // 300)
    for a, b in zip(points, points[1:], strict=False):
        draw.line([a, b], fill=INK, width=line)
    radius = max(4, w // 90)
    for px, py in points:
        draw.ellipse(
            [px - radius, py - radius, px + radius, py + radius],
            fill=AMBER,
            outline=INK,
            width=line,
        )
    return _png(canvas.resize((width, height), PILImage.Resampling.LANCZOS))


def logo(size: int = 256) -> bytes:
    """A simple mark: four linked points (cities in a network) on a teal rounded square."""
    s = size * SUPERSAMPLE
    canvas = PILImage.new("RGBA", (s, s), (0, 0, 0, 0))
    draw = ImageDraw.Draw(canvas)
    draw.rounded_rectangle([0, 0, s - 1, s - 1], radius=s // 6, fill=TEAL)
    points = [(0.28, 0.3), (0.72, 0.26), (0.66, 0.72), (0.3, 0.68)]
    points = [(x * s, y * s) for x, y in points]
    width = max(2, s // 28)
    for a, b in zip(points, points[1:] + points[:1], strict=True):
        draw.line([a, b], fill=TINT, width=width)
    draw.line([points[0], points[2]], fill=TINT, width=width)
    radius = s // 11
    for index, (px, py) in enumerate(points):
        fill = AMBER if index == 0 else WHITE
        draw.ellipse([px - radius, py - radius, px + radius, py + radius], fill=fill)
    return _png(canvas.resize((size, size), PILImage.Resampling.LANCZOS))


def _png(image) -> bytes:
    buffer = BytesIO()
    if image.mode == "RGB":
        # Flat colours: a small adaptive palette keeps the files small.
        image = image.quantize(colors=64, method=PILImage.Quantize.MEDIANCUT)
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def get_or_create_image(title: str, description: str, filename: str, draw):
    """Return the Wagtail image called `title`, drawing and saving it (with `draw()`)
    only when none exists. Returns (image, created)."""
    from wagtail.images import get_image_model

    Image = get_image_model()
    existing = Image.objects.filter(title=title).order_by("pk").first()
    if existing:
        return existing, False
    image = Image(title=title, description=description)
    image.file = ImageFile(BytesIO(draw()), name=filename)
    image._set_image_file_metadata()
    image.save()
    return image, True
