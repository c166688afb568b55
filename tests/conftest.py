"""Shared fixtures: locales, the two home pages, and one user per role.

App-specific fixtures live in tests/<app>/conftest.py; factories in tests/factories/.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache

from wagtail.models import Collection, Locale, Page, Site

import pytest

from home.models import HomePage
from referents.roles import AMBASSADORS, EDITORS, EMPLOYEES, REFERENTS, ensure_roles
from tests.factories.home import UserFactory


def pytest_collection_modifyitems(items):
    """Browser tests empty the database (Django's live server, transactional), which takes
    Wagtail's root page and collection away, so they must stay where they run last. A test
    elsewhere that takes pytest-playwright's `page` fixture (or an argument of that name)
    would become one of them and move them before the others."""

    def takes_a_browser(item):
        parameters = getattr(getattr(item, "callspec", None), "params", {})
        return "browser_name" in (*getattr(item, "fixturenames", ()), *parameters)

    strays = [
        item.nodeid
        for item in items
        if takes_a_browser(item) and not item.nodeid.startswith("tests/browser/")
    ]
    if strays:
        raise pytest.UsageError(
            "Browser tests belong in tests/browser/ (an argument named `page` is "
            "pytest-playwright's fixture): " + ", ".join(strays)
        )


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    # Transactional (browser) tests flush the database: content type ids cached in memory
    # by an earlier test would then point at rows that no longer exist.
    ContentType.objects.clear_cache()
    yield
    cache.clear()


@pytest.fixture
def locales(db):
    fr = Locale.objects.get_or_create(language_code="fr")[0]
    en = Locale.objects.get_or_create(language_code="en")[0]
    return {"fr": fr, "en": en}


def _tree_roots(locales):
    """What migrations create and a transactional test (browser tests) flushes: the page and
    collection roots and a permission, which roles need to grant page, image and translation
    permissions."""
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(
            instance=Page(title="Root", slug="root", locale=locales["fr"])
        )
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    # wagtail-localize creates its "submit translation" permission in a data migration.
    Permission.objects.get_or_create(
        content_type=ContentType.objects.get_or_create(
            app_label="wagtail_localize", model="translation"
        )[0],
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    return root


@pytest.fixture
def site_root(locales):
    root = _tree_roots(locales)
    for page in root.get_children():
        page.delete()
    return root


@pytest.fixture
def home_page(site_root, locales):
    """The French home page, root of the default site."""
    home = HomePage(title="Accueil", slug="accueil", locale=locales["fr"])
    site_root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.all().delete()
    Site.objects.create(
        hostname="testserver", port=80, root_page=home, is_default_site=True
    )
    return home


@pytest.fixture
def home_page_en(home_page, locales):
    home_en = home_page.copy_for_translation(locales["en"])
    home_en.title, home_en.slug = "Home", "home"
    home_en.save_revision().publish()
    return home_en


@pytest.fixture
def roles(locales):
    _tree_roots(locales)
    return ensure_roles()


def _user_in(*group_names, **kwargs):
    user = UserFactory(**kwargs)
    user.groups.set(Group.objects.filter(name__in=group_names))
    return user


@pytest.fixture
def employee(roles):
    return _user_in(EMPLOYEES, username="employee")


@pytest.fixture
def editor(roles):
    return _user_in(EMPLOYEES, EDITORS, username="editor")


@pytest.fixture
def ambassador(roles):
    return _user_in(EMPLOYEES, AMBASSADORS, username="ambassador")


@pytest.fixture
def referent(roles):
    return _user_in(EMPLOYEES, REFERENTS, username="referent")


@pytest.fixture
def client_for(client):
    """`client_for(user)` returns the test client logged in as that user."""

    def login(user):
        client.force_login(user)
        return client

    return login
