"""Summaries are cut at a word boundary with an ellipsis (urbact_portal/text.py and the
`shorten` template filter the cards use)."""

import pytest
from django.template import Context, Template

from tests import factories
from tests.listing_helpers import html_of
from urbact_portal.text import shorten

SENTENCE = "Mesta sodelujejo v omrežjih programa URBACT in si izmenjujejo dobre prakse."


@pytest.mark.parametrize("limit", range(8, len(SENTENCE) + 5))
def test_shorten_ends_on_a_whole_word_with_an_ellipsis(limit):
    result = shorten(SENTENCE, limit)
    assert len(result) <= limit
    if len(SENTENCE) <= limit:
        assert result == SENTENCE
        return
    assert result.endswith("…")
    head = result[:-1]
    # A prefix of the text that stops right before a space or punctuation: whole words only.
    assert SENTENCE.startswith(head)
    assert SENTENCE[len(head)] in " ,."
    assert head == head.rstrip(" ,")


def test_shorten_examples():
    assert shorten("Ena dva tri štiri", 12) == "Ena dva tri…"
    assert shorten("Ena dva tri štiri", 11) == "Ena dva…"
    assert shorten("Mesta, vasi in trgi", 8) == "Mesta…"  # no dangling comma
    assert shorten("  Presledki   in\nvrstice  ", 50) == "Presledki in vrstice"
    assert shorten("Nadzemnovoznaprometnica", 10) == "Nadzemnov…"  # one long word
    assert shorten("", 10) == ""
    assert shorten(None, 10) == ""


def test_filter_in_a_template():
    template = Template("{% load site_tags %}{{ text|shorten:20 }}|{{ text|shorten:'x' }}")
    rendered = template.render(Context({"text": SENTENCE}))
    assert rendered == f"Mesta sodelujejo v…|{SENTENCE}"


def test_card_summaries_end_on_a_word(site_tree, client):
    long_intro = (
        "Nacionalna točka URBACT obvešča slovenska mesta o razpisih, dogodkih in "
        "dobrih praksah programa URBACT ter jim pomaga pri pripravi prijav v omrežja, "
        "kjer sodelujejo z drugimi evropskimi mesti."
    )
    assert len(long_intro) > 160
    factories.news_page(site_tree["news"], "Dolga novica", intro=long_intro)
    html = html_of(client.get("/novice/"))
    summary = html.split('<p class="card__summary">', 1)[1].split("</p>", 1)[0]
    assert summary.endswith("…")
    assert len(summary) <= 160
    assert long_intro.startswith(summary[:-1])
    assert long_intro[len(summary) - 1] == " "
    # The meta description of the page is cut the same way.
    page_html = html_of(client.get("/novice/dolga-novica/"))
    description = page_html.split('<meta name="description" content="', 1)[1].split('"', 1)[0]
    assert description.endswith("…") and long_intro[len(description) - 1] == " "
