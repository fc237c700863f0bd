"""Signal handlers: keep caches in step with published content.

What the public pages cache (menu, breadcrumbs, site settings, home figures; see
urbact_portal/site_cache.py) is keyed by a content version; any change that a visitor could
see bumps it."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .site_cache import bump_version


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
    from urbact_portal.models import SiteSettings, Theme

    for model in (SiteSettings, Theme):
        post_save.connect(_content_changed, sender=model, dispatch_uid=f"urbact-{model.__name__}")
        post_delete.connect(
            _content_changed, sender=model, dispatch_uid=f"urbact-del-{model.__name__}"
        )


def _content_changed(sender, **kwargs):
    bump_version()


_connect_model_signals()


def _connect_search_signals():
    # The search index keeps its own handlers (publish, unpublish, move, privacy, sites).
    from urbact_portal.search import connect_signals

    connect_signals()


_connect_search_signals()
