"""The contact form: form building, spam defences, delivery tasks, mail, admin views, export.

The models (ContactPage, ContactFormField, ContactSubmission) are in
urbact_portal/models/contact.py, the admin hooks in urbact_portal/contact_hooks.py."""
