from unittest import mock

from django.db import OperationalError

import pytest


pytestmark = pytest.mark.django_db


def test_liveness_answers_without_login(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readiness_reports_database_and_cache(client):
    response = client.get("/healthz?ready")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_readiness_says_when_the_database_is_unavailable(client):
    with mock.patch(
        "home.views.connection.cursor", side_effect=OperationalError("down")
    ):
        response = client.get("/healthz?ready")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
