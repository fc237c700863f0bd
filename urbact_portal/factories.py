"""Small factories for the core's page types and snippets, and create_page(), which every
app's factories (news/factories.py, …) use for theirs.

Used by the test suite (tests/factories.py gathers them all) and by the demo content
command, so both build pages the same way (and keep working as the models change). Slovene
is the default language: `title` and `slug` are the Slovene values, `title_en` / `slug_en`
and any `<field>_en` keyword the English ones."""

import itertools

from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from wagtail.models import Page, Site

_counter = itertools.count(1)


def sequence_number():
    """A number unique in this process, for default titles ("Novica 7")."""
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

    name = name or f"Tema {sequence_number()}"
    obj = Theme(slug=slug or slugify(name))
    obj.name_sl = name
    obj.name_en = name_en or None
    obj.save()
    return obj


def standard_page(parent, title=None, **fields):
    from urbact_portal.models import StandardPage

    title = title or f"Stran {sequence_number()}"
    fields.setdefault("intro", f"Uvod strani {title}.")
    return create_page(parent, StandardPage, title=title, **fields)


def image(title=None, *, size=(800, 500), colour=(20, 90, 120), description=None):
    """A Wagtail image with a generated PNG file (no download). Its description (the default
    alternative text wherever it is placed) is the title unless given ("" for none)."""
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    title = title or f"Slika {sequence_number()}"
    buffer = BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return Image.objects.create(
        title=title,
        file=ImageFile(buffer, name=f"{slugify(title) or 'slika'}.png"),
        description=title if description is None else description,
    )
