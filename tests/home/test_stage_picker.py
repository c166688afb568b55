import time

from django.apps import apps
from django.urls import reverse

from wagtail.snippets.models import get_snippet_models

import pytest

from home.models import StagePreference
from tests.factories.home import UserFactory


pytestmark = pytest.mark.django_db

URL = "/fr/my-stage/"


@pytest.fixture
def listening_employee(employee):
    StagePreference.objects.create(user=employee, stage="listen")
    return employee


def test_the_picker_explains_the_four_stages(client_for, employee, home_page):
    response = client_for(employee).get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    for value in ("discover", "listen", "speak", "lead"):
        assert f'data-testid="stage-{value}"' in html
    assert "checked" not in html.split("<fieldset", 1)[1].split("</fieldset>", 1)[0]
    assert 'data-testid="stage-clear"' not in html
    assert (
        "no-cache" in response["Cache-Control"]
        or "max-age=0" in response["Cache-Control"]
    )


def test_choosing_a_stage_stores_it_for_that_user_only(
    client_for, employee, editor, home_page
):
    response = client_for(employee).post(URL, {"stage": "listen"})
    assert response.status_code == 302
    assert response["Location"] == URL
    assert StagePreference.objects.get(user=employee).stage == "listen"
    assert not StagePreference.objects.filter(user=editor).exists()


@pytest.mark.parametrize("shared_cache", [False, True])
def test_changing_and_clearing_the_stage(
    client_for, listening_employee, home_page, settings, shared_cache
):
    settings.CHORUS_SHARED_CACHE = shared_cache
    client = client_for(listening_employee)
    client.post(URL, {"stage": "lead"})
    assert StagePreference.objects.get(user=listening_employee).stage == "lead"
    assert StagePreference.objects.count() == 1
    html = client.get(URL).content.decode()
    assert 'value="lead" id="stage_lead"' in html
    assert 'data-testid="stage-clear"' in html

    response = client.post(URL, {"clear": "1"})
    assert response.status_code == 302
    assert not StagePreference.objects.filter(user=listening_employee).exists()


@pytest.mark.parametrize("value", ["", "expert", "LISTEN", "<b>", "x" * 3000])
def test_a_bad_stage_is_refused_with_a_message_and_changes_nothing(
    client_for, listening_employee, home_page, value
):
    response = client_for(listening_employee).post(URL, {"stage": value})
    assert response.status_code == 200
    assert 'id="stage_errors"' in response.content.decode()
    assert StagePreference.objects.get(user=listening_employee).stage == "listen"


def test_going_back_only_to_this_site(client_for, employee, home_page):
    client = client_for(employee)
    response = client.post(URL, {"stage": "speak", "next": "/fr/guides/"})
    assert response["Location"] == "/fr/guides/"
    for evil in ("https://evil.example/", "//evil.example/", "javascript:alert(1)"):
        response = client.post(URL, {"stage": "speak", "next": evil})
        assert response["Location"] == URL


def test_anonymous_visitors_must_log_in(client, home_page):
    response = client.post(URL, {"stage": "listen"})
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert not StagePreference.objects.exists()


def test_nobody_else_sees_the_choice(client_for, listening_employee, editor, home_page):
    client = client_for(editor)
    for url in (URL, "/fr/"):
        html = client.get(url).content.decode()
        assert "Guides for your stage" not in html
        assert 'data-testid="stage-clear"' not in html
        assert " checked" not in html


def test_the_choice_is_not_in_the_admin_snippets_or_exports(
    client, listening_employee, home_page
):
    assert StagePreference not in get_snippet_models()
    assert not apps.is_installed("django.contrib.admin")
    superuser = UserFactory(username="boss", is_superuser=True, is_staff=True)
    client.force_login(superuser)
    stage_words = ("stage", "Stage", "étape", "Listen", "listen")
    pages = [
        reverse("wagtailusers_users:edit", args=[listening_employee.pk]),
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_users:index") + "?export=csv",
        reverse("wagtailsnippets:index"),
        "/admin/",
    ]
    csv = client.get(pages[2])
    assert csv["Content-Type"].startswith("text/csv")
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        body = (
            b"".join(response.streaming_content)
            if response.streaming
            else response.content
        )
        content = body.decode(errors="ignore")
        for word in stage_words:
            assert word not in content, (url, word)


def shown_stage(client):
    html = client.get(URL).content.decode()
    return html.split('data-testid="current-stage">', 1)[1].split("</p>", 1)[0]


def change_elsewhere(user, stage):
    """What another process does: the database changes, this process' cache is not told."""
    StagePreference.objects.filter(user=user).update(stage=stage)


def test_without_a_shared_cache_a_stage_changed_elsewhere_shows_at_once(
    client_for, listening_employee, home_page, settings
):
    settings.CHORUS_SHARED_CACHE = False  # local memory: each process has its own
    client = client_for(listening_employee)
    assert "Écouter" in shown_stage(client)

    change_elsewhere(listening_employee, "lead")
    assert "Entraîner" in shown_stage(client)


def test_in_a_shared_cache_the_stage_is_kept_for_a_limited_time(
    client_for, listening_employee, home_page, settings
):
    settings.CHORUS_SHARED_CACHE = True
    settings.CHORUS_CHOICE_CACHE_SECONDS = 1
    client = client_for(listening_employee)
    assert "Écouter" in shown_stage(client)

    change_elsewhere(listening_employee, "lead")
    assert "Écouter" in shown_stage(client)  # the shared copy is served…
    time.sleep(1.5)
    assert "Entraîner" in shown_stage(client)  # …until it expires
