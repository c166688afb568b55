from wagtail.test.utils import WagtailPageTestCase, page_tests
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from guides.models import GuideIndexPage, GuidePage, GuideStage
from home.models import HomePage
from stories.models import StoryIndexPage, StoryPage
from tests.factories.guides import GuidePageFactory
from tests.factories.referents import ReferentFactory


def guide_form_data(stages=("listen",), **fields):
    data = nested_form_data(
        {
            "title": "A guide",
            "slug": "a-guide",
            "summary": "In short.",
            "subject": "writing",
            "review_interval": "6",
            "last_reviewed": "2026-11-02",
            "body": streamfield([("heading", "Hello")]),
            **fields,
        }
    )
    # A multiple choice posts one value per box ticked (nested_form_data would number them).
    data["stages"] = list(stages)
    return data


class GuidePageTreeTests(WagtailPageTestCase):
    @pytest.fixture(autouse=True)
    def _pages(self, guide_index, editor, monkeypatch):
        self.guide_index = guide_index
        self.editor = editor
        self.owner = ReferentFactory(name="Alex Martin")
        # Wagtail's helpers log in with the first backend, which is django-axes' (it has no
        # get_user): use the model backend, as a real login would after axes' check.
        monkeypatch.setattr(
            page_tests, "AUTH_BACKEND", "home.auth_backends.ModelBackend"
        )

    def test_guides_live_under_the_guide_index_only(self):
        self.assertAllowedParentPageTypes(GuidePage, {GuideIndexPage})
        self.assertAllowedSubpageTypes(GuidePage, set())
        self.assertAllowedParentPageTypes(GuideIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(GuideIndexPage, {GuidePage})
        self.assertCanNotCreateAt(StoryIndexPage, GuidePage)
        self.assertCanNotCreateAt(GuideIndexPage, StoryPage)

    def test_editor_creates_a_guide_with_stages_and_guidance_blocks(self):
        self.client.force_login(self.editor)
        data = nested_form_data(
            {
                "title": "Reply to a comment calmly",
                "slug": "reply-calmly",
                "summary": "What to do when a post draws a sharp reply.",
                "subject": "sensitive",
                "guide_owner": str(self.owner.pk),
                "review_interval": "3",
                "last_reviewed": "2026-11-02",
                "body": streamfield(
                    [
                        ("heading", "Take a breath"),
                        ("paragraph", rich_text("<p>Wait an hour.</p>")),
                        (
                            "example_post",
                            {
                                "network": "mastodon",
                                "text": "Thanks for the question.",
                                "comment": "Short and kind.",
                            },
                        ),
                        (
                            "checklist",
                            {
                                "title": "Before replying",
                                "items": streamfield(
                                    [
                                        ("item", "Is it a question?"),
                                        ("item", "Is it mine to answer?"),
                                    ]
                                ),
                            },
                        ),
                    ]
                ),
            }
        )
        # A multiple choice posts one value per box ticked (nested_form_data would number them).
        data["stages"] = ["speak", "lead"]
        self.assertCanCreate(self.guide_index, GuidePage, data)
        guide = GuidePage.objects.get(slug="reply-calmly")
        assert guide.live
        assert guide.guide_owner == self.owner  # chosen, not typed
        assert guide.review_interval == 3
        assert guide.review_due.isoformat() == "2027-02-02"
        assert guide.stage_values == ["speak", "lead"]
        assert set(
            GuideStage.objects.filter(page=guide).values_list("stage", flat=True)
        ) == {
            "speak",
            "lead",
        }
        assert [block.block_type for block in guide.body] == [
            "heading",
            "paragraph",
            "example_post",
            "checklist",
        ]
        assert list(guide.body[3].value["items"]) == [
            "Is it a question?",
            "Is it mine to answer?",
        ]

    def test_a_guide_is_published_with_at_least_one_stage(self):
        self.client.force_login(self.editor)
        data = guide_form_data(stages=(), title="No stage", slug="no-stage")
        data["action-publish"] = "action-publish"
        response = self.client.post(
            f"/admin/pages/add/guides/guidepage/{self.guide_index.pk}/", data
        )
        assert response.status_code == 200
        assert "stages" in response.context["form"].errors
        assert not GuidePage.objects.filter(slug="no-stage").exists()

    def test_guide_pages_render_and_edit(self):
        guide = GuidePageFactory(parent=self.guide_index, stages=["listen"])
        self.assertPageIsRenderable(guide, user=self.editor)
        # The StreamField is drawn by JavaScript, so the form data is given, not scraped.
        data = guide_form_data(title=guide.title, slug=guide.slug)
        self.assertPageIsEditable(guide, post_data=data, user=self.editor)
        self.assertPageIsPreviewable(guide, post_data=data, user=self.editor)
