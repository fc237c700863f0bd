"""Bulk content for measuring the site at scale: `manage.py generate_content --news 10000`.

Each content app may define `GENERATOR = Generator(...)` in its `generate` module (e.g.
news/generate.py); the command offers one `--<option> N` per generator and runs them in the
order their `after` asks for, as the demo content does (urbact_portal/demo/parts.py).

`bulk_add_children()` adds many pages under one parent without a save, a revision or a
signal per page: it computes the tree paths itself (treebeard's materialised paths, as
`add_child` would), inserts the rows of Page and of the page type's own table in batches,
fills the site search index (urbact_portal.search.build_entries) in batches, and updates the
parent's child count once. The pages are live and render like any other; they have no
revision (editing one in the admin starts its first).

Everything is deterministic: texts come from `rng(name)`, a random generator seeded by name.
"""

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page
from wagtail.utils.apps import get_app_submodules

from urbact_portal import search, site_cache
from urbact_portal.models import SearchEntry

BATCH_SIZE = 500


@dataclass(frozen=True)
class Generator:
    """`build(count, options)` creates `count` items of one kind; `option` names its
    command-line option (`--news`); `after` names generators whose items it links to."""

    name: str
    option: str
    help: str
    build: Callable[[int, dict], int]
    after: tuple[str, ...] = ()
    default: int = 0


def installed_generators() -> list[Generator]:
    """The apps' generators, each after the ones it names in `after`."""
    found = [
        module.GENERATOR
        for _app, module in get_app_submodules("generate")
        if hasattr(module, "GENERATOR")
    ]
    by_name = {g.name: g for g in found}
    ordered, placed = [], set()

    def place(generator):
        if generator.name in placed:
            return
        placed.add(generator.name)
        for name in generator.after:
            if name in by_name:
                place(by_name[name])
        ordered.append(generator)

    for generator in found:
        place(generator)
    return ordered


def rng(name: str, seed: int = 1) -> random.Random:
    return random.Random(f"{name}:{seed}")  # noqa: S311 - test content, not security


# Vocabulary for varied, plausible Slovene texts (no item repeats another's sentence).
PLACES_LOCATIVE = [
    "Ljubljani",
    "Mariboru",
    "Kranju",
    "Celju",
    "Kopru",
    "Novem mestu",
    "Velenju",
    "Ptuju",
    "Idriji",
    "Murski Soboti",
    "Novi Gorici",
    "Slovenj Gradcu",
]
TOPICS = [
    ("prenova mestnega jedra", "the renewal of the town centre"),
    ("trajnostna mobilnost", "sustainable mobility"),
    ("zelena infrastruktura", "green infrastructure"),
    ("participativni proračun", "participatory budgeting"),
    ("kratke prehranske verige", "short food supply chains"),
    ("energetska revščina", "energy poverty"),
    ("digitalne storitve za meščane", "digital services for residents"),
    ("oživljanje praznih stavb", "reviving empty buildings"),
    ("kulturna dediščina", "cultural heritage"),
    ("vključevanje mladih", "youth involvement"),
    ("podnebna prilagoditev", "climate adaptation"),
    ("krožno gospodarstvo", "the circular economy"),
]
ACTIONS = [
    ("delavnica", "a workshop"),
    ("srečanje partnerjev", "a partners' meeting"),
    ("novi rezultati", "new results"),
    ("študijski obisk", "a study visit"),
    ("javna razprava", "a public debate"),
    ("priročnik za občine", "a handbook for municipalities"),
]
SENTENCES = [
    "Udeleženci so primerjali izkušnje iz {place} in iz drugih evropskih mest.",
    "Lokalna skupina URBACT je predstavila načrt ukrepov za naslednje leto.",
    "Občina bo preizkusila manjši ukrep in ga ocenila skupaj s prebivalci.",
    "Strokovnjaki so opozorili na pomen podatkov pri odločanju.",
    "Razprava se je nadaljevala na terenu, ob ogledu primerov dobre prakse.",
    "Gradivo z dogodka je na voljo na spletni strani mreže.",
    "Nacionalna točka URBACT je povezala sodelujoča mesta z izkušenimi mentorji.",
    "Prihodnje srečanje bo posvečeno merjenju učinkov.",
]


def sentence_text(generator: random.Random, place: str, count: int) -> list[str]:
    chosen = generator.sample(SENTENCES, count)
    return [text.format(place=place) for text in chosen]


def _next_step(parent) -> int:
    """The treebeard step that follows the parent's last child (1 for the first child)."""
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    if not last:
        return 1
    return Page._str2int(last[-Page.steplen :]) + 1


def bulk_add_children(parent, model, items: list[dict], first_published_at=None) -> list:
    """Create live pages of `model` under `parent`, one per dict of field values (`title`,
    `slug` (Slovene); `title_en`, `slug_en` optional; the page type's own fields, with
    `<field>_sl` / `<field>_en` for translated ones; `m2m`: {field name: [ids]}). Returns
    the created pages (unsaved-looking instances with their ids)."""
    parent = Page.objects.get(pk=parent.pk)  # the stored path, url paths and child count
    content_type = ContentType.objects.get_for_model(model)
    locale = Locale.get_default()
    now = first_published_at or timezone.now()
    step = _next_step(parent)
    depth = parent.depth + 1
    parent_paths = {
        code: getattr(parent, f"url_path_{code}", None) or parent.url_path
        for code, _name in settings.LANGUAGES
    }
    pages, m2m_rows = [], []
    for offset, values in enumerate(items):
        values = dict(values)
        m2m = values.pop("m2m", {})
        title_sl = values.pop("title")
        slug_sl = values.pop("slug", None) or slugify(title_sl)
        title_en = values.pop("title_en", None)
        slug_en = values.pop("slug_en", None) or (slugify(title_en) if title_en else None)
        page = model(
            path=Page._get_path(parent.path, depth, step + offset),
            depth=depth,
            numchild=0,
            content_type=content_type,
            locale=locale,
            translation_key=uuid.uuid4(),
            live=True,
            has_unpublished_changes=False,
            first_published_at=values.pop("first_published_at", now),
            last_published_at=now,
            draft_title=title_sl,
            show_in_menus=False,
            **values,
        )
        page.title = title_sl
        page.title_sl = title_sl
        page.title_en = title_en
        page.slug = page.slug_sl = slug_sl
        page.slug_en = slug_en
        page.url_path = page.url_path_sl = f"{parent_paths['sl']}{slug_sl}/"
        page.url_path_en = f"{parent_paths['en']}{slug_en or slug_sl}/"
        pages.append(page)
        m2m_rows.append(m2m)

    base_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    own_fields = model._meta.local_concrete_fields
    with transaction.atomic():
        for start in range(0, len(pages), BATCH_SIZE):
            batch = pages[start : start + BATCH_SIZE]
            ids = Page._base_manager._insert(
                batch,
                fields=base_fields,
                returning_fields=Page._meta.db_returning_fields,
                using=connection.alias,
            )
            for page, (pk,) in zip(batch, ids, strict=True):
                page.pk = page.id = page.page_ptr_id = pk
            model._base_manager._insert(batch, fields=own_fields, using=connection.alias)
        _add_m2m(model, pages, m2m_rows)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
        index_in_bulk(pages)
    transaction.on_commit(site_cache.bump_version)
    return pages


def _add_m2m(model, pages, m2m_rows):
    through_rows = {}
    for page, m2m in zip(pages, m2m_rows, strict=True):
        for name, ids in m2m.items():
            field = model._meta.get_field(name)
            through = field.remote_field.through
            source = field.m2m_field_name()
            target = field.m2m_reverse_field_name()
            through_rows.setdefault(through, []).extend(
                through(**{f"{source}_id": page.pk, f"{target}_id": pk}) for pk in ids
            )
    for through, rows in through_rows.items():
        through.objects.bulk_create(rows, batch_size=BATCH_SIZE)


def index_in_bulk(pages):
    """Search entries for freshly created pages, built by the site search's own code."""
    if not pages:
        return
    site_paths = search._site_root_paths()
    restricted = search._restricted_paths()
    entries = []
    for page in pages:
        if search.is_indexable(page, site_paths, restricted):
            entries.extend(search.build_entries(page))
        if len(entries) >= BATCH_SIZE:
            SearchEntry.objects.bulk_create(entries)
            entries = []
    SearchEntry.objects.bulk_create(entries)


def spread_dates(count: int, *, end, days: int):
    """`count` dates from `end` back over `days` days, newest first, deterministic."""
    if count <= 0:
        return []
    step = days / count
    return [end - timedelta(days=int(i * step)) for i in range(count)]


def published_at(day):
    return timezone.make_aware(datetime.combine(day, time(9, 0)))
