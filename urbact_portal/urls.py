from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from urbact_portal import views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    # Translated: /iskanje/ in Slovene, /en/search/ in English. Before Wagtail's catch-all.
    path(_("search/"), views.search, name="search"),
    # The events' iCalendar files (…/<event>.ics, …/koledar.ics): addresses Wagtail's page
    # URLs cannot have. By string, so the core imports no app.
    path("", include("events.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
