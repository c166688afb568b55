"""An employee shares a story in their own words, with the mouse and with the keyboard.

There is no internet here. The share redirect answers 303 and Playwright does not route the
request that follows a redirect (microsoft/playwright#33882), so the tests read the outbound
request the browser makes (it then fails quietly: no network) instead of fulfilling it.
"""

from urllib.parse import parse_qs, urlsplit

import pytest

from stories.models import ShareCount
from tests.factories.stories import (
    ShareKitFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
)


pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MY_TEXT = "Fière de mon équipe & de ce projet 🎉 #merci"


@pytest.fixture
def story(home_page):
    index = StoryIndexPageFactory(parent=home_page)
    story = StoryPageFactory(parent=index, title="Nos portes ouvertes", is_public=True)
    ShareKitFactory(
        page=story,
        hashtags="#portesouvertes",
        texts=[
            ("x", "Venez nous voir samedi.", "l'invitation"),
            ("linkedin", "Une journée pour découvrir nos métiers.", "les métiers"),
        ],
    )
    return story


def outbound(context, prefix, action):
    """Runs `action` and returns the URL of the first request the browser sends to `prefix`."""
    with context.expect_event(
        "request", predicate=lambda request: request.url.startswith(prefix)
    ) as request:
        action()
    return request.value.url


def open_story(page, live_server, login, story):
    login(page, "employee")
    page.goto(f"{live_server.url}{story.url}")
    page.get_by_test_id("share-panel").wait_for()


def query(url):
    return parse_qs(urlsplit(url).query)


def test_employee_edits_the_text_and_shares_to_x(
    page, context, live_server, login, employee, story, screenshot
):
    open_story(page, live_server, login, story)
    page.get_by_test_id("share-panel").scroll_into_view_if_needed()
    screenshot(page, "share-panel")
    textarea = page.get_by_test_id("share-text")
    assert textarea.input_value().startswith(
        "Je travaille chez Chorus.\n\nVenez nous voir"
    )
    textarea.fill(f"Je travaille chez Chorus.\n\n{MY_TEXT}")
    url = outbound(
        context, "https://x.com/", lambda: page.get_by_test_id("share-x").click()
    )
    assert url.startswith("https://x.com/intent/tweet?")
    params = query(url)
    assert params["text"] == [f"Je travaille chez Chorus.\n\n{MY_TEXT}"]
    assert params["url"] == [story.get_full_url()]
    assert ShareCount.objects.get(page=story, network="x").count == 1


def test_angle_choice_fills_the_text_and_unchanged_text_gets_a_nudge(
    page, live_server, login, employee, story
):
    open_story(page, live_server, login, story)
    page.get_by_label("les métiers (LinkedIn)").check()
    textarea = page.get_by_test_id("share-text")
    assert "Une journée pour découvrir nos métiers." in textarea.input_value()
    nudge = page.get_by_test_id("share-nudge")
    assert nudge.is_hidden()
    page.get_by_test_id("share-x").focus()
    assert nudge.is_visible()  # shown, but sharing is not blocked
    textarea.fill("Mes mots à moi.")
    assert nudge.is_hidden()


def test_linkedin_gets_the_link_and_the_text_is_copied(
    page, context, live_server, login, employee, story
):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_story(page, live_server, login, story)
    page.get_by_test_id("share-text").fill(MY_TEXT)
    url = outbound(
        context,
        "https://www.linkedin.com/",
        lambda: page.get_by_test_id("share-linkedin").click(),
    )
    assert url.startswith("https://www.linkedin.com/sharing/share-offsite/?")
    assert query(url) == {"url": [story.get_full_url()]}
    status = page.get_by_test_id("share-status")
    status.wait_for(state="visible")
    assert "collez-le" in status.inner_text()  # "paste it", in French on /fr/
    assert page.evaluate("navigator.clipboard.readText()") == MY_TEXT


def test_copy_button_copies_the_edited_text_and_the_link(
    page, context, live_server, login, employee, story
):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_story(page, live_server, login, story)
    page.get_by_test_id("share-text").fill(MY_TEXT)
    page.get_by_test_id("share-copy").click()
    page.get_by_test_id("share-status").wait_for(state="visible")
    assert page.evaluate("navigator.clipboard.readText()") == (
        f"{MY_TEXT}\n\n{story.get_full_url()}"
    )


def _tab_to(page, testid, presses=80):
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.testid") == testid:
            return
    pytest.fail(f"{testid} cannot be reached with the Tab key")


def test_keyboard_only_sharing(page, context, live_server, login, employee, story):
    open_story(page, live_server, login, story)
    _tab_to(page, "share-text")
    page.keyboard.press("Control+A")
    page.keyboard.type("Au clavier, avec mes mots.")
    _tab_to(page, "share-x", presses=20)
    url = outbound(context, "https://x.com/", lambda: page.keyboard.press("Enter"))
    assert query(url)["text"] == [
        "Je travaille chez Chorus.\n\nAu clavier, avec mes mots."
    ]
    assert (
        page.get_by_test_id("share-text").input_value() == "Au clavier, avec mes mots."
    )


def test_mastodon_instance_is_remembered_in_the_browser_only(
    page, context, live_server, login, employee, story
):
    open_story(page, live_server, login, story)
    page.get_by_test_id("share-instance").fill("piaille.example")
    url = outbound(
        context,
        "https://piaille.example/",
        lambda: page.get_by_test_id("share-mastodon").click(),
    )
    assert url.startswith("https://piaille.example/share?")
    page.reload()
    assert page.get_by_test_id("share-instance").input_value() == "piaille.example"
    assert page.evaluate("localStorage.getItem('chorus.mastodonInstance')") == (
        "piaille.example"
    )


def test_panel_works_without_javascript(browser, live_server, employee, story):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/fr/login/")
    page.fill("#id_username", "employee")
    page.fill("#id_password", "a-good-password-123")
    page.get_by_test_id("login-submit").click()
    page.goto(f"{live_server.url}{story.url}")
    assert page.get_by_test_id("share-copy").is_hidden()
    assert page.get_by_test_id("share-native").is_hidden()
    page.get_by_test_id("share-text").fill("Sans JavaScript.")
    url = outbound(
        context, "https://x.com/", lambda: page.get_by_test_id("share-x").click()
    )
    assert query(url)["text"] == ["Je travaille chez Chorus.\n\nSans JavaScript."]
    context.close()


def test_bad_mastodon_server_is_explained_in_place_and_text_kept(
    page, live_server, login, employee, story
):
    open_story(page, live_server, login, story)
    page.get_by_test_id("share-text").fill("Mon texte gardé.")
    page.get_by_test_id("share-instance").fill("https://piaille.example/@moi")
    page.get_by_test_id("share-mastodon").click()
    page.get_by_test_id("share-instance-errors").wait_for()
    assert page.get_by_test_id("share-text").input_value() == "Mon texte gardé."
    assert page.get_by_test_id("share-instance").input_value() == (
        "https://piaille.example/@moi"
    )
