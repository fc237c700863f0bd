from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """One page's searchable text in one language, normalised for accent-insensitive
    matching (lowercase, diacritics removed) so that "sola" finds "šola" on every database.
    Rebuilt whenever a page is published, unpublished, moved or deleted. Only live, public
    pages have entries, and only pages that exist in English have an English one."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="search_entries"
    )
    language = models.CharField(_("language"), max_length=8)
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    title_normalized = models.CharField(max_length=255, db_index=False)
    text_normalized = models.TextField()
    # The page's date for ordering results (a news item's or event's date, otherwise the
    # day of first publication), stored so that ordering needs no join per page type.
    date = models.DateField(_("date"), null=True, blank=True)
    # The page's type, for filtering results by kind without a join to the page.
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="unique_search_entry")
        ]
        # On PostgreSQL, migration 0002 adds a generated full-text column `search_vector`
        # and GIN indexes (full text and trigrams); see urbact_portal/search.py.
        indexes = [models.Index(fields=["language"], name="search_entry_language")]

    def __str__(self):
        return f"{self.title} [{self.language}]"
