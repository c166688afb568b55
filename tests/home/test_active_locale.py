"""The locale being read (home.index_pages.active_locale) is Wagtail's `Locale.get_active()`,
taken from the menu's pages for a logged-in reader, whose header reads them anyway."""

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import translation

from wagtail.models import Locale

import pytest

from home.index_pages import active_locale, pages_under_home
from tests.factories.stories import StoryIndexPageFactory


pytestmark = pytest.mark.django_db


def request_of(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


@pytest.fixture
def menus(home_page, home_page_en, locales):
    StoryIndexPageFactory(parent=home_page, slug="histoires")
    home_page_en.refresh_from_db()  # its URL path, as published
    StoryIndexPageFactory(parent=home_page_en, slug="stories", locale=locales["en"])


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_logged_in_reader_s_locale_comes_with_the_menu(
    menus, employee, language, django_assert_num_queries
):
    request = request_of(employee)
    with translation.override(language):
        expected = Locale.get_active()
        pages_under_home(request)  # the header's menu
        with django_assert_num_queries(0):
            assert active_locale(request) == expected


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_visitor_s_locale_is_looked_up(menus, language):
    with translation.override(language):
        assert active_locale(request_of(AnonymousUser())) == Locale.get_active()


def test_a_language_without_its_own_home_page_is_still_the_one_read(
    home_page, locales, employee
):
    # Only the French home page exists: the menu falls back to its pages.
    StoryIndexPageFactory(parent=home_page, slug="histoires")
    with translation.override("en"):
        request = request_of(employee)
        assert pages_under_home(request)
        assert active_locale(request).language_code == "en"
