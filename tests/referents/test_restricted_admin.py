"""What an ambassador sees in the admin: their own pages and images, and nothing else."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

import pytest

from referents.models import Referent
from referents.programme import personal_collection_for
from tests.factories.referents import ReferentFactory, SpotlightPageFactory


pytestmark = pytest.mark.django_db


@pytest.fixture
def spotlight_b(spotlight_index, ambassador_b):
    return SpotlightPageFactory(
        parent=spotlight_index,
        owner=ambassador_b,
        title="Bruno's draft spotlight",
        slug="bruno",
        live=False,
    )


def image_of(user, title):
    return get_image_model().objects.create(
        title=title, file=get_test_image_file(), uploaded_by_user=user
    )


def test_explorer_lists_only_own_pages(
    client_for, ambassador_a, spotlight_a, spotlight_b
):
    response = client_for(ambassador_a).get(
        reverse("wagtailadmin_explore", args=[spotlight_a.get_parent().pk])
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Awa" in content
    assert "Bruno&#x27;s draft spotlight" not in content
    assert "Bruno's draft spotlight" not in content


def test_page_chooser_hides_other_pages(
    client_for, ambassador_a, spotlight_a, spotlight_b
):
    client = client_for(ambassador_a)
    browse = client.get(
        reverse("wagtailadmin_choose_page_child", args=[spotlight_a.get_parent().pk])
    )
    search = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Bruno"})
    assert "Awa" in browse.content.decode()
    for response in (browse, search):
        assert "draft spotlight" not in response.content.decode()


def test_image_chooser_and_library_show_only_own_images(
    client_for, ambassador_a, ambassador_b
):
    image_of(ambassador_a, "Awa at the fair")
    image_of(ambassador_b, "Bruno on holiday")
    client = client_for(ambassador_a)
    for url in (
        reverse("wagtailimages_chooser:choose"),
        reverse("wagtailimages:index"),
    ):
        content = client.get(url).content.decode()
        assert "Awa at the fair" in content
        assert "Bruno on holiday" not in content


def test_upload_goes_into_the_ambassadors_own_collection(client_for, ambassador_a):
    upload = SimpleUploadedFile(
        "portrait.png", get_test_image_file().file.getvalue(), "image/png"
    )
    client_for(ambassador_a).post(
        reverse("wagtailimages:add"), {"title": "My portrait", "file": upload}
    )
    image = get_image_model().objects.get(title="My portrait")
    assert image.collection == personal_collection_for(ambassador_a)


def menu_names(response):
    # The sidebar is rendered from JSON; collect the names of its menu items.
    return set(re.findall(r'"name": "([a-z_-]+)"', response.content.decode()))


def test_admin_menu_shows_only_what_an_ambassador_can_use(
    client_for, ambassador_a, editor, spotlight_index
):
    names = menu_names(client_for(ambassador_a).get(reverse("wagtailadmin_home")))
    assert {"explorer", "images"} <= names
    assert not names & {"snippets", "documents", "reports", "settings", "referents"}
    editor_names = menu_names(client_for(editor).get(reverse("wagtailadmin_home")))
    assert "documents" in editor_names


def test_referent_edits_only_their_own_profile(client_for, referent, locales):
    own = ReferentFactory(name="Samir", user=referent)
    other = ReferentFactory(name="Claire")
    client = client_for(referent)
    listing = client.get(reverse("wagtailsnippets_referents_referent:list"))
    assert "Samir" in listing.content.decode()
    assert "Claire" not in listing.content.decode()
    assert (
        client.get(
            reverse("wagtailsnippets_referents_referent:edit", args=[own.pk])
        ).status_code
        == 200
    )
    client.post(
        reverse("wagtailsnippets_referents_referent:edit", args=[other.pk]),
        {"name": "Changed", "role": "x", "email": "x@chorus.example"},
    )
    assert Referent.objects.get(pk=other.pk).name == "Claire"
    assert (
        client.get(
            reverse("wagtailsnippets_referents_referent:edit", args=[other.pk])
        ).status_code
        != 200
    )


def test_referent_cannot_reach_kits_topics_or_documents(client_for, referent):
    client = client_for(referent)
    for name in (
        "wagtailsnippets_stories_sharekit:list",
        "wagtailsnippets_stories_topic:list",
        "wagtaildocs:index",
    ):
        assert client.get(reverse(name)).status_code != 200


def test_public_flag_asks_for_the_ambassadors_consent(
    client_for, ambassador_a, spotlight_a
):
    response = client_for(ambassador_a).get(
        reverse("wagtailadmin_pages:edit", args=[spotlight_a.pk]),
        headers={"accept-language": "en"},
    )
    assert "Public only with your explicit consent" in response.content.decode()


def test_explorer_offers_no_copy_or_move(client_for, ambassador_a, spotlight_a):
    response = client_for(ambassador_a).get(
        reverse("wagtailadmin_explore", args=[spotlight_a.get_parent().pk])
    )
    content = response.content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[spotlight_a.pk]) in content
    assert reverse("wagtailadmin_pages:copy", args=[spotlight_a.pk]) not in content
    assert reverse("wagtailadmin_pages:move", args=[spotlight_a.pk]) not in content
