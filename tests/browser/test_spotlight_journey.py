"""An employee joins the programme, writes a spotlight in the admin and submits it; a referent
approves it; it appears on the site."""

import re

from django.contrib.auth.models import Group

import pytest

from referents.roles import EMPLOYEES, REFERENTS
from stories.models import SpotlightPage
from tests.factories.home import UserFactory
from tests.factories.referents import SpotlightIndexPageFactory


pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def journey(home_page, roles):
    index = SpotlightIndexPageFactory(parent=home_page)
    writer = UserFactory(username="awa", first_name="Awa", last_name="Diallo")
    reviewer = UserFactory(username="nadia", first_name="Nadia")
    reviewer.groups.set(Group.objects.filter(name__in=[EMPLOYEES, REFERENTS]))
    return {"index": index, "writer": writer, "reviewer": reviewer}


def open_more_actions(page):
    page.locator("footer .w-dropdown__toggle").first.click()


def test_ambassador_writes_referent_approves_it_appears(
    page, live_server, login, journey, screenshot
):
    # Join in one click, then go and write.
    login(page, "awa")
    page.goto(f"{live_server.url}/fr/ambassador-programme/")
    page.get_by_test_id("join-programme").click()
    page.get_by_test_id("write-spotlight").click()
    page.wait_for_url(re.compile(r"/admin/pages/add/stories/spotlightpage/"))

    page.fill("#id_title", "Awa Diallo")
    page.fill("#id_role", "Ingénieure réseau")
    bio = page.locator("[data-contentpath='bio'] [contenteditable='true']")
    bio.click()
    bio.press_sequentially("Je parle de nos réseaux et de celles qui les font tourner.")
    page.locator(
        "#id_photo_alt"
    ).click()  # leave the editor so that it saves its content
    page.wait_for_function(
        "document.querySelector(\"input[name='bio']\").value.includes('réseaux')"
    )
    open_more_actions(page)
    page.locator("button[name='action-submit']").click()
    page.wait_for_load_state()
    screenshot(page, "spotlight-submitted")

    spotlight = SpotlightPage.objects.get(title="Awa Diallo")
    assert spotlight.workflow_in_progress
    assert not spotlight.live

    # A referent reviews and approves.
    page.context.clear_cookies()
    login(page, "nadia")
    page.goto(f"{live_server.url}/admin/pages/{spotlight.pk}/edit/")
    open_more_actions(page)
    page.get_by_role(
        "button", name=re.compile(r"^(Approve and Publish|Approuver et publier)$")
    ).click()
    page.wait_for_load_state()
    screenshot(page, "spotlight-approved")

    spotlight.refresh_from_db()
    assert spotlight.live

    # It is on the site, listed and readable by employees.
    page.goto(f"{live_server.url}{journey['index'].url}")
    page.get_by_role("link", name="Awa Diallo").click()
    assert page.get_by_test_id("spotlight").locator("h1").inner_text() == "Awa Diallo"
    screenshot(page, "spotlight-on-site")
