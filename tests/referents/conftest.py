from django.utils import translation

import pytest

from tests.factories.referents import (
    AmbassadorFactory,
    ReferentFactory,
    SpotlightIndexPageFactory,
    SpotlightPageFactory,
)


@pytest.fixture(autouse=True)
def _english():
    # reverse() then gives /en/ URLs, so messages are asserted in the language they are written in.
    with translation.override("en"):
        yield


@pytest.fixture
def spotlight_index(home_page, roles):
    # Creating the index grants ambassadors "add" on it and assigns the review workflow.
    return SpotlightIndexPageFactory(parent=home_page)


@pytest.fixture
def ambassador_a(roles):
    return AmbassadorFactory(username="ambassador_a", first_name="Awa")


@pytest.fixture
def ambassador_b(roles):
    return AmbassadorFactory(username="ambassador_b", first_name="Bruno")


@pytest.fixture
def spotlight_a(spotlight_index, ambassador_a):
    return SpotlightPageFactory(
        parent=spotlight_index, owner=ambassador_a, title="Awa", slug="awa"
    )


@pytest.fixture
def referent_profile(locales):
    return ReferentFactory(name="Nadia", email="nadia@chorus.example")
