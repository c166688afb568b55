"""Issue 13: invalidation touches only what changed (home.cache).

Each test warms three pages (a story and the home page for an employee, a public story for
an anonymous visitor), does one thing as a person would, through its view, and checks that
each page still costs what a page served from the cache costs. The controls at the end
check that the same measure sees a page go cold when something it shows is published.
"""

from unittest.mock import ANY

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from guides.models import GuidePage
from home.cache import bump_content_version, content_version, versioned_get
from home.models import StagePreference
from referents.models import AmbassadorProfile, ReferentIndexPage
from stories.models import Comment, ShareKit, Topic
from tests.factories.guides import GuideIndexPageFactory, GuidePageFactory
from tests.factories.referents import (
    ReferentFactory,
    SpotlightIndexPageFactory,
    SpotlightPageFactory,
)
from tests.factories.stories import ShareKitFactory, TopicFactory
from tests.stories.test_page_tree import story_form_data


pytestmark = pytest.mark.django_db


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


class WarmPages:
    """Pages requested until they come from the cache, and what each then costs."""

    def __init__(self, django_assert_num_queries, **pages):
        self.assert_num_queries = django_assert_num_queries
        self.pages = pages  # name: (client, url)
        self.cost = {}

    def warm(self):
        for name, (client, url) in self.pages.items():
            client.get(url)  # creates the site settings rows on first use
            client.get(url)
            self.cost[name] = queries_for(client, url)
        return self

    def assert_still_warm(self):
        for name, (client, url) in self.pages.items():
            with self.assert_num_queries(self.cost[name]):
                assert client.get(url).status_code == 200, name

    def cold(self):
        """The pages that cost more than when they were warm."""
        return {
            name
            for name, (client, url) in self.pages.items()
            if queries_for(client, url) > self.cost[name]
        }

    def html(self, name):
        client, url = self.pages[name]
        return client.get(url).content.decode()


@pytest.fixture
def reader(employee):
    """The employee who reads the warm pages (someone else does the thing)."""
    return logged_in(employee)


@pytest.fixture
def warm(
    page_cache,
    home_page,
    public_story,
    internal_story,
    reader,
    django_assert_num_queries,
):
    return WarmPages(
        django_assert_num_queries,
        employee_story=(reader, internal_story.url),
        employee_home=(reader, home_page.url),
        anonymous_story=(Client(), public_story.url),
    )


@pytest.fixture
def kit(public_story):
    return ShareKitFactory(
        page=public_story, title="Kit atelier", texts=[("x", "Venez voir l'atelier.")]
    )


# What a person does for themselves


def test_a_share_leaves_every_page_warm(warm, kit, client_for, ambassador):
    warm.warm()
    with translation.override("fr"):
        url = reverse("stories:share", kwargs={"kit_id": kit.pk})
    response = logged_in(ambassador).post(
        url, {"network": "x", "text": "Venez voir l'atelier.", "original": ""}
    )
    assert response.status_code == 303
    warm.assert_still_warm()


def test_a_stage_chosen_leaves_every_page_warm(warm, editor):
    warm.warm()
    response = logged_in(editor).post(reverse("stage_picker"), {"stage": "listen"})
    assert response.status_code == 302
    assert StagePreference.objects.get(user=editor).stage == "listen"
    warm.assert_still_warm()


def test_a_comment_leaves_the_other_pages_warm(warm, public_story, editor):
    warm.warm()
    response = logged_in(editor).post(
        reverse("stories:post_comment", args=[public_story.pk]),
        {"text": "Bravo à toute l'équipe !"},
    )
    assert response.status_code == 302
    assert Comment.objects.filter(page=public_story).exists()
    # The story commented on is the anonymous one: visitors never see comments.
    warm.assert_still_warm()


# The ambassador programme


@pytest.fixture
def spotlight_index(home_page, roles):
    return SpotlightIndexPageFactory(parent=home_page)


def test_joining_and_leaving_the_programme_leave_every_page_warm(warm, editor):
    warm.warm()
    client = logged_in(editor)
    assert client.post(reverse("referents:join")).status_code == 302
    assert AmbassadorProfile.objects.filter(user=editor).exists()
    warm.assert_still_warm()
    response = client.post(
        reverse("referents:profile"), {"linkedin_url": "https://linkedin.example/ed"}
    )
    assert response.status_code == 302
    warm.assert_still_warm()
    response = client.post(reverse("referents:leave"), {"spotlight": "keep"})
    assert response.status_code == 302
    assert not AmbassadorProfile.objects.filter(user=editor).exists()
    warm.assert_still_warm()


def test_profile_links_change_the_owner_s_live_spotlight_at_once(
    page_cache, spotlight_index, ambassador, reader
):
    """Control: a live spotlight shows its owner's links, so changing them makes it cold."""
    spotlight = SpotlightPageFactory(
        parent=spotlight_index, owner=ambassador, title="Awa", slug="awa"
    )
    AmbassadorProfile.objects.create(user=ambassador)
    reader.get(spotlight.url)
    assert (
        'data-testid="spotlight-links"'
        not in reader.get(spotlight.url).content.decode()
    )
    response = logged_in(ambassador).post(
        reverse("referents:profile"), {"mastodon_url": "https://mastodon.example/@awa"}
    )
    assert response.status_code == 302
    assert "https://mastodon.example/@awa" in reader.get(spotlight.url).content.decode()
    logged_in(ambassador).post(reverse("referents:leave"), {"spotlight": "keep"})
    assert "https://mastodon.example/@awa" not in (
        reader.get(spotlight.url).content.decode()
    )


# Drafts, in the admin


def kit_form_data(kit, **fields):
    text = kit.texts.get()
    return nested_form_data(
        {
            "title": kit.title,
            "page": kit.page_id,
            "locale": kit.locale_id,
            "hashtags": kit.hashtags,
            "shareable_from": "",
            "shareable_until": "",
            "guidance": kit.guidance,
            "texts": inline_formset(
                [
                    {
                        "id": text.pk,
                        "network": text.network,
                        "angle": text.angle,
                        "text": text.text,
                    }
                ],
                initial=1,
            ),
            **fields,
        }
    )


def test_a_share_kit_draft_leaves_every_page_warm(warm, kit, editor):
    warm.warm()
    client = logged_in(editor)
    response = client.post(
        reverse("wagtailsnippets_stories_sharekit:edit", args=[kit.pk]),
        kit_form_data(kit, title="Kit atelier, brouillon", hashtags="#brouillon"),
    )
    assert response.status_code == 302
    kit.refresh_from_db()
    assert kit.live and kit.has_unpublished_changes
    warm.assert_still_warm()

    # A new kit saved as a draft, with its texts: nothing readers see either.
    response = client.post(
        reverse("wagtailsnippets_stories_sharekit:add"),
        nested_form_data(
            {
                "title": "Autre kit",
                "page": kit.page_id,
                "locale": kit.locale_id,
                "hashtags": "",
                "shareable_from": "",
                "shareable_until": "",
                "guidance": "",
                "texts": inline_formset(
                    [{"network": "linkedin", "angle": "", "text": "Un brouillon."}]
                ),
            }
        ),
    )
    assert response.status_code == 302
    assert ShareKit.objects.get(title="Autre kit").live is False
    warm.assert_still_warm()


def test_a_published_share_kit_shows_at_once(warm, kit, editor):
    """Control: publishing the kit's draft makes the pages that offer it cold."""
    warm.warm()
    assert "#atelier" not in warm.html("employee_home")
    response = logged_in(editor).post(
        reverse("wagtailsnippets_stories_sharekit:edit", args=[kit.pk]),
        kit_form_data(kit, hashtags="#atelier") | {"action-publish": "action-publish"},
    )
    assert response.status_code == 302
    assert ShareKit.objects.get(pk=kit.pk).hashtags == "#atelier"
    assert "employee_home" in warm.cold()


def test_a_page_draft_leaves_every_page_warm(warm, public_story, editor):
    warm.warm()
    response = logged_in(editor).post(
        reverse("wagtailadmin_pages:edit", args=[public_story.pk]),
        story_form_data(
            title="Un titre en brouillon", slug=public_story.slug, date="2026-01-05"
        ),
    )
    assert response.status_code == 302
    public_story.refresh_from_db()
    assert public_story.has_unpublished_changes
    warm.assert_still_warm()
    assert "Un titre en brouillon" not in warm.html("anonymous_story")


def referent_form_data(referent, **fields):
    return {
        "name": referent.name,
        "role": referent.role,
        "team": referent.team,
        "photo": "",
        "photo_alt": "",
        "email": referent.email,
        "languages": referent.languages,
        "bio": referent.bio,
        "user": "",
        **fields,
    }


def test_a_referent_draft_leaves_every_page_warm(warm, editor, locales):
    referent = ReferentFactory(name="Nadia", locale=locales["fr"])
    warm.warm()
    response = logged_in(editor).post(
        reverse("wagtailsnippets_referents_referent:edit", args=[referent.pk]),
        referent_form_data(referent, role="Brouillon"),
    )
    assert response.status_code == 302
    referent.refresh_from_db()
    assert referent.live and referent.role != "Brouillon"
    warm.assert_still_warm()


# Content without drafts


def test_a_topic_saved_unchanged_leaves_every_page_warm(warm, editor, locales):
    topic = TopicFactory(name="Rail", slug="rail", locale=locales["fr"])
    warm.warm()
    response = logged_in(editor).post(
        reverse("wagtailsnippets_stories_topic:edit", args=[topic.pk]),
        {"name": "Rail", "slug": "rail"},
    )
    assert response.status_code == 302
    warm.assert_still_warm()


def test_a_topic_renamed_shows_at_once(
    page_cache, story_index, editor, reader, locales
):
    """Control: a topic changed is shown at once in the story index's filter."""
    topic = TopicFactory(name="Rail", slug="rail", locale=locales["fr"])
    reader.get(story_index.url)
    assert "Rail" in reader.get(story_index.url).content.decode()
    logged_in(editor).post(
        reverse("wagtailsnippets_stories_topic:edit", args=[topic.pk]),
        {"name": "Ferroviaire", "slug": "rail"},
    )
    assert Topic.objects.get(pk=topic.pk).name == "Ferroviaire"
    assert "Ferroviaire" in reader.get(story_index.url).content.decode()


# Control: a publish makes cold what shows it


def test_a_published_story_shows_at_once(warm, internal_story, public_story, editor):
    warm.warm()
    internal_story.title = "Budget talks, now decided"
    internal_story.save_revision(user=editor).publish(user=editor)
    assert {"employee_story", "employee_home"} <= warm.cold()
    assert "Budget talks, now decided" in warm.html("employee_story")
    assert "Budget talks, now decided" in warm.html("employee_home")


@pytest.fixture
def pages_without_stories(home_page, roles, ambassador, reader):
    """The guide and spotlight indexes, a guide, a spotlight and the referents'
    directory, read by the employee; the public guide also by a visitor."""
    guide_index = GuideIndexPageFactory(parent=home_page)
    guide = GuidePageFactory(parent=guide_index, title="Writing well", is_public=True)
    spotlight_index = SpotlightIndexPageFactory(parent=home_page)
    spotlight = SpotlightPageFactory(parent=spotlight_index, owner=ambassador)
    directory = ReferentIndexPage(title="Référents", slug="referents")
    home_page.add_child(instance=directory)
    directory.save_revision().publish()
    ReferentFactory(name="Nadia")
    return {
        "employee_guide_index": (reader, guide_index.url),
        "employee_guide": (reader, guide.url),
        "anonymous_guide": (Client(), guide.url),
        "employee_spotlight_index": (reader, spotlight_index.url),
        "employee_spotlight": (reader, spotlight.url),
        "employee_referents": (reader, directory.url),
    }


def test_a_story_published_leaves_the_pages_that_list_no_story_warm(
    warm,
    pages_without_stories,
    story_index,
    internal_story,
    reader,
    editor,
    django_assert_num_queries,
):
    listing = WarmPages(
        django_assert_num_queries,
        **pages_without_stories,
        employee_index=(reader, story_index.url),
    )
    # Warm everything, then publish: what shows the story goes cold, the rest stays warm.
    warm.warm()
    listing.warm()
    internal_story.title = "Budget talks, decided"
    internal_story.save_revision(user=editor).publish(user=editor)
    assert warm.cold() >= {"employee_story", "employee_home"}
    assert listing.cold() == {"employee_index"}
    assert "Budget talks, decided" in listing.html("employee_index")
    # Unpublished: gone from the lists at once, the other pages still warm.
    warm.warm()
    listing.warm()
    internal_story.unpublish(user=editor)
    assert listing.cold() == {"employee_index"}
    assert "Budget talks" not in listing.html("employee_index")
    assert "Budget talks" not in warm.html("employee_home")


def test_a_story_published_leaves_the_rest_of_the_home_page_warm(
    page_cache, home_page, pages_without_stories, internal_story, reader, editor
):
    """The home page lists stories, so it is rendered again, but its parts that show no
    story (the reader's referent, their guides, the spotlight of the week, the quiet
    periods) come from the cache: nothing of theirs is read again."""
    for _ in range(2):
        html = reader.get(home_page.url).content.decode()
    assert (
        "Nadia" in html and "Writing well" in html
    )  # a referent and a guide are shown
    internal_story.title = "Budget talks, decided"
    internal_story.save_revision(user=editor).publish(user=editor)
    with CaptureQueriesContext(connection) as queries:
        html = reader.get(home_page.url).content.decode()
    assert "Budget talks, decided" in html and "Nadia" in html
    read = " ".join(query["sql"] for query in queries.captured_queries)
    for table in (
        "referents_referent",
        "guides_guidepage",
        "stories_spotlightpage",
        "home_quietperiod",
    ):
        assert f'FROM "{table}"' not in read, table


def test_a_story_that_a_guide_links_to_makes_the_guide_cold(
    page_cache, pages_without_stories, internal_story, editor, django_assert_num_queries
):
    client, url = pages_without_stories["employee_guide"]
    guide = GuidePage.objects.get(title="Writing well")
    guide.body = [
        {
            "type": "paragraph",
            "value": f'<p>See <a linktype="page" id="{internal_story.pk}">the talks</a>.</p>',
        }
    ]
    guide.save_revision(user=editor).publish(user=editor)
    pages = WarmPages(django_assert_num_queries, guide=(client, url)).warm()
    internal_story.slug = "budget-talks-decided"
    internal_story.save_revision(user=editor).publish(user=editor)
    assert pages.cold() == {"guide"}
    assert "budget-talks-decided" in pages.html("guide")


def test_a_kit_taken_offline_by_a_plain_save_goes_at_once(warm, kit):
    """Control: a row with a draft state that was live counts even without Wagtail's
    `unpublished` signal."""
    warm.warm()
    kit.live = False
    kit.save()
    assert "employee_home" in warm.cold()


def test_an_entry_written_by_an_older_release_is_a_miss():
    """After an upgrade, what the shared cache holds in the former shape (version, value)
    is rendered again, never an error."""
    cache.set("chorus:test-entry", (content_version(), "an old page"), 60)
    assert versioned_get("chorus:test-entry") == (ANY, None)


def test_a_version_is_replaced_again_once_committed(
    django_capture_on_commit_callbacks,
):
    """A page rendered from the old rows between the change and its commit (another
    process, ATOMIC_REQUESTS) was stored under the new version: it must not be served."""
    with django_capture_on_commit_callbacks(execute=True):
        bump_content_version()
        during_the_transaction = content_version()
    assert content_version() != during_the_transaction
