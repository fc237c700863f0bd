"""Build the demo site through the factories, idempotently.

The loader builds the core's pages (home, standard pages, contact page), themes and site
settings, and asks every content app for its part (urbact_portal/demo/parts.py). The
methods without a leading underscore are what a part uses: `ref` (the pages and images built
so far, by key: "about", "nup", "contact", "image:<key>", and what parts add, e.g. "cities",
"city:<slug>"), `themes()`, `image()`, `index_page()` and `upsert()`.

Every object is found by a stable key first: a page by its Slovene slug under its parent
(index pages and the contact page by their type, being singletons), a theme by its slug, an
image by its title. What is missing is created; what exists is left as editors made it,
unless `reset` is set, in which case its demo fields are written again and republished."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import translation
from wagtail.models import Site

from urbact_portal import factories
from urbact_portal.contact import factories as contact_factories

from . import data, images, texts
from .parts import in_dependency_order, installed_parts
from .texts import ILLUSTRATION_ALT


@dataclass
class Result:
    created: int = 0
    updated: int = 0
    kept: int = 0
    images: int = 0
    created_pages: list = field(default_factory=list)


class DemoLoader:
    def __init__(self, *, reset=False, image_width=1200):
        self.reset = reset
        self.image_width = max(16, int(image_width))
        self.result = Result()
        self.ref = {}
        self._pending_bodies = []

    # --- entry point ---------------------------------------------------------------------

    def run(self):
        parts = installed_parts()
        with translation.override("sl"), transaction.atomic():
            home_state = self.build_home()
            self.build_images()
            self.build_themes()
            # Created in menu order: about, the apps' listings, the national point, the
            # legal pages, contact. Standard pages get their bodies (which link to other
            # pages) once everything exists.
            self.build_standard_pages(["about"])
            for part in parts:
                if part.indexes:
                    part.indexes(self)
            self.build_standard_pages(["nup", "privacy", "accessibility"])
            self.build_contact_page()
            self.write_standard_bodies()
            for part in in_dependency_order(parts):
                part.content(self)
            self.finish_home(home_state)
            self.build_settings()
        return self.result

    # --- helpers -------------------------------------------------------------------------

    def image(self, key, title, description=ILLUSTRATION_ALT[0]):
        """A generated illustration, found by its title; also ref["image:<key>"]."""
        width = self.image_width
        height = round(width * 9 / 16)
        image, created = images.get_or_create_image(
            title=title,
            description=description,
            filename=f"ilustracija-{key}.png",
            draw=lambda: images.composition(key, width, height),
        )
        self.result.images += int(created)
        self.ref[f"image:{key}"] = image
        return image

    def upsert(self, parent, model, slug, create, fields, m2m=None, after_update=None):
        """Return the child of `parent` of type `model` with Slovene slug `slug`: created
        by `create()` when missing, rewritten with `fields`/`m2m` when self.reset."""
        page = model.objects.child_of(parent).filter(slug_sl=slug).first()
        if page is None:
            page = create()
            self.result.created += 1
            self.result.created_pages.append(page)
            return page
        if not self.reset:
            self.result.kept += 1
            return page
        self._rewrite(page, fields, m2m, after_update)
        return page

    def _rewrite(self, page, fields, m2m=None, after_update=None):
        for name, value in fields.items():
            if name in ("slug", "slug_en"):
                continue  # the stable key and the address stay
            setattr(page, name, value)
            if name == "title":
                page.title_sl = value
        for name, values in (m2m or {}).items():
            getattr(page, name).set(values)
        page.save()
        if after_update:
            after_update(page)
        page.save_revision().publish()
        self.result.updated += 1

    # --- home, images, themes ------------------------------------------------------------

    def build_home(self):
        """Return "new", "blank" (exists but nobody has written its texts yet, as
        ensure_home_page leaves it) or "existing"."""
        from urbact_portal.models import HomePage

        is_new = not HomePage.objects.exists()
        self.home = factories.ensure_home_page(
            title=texts.HOME["title"],
            title_en=texts.HOME["title_en"],
            hero_heading=texts.HOME["hero_heading"],
            hero_heading_en=texts.HOME["hero_heading_en"],
        )
        if is_new:
            self.result.created += 1
            self.result.created_pages.append(self.home)
            return "new"
        return "existing" if self.home.hero_intro_sl else "blank"

    def build_images(self):
        self.image("home", "Ilustracija – naslovnica")
        self.ref["logo"], created = images.get_or_create_image(
            title="Znak URBACT Slovenija (ilustracija)",
            description="URBACT Slovenija",
            filename="znak-urbact-slovenija.png",
            draw=lambda: images.logo(max(16, min(256, self.image_width // 4))),
        )
        self.result.images += int(created)

    def build_themes(self):
        from urbact_portal.models import Theme

        self.theme_by_slug = {}
        for slug, name, name_en in data.THEMES:
            theme = Theme.objects.filter(slug=slug).first()
            if theme is None:
                theme = factories.theme(name=name, slug=slug, name_en=name_en)
            elif self.reset:
                theme.name_sl, theme.name_en = name, name_en
                theme.save()
            self.theme_by_slug[slug] = theme

    def themes(self, slugs):
        """The demo themes with these slugs (urbact_portal/demo/data.py: THEMES)."""
        return [self.theme_by_slug[slug] for slug in slugs]

    # --- index pages, contact page, standard pages -----------------------------------------

    def index_page(self, key, model, factory, fields):
        """A content app's listing page under the home page, in the menu: a singleton, found
        by its type wherever an editor moved its slug. Also ref[key]."""
        fields = dict(fields, show_in_menus=True)
        page = model.objects.child_of(self.home).first()
        if page is None:
            page = factory(self.home, **fields)
            self.result.created += 1
            self.result.created_pages.append(page)
        elif self.reset:
            self._rewrite(page, fields)
        else:
            self.result.kept += 1
        self.ref[key] = page
        return page

    def build_contact_page(self):
        """The contact form page (a singleton, found by its type)."""
        from urbact_portal.contact.models import ContactPage

        page = ContactPage.objects.child_of(self.home).first()
        fields = dict(texts.CONTACT_PAGE)
        if page is None:
            page = contact_factories.contact_page(self.home, **fields)
            self.result.created += 1
            self.result.created_pages.append(page)
        elif self.reset:
            self._rewrite(page, fields)
        else:
            self.result.kept += 1
        self.ref["contact"] = page

    def build_standard_pages(self, keys):
        from urbact_portal.models import StandardPage

        specs = {spec["key"]: spec for spec in texts.STANDARD_PAGES}
        for key in keys:
            spec = specs[key]
            fields = {k: v for k, v in spec.items() if k not in ("key", "body")}
            page = self.upsert(
                self.home,
                StandardPage,
                spec["slug"],
                lambda fields=fields: factories.standard_page(self.home, **fields),
                fields,
            )
            self.ref[key] = page
            if self.reset or page in self.result.created_pages:
                self._pending_bodies.append((page, spec["body"]))

    def write_standard_bodies(self):
        for page, body in self._pending_bodies:
            page.body = body(self.ref, "sl")
            page.body_en = body(self.ref, "en")
            page.save()
            page.save_revision().publish()
        self._pending_bodies = []

    # --- home texts and site settings ---------------------------------------------------

    def finish_home(self, state):
        """Write the seed's texts on a new or blank home page, or on --reset."""
        if state == "existing" and not self.reset:
            self.result.kept += 1
            return
        fields = dict(texts.HOME)
        fields.update(
            hero_link=self.ref["about"],
            hero_image=self.ref["image:home"],
            nup_link=self.ref["nup"],
        )
        home = self.home.specific
        for name, value in fields.items():
            setattr(home, name, value)
        home.title_sl = fields["title"]
        home.save()
        home.save_revision().publish()
        self.home = home
        if state != "new":
            self.result.updated += 1

    def build_settings(self):
        """Site settings of the default site: blank fields are filled, --reset rewrites."""
        from urbact_portal.models import SiteSettings

        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        settings = SiteSettings.for_site(site)
        values = {
            "contact_person": texts.CONTACT_PERSON,
            "contact_role_sl": texts.CONTACT_ROLE[0],
            "contact_role_en": texts.CONTACT_ROLE[1],
            "contact_email": texts.EMAIL,
            "contact_phone": texts.PHONE,
            "organisation_name_sl": texts.ORGANISATION[0],
            "organisation_name_en": texts.ORGANISATION[1],
            "organisation_url": texts.ORGANISATION_URL,
            "footer_text_sl": texts.FOOTER[0],
            "footer_text_en": texts.FOOTER[1],
            "logo": self.ref["logo"],
            "privacy_page": self.ref["privacy"],
            "accessibility_page": self.ref["accessibility"],
        }
        for name, value in values.items():
            if self.reset or not getattr(settings, name):
                setattr(settings, name, value)
        settings.save()
