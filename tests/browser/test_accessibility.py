"""axe-core finds no WCAG 2.2 A/AA violation on any page type, in both languages, for an
anonymous visitor and for a logged-in employee (DESIGN §6)."""

import pytest

from .conftest import _describe


pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# A word of the guide's title in each language, so that search shows results.
SEARCH_WORD = {"fr": "profil", "en": "profile"}


def _anonymous_paths(content, language):
    pages = content[language]
    return [
        f"/{language}/login/",
        pages["story"].url,
        pages["spotlight"].url,
        f"/{language}/what-we-see/",
        f"/{language}/no-such-page/",
    ]


def _employee_paths(content, language):
    pages = content[language]
    return [
        pages["home"].url,
        pages["story_index"].url,
        pages["story"].url,
        pages["internal_story"].url,
        pages["spotlight_index"].url,
        pages["spotlight"].url,
        pages["guide_index"].url,
        pages["guide"].url,
        f"/{language}/search/?q={SEARCH_WORD[language]}",
        f"/{language}/my-stage/",
        pages["referent_index"].url,
        f"/{language}/ask-a-referent/",
        f"/{language}/ambassador-programme/",
        f"/{language}/what-we-see/",
        f"/{language}/no-such-page/",
    ]


def _violations_on(page, live_server, axe, paths):
    """Every path checked, and all violations reported together, so one run shows them all."""
    found = []
    for path in paths:
        page.goto(f"{live_server.url}{path}")
        violations = axe(page)
        if violations:
            found.append(f"{path}\n{_describe(violations)}")
    return found


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_violation_for_an_anonymous_visitor(
    page, live_server, axe, chorus_content, language
):
    found = _violations_on(
        page, live_server, axe, _anonymous_paths(chorus_content, language)
    )
    assert not found, "\n\n".join(found)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_violation_for_a_logged_in_employee(
    page, live_server, axe, login, chorus_content, language
):
    login(page, "employee", language=language)
    found = _violations_on(
        page, live_server, axe, _employee_paths(chorus_content, language)
    )
    assert not found, "\n\n".join(found)


def test_the_axe_fixture_reports_a_missing_alt_text(page, axe):
    page.set_content(
        '<html lang="en"><body><main><img src="x.png"></main></body></html>'
    )
    assert "image-alt" in [violation["id"] for violation in axe(page)]


def test_every_page_reflows_at_320_pixels_without_horizontal_scrolling(
    page, live_server, login, chorus_content
):
    """WCAG 1.4.10 (Reflow): content fits a 320 px wide window."""
    page.set_viewport_size({"width": 320, "height": 640})
    too_wide = []
    for path in _anonymous_paths(chorus_content, "en")[:2]:
        page.goto(f"{live_server.url}{path}")
        if page.evaluate("document.documentElement.scrollWidth") > 320:
            too_wide.append(path)
    login(page, "employee", language="en")
    for path in _employee_paths(chorus_content, "en"):
        page.goto(f"{live_server.url}{path}")
        if page.evaluate("document.documentElement.scrollWidth") > 320:
            too_wide.append(path)
    assert not too_wide, f"horizontal scrolling at 320 px on: {too_wide}"
