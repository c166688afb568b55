"""Reading stories: what an anonymous visitor and an employee get, and the story index."""

from datetime import date, timedelta

from django.test import Client
from django.utils import timezone

import pytest

from stories.models import ShareKit, StoryAuthor
from tests.factories.stories import StoryPageFactory, TopicFactory


pytestmark = pytest.mark.django_db

NASTY = "<script>alert(1)</script> \"Quotes\" & 'more'"


def test_anonymous_visitor_reads_a_public_story(client, story_index):
    story = StoryPageFactory(
        parent=story_index, title="Portes ouvertes", is_public=True
    )
    response = client.get(story.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Portes ouvertes</h1>" in html
    assert '<meta property="og:title" content="Portes ouvertes">' in html


def test_anonymous_visitor_of_an_internal_story_is_sent_to_login(client, story_index):
    story = StoryPageFactory(parent=story_index, slug="chiffres-internes")
    response = client.get(story.url)
    assert response.status_code == 302
    assert response["Location"] == "/fr/login/?next=/fr/histoires/chiffres-internes/"


def test_employee_reads_an_internal_story_marked_internal(
    client_for, employee, story_index
):
    story = StoryPageFactory(parent=story_index, title="Chiffres internes")
    response = client_for(employee).get(story.url)
    assert response.status_code == 200
    assert 'data-testid="story-internal"' in response.content.decode()


def test_draft_changes_of_a_public_story_are_never_shown(
    client, client_for, employee, story_index
):
    story = StoryPageFactory(parent=story_index, title="Version une", is_public=True)
    story.title = "Version deux"
    story.intro = "Texte du brouillon"
    story.save_revision()  # a draft, not published

    for reader in (client, client_for(employee)):
        html = reader.get(story.url).content.decode()
        assert "Version une" in html
        assert "Version deux" not in html and "Texte du brouillon" not in html


def test_unpublished_story_is_not_found(client, client_for, employee, story_index):
    story = StoryPageFactory(parent=story_index, is_public=True)
    story.unpublish()
    assert client.get(story.url).status_code == 404
    assert client_for(employee).get(story.url).status_code == 404


def test_never_published_draft_is_not_found(client_for, employee, story_index):
    story = StoryPageFactory(parent=story_index, live=False, slug="brouillon")
    assert client_for(employee).get("/fr/histoires/brouillon/").status_code == 404
    assert story.pk


def test_story_shows_date_topics_authors_and_hero_alt(
    client_for, employee, story_index
):
    import wagtail_factories

    topic = TopicFactory(name="Accessibilité")
    story = StoryPageFactory(
        parent=story_index,
        date=date(2026, 3, 9),
        topics=[topic],
        image=wagtail_factories.ImageFactory(),
        image_alt="Des arcs colorés",
        publish=False,
    )
    story.authors = [StoryAuthor(name="Léa Fontaine", role="Experte")]
    story.save_revision().publish()
    html = client_for(employee).get(story.url).content.decode()
    assert '<time datetime="2026-03-09"' in html
    assert "Accessibilité" in html
    assert "Léa Fontaine" in html and "(Experte)" in html
    assert 'alt="Des arcs colorés"' in html


def test_sensitive_story_shows_guidance_media_contact_and_a_referent(
    client, story_index, settings
):
    from wagtail.models import Site

    from home.models import ChorusSettings
    from tests.factories.referents import ReferentFactory

    # Shown to anonymous visitors because he agreed (tests/referents: otherwise not).
    ReferentFactory(name="Samir Haddad", appears_on_public_pages=True)

    chorus = ChorusSettings.for_site(Site.objects.get())
    chorus.media_contact_name = "Camille Rousseau"
    chorus.media_contact_email = "presse@chorus.example"
    chorus.save()
    story = StoryPageFactory(
        parent=story_index,
        is_public=True,
        is_sensitive=True,
        sensitive_guidance="<p>Ne citez aucun client.</p>",
    )
    html = client.get(story.url).content.decode()
    assert 'data-testid="story-sensitive"' in html
    assert "Ne citez aucun client." in html
    assert "Camille Rousseau" in html
    assert 'href="mailto:presse@chorus.example"' in html
    assert "Samir Haddad" in html


def test_story_text_typed_by_editors_is_escaped(client, story_index):
    story = StoryPageFactory(
        parent=story_index, title=NASTY, intro=NASTY, is_public=True
    )
    html = client.get(story.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt; &quot;Quotes&quot; &amp; &#x27;more&#x27;"
        in html
    )
    assert '<meta property="og:title" content="&lt;script&gt;' in html


# The story index (employees only).


def test_story_index_needs_login(client, story_index):
    response = client.get(story_index.url)
    assert response.status_code == 302


def _titles(response):
    return [story.title for story in response.context["stories"]]


def test_story_index_lists_newest_first(client_for, employee, story_index):
    today = date(2026, 11, 1)
    for days, title in ((3, "Moyenne"), (10, "Ancienne"), (0, "Récente")):
        StoryPageFactory(
            parent=story_index, title=title, date=today - timedelta(days=days)
        )
    response = client_for(employee).get(story_index.url)
    assert _titles(response) == ["Récente", "Moyenne", "Ancienne"]


def test_story_index_pagination_handles_bad_page_numbers(
    client_for, employee, story_index
):
    for n in range(14):
        StoryPageFactory(
            parent=story_index, title=f"Histoire {n:02}", date=date(2026, 1, n + 1)
        )
    client = client_for(employee)
    first = client.get(story_index.url)
    assert len(_titles(first)) == 12
    assert 'rel="next"' in first.content.decode()
    second = client.get(story_index.url + "?page=2")
    assert _titles(second) == ["Histoire 01", "Histoire 00"]
    assert _titles(client.get(story_index.url + "?page=abc")) == _titles(first)
    assert _titles(client.get(story_index.url + "?page=999")) == _titles(second)


def test_story_index_filters_by_topic_and_keeps_it_in_page_links(
    client_for, employee, story_index
):
    garden = TopicFactory(name="Jardin", slug="jardin")
    for n in range(13):
        StoryPageFactory(parent=story_index, title=f"Jardin {n}", topics=[garden])
    StoryPageFactory(parent=story_index, title="Sans sujet")
    client = client_for(employee)
    response = client.get(story_index.url + "?topic=jardin")
    titles = _titles(response)
    assert len(titles) == 12 and "Sans sujet" not in titles
    assert "?topic=jardin&amp;page=2" in response.content.decode()

    unknown = client.get(story_index.url + "?topic=nothing-here")
    assert _titles(unknown) == []
    assert 'data-testid="unknown-topic"' in unknown.content.decode()


def test_story_index_filters_stories_shareable_now(client_for, employee, story_index):
    now = timezone.now()
    open_kit = StoryPageFactory(parent=story_index, title="Ouvert", is_public=True)
    embargoed = StoryPageFactory(
        parent=story_index, title="Sous embargo", is_public=True
    )
    expired = StoryPageFactory(parent=story_index, title="Expiré", is_public=True)
    draft_kit = StoryPageFactory(
        parent=story_index, title="Kit brouillon", is_public=True
    )
    internal = StoryPageFactory(parent=story_index, title="Interne")
    StoryPageFactory(parent=story_index, title="Sans kit", is_public=True)
    for page, live, start, end in (
        (open_kit, True, now - timedelta(days=1), None),
        (embargoed, True, now + timedelta(days=1), None),
        (expired, True, None, now - timedelta(hours=1)),
        (draft_kit, False, None, None),
        (internal, True, None, None),
    ):
        ShareKit.objects.create(
            title=page.title,
            page=page,
            live=live,
            shareable_from=start,
            shareable_until=end,
        )
    response = client_for(employee).get(story_index.url + "?shareable=1")
    assert _titles(response) == ["Ouvert"]


def test_author_links_to_their_spotlight_only_when_the_reader_may_open_it(
    client, client_for, employee, home_page, story_index
):
    from stories.models import SpotlightIndexPage, SpotlightPage

    spotlights = home_page.add_child(
        instance=SpotlightIndexPage(title="Ambassadeurs", slug="ambassadeurs")
    )
    internal = spotlights.add_child(
        instance=SpotlightPage(title="Léa", slug="lea", role="Dev", bio="<p>Bio</p>")
    )
    internal.save_revision().publish()
    story = StoryPageFactory(parent=story_index, is_public=True, publish=False)
    story.authors = [StoryAuthor(name="Léa Fontaine", spotlight=internal)]
    story.save_revision().publish()

    assert 'href="/fr/ambassadeurs/lea/"' not in client.get(story.url).content.decode()
    assert (
        'href="/fr/ambassadeurs/lea/"'
        in client_for(employee).get(story.url).content.decode()
    )

    internal.is_public = True
    internal.save_revision().publish()
    anonymous = Client()  # client_for() logged the shared test client in
    assert 'href="/fr/ambassadeurs/lea/"' in anonymous.get(story.url).content.decode()
