"""End-to-end journeys not covered by the feature tests: an anonymous visitor opening a shared
link, and an editor writing, publishing and translating a story in the admin. Each runs in a
desktop and a phone-sized window, and saves screenshots under tests/browser/screenshots/."""

import pytest

from stories.models import StoryPage

from .conftest import DESKTOP, PHONE


pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    "language, size", [("fr", DESKTOP), ("en", PHONE)], ids=["fr-desktop", "en-phone"]
)
def test_anonymous_visitor_opens_a_shared_link_and_sees_nothing_internal(
    page, live_server, chorus_content, screenshot, language, size
):
    pages = chorus_content[language]
    page.set_viewport_size(size)

    page.goto(f"{live_server.url}{pages['story'].url}")

    assert page.get_by_test_id("story").is_visible()
    assert page.locator("h1").inner_text() == pages["story"].title
    assert page.locator("nav.main-nav").count() == 0
    assert page.get_by_test_id("header-search").count() == 0
    assert page.get_by_test_id("share-panel").count() == 0
    assert pages["internal_story"].title not in page.content()
    assert page.locator('meta[property="og:title"]').count() == 1
    screenshot(page, f"journey-anonymous-story-{language}")

    page.goto(f"{live_server.url}{pages['internal_story'].url}")
    assert "/login/" in page.url
    assert pages["internal_story"].title not in page.content()


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_editor_writes_publishes_and_translates_a_story(
    page, live_server, login, editor, chorus_content, screenshot, size
):
    story_index = chorus_content["en"]["story_index"]
    page.set_viewport_size(size)
    login(page, "editor", language="en")

    page.goto(f"{live_server.url}/admin/pages/add/stories/storypage/{story_index.pk}/")
    page.fill("#id_title", "Our apprentices build a bridge")
    page.fill("#id_intro", "Twelve apprentices, one footbridge, three weeks.")
    # Publishing sits in the footer's "more actions" menu.
    page.locator(
        "footer .dropdown-toggle, footer [data-w-dropdown-target=toggle]"
    ).first.click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url("**/admin/pages/*/**")
    story = StoryPage.objects.get(title="Our apprentices build a bridge")
    assert story.live
    screenshot(page, f"journey-editor-published-{size['width']}")

    page.goto(f"{live_server.url}/admin/localize/submit/page/{story.pk}/")
    page.locator("input[name=locales]").first.check()  # French, the only other language
    with page.expect_navigation():
        page.get_by_role("button", name="Submit").click()
    translation = StoryPage.objects.filter(
        translation_key=story.translation_key, locale__language_code="fr"
    ).first()
    assert translation is not None, "the French translation was created"
    assert f"/admin/pages/{translation.pk}/edit/" in page.url
    screenshot(page, f"journey-editor-translating-{size['width']}")
