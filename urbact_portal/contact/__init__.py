"""The contact form, a Django app of its own (label "contact") inside the core: the page and
its form fields (models.py), the stored messages (submissions.py), form building (forms.py),
spam defences (spam.py), how the page answers (views.py), delivery by a background task with
retries (delivery.py, mail.py), retention (retention.py), the admin's list, export and
dashboard panel (admin_views.py, wagtail_hooks.py), its templates and management commands.

Dependencies inside the package point one way: models.py (the page) on top; views,
admin_views and the hooks below it; delivery, mail, spam, forms and submissions at the
bottom."""
