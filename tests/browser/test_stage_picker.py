"""Choosing a stage puts its guides first on the guide index and the home page; clearing it
brings back the usual order."""

import pytest

from tests.factories.guides import GuideIndexPageFactory, GuidePageFactory


pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def guides(home_page, employee):
    index = GuideIndexPageFactory(parent=home_page)
    GuidePageFactory(parent=index, title="Créer son profil", stages=["discover"])
    GuidePageFactory(parent=index, title="Suivre et écouter", stages=["listen"])
    GuidePageFactory(parent=index, title="Première publication", stages=["speak"])
    return index


def stage_groups(page):
    return [
        testid.removeprefix("stage-group-")
        for testid in page.locator("[data-testid^=stage-group-]").evaluate_all(
            "sections => sections.map(s => s.dataset.testid)"
        )
    ]


def test_choose_a_stage_see_its_guides_first_then_clear_it(
    page, live_server, login, guides, screenshot
):
    login(page, "employee")
    page.goto(f"{live_server.url}{guides.url}")
    assert stage_groups(page) == ["discover", "listen", "speak", "lead"]

    page.get_by_test_id("stage-link").click()
    page.get_by_test_id("stage-listen").check()
    page.get_by_test_id("stage-save").click()
    page.wait_for_load_state()
    # Back on the guide index, the Listen guides come first.
    assert page.url.endswith(guides.url)
    assert stage_groups(page) == ["listen", "discover", "speak", "lead"]
    first_group = page.get_by_test_id("stage-group-listen")
    assert "Suivre et écouter" in first_group.inner_text()
    screenshot(page, "guides-listen-first")

    page.goto(f"{live_server.url}/fr/")
    mine = page.get_by_test_id("my-stage-guides")
    assert (
        mine.get_by_test_id("guide-card").first.inner_text().count("Suivre et écouter")
        == 1
    )
    assert "Créer son profil" not in mine.inner_text()

    page.get_by_test_id("my-stage-link").click()
    assert page.get_by_test_id("stage-listen").is_checked()
    page.get_by_test_id("stage-clear").click()
    page.wait_for_load_state()
    assert not page.get_by_test_id("stage-listen").is_checked()
    page.goto(f"{live_server.url}{guides.url}")
    assert stage_groups(page) == ["discover", "listen", "speak", "lead"]
    page.goto(f"{live_server.url}/fr/")
    assert page.get_by_test_id("stage-explanations").is_visible()
