"""`{% picture %}`: Wagtail's tag, with its filters parsed once per template node.

Wagtail's node builds a new `Filter` for every spec on every render, and a `Filter` parses its
spec (with `inspect` signatures) again for each image: a card grid of twelve pictures with
six renditions each spent a fifth of a listing's rendering on it. The specs of a node never
change, so this node keeps its filters. Same syntax and output as Wagtail's tag."""

from django import template
from wagtail.images.templatetags.wagtailimages_tags import PictureNode
from wagtail.images.templatetags.wagtailimages_tags import image as parse_image_tag

register = template.Library()


class ParsedPictureNode(PictureNode):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._filters = super().get_filters()  # once, when the template is compiled

    def get_filters(self):
        return self._filters


@register.tag("picture")
def picture(parser, token):
    node = parse_image_tag(parser, token)
    return ParsedPictureNode(
        node.image_expr, node.filter_specs, output_var_name=node.output_var_name, attrs=node.attrs
    )
