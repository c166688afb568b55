"""Reading hints in the share panel: computed in the browser as the employee writes, read
out politely, and the same as the server's (the shared cases run through both)."""

import json

from django.utils import translation

import pytest

from stories import kit_hints
from tests.factories.stories import (
    ShareKitFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
)
from tests.stories.kit_hint_cases import CASES, LINK, NEARLY_UNCHANGED


pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LINE = "Je travaille chez Chorus."
SUGGESTED = "Venez nous voir samedi."


@pytest.fixture
def story(home_page):
    index = StoryIndexPageFactory(parent=home_page)
    story = StoryPageFactory(parent=index, title="Nos portes ouvertes", is_public=True)
    ShareKitFactory(
        page=story,
        hashtags="#PortesOuvertes",
        texts=[
            ("x", SUGGESTED, "l'invitation"),
            ("linkedin", "Une journée pour découvrir nos métiers.", "les métiers"),
        ],
    )
    return story


def open_story(page, live_server, login, story):
    login(page, "employee")
    page.goto(f"{live_server.url}{story.url}")
    page.get_by_test_id("share-panel").wait_for()


def hints(page):
    return page.get_by_test_id("share-hints").locator("li").all_inner_texts()


def test_hints_appear_and_disappear_as_the_employee_writes(
    page, context, live_server, login, employee, story, screenshot
):
    requests = []
    open_story(page, live_server, login, story)
    page.on("request", lambda request: requests.append(request.url))
    region = page.get_by_test_id("share-hints")
    assert region.get_attribute("role") == "status"
    assert region.get_attribute("aria-live") == "polite"
    assert hints(page) == []  # the suggested text reads well
    assert region.locator("h3").is_hidden()

    textarea = page.get_by_test_id("share-text")
    textarea.fill(f"{LINE}\n\nQUELLE BELLE JOURNÉE ENSEMBLE 🎉🎉🎉 #employeeadvocacy")
    page.get_by_text("Écrivez #employeeadvocacy avec une capitale").wait_for()
    assert hints(page) == [
        "Écrivez #employeeadvocacy avec une capitale au début de chaque mot (par "
        "exemple #PortesOuvertes) : les lecteurs d'écran épellent lettre par lettre "
        "un hashtag écrit d'une seule casse.",
        "«\u00a0QUELLE BELLE JOURNÉE ENSEMBLE…\u00a0» est écrit en capitales : c'est "
        "plus difficile à lire, et certains lecteurs d'écran l'épellent. Écrivez en "
        "minuscules.",
        "3 emoji à la suite : les lecteurs d'écran lisent le nom de chacun. Un ou "
        "deux en disent autant.",
    ]
    # Not colour alone: a visible heading says what the list is.
    assert region.locator("h3").inner_text() == "Pour être lu par tout le monde"
    page.get_by_test_id("share-panel").scroll_into_view_if_needed()
    screenshot(page, "share-panel-hints")

    textarea.fill(f"{LINE}\n\nQuelle belle journée ensemble 🎉 #EmployeeAdvocacy")
    region.locator("h3").wait_for(state="hidden")
    assert hints(page) == []

    # The X angle: its limit counts the line and the link; "mot " * 62 fills it.
    textarea.fill(f"{LINE}\n\n" + "mot " * 55)
    page.get_by_text("Ce texte occupe").wait_for()
    # The LinkedIn angle's limit is far: the hint goes.
    page.get_by_label("les métiers (LinkedIn)").check()
    textarea.fill(f"{LINE}\n\n" + "mot " * 55)
    page.get_by_text("Ce texte occupe").wait_for(state="detached")
    # Computed in this browser: typing sent nothing anywhere.
    assert requests == []


def test_a_text_changed_by_a_few_characters_gets_a_gentle_note(
    page, live_server, login, employee, story
):
    open_story(page, live_server, login, story)
    textarea = page.get_by_test_id("share-text")
    nearly = page.get_by_test_id("share-nearly-unchanged")
    unchanged = page.get_by_test_id("share-nudge")
    page.get_by_test_id("share-x").focus()
    assert unchanged.is_visible() and nearly.is_hidden()

    textarea.fill(textarea.input_value().replace("samedi.", "samedi !"))
    page.get_by_test_id("share-x").focus()
    assert unchanged.is_hidden() and nearly.is_visible()
    assert nearly.inner_text() == (
        "Votre texte ne diffère du texte proposé que de quelques caractères. Un mot "
        "personnel le rend vraiment vôtre."
    )
    assert nearly.get_attribute("role") == "status"

    textarea.fill(textarea.input_value() + " Toute l'équipe sera là.")
    assert nearly.is_hidden()  # hidden as soon as the text is the person's own
    page.get_by_test_id("share-x").focus()
    assert nearly.is_hidden() and unchanged.is_hidden()


def run_in_browser(page, config, cases):
    return page.evaluate(
        """([config, cases, nearly]) => {
            const hints = window.ChorusKitHints.create(config);
            return [
                cases.map(([text, network, link]) => hints.textHints(text, network, link)),
                nearly.map(([text, suggested]) => hints.isNearlyUnchanged(text, suggested)),
            ];
        }""",
        [
            config,
            [[text, network, LINK] for text, network, _ in cases],
            [[text, suggested] for text, suggested, _ in NEARLY_UNCHANGED],
        ],
    )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_browser_and_the_server_give_the_same_hints(
    page, live_server, login, employee, story, language
):
    open_story(page, live_server, login, story)
    # The page's own configuration (French here), and the English one for the other run:
    # the same rules must give the same messages word for word.
    page_config = json.loads(page.locator("#kit-hints-config").text_content())
    with translation.override(language):
        config = json.loads(json.dumps(kit_hints.browser_config()))
        expected = [
            [hint.message for hint in kit_hints.text_hints(text, network, LINK)]
            for text, network, _ in CASES
        ]
    if language == "fr":
        assert page_config == config
    in_browser, nearly = run_in_browser(page, config, CASES)
    for case, browser_messages, server_messages in zip(
        CASES, in_browser, expected, strict=True
    ):
        assert browser_messages == server_messages, case
    assert nearly == [expected for _, _, expected in NEARLY_UNCHANGED]
