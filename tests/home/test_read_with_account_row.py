"""What most pages ask about a person (their stage, their referent, whether any restriction
may hide a page from them) comes with their account's row when it is read from the database
(CHORUS_READ_WITH_ACCOUNT_ROW, home.auth_backends): the same answers as reading each one,
no query more, with or without a shared cache, and never kept past a change."""

import uuid

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import RequestFactory

from wagtail.models import PageViewRestriction

import pytest

from home.access import EMPLOYEE, visibility
from home.auth_backends import ModelBackend
from home.models import StagePreference
from home.stages import Stage
from referents.models import ReferentChoice
from tests.factories.stories import StoryIndexPageFactory, StoryPageFactory


pytestmark = pytest.mark.django_db


@pytest.fixture(params=[False, True], ids=["one process", "shared cache"])
def shared(request, settings):
    settings.CHORUS_SHARED_CACHE = request.param
    cache.clear()
    return request.param


def account(user):
    """The account as the session's middleware reads it at the start of a request."""
    return ModelBackend().get_user(user.pk)


def request_of(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_the_stage_and_the_referent_come_with_the_row(
    shared, employee, django_assert_num_queries
):
    chosen = uuid.uuid4()
    StagePreference.objects.create(user=employee, stage=Stage.SPEAK)
    ReferentChoice.objects.create(user=employee, referent_key=chosen)
    with django_assert_num_queries(1):
        user = account(employee)
        assert StagePreference.stage_of(user) == Stage.SPEAK
        assert ReferentChoice.key_of(user) == chosen
        assert visibility(request_of(user)) == EMPLOYEE


def test_no_choice_comes_with_the_row_as_none(
    shared, employee, django_assert_num_queries
):
    with django_assert_num_queries(1):
        user = account(employee)
        assert StagePreference.stage_of(user) == ""
        assert ReferentChoice.key_of(user) is None


def test_the_answers_are_those_read_one_by_one(shared, employee):
    StagePreference.objects.create(user=employee, stage=Stage.LEAD)
    ReferentChoice.objects.create(user=employee, referent_key=uuid.uuid4())
    with_row = account(employee)
    cache.clear()
    alone = type(employee).objects.get(pk=employee.pk)
    assert StagePreference.stage_of(with_row) == StagePreference.stage_of(alone)
    assert ReferentChoice.key_of(with_row) == ReferentChoice.key_of(alone)
    assert visibility(request_of(with_row)) == visibility(request_of(alone))


@pytest.fixture
def story(home_page):
    index = StoryIndexPageFactory(parent=home_page)
    return StoryPageFactory(parent=index, title="Board only")


def restrict_to_a_group(page):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="Board")])


def test_a_group_restriction_is_read_with_its_paths(
    shared, employee, story, django_assert_num_queries
):
    restrict_to_a_group(story)
    user = account(employee)
    with django_assert_num_queries(1):  # the row said a restriction may hide pages
        assert story.path in visibility(request_of(user))


@pytest.mark.parametrize("cache_emptied", [False, True])
def test_a_restriction_added_during_a_request_counts_at_the_next_one(
    shared, employee, story, cache_emptied
):
    if cache_emptied:
        cache.clear()  # no version of what people may see is known yet
    # The row is read before the restriction exists: this request lists what it read.
    during = account(employee)
    restrict_to_a_group(story)
    assert visibility(request_of(during)) == EMPLOYEE
    # Nothing of that answer was kept: the next request hides the page.
    assert story.path in visibility(request_of(account(employee)))
