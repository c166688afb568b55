"""Link previews: Open Graph and Twitter tags on public pages, nothing on internal ones."""

import re

import pytest
import wagtail_factories

from tests.factories.stories import StoryPageFactory


pytestmark = pytest.mark.django_db


def _meta(html):
    """{property or name: [content, ...]} of the page's meta tags."""
    tags = {}
    for key, content in re.findall(
        r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', html
    ):
        tags.setdefault(key, []).append(content)
    return tags


@pytest.fixture
def public_story(story_index, story_index_en, locales):
    image = wagtail_factories.ImageFactory(file__width=1600, file__height=900)
    story = StoryPageFactory(
        parent=story_index,
        title="Planif devient open source",
        slug="planif",
        intro="Notre outil de planning est publié sous licence libre.",
        image=image,
        image_alt="Une grille de carrés bleus",
        is_public=True,
    )
    english = story.copy_for_translation(locales["en"])
    english.title, english.slug = "Planif goes open source", "planif"
    english.save_revision().publish()
    return story


def test_public_story_carries_complete_link_preview_tags(client, public_story):
    html = client.get(public_story.url).content.decode()
    meta = _meta(html)
    assert meta["og:type"] == ["article"]
    assert meta["og:title"] == ["Planif devient open source"]
    assert meta["og:description"] == [
        "Notre outil de planning est publié sous licence libre."
    ]
    assert meta["og:url"] == ["http://testserver/fr/histoires/planif/"]
    assert meta["og:locale"] == ["fr_FR"]
    assert meta["og:locale:alternate"] == ["en_GB"]
    assert meta["twitter:card"] == ["summary_large_image"]
    [image_url] = meta["og:image"]
    assert image_url.startswith("http://testserver/")
    assert image_url.endswith(".jpg")
    assert ".fill-1200x630" in image_url
    assert meta["og:image:width"] == ["1200"] and meta["og:image:height"] == ["630"]
    assert meta["og:image:alt"] == ["Une grille de carrés bleus"]
    assert (
        '<link rel="canonical" href="http://testserver/fr/histoires/planif/">' in html
    )
    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/en/stories/planif/">'
        in html
    )
    assert "noindex" not in html


def test_internal_story_has_no_preview_tags_and_noindex(
    client_for, employee, story_index
):
    story = StoryPageFactory(
        parent=story_index,
        title="Chiffres confidentiels",
        intro="Ne pas diffuser.",
        image=wagtail_factories.ImageFactory(),
        image_alt="Un graphique",
    )
    html = client_for(employee).get(story.url).content.decode()
    head = html.split("</head>")[0]
    assert '<meta name="robots" content="noindex">' in head
    assert "og:" not in head and "twitter:" not in head
    assert "Ne pas diffuser." not in head
    assert 'rel="canonical"' not in head


def test_internal_translation_is_not_offered_as_alternate(
    client, story_index, story_index_en, locales
):
    story = StoryPageFactory(parent=story_index, slug="publique", is_public=True)
    english = story.copy_for_translation(locales["en"])
    english.is_public = False
    english.save_revision().publish()
    html = client.get(story.url).content.decode()
    assert "og:locale:alternate" not in html
    assert 'hreflang="en"' not in html.split("</head>")[0]


def test_preview_tags_escape_editor_text(client, story_index):
    StoryPageFactory(
        parent=story_index,
        slug="echappe",
        title='Le "titre" <b>',
        intro="A & B <script>x</script>",
        is_public=True,
    )
    html = client.get("/fr/histoires/echappe/").content.decode()
    meta = _meta(html)
    assert meta["og:title"] == ["Le &quot;titre&quot; &lt;b&gt;"]
    assert meta["og:description"] == ["A &amp; B &lt;script&gt;x&lt;/script&gt;"]
