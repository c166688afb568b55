"""Factories for referents, ambassadors and their spotlight pages."""

from django.contrib.auth.models import Group

from wagtail.models import Locale

import factory
import wagtail_factories

from referents.models import AmbassadorProfile, Referent
from referents.roles import AMBASSADORS, EMPLOYEES
from stories.models import SpotlightIndexPage, SpotlightPage
from tests.factories.home import UserFactory


class ReferentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Referent

    name = factory.Sequence(lambda n: f"Referent {n}")
    role = "Digital communication"
    email = factory.Sequence(lambda n: f"referent{n}@chorus.example")
    locale = factory.LazyFunction(Locale.get_default)
    live = True


class AmbassadorFactory(UserFactory):
    """A user in the Employees and Ambassadors groups, with an ambassador profile."""

    @factory.post_generation
    def groups(user, create, extracted, **kwargs):
        if create:
            user.groups.set(Group.objects.filter(name__in=[EMPLOYEES, AMBASSADORS]))

    @factory.post_generation
    def profile(user, create, extracted, **kwargs):
        if create:
            AmbassadorProfile.objects.get_or_create(user=user)


class SpotlightIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SpotlightIndexPage

    title = "Ambassadeurs"
    slug = "ambassadeurs"


class SpotlightPageFactory(wagtail_factories.PageFactory):
    """A spotlight owned by `owner`, published unless `live=False`."""

    class Meta:
        model = SpotlightPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Ambassador {n}")
    slug = factory.Sequence(lambda n: f"ambassador-{n}")
    role = "Engineer"
    bio = "<p>I write about our work.</p>"
    is_public = False

    @factory.post_generation
    def publish(page, create, extracted, **kwargs):
        if create and page.live and extracted is not False:
            page.save_revision(user=page.owner).publish()
