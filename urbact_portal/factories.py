"""Small factories for every page type and snippet.

Used by the test suite and by the demo content command, so both build pages the same way
(and keep working as the models change). Slovene is the default language: `title` and
`slug` are the Slovene values, `title_en` / `slug_en` and any `<field>_en` keyword the
English ones."""

import itertools
from datetime import date

from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from wagtail.models import Page, Site

_counter = itertools.count(1)


def _n():
    return next(_counter)


def create_page(
    parent,
    page_class,
    *,
    title,
    slug=None,
    title_en=None,
    slug_en=None,
    live=True,
    m2m=None,
    **fields,
):
    """Create `page_class` under `parent`, with a saved revision, live unless live=False.

    `m2m` maps ParentalManyToManyField names to lists of objects."""
    with translation.override("sl"), transaction.atomic():
        page = page_class(title=title, slug=slug or slugify(title), **fields)
        page.title_sl = title
        page.slug_sl = page.slug
        if title_en:
            page.title_en = title_en
            page.slug_en = slug_en or slugify(title_en)
        page.live = live
        parent.add_child(instance=page)
        for name, values in (m2m or {}).items():
            getattr(page, name).set(values)
        if m2m:
            page.save()
        revision = page.save_revision()
        if live:
            revision.publish()
        page.refresh_from_db()
    return page


def _tree_root():
    """Recreate the locale and tree root that Wagtail's migrations create, for a database
    that was flushed (a transactional test whose serialized rollback could not restore
    them: Playwright's event loop gives the test thread another connection object)."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Locale

    ContentType.objects.clear_cache()  # the flush may have taken the content types too
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    return Page.add_root(instance=Page(title="Root", slug="root", title_sl="Root", slug_sl="root"))


def ensure_home_page(**fields):
    """Return the site's HomePage, replacing Wagtail's default welcome page if needed."""
    from urbact_portal.models import HomePage

    home = HomePage.objects.first()
    if home:
        return home
    root = Page.get_first_root_node()
    if root is None:
        root = _tree_root()
    if not root.url_path_sl:
        # The tree root predates the translation columns (added by
        # sync_page_translation_fields after Wagtail's own migrations): give it the values
        # modeltranslation expects, or children would get url paths without a leading slash.
        Page.objects.filter(pk=root.pk).update(
            url_path_sl="/", url_path_en="/", slug_sl=root.slug, title_sl=root.title
        )
        root.refresh_from_db()
    defaults = {
        "title": "URBACT Slovenija",
        "slug": "domov",
        "title_en": "URBACT Slovenia",
        "slug_en": "home",
        "hero_heading": "URBACT v Sloveniji",
        "hero_heading_en": "URBACT in Slovenia",
    }
    defaults.update(fields)
    with transaction.atomic():
        # Wagtail's initial migration leaves a placeholder page at the root: remove it.
        for page in root.get_children():
            if not isinstance(page.specific, HomePage):
                Site.objects.filter(root_page=page).delete()
                page.delete()
        home = create_page(root, HomePage, **defaults)
        site = Site.objects.filter(is_default_site=True).first()
        if site:
            site.root_page = home
            site.site_name = "URBACT Slovenija"
            site.save()
        else:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="URBACT Slovenija",
            )
    return home


def theme(name=None, slug=None, name_en=None):
    from urbact_portal.models import Theme

    name = name or f"Tema {_n()}"
    obj = Theme(slug=slug or slugify(name))
    obj.name_sl = name
    obj.name_en = name_en or None
    obj.save()
    return obj


def standard_page(parent, title=None, **fields):
    from urbact_portal.models import StandardPage

    title = title or f"Stran {_n()}"
    fields.setdefault("intro", f"Uvod strani {title}.")
    return create_page(parent, StandardPage, title=title, **fields)


def news_index(home, **fields):
    from news.models import NewsIndexPage

    fields.setdefault("title", "Novice")
    fields.setdefault("slug", "novice")
    fields.setdefault("title_en", "News")
    fields.setdefault("slug_en", "news")
    return create_page(home, NewsIndexPage, **fields)


def news_page(index, title=None, *, themes=(), cities=(), networks=(), **fields):
    from news.models import NewsPage

    title = title or f"Novica {_n()}"
    fields.setdefault("intro", f"Kratek povzetek novice {title}.")
    fields.setdefault("date", date(2026, 1, 15))
    return create_page(
        index,
        NewsPage,
        title=title,
        m2m={"themes": themes, "related_cities": cities, "related_networks": networks},
        **fields,
    )


def network_index(home, **fields):
    from networks.models import NetworkIndexPage

    fields.setdefault("title", "Omrežja")
    fields.setdefault("slug", "omrezja")
    fields.setdefault("title_en", "Networks")
    fields.setdefault("slug_en", "networks")
    return create_page(home, NetworkIndexPage, **fields)


def network_page(index, title=None, *, cities=(), themes=(), partners=(), **fields):
    """`partners` is a list of dicts: city_name, country, optional city_page."""
    from networks.choices import NetworkType
    from networks.models import NetworkPage, NetworkPartner
    from urbact_portal.programme import Period

    title = title or f"Omrežje {_n()}"
    fields.setdefault("summary", f"Povzetek omrežja {title}.")
    fields.setdefault("network_type", NetworkType.ACTION_PLANNING)
    fields.setdefault("period", Period.URBACT_III)
    fields.setdefault("start_year", 2015)
    fields.setdefault("end_year", 2018)
    page = create_page(
        index,
        NetworkPage,
        title=title,
        m2m={"slovenian_cities": cities, "themes": themes},
        **fields,
    )
    if partners:
        for order, partner in enumerate(partners):
            NetworkPartner.objects.create(network=page, sort_order=order, **partner)
        page.save_revision().publish()
    return page


def good_practice_index(home, **fields):
    from networks.models import GoodPracticeIndexPage

    fields.setdefault("title", "Dobre prakse")
    fields.setdefault("slug", "dobre-prakse")
    fields.setdefault("title_en", "Good practices")
    fields.setdefault("slug_en", "good-practices")
    return create_page(home, GoodPracticeIndexPage, **fields)


def good_practice_page(index, title=None, *, themes=(), **fields):
    from networks.models import GoodPracticePage

    title = title or f"Dobra praksa {_n()}"
    fields.setdefault("summary", f"Povzetek dobre prakse {title}.")
    fields.setdefault("city_name", "Ljubljana")
    fields.setdefault("country", "SI")
    return create_page(index, GoodPracticePage, title=title, m2m={"themes": themes}, **fields)


def city_index(home, **fields):
    from cities.models import CityIndexPage

    fields.setdefault("title", "Mesta")
    fields.setdefault("slug", "mesta")
    fields.setdefault("title_en", "Cities")
    fields.setdefault("slug_en", "cities")
    return create_page(home, CityIndexPage, **fields)


def city_page(index, title=None, **fields):
    from cities.choices import Region
    from cities.models import CityPage

    title = title or f"Mesto {_n()}"
    fields.setdefault("region", Region.OSREDNJESLOVENSKA)
    fields.setdefault("intro", f"Uvod o mestu {title}.")
    return create_page(index, CityPage, title=title, **fields)


def image(title=None, *, size=(800, 500), colour=(20, 90, 120), description=""):
    """A Wagtail image with a generated PNG file (no download)."""
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    title = title or f"Slika {_n()}"
    buffer = BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return Image.objects.create(
        title=title,
        file=ImageFile(buffer, name=f"{slugify(title) or 'slika'}.png"),
        description=description,
    )


def contact_page(home, **fields):
    """The contact page (/kontakt/, /en/contact/) with the standard form fields, which
    ContactPage creates itself when it is saved without fields."""
    from urbact_portal.contact.models import ContactPage

    fields.setdefault("title", "Kontakt")
    fields.setdefault("slug", "kontakt")
    fields.setdefault("title_en", "Contact")
    fields.setdefault("slug_en", "contact")
    return create_page(home, ContactPage, **fields)
