"""The shared StreamField vocabulary for body content on every page type."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]

VIDEO_PATTERNS = [
    # (provider, regex with the video id as group "id", embed URL template)
    (
        "youtube",
        re.compile(
            r"^https://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:.*&)?v=|embed/|shorts/)|youtu\.be/)"
            r"(?P<id>[A-Za-z0-9_-]{6,20})"
        ),
        "https://www.youtube-nocookie.com/embed/{id}?autoplay=1",
    ),
    (
        "vimeo",
        re.compile(r"^https://(?:www\.)?vimeo\.com/(?:video/)?(?P<id>\d{4,12})"),
        "https://player.vimeo.com/video/{id}?dnt=1&autoplay=1",
    ),
]


def parse_video_url(url: str):
    """Return (provider, embed_url) for a supported video URL, or None."""
    for provider, pattern, template in VIDEO_PATTERNS:
        match = pattern.match(url or "")
        if match:
            return provider, template.format(id=match.group("id"))
    return None


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        description = _("A section heading inside the text.")
        template = "components/streamfield/heading_block.html"
        preview_value = {"text": "URBACT v Sloveniji", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("Author or source"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Image")
        description = _("An image with alternative text and an optional caption.")
        template = "components/streamfield/image_block.html"


# Wagtail's ImageBlock labels its chooser "Image", made from the child's name and never
# translated; the Slovene editor reads "Slika" (labels are not part of the migrations).
CaptionedImageBlock.base_blocks["image"].child_blocks["image"].label = _("Image")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=1000)
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        description = _("A highlighted quotation with its author.")
        template = "components/streamfield/quote_block.html"
        preview_value = {
            "quote": "Mesta se najhitreje učijo druga od druge.",
            "attribution": "URBACT",
        }


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video. Nothing is loaded from the provider until the visitor
    asks for it, so public pages make no third-party requests."""

    url = blocks.URLBlock(
        label=_("Video address"),
        help_text=_("A YouTube or Vimeo address, e.g. https://www.youtube.com/watch?v=…"),
    )
    title = blocks.CharBlock(
        label=_("Video title"),
        max_length=200,
        help_text=_("Describes the video for visitors and screen readers."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        icon = "media"
        label = _("Video")
        description = _("A YouTube or Vimeo video that loads only when the visitor clicks play.")
        template = "components/streamfield/video_block.html"

    def clean(self, value):
        result = super().clean(value)
        if not parse_video_url(result.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Only YouTube and Vimeo addresses (https://…) are supported.")
                    )
                }
            )
        return result

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        parsed = parse_video_url(value.get("url"))
        context["provider"], context["embed_url"] = parsed if parsed else (None, None)
        return context


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        description = _("A downloadable document with its type and size.")
        template = "components/streamfield/document_block.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=600)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page on this site"), required=False)
    url = blocks.URLBlock(label=_("Or an external address"), required=False)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        description = _("A highlighted box with a button that leads to a page or an address.")
        template = "components/streamfield/cta_block.html"
        preview_value = {
            "heading": "Prijavite se na razpis",
            "text": "Mesta lahko oddajo prijavo do konca meseca.",
            "button_label": "Več o razpisu",
            "url": "https://urbact.eu/",
        }

    def clean(self, value):
        result = super().clean(value)
        if not result.get("page") and not result.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page or enter an address."))}
            )
        return result


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        description=_("Text with links, lists and emphasis."),
        template="components/streamfield/paragraph_block.html",
        preview_value="<p>Program URBACT povezuje mesta, da se učijo druga od druge.</p>",
    )
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    document = DocumentBlock()
    call_to_action = CallToActionBlock()

    class Meta:
        block_counts = {}
