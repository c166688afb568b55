"""An employee shares a story in their own words, with the mouse and with the keyboard.

There is no internet here. The share redirect answers 303 and Playwright does not route the
request that follows a redirect (microsoft/playwright#33882), so the tests either read the outbound
request the browser makes (it then fails quietly: no network), or catch the share redirect itself
(`catch_intents`) and answer in the network's place, so that nothing leaves the machine.
"""

from urllib.parse import parse_qs, quote, urlsplit

import pytest

from home.models import ChorusSettings, DisclosureMode
from stories.models import ShareCount
from tests.factories.stories import (
    ShareKitFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
)


pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MY_TEXT = "Fière de mon équipe & de ce projet 🎉 #merci"
LINE = "Je travaille chez Chorus."  # the disclosure line, required by default


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


def catch_intents(context, live_server):
    """Lets every share reach our server, keeps the network URL it redirects to, and answers
    in the network's place: returns the list of those URLs, filled as the browser shares."""
    intents = []

    def answer(route):
        response = route.fetch(max_redirects=0)
        assert response.status == 303, response.text()
        intents.append(response.headers["location"])
        route.fulfill(status=200, content_type="text/plain", body="The network")

    context.route(f"{live_server.url}/*/share/**", answer)
    return intents


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


@pytest.mark.parametrize(
    ("network", "intent"),
    [
        ("linkedin", "https://www.linkedin.com/sharing/share-offsite/?url="),
        ("facebook", "https://www.facebook.com/sharer/sharer.php?u="),
    ],
)
def test_link_only_networks_get_the_link_and_the_text_is_copied_with_the_line(
    page, context, live_server, login, employee, story, network, intent
):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    intents = catch_intents(context, live_server)
    open_story(page, live_server, login, story)
    page.get_by_test_id("share-text").fill(MY_TEXT)  # the disclosure line deleted
    with context.expect_page() as network_tab:
        page.get_by_test_id(f"share-{network}").click()
    network_tab.value.wait_for_load_state()
    assert intents == [intent + quote(story.get_full_url(), safe="")]
    status = page.get_by_test_id("share-status")
    status.wait_for(state="visible")
    assert "collez-le" in status.inner_text()  # "paste it", in French on /fr/
    assert page.evaluate("navigator.clipboard.readText()") == f"{LINE}\n\n{MY_TEXT}"
    assert ShareCount.objects.get(page=story, network=network).count == 1


def test_copy_button_copies_the_text_with_the_line_once_and_the_link(
    page, context, live_server, login, employee, story
):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_story(page, live_server, login, story)
    textarea = page.get_by_test_id("share-text")
    status = page.get_by_test_id("share-status")
    link = story.get_full_url()
    for edited in (MY_TEXT, f"{MY_TEXT}\n\n{LINE}", f"{LINE}\n\n{MY_TEXT}"):
        textarea.fill(edited)  # the line deleted, moved to the end, kept
        # The message shows once the copy is done: empty it first, to wait for this one.
        status.evaluate("node => { node.textContent = ''; }")
        page.get_by_test_id("share-copy").click()
        status.wait_for(state="visible")
        assert page.evaluate("navigator.clipboard.readText()") == (
            f"{LINE}\n\n{MY_TEXT}\n\n{link}"
        )
    assert textarea.input_value() == f"{LINE}\n\n{MY_TEXT}"  # the field is the person's


def test_web_share_gets_the_text_with_the_line(
    page, live_server, login, employee, story
):
    # A stand-in for the device's share sheet, which records what it was given.
    page.add_init_script(
        "window.sharedWith = [];"
        "Object.defineProperty(navigator, 'share', {configurable: true, value: data => {"
        "  window.sharedWith.push(data); return Promise.resolve(); }});"
    )
    open_story(page, live_server, login, story)
    page.get_by_test_id("share-text").fill(MY_TEXT)  # the disclosure line deleted
    page.get_by_test_id("share-native").click()
    page.wait_for_function("window.sharedWith.length === 1")
    assert page.evaluate("window.sharedWith") == [
        {
            "title": "Nos portes ouvertes",
            "text": f"{LINE}\n\n{MY_TEXT}",
            "url": story.get_full_url(),
        }
    ]


def test_suggested_line_may_be_removed_from_what_is_copied(
    page, context, live_server, login, employee, story
):
    settings = ChorusSettings.for_site(story.get_site())
    settings.disclosure_mode = DisclosureMode.SUGGESTED
    settings.save()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_story(page, live_server, login, story)
    assert page.get_by_test_id("share-text").input_value().startswith(LINE)
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
    intents = catch_intents(context, live_server)
    page = context.new_page()
    page.goto(f"{live_server.url}/fr/login/")
    page.fill("#id_username", "employee")
    page.fill("#id_password", "a-good-password-123")
    page.get_by_test_id("login-submit").click()
    page.goto(f"{live_server.url}{story.url}")
    assert page.get_by_test_id("share-copy").is_hidden()
    assert page.get_by_test_id("share-native").is_hidden()
    page.get_by_test_id("share-text").fill("Sans JavaScript.")  # the line deleted
    page.get_by_test_id("share-x").click()
    page.wait_for_load_state()
    assert len(intents) == 1
    assert intents[0].startswith("https://x.com/intent/tweet?")
    assert query(intents[0])["text"] == [f"{LINE}\n\nSans JavaScript."]
    assert ShareCount.objects.get(page=story, network="x").count == 1
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
