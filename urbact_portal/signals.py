"""Signal handlers: keep caches in step with published content."""
