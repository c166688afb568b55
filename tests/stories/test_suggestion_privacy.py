"""What a story suggestion keeps about its author: described, exported, and gone when the
account closes (DESIGN §1.9 and §1.10)."""

import json

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from wagtail.images.tests.utils import get_test_image_file

import pytest

from referents.leaving import close_account
from stories.models import StorySuggestion
from tests.factories.home import UserFactory
from tests.factories.stories import StoryPageFactory, StorySuggestionFactory


pytestmark = pytest.mark.django_db


@pytest.fixture
def three_suggestions(employee, story_index):
    story = StoryPageFactory(parent=story_index, title="Le potager", live=False)
    pending = StorySuggestionFactory(
        title="En attente", suggested_by=employee, wants_help=True
    )
    pending.photo.save("p.png", ContentFile(get_test_image_file().file.getvalue()))
    declined = StorySuggestionFactory(
        title="Déclinée",
        suggested_by=employee,
        status=StorySuggestion.Status.DECLINED,
        decline_reason="Déjà raconté.",
    )
    accepted = StorySuggestionFactory(
        title="Le potager",
        suggested_by=employee,
        credit_me=True,
        status=StorySuggestion.Status.ACCEPTED,
        story=story,
    )
    return pending, declined, accepted


def test_the_transparency_page_describes_suggestions(client, locales):
    page = client.get("/en/what-we-see/").content.decode()
    assert "The stories you suggest" in page
    assert "pending and declined suggestions are deleted" in page
    assert "your name only if you asked to be credited" in page
    page = client.get("/fr/what-we-see/").content.decode()
    assert "Les histoires que vous proposez" in page
    assert "ce qui s&#x27;est passé" in page  # the stored fields, by their French name


def test_the_personal_data_export_holds_my_suggestions_only(
    client_for, employee, three_suggestions
):
    colleague = UserFactory(username="colleague")
    StorySuggestionFactory(title="L'idée d'un collègue", suggested_by=colleague)
    response = client_for(employee).get(reverse("referents:download_my_data"))
    data = json.loads(response.content)
    rows = data["other_records"]["stories.StorySuggestion"]
    assert sorted(row["title"] for row in rows) == [
        "Déclinée",
        "En attente",
        "Le potager",
    ]
    declined = next(row for row in rows if row["title"] == "Déclinée")
    assert declined["status"] == "declined"
    assert declined["decline_reason"] == "Déjà raconté."
    assert "collègue" not in response.content.decode()


def test_closing_the_account_deletes_what_was_not_accepted(employee, three_suggestions):
    pending, declined, accepted = three_suggestions
    photo = pending.photo.name
    assert default_storage.exists(photo)
    close_account(employee)
    assert list(StorySuggestion.objects.all()) == [accepted]
    assert not default_storage.exists(photo)
    accepted.refresh_from_db()
    # Where the story came from stays; who suggested it does not.
    assert accepted.suggested_by is None
    assert (accepted.credit_me, accepted.wants_help) == (False, False)
    assert accepted.story is not None


def test_deleting_the_account_keeps_the_accepted_suggestion(
    employee, three_suggestions
):
    accepted = three_suggestions[2]
    employee.delete()  # the admin's delete closes the account first (referents.signals)
    assert list(StorySuggestion.objects.all()) == [accepted]
    accepted.refresh_from_db()
    assert accepted.suggested_by is None


def test_no_count_of_suggestions_per_person(
    client_for, employee, editor, three_suggestions
):
    """Nothing anywhere says how many suggestions one person made: the editor's listing
    names nobody, and no page offers a filter or column by person."""
    page = (
        client_for(editor)
        .get(reverse("wagtailsnippets_stories_storysuggestion:list"))
        .content.decode()
    )
    assert "suggested_by" not in page
    assert employee.get_username() not in page
