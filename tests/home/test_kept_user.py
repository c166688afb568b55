"""The logged-in person is read from the shared cache (home.auth_backends): a cached page
costs no query, and whatever happens to the account counts at its very next request."""

from django.contrib.auth.hashers import make_password
from django.core.cache import cache
from django.db import connection
from django.db.models.base import DJANGO_VERSION_PICKLE_KEY
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

from home.auth_backends import OIDCBackend, user_cache_key
from tests.factories.home import UserFactory


pytestmark = pytest.mark.django_db


@pytest.fixture
def shared_cache(settings):
    settings.CHORUS_SHARED_CACHE = True
    settings.CHORUS_PAGE_CACHE = True
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    cache.clear()
    return settings


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_cached_page_costs_no_query_at_all(shared_cache, employee, home_page):
    client = logged_in(employee)
    client.get(
        "/fr/"
    )  # creates the site settings rows, which replaces the content version
    assert client.get("/fr/").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/fr/").status_code == 200
    assert [query["sql"] for query in queries.captured_queries] == []


def test_the_kept_row_holds_nothing_a_request_added(shared_cache, employee, home_page):
    client = logged_in(employee)
    client.get("/fr/")  # reads the stage, the referent, the groups on the user object
    kept = cache.get(user_cache_key(employee.pk))
    assert kept.pk == employee.pk
    fresh = type(employee).objects.get(pk=employee.pk)
    # The same attributes as a row just read (pickling adds Django's version).
    assert set(kept.__dict__) - {DJANGO_VERSION_PICKLE_KEY} == set(fresh.__dict__)


def deactivate(user):
    user.is_active = False
    user.save()


def new_password(user):
    user.password = make_password("a completely new passphrase")
    user.save()


def delete(user):
    user.delete()


@pytest.mark.parametrize("change", [deactivate, new_password, delete])
def test_a_change_to_the_account_counts_at_the_next_request(
    shared_cache, employee, home_page, change
):
    client = logged_in(employee)
    assert client.get("/fr/").status_code == 200
    assert cache.get(user_cache_key(employee.pk)) is not None
    change(employee)
    response = client.get("/fr/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_without_a_shared_cache_the_row_is_read_each_time(
    settings, employee, home_page
):
    settings.CHORUS_SHARED_CACHE = False
    cache.clear()
    client = logged_in(employee)
    client.get("/fr/")
    assert cache.get(user_cache_key(employee.pk)) is None
    deactivate(employee)
    assert client.get("/fr/").status_code == 302


@pytest.mark.parametrize("shared", [False, True])
def test_single_sign_on_refuses_an_inactive_account(settings, shared):
    # mozilla-django-oidc's own get_user would return it.
    settings.CHORUS_SHARED_CACHE = shared
    settings.OIDC_RP_CLIENT_ID = "chorus"
    settings.OIDC_RP_CLIENT_SECRET = "secret"  # noqa: S105  # nosec B105
    settings.OIDC_OP_TOKEN_ENDPOINT = "http://127.0.0.1:9/token"  # noqa: S105
    settings.OIDC_OP_USER_ENDPOINT = "http://127.0.0.1:9/userinfo"
    cache.clear()
    person = UserFactory(is_active=False)
    assert OIDCBackend().get_user(person.pk) is None
    person.is_active = True
    person.save()
    assert OIDCBackend().get_user(person.pk) == person
