"""Signal handlers: keep caches in step with published content.

What the public pages cache (menu, breadcrumbs, site settings, home figures; see
urbact_portal/site_cache.py) is keyed by a content version; any change that a visitor could
see bumps it."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import site_cache


def bump_version():
    site_cache.bump_version()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(page_slug_changed)
def page_changed(sender, **kwargs):
    bump_version()


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    # Deleting a page sends post_delete for its class and each parent class: react once,
    # for the concrete Page row.
    if sender is Page:
        bump_version()


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def site_changed(sender, **kwargs):
    bump_version()


def _connect_model_signals():
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import PageViewRestriction

    from urbact_portal.models import SiteSettings, Theme

    # A view restriction hides a section from menus and lists at once. Images (alt text,
    # focal point), documents (titles) and redirects show on published pages as they are
    # saved: the page cache revalidates by the version (urbact_portal/http_cache.py).
    models = (SiteSettings, Theme, PageViewRestriction, get_image_model(), get_document_model())
    for model in (*models, Redirect):
        post_save.connect(_content_changed, sender=model, dispatch_uid=f"urbact-{model.__name__}")
        post_delete.connect(
            _content_changed, sender=model, dispatch_uid=f"urbact-del-{model.__name__}"
        )


def _content_changed(sender, created=False, **kwargs):
    # SiteSettings.for_site() creates the row with its defaults on first use, while a page
    # is rendering: what was cached from it is already current.
    if created and sender.__name__ == "SiteSettings":
        return
    bump_version()


_connect_model_signals()
