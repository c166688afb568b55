"""Keyboard-only journeys: pick a stage, join the ambassador programme, ask a referent, and
walk a whole page with Tab (skip link first, focus always visible). Sharing by keyboard is in
test_share_panel.py. Each runs on a phone-sized and a desktop window."""

import pytest

from .conftest import DESKTOP, PHONE


pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SIZES = pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
FOCUSED = (
    "(selector) => document.activeElement && document.activeElement.matches(selector)"
)


def tab_to(page, selector, limit=80):
    """Press Tab until the element matching `selector` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED, selector):
            return
    raise AssertionError(f"{selector} never received the focus after {limit} Tabs")


@SIZES
def test_skip_link_comes_first_and_focus_is_visible(
    page, live_server, login, chorus_content, size
):
    page.set_viewport_size(size)
    login(page, "employee", language="en")
    page.goto(f"{live_server.url}{chorus_content['en']['home'].url}")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED, ".skip-link")
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate(FOCUSED, "#main")
    # Every focusable element shows an outline (or a visible style) when reached by Tab.
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


@SIZES
def test_pick_a_stage_with_the_keyboard(page, live_server, login, chorus_content, size):
    page.set_viewport_size(size)
    login(page, "employee", language="en")
    page.goto(f"{live_server.url}/en/my-stage/")
    tab_to(page, "input[name=stage]")
    page.keyboard.press("ArrowDown")  # radios: arrows move and select
    assert page.get_by_test_id("stage-listen").is_checked()
    tab_to(page, "[data-testid=stage-save]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto(f"{live_server.url}/en/my-stage/")
    assert "Listen" in page.get_by_test_id("current-stage").inner_text()


@SIZES
def test_join_the_programme_with_the_keyboard(
    page, live_server, login, chorus_content, size
):
    page.set_viewport_size(size)
    login(page, "employee", language="en")
    page.goto(f"{live_server.url}/en/ambassador-programme/")
    tab_to(page, "[data-testid=join-programme]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_test_id("ambassador-status").is_visible()


@SIZES
def test_ask_a_referent_with_the_keyboard(
    page, live_server, login, chorus_content, size
):
    page.set_viewport_size(size)
    login(page, "employee", language="en")
    page.goto(f"{live_server.url}/en/ask-a-referent/")
    tab_to(page, "input[name=referent]")
    page.keyboard.press("Space")
    tab_to(page, "input[name=subject]")
    page.keyboard.type("Posting about our open day")
    tab_to(page, "textarea[name=message]")
    page.keyboard.type("May I mention the new workshop by name?")
    tab_to(page, "[data-testid=ask-submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_test_id("ask-sent").is_visible()
