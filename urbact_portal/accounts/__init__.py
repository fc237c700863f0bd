"""Editors' accounts: the groups "Uredniki" and "Moderatorji" and the Slovene moderation
workflow (a data migration), lockout after failed admin logins (django-axes), two-factor
authentication with a TOTP app (django-otp) and its admin views."""
