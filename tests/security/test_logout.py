"""Logging out takes a POST: a GET, such as an <img src> on any page, logs nobody out."""

from django.urls import reverse

import pytest


pytestmark = pytest.mark.django_db


def is_logged_in(client):
    return client.get(reverse("wagtailadmin_home")).status_code == 200


def test_a_get_to_the_admin_logout_leaves_the_editor_logged_in(
    client_for, editor, home_page
):
    client = client_for(editor)
    response = client.get(reverse("wagtailadmin_logout"))  # what <img src> does
    assert response.status_code == 405
    assert "sessionid" not in response.cookies
    assert is_logged_in(client)


def test_a_post_to_the_admin_logout_logs_out(client_for, editor, home_page):
    client = client_for(editor)
    response = client.post(reverse("wagtailadmin_logout"))
    assert response.status_code == 302
    assert not is_logged_in(client)


def test_a_get_to_the_site_logout_leaves_the_employee_logged_in(
    client_for, employee, home_page
):
    client = client_for(employee)
    assert client.get("/fr/logout/").status_code == 405
    assert client.get("/fr/").status_code == 200
