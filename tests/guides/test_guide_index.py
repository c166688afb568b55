import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from home.models import StagePreference
from tests.factories.guides import GuidePageFactory


pytestmark = pytest.mark.django_db


def group_order(html):
    """The stage groups of the guide index, in page order."""
    return re.findall(r'data-testid="stage-group-(\w+)"', html)


def titles_in_group(html, stage):
    section = html.split(f'data-testid="stage-group-{stage}"', 1)[1].split(
        "</section>", 1
    )[0]
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', section)


def test_without_a_choice_the_stages_keep_their_order_and_are_explained(
    client_for, employee, guide_index, guides_by_stage
):
    html = client_for(employee).get(guide_index.url).content.decode()
    assert group_order(html) == ["discover", "listen", "speak", "lead"]
    assert "Choose my stage" in html or "Choisir mon" in html
    assert titles_in_group(html, "listen") == [
        "Bookmarks and lists",
        "Follow people you admire",
    ]


def test_the_chosen_stage_comes_first(
    client_for, employee, guide_index, guides_by_stage
):
    StagePreference.objects.create(user=employee, stage="speak")
    html = client_for(employee).get(guide_index.url).content.decode()
    assert group_order(html) == ["speak", "discover", "listen", "lead"]
    assert titles_in_group(html, "speak") == ["Bookmarks and lists", "Your first post"]


def test_subject_filter_keeps_guides_of_that_subject(
    client_for, employee, guide_index, guides_by_stage
):
    html = (
        client_for(employee)
        .get(guide_index.url, {"subject": "apps-tools"})
        .content.decode()
    )
    assert "Bookmarks and lists" in html
    assert "Your first post" not in html
    assert "Create your profile" not in html
    assert '<option value="apps-tools" selected>' in html


@pytest.mark.parametrize(
    "subject", ["nonsense", "", "<script>", "writing'--", "x" * 5000]
)
def test_a_bad_subject_is_ignored_without_error(
    client_for, employee, guide_index, guides_by_stage, subject
):
    response = client_for(employee).get(guide_index.url, {"subject": subject})
    assert response.status_code == 200
    html = response.content.decode()
    for guide in guides_by_stage.values():
        assert guide.title in html
    assert "<script>" not in html.split("<main", 1)[1]


def test_drafts_are_not_listed(client_for, employee, guide_index, guides_by_stage):
    guides_by_stage["lead"].unpublish()
    html = client_for(employee).get(guide_index.url).content.decode()
    assert "Help a colleague start" not in html


def test_anonymous_visitors_are_sent_to_login(client, guide_index, guides_by_stage):
    response = client.get(guide_index.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_guide_index_query_count_does_not_grow_with_guides(
    client_for, employee, guide_index, guides_by_stage
):
    client = client_for(employee)
    StagePreference.objects.create(user=employee, stage="listen")
    client.get(guide_index.url)  # warm the caches (site root paths)
    with CaptureQueriesContext(connection) as few:
        client.get(guide_index.url)
    for number in range(10):
        GuidePageFactory(
            parent=guide_index, title=f"Extra {number}", stages=["listen", "lead"]
        )
    client.get(
        guide_index.url
    )  # publishing emptied the fragment caches: warm them again
    with CaptureQueriesContext(connection) as many:
        response = client.get(guide_index.url)
    assert "Extra 9" in response.content.decode()
    assert len(many) == len(few)
    assert len(many) <= 12  # DESIGN §6 budget (savepoints of ATOMIC_REQUESTS included)
