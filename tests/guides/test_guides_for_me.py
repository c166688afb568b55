"""The home page section: the reader's own stage first, or the four stages explained."""

import re

import pytest

from home.models import StagePreference


pytestmark = pytest.mark.django_db


def section(html):
    return html.split('data-testid="guides-for-me"', 1)[1].split("</section>", 1)[0]


def card_titles(html):
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)


def test_without_a_choice_home_explains_the_four_stages(
    client_for, employee, guides_by_stage
):
    html = section(client_for(employee).get("/fr/").content.decode())
    assert 'data-testid="stage-explanations"' in html
    assert html.count("<dt>") == 4
    assert 'data-testid="my-stage-guides"' not in html


def test_home_puts_the_guides_of_the_chosen_stage_first(
    client_for, employee, guides_by_stage
):
    StagePreference.objects.create(user=employee, stage="listen")
    html = section(client_for(employee).get("/fr/").content.decode())
    mine = html.split('data-testid="my-stage-guides"', 1)[1].split("</ul>", 1)[0]
    assert card_titles(mine) == ["Bookmarks and lists", "Follow people you admire"]
    others = html.split('data-testid="other-guides"', 1)[1]
    assert "Create your profile" in card_titles(others)
    assert 'data-testid="stage-explanations"' not in html


def test_home_shows_only_the_guides_of_its_language(
    client_for, employee, guides_by_stage, home_page_en
):
    html = client_for(employee).get("/en/").content.decode()
    assert "Follow people you admire" not in html
