"""Build the demo site through urbact_portal.factories, idempotently.

Every object is found by a stable key first: a page by its Slovene slug under its parent
(index pages and the contact page by their type, being singletons), a theme by its slug, an
image by its title. What is missing is created; what exists is left as editors made it,
unless `reset` is set, in which case its demo fields are written again and republished."""

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import translation
from wagtail.models import Site

from urbact_portal import factories

from . import data, images, texts
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
        with translation.override("sl"), transaction.atomic():
            home_state = self.build_home()
            self.build_images()
            self.build_themes()
            # Created in menu order: about, the listings, the national point, the legal
            # pages, contact. Standard pages get their bodies (which link to other pages)
            # once everything exists.
            self.build_standard_pages(["about"])
            self.build_indexes()
            self.build_standard_pages(["nup", "privacy", "accessibility"])
            self.build_contact_page()
            self.write_standard_bodies()
            self.build_cities()
            self.build_networks()
            self.build_practices()
            self.build_news()
            self.finish_home(home_state)
            self.build_settings()
        return self.result

    # --- helpers -------------------------------------------------------------------------

    def _image(self, key, title, description=ILLUSTRATION_ALT[0]):
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

    def _upsert(self, parent, model, slug, create, fields, m2m=None, after_update=None):
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
        self._image("home", "Ilustracija – naslovnica")
        self.ref["logo"], created = images.get_or_create_image(
            title="Znak URBACT Slovenija (ilustracija)",
            description="URBACT Slovenija",
            filename="znak-urbact-slovenija.png",
            draw=lambda: images.logo(max(16, min(256, self.image_width // 4))),
        )
        self.result.images += int(created)

    def build_themes(self):
        from urbact_portal.models import Theme

        self.themes = {}
        for slug, name, name_en in data.THEMES:
            theme = Theme.objects.filter(slug=slug).first()
            if theme is None:
                theme = factories.theme(name=name, slug=slug, name_en=name_en)
            elif self.reset:
                theme.name_sl, theme.name_en = name, name_en
                theme.save()
            self.themes[slug] = theme

    def _themes(self, slugs):
        return [self.themes[slug] for slug in slugs]

    # --- index pages, contact page, standard pages -----------------------------------------

    def build_indexes(self):
        from cities.models import CityIndexPage
        from networks.models import GoodPracticeIndexPage, NetworkIndexPage
        from news.models import NewsIndexPage

        kinds = [
            ("news", NewsIndexPage, factories.news_index),
            ("networks", NetworkIndexPage, factories.network_index),
            ("practices", GoodPracticeIndexPage, factories.good_practice_index),
            ("cities", CityIndexPage, factories.city_index),
        ]
        for key, model, factory in kinds:
            fields = dict(texts.INDEXES[key], show_in_menus=True)
            # Singletons: found by type, wherever an editor moved their slug.
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

    def build_contact_page(self):
        """The contact form page (a singleton, found by its type)."""
        from urbact_portal.contact.models import ContactPage

        page = ContactPage.objects.child_of(self.home).first()
        fields = dict(texts.CONTACT_PAGE)
        if page is None:
            page = factories.contact_page(self.home, **fields)
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
            page = self._upsert(
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

    # --- cities, networks, good practices, news ---------------------------------------------

    def build_cities(self):
        from cities.models import CityPage

        from .blocks import paragraph

        self.cities = {}
        for slug, name, region, lat, lon, website in data.CITIES:
            intro, intro_en = data.city_intro(slug, name)
            extra = data.city_body(slug)
            fields = {
                "title": name,
                "slug": slug,
                "region": region,
                "latitude": data.decimal(lat),
                "longitude": data.decimal(lon),
                "website": website,
                "intro": intro,
                "intro_en": intro_en,
                "body": [paragraph(sl) for sl, _en in extra],
                "body_en": [paragraph(en) for _sl, en in extra],
            }
            page = self._upsert(
                self.ref["cities"],
                CityPage,
                slug,
                lambda fields=fields: factories.city_page(self.ref["cities"], **fields),
                fields,
            )
            self.cities[slug] = page
            self.ref[f"city:{slug}"] = page

    def _partners(self, spec):
        partners = []
        for name, name_en, country in spec["partners"]:
            city = self.cities.get(name.lower()) if country == "SI" else None
            partners.append(
                {"city_name": name, "city_name_en": name_en, "country": country, "city_page": city}
            )
        return partners

    def build_networks(self):
        from networks.models import NetworkPage, NetworkPartner

        from .blocks import paragraph

        self.networks = {}
        for spec in data.NETWORKS:
            lead = spec["lead"]
            lead_page = self.cities.get(lead[0].lower()) if lead and lead[2] == "SI" else None
            logo = self._image(f"network-{spec['slug']}", f"Ilustracija – omrežje {spec['title']}")
            dates = spec["dates"]
            fields = {
                "title": spec["title"],
                "slug": spec["slug"],
                "network_type": spec["network_type"],
                "period": spec["period"],
                "start_year": spec["start_year"],
                "end_year": spec["end_year"],
                "summary": spec["summary"],
                "summary_en": spec["summary_en"],
                "lead_partner_city": lead[0] if lead else "",
                "lead_partner_city_en": lead[1] if lead else None,
                "lead_partner_country": lead[2] if lead else "",
                "lead_partner_page": lead_page,
                "logo": logo,
                "body": [paragraph(f"<p>{dates[0]}</p>")] if dates else [],
                "body_en": [paragraph(f"<p>{dates[1]}</p>")] if dates else [],
            }
            if spec.get("title_en"):
                fields["title_en"] = spec["title_en"]
            cities = [self.cities[slug] for slug in spec["cities"]]
            themes = self._themes(spec["themes"])
            partners = self._partners(spec)

            def replace_partners(page, partners=partners):
                NetworkPartner.objects.filter(network=page).delete()
                for order, partner in enumerate(partners):
                    NetworkPartner.objects.create(network=page, sort_order=order, **partner)

            page = self._upsert(
                self.ref["networks"],
                NetworkPage,
                spec["slug"],
                lambda fields=fields, cities=cities, themes=themes, partners=partners: (
                    factories.network_page(
                        self.ref["networks"],
                        cities=cities,
                        themes=themes,
                        partners=partners,
                        **fields,
                    )
                ),
                fields,
                m2m={"slovenian_cities": cities, "themes": themes},
                after_update=replace_partners,
            )
            self.networks[spec["slug"]] = page
            self.ref[f"network:{spec['slug']}"] = page

    def build_practices(self):
        from networks.models import GoodPracticePage

        for spec in data.GOOD_PRACTICES:
            key = spec["slug"]
            image = self._image(f"practice-{key}", f"Ilustracija – dobra praksa {spec['title']}")
            fields = {
                "title": spec["title"],
                "slug": key,
                "title_en": spec["title_en"],
                "slug_en": spec["slug_en"],
                "city_name": spec["city_name"],
                "country": spec["country"],
                "city_page": self.cities[spec["city"]],
                "related_network": self.networks[spec["network"]] if spec["network"] else None,
                "label_year": spec["label_year"],
                "summary": spec["summary"],
                "summary_en": spec["summary_en"],
                "image": image,
                "image_alt": ILLUSTRATION_ALT[0],
                "image_alt_en": ILLUSTRATION_ALT[1],
                "body": texts.practice_body(key, self.ref, "sl"),
                "body_en": texts.practice_body(key, self.ref, "en"),
            }
            themes = self._themes(spec["themes"])
            page = self._upsert(
                self.ref["practices"],
                GoodPracticePage,
                key,
                lambda fields=fields, themes=themes: factories.good_practice_page(
                    self.ref["practices"], themes=themes, **fields
                ),
                fields,
                m2m={"themes": themes},
            )
            self.ref[f"practice:{key}"] = page

    def build_news(self):
        from news.models import NewsPage

        for spec in texts.NEWS:
            key = spec["slug"]
            image = self._image(f"news-{key}", f"Ilustracija – novica {spec['title']}")
            if key == "pobuda-za-prenos-dobre-prakse-izkusnja-idrije":
                self._image("news-npti", "Ilustracija – prenos dobre prakse")
            translated = "title_en" in spec
            fields = {
                "title": spec["title"],
                "slug": key,
                "date": date.fromisoformat(spec["date"]),
                "intro": spec["intro"],
                "main_image": image,
                "main_image_alt": ILLUSTRATION_ALT[0],
                "body": texts.news_body(key, self.ref, "sl"),
            }
            if translated:
                fields.update(
                    title_en=spec["title_en"],
                    slug_en=spec["slug_en"],
                    intro_en=spec["intro_en"],
                    main_image_alt_en=ILLUSTRATION_ALT[1],
                    body_en=texts.news_body(key, self.ref, "en"),
                )
            themes = self._themes(spec["themes"])
            cities = [self.cities[slug] for slug in spec["cities"]]
            networks = [self.networks[slug] for slug in spec["networks"]]
            self._upsert(
                self.ref["news"],
                NewsPage,
                key,
                lambda fields=fields, themes=themes, cities=cities, networks=networks: (
                    factories.news_page(
                        self.ref["news"],
                        themes=themes,
                        cities=cities,
                        networks=networks,
                        **fields,
                    )
                ),
                fields,
                m2m={"themes": themes, "related_cities": cities, "related_networks": networks},
            )

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
