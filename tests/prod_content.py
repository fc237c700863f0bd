"""Content for the production-stack tests, made inside the stack's own environment:
`python manage.py shell -c "from tests.prod_content import build; build()"` prints JSON."""

import json

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import translation

from tests import factories

EDITOR = ("urednica", "varno-geslo-za-preizkus-produkcije-1")


def build():
    from wagtail.documents import get_document_model

    Document = get_document_model()

    home = factories.ensure_home_page()
    news_index = factories.news_index(home)
    photo = factories.image("Delavnica v Idriji", size=(1200, 800))
    document = Document.objects.create(
        title="Poročilo 2026",
        file=ContentFile(b"%PDF-1.4\n% URBACT report\n", name="porocilo-2026.pdf"),
    )
    news = factories.news_page(
        news_index,
        title="Mreže URBACT v Sloveniji",
        image=photo,
        body=[
            ("paragraph", "<p>Slovenska mesta v mrežah URBACT.</p>"),
            ("document", {"document": document, "title": "Poročilo 2026"}),
        ],
    )
    contact = factories.contact_page(home)
    with translation.override("en"):
        news_index_en = news_index.url
    user_model = get_user_model()
    if not user_model.objects.filter(username=EDITOR[0]).exists():
        user_model.objects.create_superuser(EDITOR[0], "urednica@example.si", EDITOR[1])
    print(
        json.dumps(
            {
                "home": home.url,
                "news": news.url,
                "news_id": news.pk,
                "news_index": news_index.url,
                "news_index_en": news_index_en,
                "contact": contact.url,
                "document": document.url,
                "document_file": document.file.name,
                "image_original": photo.file.name,
            }
        )
    )
