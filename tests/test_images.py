"""Images with care (issue 11, part 3): every image an editor places has an alternative text
(the page's own, else the image's description) or is marked decorative at that use, and crops
keep the image's focal point."""

import re
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.images.models import Filter, Rendition

from tests import factories
from tests.listing_helpers import html_of


def _detail_img_alt(html):
    figure = html.split('<figure class="detail__image"', 1)[1].split("</figure>", 1)[0]
    return re.search(r'<img [^>]*alt="([^"]*)"', figure).group(1)


def test_main_image_alt_text_description_or_decorative(site_tree, client):
    image = factories.image("Fotografija", description="Udeleženci delavnice v Idriji")
    own = factories.news_page(
        site_tree["news"], "Z opisom", image=image, image_alt="Delavnica v Idriji"
    )
    default = factories.news_page(site_tree["news"], "Brez opisa", image=image)
    decorative = factories.news_page(
        site_tree["news"], "Okrasna", image=image, image_decorative=True
    )
    assert _detail_img_alt(html_of(client.get(own.url))) == "Delavnica v Idriji"
    assert _detail_img_alt(html_of(client.get(default.url))) == "Udeleženci delavnice v Idriji"
    assert _detail_img_alt(html_of(client.get(decorative.url))) == ""
    assert decorative.get_image_alt() == ""


@pytest.mark.parametrize("kind", ["news", "practice", "event"])
def test_an_image_without_any_text_must_be_marked_decorative(site_tree, kind):
    image = factories.image("Brez opisa", description="")
    if kind == "news":
        page = factories.news_page(site_tree["news"], "Novica s sliko")
        page.image, alt_field, flag = image, "image_alt", "image_decorative"
    elif kind == "practice":
        page = factories.good_practice_page(site_tree["practices"], "Praksa s sliko")
        page.image, alt_field, flag = image, "image_alt", "image_decorative"
    else:
        index = factories.event_index(site_tree["home"])
        page = factories.event_page(index, "Dogodek s sliko")
        page.image, alt_field, flag = image, "image_alt", "image_decorative"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert alt_field in error.value.message_dict
    setattr(page, flag, True)
    page.full_clean()  # decorative: no text needed
    setattr(page, flag, False)
    setattr(page, alt_field, "Opis slike")
    page.full_clean()


def _two_halves_image(focal_right):
    """1600×500: the left half red, the right half blue; the focal point (if any) on the
    blue half."""
    picture = PILImage.new("RGB", (1600, 500), (220, 0, 0))
    picture.paste((0, 0, 220), (800, 0, 1600, 500))
    buffer = BytesIO()
    picture.save(buffer, "PNG")
    image = get_image_model().objects.create(
        title="Polovici", file=ImageFile(buffer, name="polovici.png"), description="Dve barvi"
    )
    if focal_right:
        image.focal_point_x, image.focal_point_y = 1400, 250
        image.focal_point_width, image.focal_point_height = 200, 200
        image.save()
    return image


def _card_rendition_colour(html):
    card = html.split('<div class="card__image">', 1)[1].split("</div>", 1)[0]
    src = re.search(r'<img [^>]*src="([^"]+)"', card).group(1)
    rendition = Rendition.objects.get(file=src.split("/media/", 1)[1])
    with rendition.file.open("rb") as handle:
        picture = PILImage.open(handle).convert("RGB")
        width, height = picture.size
        return [picture.getpixel((x, height // 2)) for x in (width // 5, width // 2, width - 3)]


def test_card_crops_keep_the_focal_point(site_tree, client):
    factories.news_page(site_tree["news"], "Žarišče", image=_two_halves_image(True))
    colours = _card_rendition_colour(html_of(client.get("/novice/")))
    # The 16:10 crop (800 of the 1600 pixels) moves towards the focal point on the blue half:
    # a fifth of the way in it is blue already (a centred crop would still be red there).
    at_a_fifth, middle, right = colours
    assert at_a_fifth[2] > 150 and middle[2] > 150 and right[2] > 150, colours


def test_card_crop_without_a_focal_point_is_centred(site_tree, client):
    factories.news_page(site_tree["news"], "Sredina", image=_two_halves_image(False))
    at_a_fifth, _middle, right = _card_rendition_colour(html_of(client.get("/novice/")))
    assert at_a_fifth[0] > 150 and right[2] > 150  # red on the left, blue on the right


@pytest.mark.django_db
def test_picture_tag_parses_its_filters_once_and_renders_as_wagtails():
    """{% picture %} (urbact_portal/templatetags/picture_tags.py) keeps the Filters of its
    specs between renders, for every image, with the same markup as Wagtail's own tag."""
    from django.template import Context, Template

    spec = 'format-{avif,webp,jpeg} fill-{400x250,800x500} sizes="22rem" alt=""'
    ours = Template("{% load picture_tags %}{% picture image " + spec + " %}")
    wagtails = Template("{% load wagtailimages_tags %}{% picture image " + spec + " %}")
    first, second = factories.image("Prva"), factories.image("Druga")
    node = next(n for n in ours.nodelist if hasattr(n, "get_filters"))
    filters = node.get_filters()
    assert len(filters) == 6
    assert [f.spec for f in filters] == Filter.expand_spec(node.filter_specs)
    for image in (first, second, first):
        html = ours.render(Context({"image": image}))
        assert html == wagtails.render(Context({"image": image}))
        assert html.count("<source") == 2 and 'sizes="22rem"' in html
        assert all(a is b for a, b in zip(node.get_filters(), filters, strict=True))
