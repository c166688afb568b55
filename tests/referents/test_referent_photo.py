from django.core.exceptions import ValidationError

import pytest
import wagtail_factories

from tests.factories.referents import ReferentFactory


pytestmark = pytest.mark.django_db


def test_a_referent_photo_needs_alt_text(locales):
    referent = ReferentFactory.build(
        photo=wagtail_factories.ImageFactory(), photo_alt=" "
    )
    with pytest.raises(ValidationError) as error:
        referent.full_clean()
    assert "photo_alt" in error.value.message_dict

    referent.photo_alt = "Samir, smiling, in front of a bookshelf"
    referent.full_clean(exclude=["translation_key"])
