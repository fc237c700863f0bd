from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """One page's searchable text in one language, normalised for accent-insensitive
    matching (lowercase, diacritics removed) so that "sola" finds "šola" on every database.
    Rebuilt whenever a page is published, unpublished, moved or deleted."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="search_entries"
    )
    language = models.CharField(_("language"), max_length=8)
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    title_normalized = models.CharField(max_length=255, db_index=False)
    text_normalized = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="unique_search_entry")
        ]
        indexes = [models.Index(fields=["language"], name="search_entry_language")]

    def __str__(self):
        return f"{self.title} [{self.language}]"
