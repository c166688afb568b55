"""The editors' share report: aggregates per story and network by whole weeks that are over,
small counts hidden, totals that add up only what is shown.

The attack tests build share counts with small (1 to 4) and large (5 or more) values, collect
every figure an editor can obtain (the report and its CSV for every period offered, and the
dashboard) and check that no combination of them gives a small count back.
"""

import csv
import datetime
import io
import random

from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

import pytest
from bs4 import BeautifulSoup

from stories import share_stats
from stories.models import ShareCount
from stories.models.share_count import week_of
from stories.networks import Network
from tests.factories.stories import ShareKitFactory, StoryPageFactory


pytestmark = pytest.mark.django_db

URL = "/admin/share-report/"
WEEK = datetime.timedelta(days=7)
NETWORKS = [network.label for network in Network]


@pytest.fixture
def client_for(client_for):
    """The admin in English, whatever the site's default language."""

    def login(user):
        client = client_for(user)
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
        return client

    return login


def weeks_ago(count, today=None):
    """The Monday of the whole week `count` weeks before the last one that is over."""
    return share_stats.last_closed_week(today) - WEEK * count


def iso(week):
    year, number, _weekday = week.isocalendar()
    return f"{year}-W{number:02d}"


def report_table(html):
    """The report's table as text, row by row: header, stories, then the totals row."""
    table = BeautifulSoup(html, "html.parser").find(
        attrs={"data-testid": "share-report"}
    )
    if table is None:
        return []
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in table.find_all("tr")
    ]


def by_story(rows):
    """{story title: {column: text}} from a table or a CSV (header first, totals last)."""
    header, *body = rows
    return {row[0]: dict(zip(header, row, strict=True)) for row in body}


def read_csv(response):
    return list(csv.reader(io.StringIO(response.content.decode())))


def offered_periods(client):
    """The periods the form offers, read from the page as an editor sees it."""
    soup = BeautifulSoup(client.get(URL).content, "html.parser")
    return [option["value"] for option in soup.select("select[name=period] option")]


def dashboard_shares(client):
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    table = soup.find(attrs={"data-testid": "dashboard-shares"})
    if table is None:
        return []
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in table.find_all("tr")
    ]


def everything_an_editor_sees(client):
    """Every share figure an editor can obtain: the report on screen and as CSV for each
    period it offers, and the dashboard."""
    seen = {"dashboard": dashboard_shares(client)}
    for period in offered_periods(client):
        page = client.get(URL, {"period": period})
        assert page.status_code == 200
        seen[f"{period} html"] = report_table(page.content.decode())
        seen[f"{period} csv"] = read_csv(
            client.get(URL, {"period": period, "format": "csv"})
        )
    return seen


def numbers(text):
    return int(text) if text.isdigit() else None


@pytest.fixture
def shares(story_index):
    busy = StoryPageFactory(
        parent=story_index, title="Une histoire lue", is_public=True
    )
    quiet = StoryPageFactory(
        parent=story_index, title="Une histoire discrète", is_public=True
    )
    rows = [
        (busy, "linkedin", weeks_ago(0), 7),
        (busy, "linkedin", weeks_ago(1), 3),
        (busy, "x", weeks_ago(0), 2),
        (quiet, "bluesky", weeks_ago(0), 1),
        (busy, "email", weeks_ago(8), 50),  # outside the last 4 weeks
        (busy, "facebook", week_of(timezone.localdate()), 40),  # week in progress
    ]
    for page, network, week, count in rows:
        ShareCount.objects.create(page=page, network=network, week=week, count=count)
    return {"busy": busy, "quiet": quiet}


def test_url_is_named():
    assert reverse("stories_share_report") == URL


def test_editor_sees_the_last_four_weeks_with_small_counts_hidden(
    client_for, editor, shares
):
    response = client_for(editor).get(URL)
    assert response.status_code == 200
    rows = by_story(report_table(response.content.decode()))
    busy = rows["Une histoire lue"]
    assert busy["LinkedIn"] == "7 + weeks with fewer than 5"
    assert busy["X"] == "fewer than 5 each week"
    assert busy["E-mail"] == ""  # its 50 shares are older than 4 weeks
    assert busy["Facebook"] == ""  # the week in progress is not over
    assert busy["Total"] == "7"
    assert rows["Une histoire discrète"]["Bluesky"] == "fewer than 5 each week"
    assert rows["Une histoire discrète"]["Total"] == "0"
    totals = rows["Total of the figures shown"]
    assert (totals["LinkedIn"], totals["X"], totals["Total"]) == ("7", "0", "7")


def test_one_week_shows_its_counts(client_for, editor, shares):
    client = client_for(editor)
    last_week = by_story(
        report_table(client.get(URL, {"period": iso(weeks_ago(0))}).content.decode())
    )
    assert last_week["Une histoire lue"]["LinkedIn"] == "7"
    assert last_week["Une histoire lue"]["X"] == "fewer than 5"
    week_before = by_story(
        report_table(client.get(URL, {"period": iso(weeks_ago(1))}).content.decode())
    )
    assert week_before["Une histoire lue"]["LinkedIn"] == "fewer than 5"
    year = client.get(URL, {"period": "last-52"}).content.decode()
    assert by_story(report_table(year))["Une histoire lue"]["E-mail"] == "50"


def test_report_says_what_is_shown_and_why(client_for, editor, shares):
    html = client_for(editor).get(URL).content.decode()
    rules = BeautifulSoup(html, "html.parser").find(
        attrs={"data-testid": "share-report-rules"}
    )
    text = rules.get_text(" ", strip=True)
    assert "Only whole weeks, Monday to Sunday, once they are over." in text
    assert "Totals add up the figures shown; counts under 5 are left out." in text


def test_report_says_it_in_french_too(client_for, editor, shares):
    client = client_for(editor)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr"
    html = client.get(URL).content.decode()
    assert "Seulement des semaines entières" in html
    assert "moins de 5 chaque semaine" in html


@pytest.mark.parametrize(
    "query",
    [
        {"date_from": "2026-05-01", "date_to": "2026-05-10"},
        {"period": "last-4", "date_from": "2026-05-01"},
        {"period": "last-3"},
        {"period": "2026-05-04"},
        {"period": "1999-W01"},
        {"period": "this-week"},
    ],
)
def test_a_period_not_offered_is_refused_with_a_reason(
    client_for, editor, shares, query
):
    client = client_for(editor)
    for extra in ({}, {"format": "csv"}):
        response = client.get(URL, {**query, **extra})
        assert response.status_code == 400
        assert response["Content-Type"].startswith("text/html")
        html = response.content.decode()
        assert "Shares are reported by whole weeks that are over" in html
        assert 'data-testid="share-report"' not in html
        assert "Une histoire lue" not in html


def test_the_week_in_progress_is_never_offered_nor_served(client_for, editor, shares):
    client = client_for(editor)
    this_week = iso(week_of(timezone.localdate()))
    assert this_week not in offered_periods(client)
    assert iso(weeks_ago(0)) in offered_periods(client)
    assert client.get(URL, {"period": this_week}).status_code == 400


def test_csv_export_is_the_table_on_screen(client_for, editor, shares):
    client = client_for(editor)
    response = client.get(URL, {"period": "last-4", "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    lines = read_csv(response)
    assert lines[0] == ["Story", "Language", *NETWORKS, "Total"]
    on_screen = report_table(client.get(URL, {"period": "last-4"}).content.decode())
    assert lines == on_screen
    rows = by_story(lines)
    assert rows["Une histoire discrète"]["Bluesky"] == "fewer than 5 each week"
    assert "1" not in {cell for row in lines for cell in row}


def test_csv_cells_never_start_a_formula(client_for, editor, story_index):
    titles = [
        '=HYPERLINK("https://evil.example","click")',
        "+1+2",
        "-2+3",
        "@SUM(A1:A2)",
        "\tTabbed",
        "\rReturned",
    ]
    for title in titles:
        story = StoryPageFactory(parent=story_index, title=title, is_public=True)
        ShareCount.objects.create(page=story, network="x", week=weeks_ago(0), count=6)
    lines = read_csv(client_for(editor).get(URL, {"period": "last-4", "format": "csv"}))
    first_cells = {row[0] for row in lines}
    for title in titles:
        assert "'" + title in first_cells
        assert title not in first_cells
    assert all(
        not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
        for row in lines
        for cell in row
    )


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


# The attacks. Each builds data in which the attack used to work.


def test_nested_periods_give_no_small_count_back(client_for, editor, story_index):
    """Old attack: the 13 weeks showed 13 and the 4 weeks 10, so 3 shares happened in the
    weeks between."""
    story = StoryPageFactory(parent=story_index, title="Nested", is_public=True)
    ShareCount.objects.create(page=story, network="x", week=weeks_ago(0), count=10)
    ShareCount.objects.create(page=story, network="x", week=weeks_ago(6), count=3)
    client = client_for(editor)
    figures = {}
    for period in (
        "last-4",
        "last-13",
        "last-52",
        iso(weeks_ago(0)),
        iso(weeks_ago(6)),
    ):
        rows = by_story(
            report_table(client.get(URL, {"period": period}).content.decode())
        )
        figures[period] = (
            rows["Nested"]["X"],
            rows["Nested"]["Total"],
            rows["Total of the figures shown"]["Total"],
        )
    assert figures["last-4"] == ("10", "10", "10")
    assert figures["last-13"] == ("10 + weeks with fewer than 5", "10", "10")
    assert figures["last-52"] == figures["last-13"]
    assert figures[iso(weeks_ago(6))] == ("fewer than 5", "0", "0")
    shown = {numbers(text) for figure in figures.values() for text in figure} - {None}
    assert shown == {0, 10}  # no two figures differ by 3


def test_shifted_weeks_give_no_small_count_back(client_for, editor, story_index):
    """Old attack: 1–7 May and 2–8 May differ by what happened on 1 and 8 May. Weeks do not
    overlap, and several weeks add up only the weeks shown."""
    story = StoryPageFactory(parent=story_index, title="Shifted", is_public=True)
    counts = {0: 9, 1: 2, 2: 12, 3: 4, 4: 6}
    for ago, count in counts.items():
        ShareCount.objects.create(
            page=story, network="linkedin", week=weeks_ago(ago), count=count
        )
    client = client_for(editor)
    weekly = {}
    for ago in counts:
        rows = by_story(
            report_table(
                client.get(URL, {"period": iso(weeks_ago(ago))}).content.decode()
            )
        )
        weekly[ago] = rows["Shifted"]["LinkedIn"]
    assert weekly == {
        0: "9",
        1: "fewer than 5",
        2: "12",
        3: "fewer than 5",
        4: "6",
    }
    four = by_story(
        report_table(client.get(URL, {"period": "last-4"}).content.decode())
    )
    thirteen = by_story(
        report_table(client.get(URL, {"period": "last-13"}).content.decode())
    )
    assert four["Shifted"]["Total"] == "21"  # 9 + 12: the 2 and the 4 stay out
    assert thirteen["Shifted"]["Total"] == "27"  # 9 + 12 + 6
    # The difference is the week shown on its own, never a hidden one.
    assert int(thirteen["Shifted"]["Total"]) - int(four["Shifted"]["Total"]) == int(
        weekly[4]
    )


def test_dashboard_minus_report_cells_gives_nothing_back(
    client_for, editor, story_index
):
    """Old attack: the dashboard's network total minus the report's visible cells."""
    big = StoryPageFactory(parent=story_index, title="Big", is_public=True)
    small = StoryPageFactory(parent=story_index, title="Small", is_public=True)
    ShareCount.objects.create(page=big, network="bluesky", week=weeks_ago(0), count=8)
    ShareCount.objects.create(page=small, network="bluesky", week=weeks_ago(0), count=2)
    client = client_for(editor)
    dashboard = {row[0]: row[1] for row in dashboard_shares(client)[1:]}
    report = by_story(
        report_table(client.get(URL, {"period": iso(weeks_ago(0))}).content.decode())
    )
    assert report["Small"]["Bluesky"] == "fewer than 5"
    visible = sum(
        numbers(row["Bluesky"]) or 0
        for title, row in report.items()
        if title != "Total of the figures shown"
    )
    assert int(dashboard["Bluesky"]) - visible == 0
    assert dashboard["Total of the figures shown"] == "8"


def test_row_and_column_totals_minus_visible_cells_give_nothing_back(
    client_for, editor, story_index
):
    story = StoryPageFactory(parent=story_index, title="Rows", is_public=True)
    other = StoryPageFactory(parent=story_index, title="Columns", is_public=True)
    for page, network, count in [
        (story, "x", 11),
        (story, "mastodon", 3),
        (story, "email", 5),
        (other, "x", 1),
        (other, "mastodon", 20),
    ]:
        ShareCount.objects.create(
            page=page, network=network, week=weeks_ago(0), count=count
        )
    client = client_for(editor)
    for period in offered_periods(client):
        for table in (
            report_table(client.get(URL, {"period": period}).content.decode()),
            read_csv(client.get(URL, {"period": period, "format": "csv"})),
        ):
            if not table:
                continue
            header, *body, footer = table
            for row in body:
                cells = [numbers(text) or 0 for text in row[2:-1]]
                assert int(row[-1]) == sum(cells)
            for index in range(2, len(header)):
                column = [numbers(row[index]) or 0 for row in body]
                assert int(footer[index]) == sum(column)


def test_the_week_in_progress_cannot_be_differenced(
    client_for, editor, employee, story_index, monkeypatch
):
    """Old attack: look on Monday, share, look on Tuesday. Nothing of the week in progress
    shows until it is over; then the whole week shows at once and never changes again."""
    story = StoryPageFactory(parent=story_index, title="Today", is_public=True)
    kit = ShareKitFactory(page=story, texts=[("x", "Premier angle", "équipe")])
    ShareCount.objects.create(page=story, network="x", week=weeks_ago(0), count=6)
    sharer = Client()
    sharer.force_login(employee)
    monday = week_of(timezone.localdate())
    with translation.override("en"):
        share_url = reverse("stories:share", kwargs={"kit_id": kit.pk})
    editor_client = client_for(editor)

    def at(day, hour, minute=0):
        moment = timezone.make_aware(
            datetime.datetime.combine(day, datetime.time(hour, minute))
        )
        monkeypatch.setattr(timezone, "now", lambda: moment)

    def share(times):
        for _time in range(times):
            response = sharer.post(
                share_url, {"network": "x", "text": "Hello", "original": ""}
            )
            assert response.status_code == 303

    at(monday, 9)
    share(3)
    on_monday = everything_an_editor_sees(editor_client)
    at(monday + datetime.timedelta(days=1), 9)
    share(1)
    on_tuesday = everything_an_editor_sees(editor_client)
    at(monday + datetime.timedelta(days=6), 23, 59)
    share(1)  # the last minute of Sunday
    at(monday + WEEK, 0, 30)  # half an hour later: the week is still settling
    assert everything_an_editor_sees(editor_client) == on_tuesday == on_monday
    assert ShareCount.objects.get(page=story, network="x", week=monday).count == 5

    at(monday + WEEK, 1)  # the week is over and shows, whole
    share(1)
    next_week = everything_an_editor_sees(editor_client)
    assert by_story(next_week[f"{iso(monday)} html"])["Today"]["X"] == "5"
    at(monday + WEEK + datetime.timedelta(days=1), 9)
    share(4)
    assert everything_an_editor_sees(editor_client) == next_week


def build_random_counts(stories, weeks, seed, small=None):
    """Counts per story, network and week: about a third small (1–4), a third large, the rest
    zero, plus the week in progress. `small` replaces every small count, to build a world that
    differs from the first only in what must stay hidden."""
    chooser = random.Random(seed)  # noqa: S311 (seeded test data, no secret)
    this_week = week_of(timezone.localdate())
    counts = {}
    for story in stories:
        for network in Network.values:
            for ago in range(-1, weeks):
                week = this_week if ago == -1 else weeks_ago(ago)
                count = chooser.choice([0, 0, 1, 2, 3, 4, 5, 6, 9, 23])
                if ago == -1:
                    count = chooser.randint(0, 40)
                if count:
                    counts[(story, network, week)] = count
    if small is not None:
        counts = {
            key: small(key, count) if 0 < count < 5 or key[2] == this_week else count
            for key, count in counts.items()
        }
    ShareCount.objects.all().delete()
    ShareCount.objects.bulk_create(
        ShareCount(page=story, network=network, week=week, count=count)
        for (story, network, week), count in counts.items()
    )
    return counts


@pytest.mark.parametrize("seed", [11, 2026])
def test_no_figure_depends_on_a_hidden_count(client_for, editor, story_index, seed):
    """The strongest form of the attacks above: two worlds that differ only in the hidden
    counts (every count from 1 to 4 changed into another one, and the week in progress
    changed as well) give an editor exactly the same figures, on screen, in the CSV and on
    the dashboard, for every period. Whatever sums or differences anyone works out from
    them, they cannot tell the two worlds apart, so they cannot find a hidden count."""
    stories = [
        StoryPageFactory(parent=story_index, title=f"Story {letter}", is_public=True)
        for letter in "ABC"
    ]
    client = client_for(editor)
    build_random_counts(stories, weeks=15, seed=seed)
    first_world = everything_an_editor_sees(client)
    build_random_counts(
        stories,
        weeks=15,
        seed=seed,
        small=lambda key, count: 5 - count if count < 5 else 0,
    )
    second_world = everything_an_editor_sees(client)
    assert first_world == second_world
    assert (
        len(first_world) > 10
    )  # every week back to the first one with shares, and more


@pytest.mark.parametrize("seed", [11, 2026])
def test_large_counts_are_shown_exactly(client_for, editor, story_index, seed):
    stories = [
        StoryPageFactory(parent=story_index, title=f"Story {letter}", is_public=True)
        for letter in "AB"
    ]
    counts = build_random_counts(stories, weeks=6, seed=seed)
    client = client_for(editor)
    seen = everything_an_editor_sees(client)
    for ago in range(6):
        week = weeks_ago(ago)
        table = by_story(seen[f"{iso(week)} csv"])
        for story in stories:
            for network in Network:
                count = counts.get((story, network.value, week), 0)
                if count >= 5:
                    assert table[story.title][network.label] == str(count)
    four_weeks = by_story(seen["last-4 html"])
    for story in stories:
        expected = sum(
            count
            for (page, _network, week), count in counts.items()
            if page == story and count >= 5 and weeks_ago(3) <= week <= weeks_ago(0)
        )
        assert four_weeks[story.title]["Total"] == str(expected)


def test_no_other_admin_screen_shows_a_share_count(client_for, editor, story_index):
    """The report and the dashboard are the only places share counts appear: the story's edit,
    usage and delete screens, the share kits and the admin search show none."""
    story = StoryPageFactory(parent=story_index, title="Counted", is_public=True)
    kit = ShareKitFactory(page=story, texts=[("x", "Premier angle", "équipe")])
    ShareCount.objects.create(page=story, network="x", week=weeks_ago(0), count=48613)
    ShareCount.objects.create(page=story, network="email", week=weeks_ago(1), count=3)
    client = client_for(editor)
    screens = [
        reverse("wagtailadmin_pages:edit", args=[story.pk]),
        reverse("wagtailadmin_pages:usage", args=[story.pk]),
        reverse("wagtailadmin_pages:delete", args=[story.pk]),
        reverse("wagtailadmin_explore", args=[story_index.pk]),
        reverse("wagtailadmin_pages:search") + "?q=Counted",
        reverse("wagtailsnippets_stories_sharekit:list"),
        reverse("wagtailsnippets_stories_sharekit:edit", args=[kit.pk]),
    ]
    for url in screens:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "48613" not in html, url
        assert "share count" not in html.lower(), url
    report = client.get(URL, {"period": iso(weeks_ago(0))}).content.decode()
    assert "48613" in report
