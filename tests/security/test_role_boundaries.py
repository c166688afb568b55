"""The role matrix (DESIGN §2 and §7): who may do what to whose content.

Each case performs the action as the admin would and reads the result back from the
database: an allowed action takes effect, a refused one changes nothing.
"""

import pytest

from tests.security.other_actions import (
    IMAGE_ACTIONS,
    KIT_ACTIONS,
    REPORTS,
    admin_area_url,
)
from tests.security.page_actions import ACTIONS


pytestmark = pytest.mark.django_db

ACTORS = ["anonymous", "employee", "ambassador_a", "ambassador_b", "referent", "editor"]

# What each actor may do to ambassador A's published, internal spotlight. Everything else
# in ACTIONS is refused. Referents moderate spotlights: they may read drafts and take one
# offline (approving publishes as the approver, so they hold "publish" there).
SPOTLIGHT_ALLOWED = {
    "anonymous": set(),
    "employee": {"view"},
    "ambassador_a": {"view", "edit", "preview", "revert"},
    "ambassador_b": {"view"},
    "referent": {"view", "preview", "unpublish"},
    "editor": set(ACTIONS),
}
# ... and to an editor's published, internal story.
STORY_ALLOWED = {
    "anonymous": set(),
    "employee": {"view"},
    "ambassador_a": {"view"},
    "ambassador_b": {"view"},
    "referent": {"view"},
    "editor": set(ACTIONS),
}


def login(client, world, actor):
    user = world["actors"][actor]
    if user is not None:
        client.force_login(user)
    return client


def cases(allowed):
    return [
        pytest.param(actor, action, action in allowed[actor], id=f"{actor}-{action}")
        for actor in ACTORS
        for action in ACTIONS
    ]


@pytest.mark.parametrize(("actor", "action", "allowed"), cases(SPOTLIGHT_ALLOWED))
def test_spotlight_of_ambassador_a(client, world, actor, action, allowed):
    took_effect = ACTIONS[action](
        login(client, world, actor), world["spotlight"], world
    )
    assert took_effect is allowed


@pytest.mark.parametrize(("actor", "action", "allowed"), cases(STORY_ALLOWED))
def test_story(client, world, actor, action, allowed):
    took_effect = ACTIONS[action](login(client, world, actor), world["story"], world)
    assert took_effect is allowed


# Nobody but editors may touch a share kit.
@pytest.mark.parametrize(
    ("actor", "action", "allowed"),
    [
        pytest.param(actor, action, actor == "editor", id=f"{actor}-{action}")
        for actor in ACTORS
        for action in KIT_ACTIONS
    ],
)
def test_share_kit(client, world, kit, actor, action, allowed):
    took_effect = KIT_ACTIONS[action](login(client, world, actor), kit)
    assert took_effect is allowed


# Only its uploader (and editors, who manage the media library) may change A's photo.
@pytest.mark.parametrize(
    ("actor", "action", "allowed"),
    [
        pytest.param(
            actor, action, actor in {"ambassador_a", "editor"}, id=f"{actor}-{action}"
        )
        for actor in ACTORS
        for action in IMAGE_ACTIONS
    ],
)
def test_photo_of_ambassador_a(client, world, actor, action, allowed):
    took_effect = IMAGE_ACTIONS[action](login(client, world, actor), world["photo"])
    assert took_effect is allowed


CLOSED_AREAS = ["users", "settings", "documents"]


@pytest.mark.parametrize(
    ("actor", "area", "allowed"),
    [
        pytest.param(
            actor,
            area,
            actor == "editor" and area != "users",
            id=f"{actor}-{area}",
        )
        for actor in ACTORS
        for area in CLOSED_AREAS
    ],
)
def test_admin_areas(client, world, actor, area, allowed):
    response = login(client, world, actor).get(admin_area_url(area))
    assert (response.status_code == 200) is allowed


# Wagtail opens its reports to anyone with a page permission; ours refuses them to ambassadors
# and referents, whose only page permissions are on spotlights.
@pytest.mark.parametrize(
    ("actor", "report", "allowed"),
    [
        pytest.param(actor, report, actor == "editor", id=f"{actor}-{report}")
        for actor in ACTORS
        for report in REPORTS
    ],
)
def test_reports(client, world, actor, report, allowed):
    response = login(client, world, actor).get(admin_area_url(report))
    assert (response.status_code == 200) is allowed
