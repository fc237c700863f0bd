"""networks/migrations/0003_participants.py on data of the schema before it: a network's lead
partner page, its Slovenian partner rows and its checked cities become ordered participants
(lead first, no city twice), the partners from abroad stay, the lead partner fields for one from
abroad are emptied, and the network's saved revisions carry the same participants. Backwards,
the checkboxes and the lead partner page come back."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = [
    # Migrations change the schema: a transactional test, and Wagtail's root page and
    # default site put back for the tests that follow.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BEFORE = [("networks", "0002_initial")]
AFTER = [("networks", "0003_participants")]


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def leaf():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


class Tree:
    """Pages made with the historical models (no treebeard): enough for the migration, which
    reads the networks' own rows and revisions."""

    def __init__(self, apps):
        self.apps = apps
        self.locale = apps.get_model("wagtailcore", "Locale").objects.first()
        self.number = 0

    def page(self, app_label, model_name, title, **fields):
        ContentType = self.apps.get_model("contenttypes", "ContentType")
        content_type, _created = ContentType.objects.get_or_create(
            app_label=app_label, model=model_name.lower()
        )
        self.number += 1
        slug = f"{model_name.lower()}-{self.number}"
        return self.apps.get_model(app_label, model_name).objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            path=f"00019{self.number:03d}",
            depth=2,
            url_path=f"/{slug}/",
            content_type=content_type,
            locale=self.locale,
            live=True,
            **fields,
        )


def network_fields(**fields):
    return {
        "network_type": "action_planning",
        "period": "urbact_iii",
        "start_year": 2015,
        "end_year": 2018,
        "summary": "Povzetek.",
        "summary_sl": "Povzetek.",
        **fields,
    }


def test_0003_carries_lead_partners_rows_and_cities_over_and_back():
    try:
        old = migrate(BEFORE)
        tree = Tree(old)
        kranj = tree.page("cities", "CityPage", "Kranj", region="gorenjska")
        idrija = tree.page("cities", "CityPage", "Idrija", region="goriska")
        ptuj = tree.page("cities", "CityPage", "Ptuj", region="podravska")
        led = tree.page(
            "networks",
            "NetworkPage",
            "Omrežje z vodilno Idrijo",
            **network_fields(
                lead_partner_page=idrija,
                lead_partner_city="Idrija",
                lead_partner_city_sl="Idrija",
                lead_partner_country="SI",
            ),
        )
        Checked = old.get_model("networks", "NetworkPage").slovenian_cities.through
        for city in (ptuj, kranj, idrija):
            Checked.objects.create(networkpage_id=led.pk, citypage_id=city.pk)
        Partner = old.get_model("networks", "NetworkPartner")
        from_kranj = Partner.objects.create(
            network=led, sort_order=0, city_name="Kranj", city_page=kranj
        )
        from_gent = Partner.objects.create(
            network=led, sort_order=1, city_name="Gent", country="BE"
        )
        abroad = tree.page(
            "networks",
            "NetworkPage",
            "Omrežje z vodilnim Gentom",
            **network_fields(lead_partner_city="Gent", lead_partner_country="BE"),
        )
        Checked.objects.create(networkpage_id=abroad.pk, citypage_id=ptuj.pk)
        Revision = old.get_model("wagtailcore", "Revision")
        content_type = old.get_model("contenttypes", "ContentType").objects.get(
            app_label="networks", model="networkpage"
        )
        revision = Revision.objects.create(
            content_type=content_type,
            base_content_type=content_type,
            object_id=str(led.pk),
            created_at=timezone.now(),
            content={
                "pk": led.pk,
                "title": led.title,
                "slovenian_cities": [ptuj.pk, kranj.pk, idrija.pk],
                "lead_partner_page": idrija.pk,
                "lead_partner_city": "Idrija",
                "partners": [
                    {"pk": from_kranj.pk, "city_name": "Kranj", "city_page": kranj.pk},
                    {"pk": from_gent.pk, "city_name": "Gent", "city_page": None},
                ],
            },
        )
        moved_partner = from_kranj.pk

        new = migrate(AFTER)
        Participant = new.get_model("networks", "NetworkParticipant")
        rows = [
            (row.city_page_id, row.role)
            for row in Participant.objects.filter(network_id=led.pk).order_by("sort_order")
        ]
        # The lead partner's page first, then the Slovenian partner rows, then the other
        # checked cities by title; each city once.
        assert rows == [(idrija.pk, "lead"), (kranj.pk, "partner"), (ptuj.pk, "partner")]
        assert [
            (row.city_page_id, row.role) for row in Participant.objects.filter(network_id=abroad.pk)
        ] == [(ptuj.pk, "partner")]
        NewPartner = new.get_model("networks", "NetworkPartner")
        assert list(
            NewPartner.objects.filter(network_id=led.pk).values_list("city_name", flat=True)
        ) == ["Gent"]
        NewNetwork = new.get_model("networks", "NetworkPage")
        led_after = NewNetwork.objects.get(pk=led.pk)
        assert (led_after.lead_partner_city, led_after.lead_partner_country) == ("", "")
        abroad_after = NewNetwork.objects.get(pk=abroad.pk)
        assert (abroad_after.lead_partner_city, abroad_after.lead_partner_country) == ("Gent", "BE")
        content = new.get_model("wagtailcore", "Revision").objects.get(pk=revision.pk).content
        assert [(row["city_page"], row["role"]) for row in content["participants"]] == rows
        assert [row["city_name"] for row in content["partners"]] == ["Gent"]
        assert moved_partner not in [row["pk"] for row in content["partners"]]
        assert "slovenian_cities" not in content and "lead_partner_page" not in content
        assert content["lead_partner_city"] == ""

        back = migrate(BEFORE)
        OldNetwork = back.get_model("networks", "NetworkPage")
        led_back = OldNetwork.objects.get(pk=led.pk)
        assert led_back.lead_partner_page_id == idrija.pk
        assert set(led_back.slovenian_cities.values_list("pk", flat=True)) == {
            idrija.pk,
            kranj.pk,
            ptuj.pk,
        }
    finally:
        migrate(leaf())
