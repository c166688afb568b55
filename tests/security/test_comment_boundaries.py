"""The role matrix for comments: who may post, hide, moderate in the admin, change the
moderation setting, and touch a colleague's comment. Each case reads the database back."""

from django.urls import reverse

from wagtail.models import Site

import pytest

from stories.models import Comment, CommentSettings, CommentStatus
from tests.factories.home import UserFactory

from .test_role_boundaries import ACTORS, login


pytestmark = pytest.mark.django_db

ALLOWED = {
    "anonymous": set(),
    "employee": {"post", "report"},
    "ambassador_a": {"post", "report"},
    "ambassador_b": {"post", "report"},
    "referent": {"post", "report", "hide", "admin_listing", "admin_edit"},
    "editor": {"post", "report", "hide", "admin_listing", "admin_edit", "settings"},
}
ACTIONS = [
    "post",
    "report",
    "hide",
    "admin_listing",
    "admin_edit",
    "settings",
    "edit_colleagues",
    "delete_colleagues",
]


@pytest.fixture
def colleague_comment(world):
    colleague = UserFactory(username="colleague")
    story = world["story"]
    return Comment.objects.create(
        thread_key=story.translation_key,
        page=story,
        author=colleague,
        language="fr",
        text="Le mot d'un collègue",
    )


def _fresh(comment):
    return Comment.objects.get(pk=comment.pk)


def act(client, world, comment, action):
    story = world["story"]
    if action == "post":
        client.post(
            reverse("stories:post_comment", args=[story.pk]), {"text": "Nouveau"}
        )
        return Comment.objects.filter(text="Nouveau").exists()
    if action == "report":
        client.post(
            reverse("stories:report_comment", args=[comment.pk]), {"reason": "Motif"}
        )
        return comment.reports.exists()
    if action == "hide":
        client.post(
            reverse("stories:moderate_comment", args=[comment.pk]), {"action": "hide"}
        )
        return _fresh(comment).status == CommentStatus.HIDDEN
    if action == "admin_listing":
        response = client.get(reverse("wagtailsnippets_stories_comment:list"))
        return response.status_code == 200 and "Le mot d" in response.content.decode()
    if action == "admin_edit":
        url = reverse("wagtailsnippets_stories_comment:edit", args=[comment.pk])
        client.post(url, {"status": CommentStatus.HIDDEN})
        return _fresh(comment).status == CommentStatus.HIDDEN
    if action == "settings":
        site = Site.objects.get(is_default_site=True)
        url = reverse(
            "wagtailsettings:edit", args=["stories", "commentsettings", site.pk]
        )
        client.post(url, {"moderation": "pre"})
        return CommentSettings.objects.filter(moderation="pre").exists()
    if action == "edit_colleagues":
        client.post(
            reverse("stories:edit_comment", args=[comment.pk]), {"text": "Changé"}
        )
        return _fresh(comment).text == "Changé"
    if action == "delete_colleagues":
        client.post(reverse("stories:delete_comment", args=[comment.pk]))
        return not Comment.objects.filter(pk=comment.pk).exists()
    raise AssertionError(action)


@pytest.mark.parametrize(
    ("actor", "action", "allowed"),
    [
        pytest.param(actor, action, action in ALLOWED[actor], id=f"{actor}-{action}")
        for actor in ACTORS
        for action in ACTIONS
    ],
)
def test_comments(client, world, colleague_comment, actor, action, allowed):
    took_effect = act(login(client, world, actor), world, colleague_comment, action)
    assert took_effect is allowed
