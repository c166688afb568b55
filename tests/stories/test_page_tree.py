"""Page-tree rules of the stories pages, and creating them through the admin as an editor."""

from django.contrib.auth.models import Group

from wagtail.models import Locale, Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)
from wagtail.users.models import UserProfile

import wagtail_factories

from home.models import HomePage, StandardPage
from referents.roles import EDITORS, EMPLOYEES, ensure_roles
from stories.models import StoryIndexPage, StoryPage
from tests.factories.home import UserFactory
from tests.factories.stories import (
    StoryIndexPageFactory,
    StoryPageFactory,
    TopicFactory,
)


def story_form_data(**overrides):
    data = {
        "title": "Une journée au jardin partagé",
        "slug": "journee-jardin-partage",
        "date": "2026-10-01",
        "intro": "Quinze collègues ont planté des haies au jardin du quartier.",
        "image": "",
        "image_alt": "",
        "body": streamfield(
            [
                ("heading", "Pourquoi un jardin"),
                ("paragraph", rich_text("<p>Parce que le quartier l'a demandé.</p>")),
                ("quote", {"quote": "On revient au printemps.", "attribution": "Zoé"}),
                ("embed", "https://video.chorus.example/jardin"),
                (
                    "callout",
                    {
                        "title": "Bon à savoir",
                        "text": rich_text("<p>Rien n'est obligatoire.</p>"),
                    },
                ),
            ]
        ),
        "authors": inline_formset(
            [{"name": "Zoé Martin", "role": "Jardinière", "spotlight": ""}]
        ),
        "is_public": "on",
        "is_sensitive": "",
        "sensitive_guidance": rich_text(""),
        "comments": inline_formset([]),
    }
    topics = overrides.pop("topics", [])
    data.update(overrides)
    # A multiple choice is one key with several values, not nested keys.
    return nested_form_data(data) | {"topics": topics}


class TestStoryPageTree(WagtailPageTestCase):
    # A unittest-style class (for Wagtail's assertions): it builds its data in setUp,
    # as the home_page and editor fixtures of tests/conftest.py do.
    def setUp(self):
        fr = Locale.objects.get_or_create(language_code="fr")[0]
        root = Page.get_first_root_node()
        for page in root.get_children():
            page.delete()
        self.home = root.add_child(
            instance=HomePage(title="Accueil", slug="accueil", locale=fr)
        )
        Site.objects.all().delete()
        Site.objects.create(
            hostname="testserver", root_page=self.home, is_default_site=True
        )
        self.index = StoryIndexPageFactory(parent=self.home)
        ensure_roles()
        editor = UserFactory(username="editor")
        editor.groups.set(Group.objects.filter(name__in=[EMPLOYEES, EDITORS]))
        # The admin speaks the editor's language; these tests read its English messages.
        profile = UserProfile.get_for_user(editor)
        profile.preferred_language = "en"
        profile.save()
        self.client.force_login(editor)

    def test_parents_and_children_on_both_ends(self):
        self.assertAllowedParentPageTypes(StoryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(StoryIndexPage, {StoryPage})
        self.assertAllowedParentPageTypes(StoryPage, {StoryIndexPage})
        self.assertAllowedSubpageTypes(StoryPage, set())
        self.assertCanNotCreateAt(HomePage, StoryPage)
        self.assertCanNotCreateAt(StandardPage, StoryPage)

    def test_only_one_story_index_per_home_page(self):
        self.assertFalse(StoryIndexPage.can_create_at(self.home))

    def test_editor_creates_a_public_story_with_body_topics_and_authors(self):
        topic = TopicFactory(name="Jardin")
        self.assertCanCreate(self.index, StoryPage, story_form_data(topics=[topic.pk]))
        story = StoryPage.objects.get(slug="journee-jardin-partage")
        self.assertTrue(story.live)
        self.assertEqual(
            [block.block_type for block in story.body],
            ["heading", "paragraph", "quote", "embed", "callout"],
        )
        self.assertEqual(list(story.topics.all()), [topic])
        self.assertEqual([a.name for a in story.authors.all()], ["Zoé Martin"])
        self.assertEqual(self.client.get(story.url).status_code, 200)

    def test_a_story_left_internal_is_created_with_a_login_restriction(self):
        self.assertCanCreate(self.index, StoryPage, story_form_data(is_public=""))
        story = StoryPage.objects.get(slug="journee-jardin-partage")
        self.assertFalse(StoryPage.objects.filter(pk=story.pk).public().exists())

    def test_hero_image_without_alt_text_is_refused_with_a_clear_message(self):
        image = wagtail_factories.ImageFactory()
        response = self.client.post(
            f"/admin/pages/add/stories/storypage/{self.index.pk}/",
            story_form_data(image=image.pk, image_alt="  ") | {"action-publish": "1"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(StoryPage.objects.exists())
        form = response.context["form"]
        self.assertEqual(list(form.errors), ["image_alt"])
        # Nothing typed is lost.
        self.assertEqual(form["intro"].value(), story_form_data()["intro"])
        self.assertContains(
            response, "Describe the image for people who cannot see it."
        )

    def test_editor_creates_a_story_index(self):
        self.index.delete()
        self.assertCanCreate(
            self.home,
            StoryIndexPage,
            nested_form_data(
                {
                    "title": "Histoires",
                    "slug": "histoires",
                    "intro": rich_text("<p>Nos histoires.</p>"),
                    "comments": inline_formset([]),
                }
            ),
        )

    def test_story_renders_and_previews_for_editors(self):
        story = StoryPageFactory(parent=self.index, title="Aperçu", is_public=True)
        preview_url = f"/admin/pages/{story.pk}/edit/preview/"
        # What assertPageIsPreviewable does, without its logout (home.signals adds a
        # message on logout, which the test client's bare request cannot hold).
        response = self.client.post(
            preview_url, story_form_data(title="Aperçu modifié", slug=story.slug)
        )
        self.assertJSONEqual(
            response.content.decode(), {"is_valid": True, "is_available": True}
        )
        response = self.client.get(preview_url, {"mode": ""})
        self.assertContains(response, "<h1>Aperçu modifié</h1>")
        self.assertContains(response, "Pourquoi un jardin")
        self.assertContains(response, "Zoé Martin")
        # Previewing publishes nothing.
        self.assertNotContains(self.client.get(story.url), "Aperçu modifié")
