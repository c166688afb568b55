"""The editors' share report: aggregates per story and network, small counts hidden."""

import csv
import datetime
import io

from django.urls import reverse
from django.utils import timezone

import pytest

from stories.models import ShareCount
from tests.factories.stories import StoryPageFactory


pytestmark = pytest.mark.django_db

URL = "/admin/share-report/"


@pytest.fixture
def client_for(client_for):
    """The admin in English, whatever the site's default language."""

    def login(user):
        client = client_for(user)
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
        return client

    return login


@pytest.fixture
def shares(story_index):
    today = timezone.localdate()
    busy = StoryPageFactory(
        parent=story_index, title="Une histoire lue", is_public=True
    )
    quiet = StoryPageFactory(
        parent=story_index, title="Une histoire discrète", is_public=True
    )
    rows = [
        (busy, "linkedin", today, 4),
        (busy, "linkedin", today - datetime.timedelta(days=3), 3),  # 7 over the period
        (busy, "x", today, 2),
        (quiet, "bluesky", today, 1),
        (busy, "email", today - datetime.timedelta(days=40), 50),  # outside the 30 days
    ]
    for page, network, day, count in rows:
        ShareCount.objects.create(page=page, network=network, day=day, count=count)
    return {"busy": busy, "quiet": quiet}


def test_url_is_named():
    assert reverse("stories_share_report") == URL


def test_editor_sees_totals_per_story_and_network(client_for, editor, shares):
    response = client_for(editor).get(URL)
    assert response.status_code == 200
    rows = {row["title"]: row["cells"] for row in response.context["rows"]}
    networks = response.context["networks"]
    busy = dict(zip(networks, rows["Une histoire lue"], strict=True))
    assert busy["LinkedIn"] == "7"
    assert busy["X"] == "fewer than 5"
    assert busy["E-mail"] == ""  # its 50 shares are older than 30 days
    quiet = dict(zip(networks, rows["Une histoire discrète"], strict=True))
    assert quiet["Bluesky"] == "fewer than 5"
    html = response.content.decode()
    assert "fewer than 5" in html
    assert ">2<" not in html and ">1<" not in html


def test_a_chosen_period_changes_the_totals(client_for, editor, shares):
    today = timezone.localdate()
    start = today - datetime.timedelta(days=60)
    response = client_for(editor).get(
        URL, {"date_from": start.isoformat(), "date_to": today.isoformat()}
    )
    rows = {row["title"]: row["cells"] for row in response.context["rows"]}
    busy = dict(
        zip(response.context["networks"], rows["Une histoire lue"], strict=True)
    )
    assert busy["E-mail"] == "50"


def test_bad_period_is_explained_and_kept(client_for, editor, shares):
    response = client_for(editor).get(
        URL, {"date_from": "2026-05-10", "date_to": "2026-05-01"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The end of the period comes after its start." in html
    assert 'value="2026-05-10"' in html


def test_csv_export_hides_small_counts_too(client_for, editor, shares):
    response = client_for(editor).get(URL, {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    lines = list(csv.reader(io.StringIO(response.content.decode())))
    header, *rows = lines
    assert header[:2] == ["Story", "Language"]
    by_title = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert by_title["Une histoire lue"]["LinkedIn"] == "7"
    assert by_title["Une histoire lue"]["X"] == "fewer than 5"
    assert by_title["Une histoire discrète"]["Bluesky"] == "fewer than 5"
    assert "2" not in {cell for row in rows for cell in row}


def test_report_has_no_person_in_it(client_for, editor, employee, shares):
    html = client_for(editor).get(URL).content.decode()
    assert employee.username not in html.split('id="main"', 1)[-1].split("</main>")[0]


def test_editor_finds_it_in_the_reports_menu(client_for, editor, shares):
    html = client_for(editor).get("/admin/").content.decode()
    assert URL in html


@pytest.mark.parametrize("role", ["employee", "ambassador", "referent"])
def test_other_roles_cannot_open_it(client_for, request, shares, role):
    user = request.getfixturevalue(role)
    client = client_for(user)
    for params in ({}, {"format": "csv"}):
        response = client.get(URL, params)
        assert response.status_code in (302, 403)
        assert b"fewer than 5" not in response.content
    if role != "employee":  # employees have no admin at all
        assert URL not in client.get("/admin/").content.decode()


def test_anonymous_visitor_cannot_open_it(client, shares):
    response = client.get(URL)
    assert response.status_code == 302
    assert "login" in response["Location"]
