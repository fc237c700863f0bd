from urbact_portal import factories


def test_tree_urls_in_both_languages(site_tree, client):
    from django.utils import translation

    news = factories.news_page(site_tree["news"], title="Prva novica", title_en="First news")
    with translation.override("sl"):
        assert news.url == "/novice/prva-novica/"
    with translation.override("en"):
        assert news.url == "/en/news/first-news/"
    assert news.title_sl == "Prva novica"
