"""People leave; their data leaves with them (DESIGN §1.10).

Each way an account closes is taken as a person would take it: an administrator deactivating
or deleting it in Wagtail's admin (one by one or in bulk), or the employee erasing their own
account data. Each checks every effect, read back from the database, the storage, the session
store and the page cache.
"""

from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.models import Session
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse
from django.utils import translation

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

import pytest
from axes.models import AccessAttempt

from home.models import StagePreference
from referents.models import AmbassadorProfile, Referent
from referents.programme import personal_collection_for
from referents.roles import AMBASSADORS, EDITORS, EMPLOYEES
from stories.models import SpotlightPage
from tests.factories.home import UserFactory
from tests.factories.referents import ReferentFactory, SpotlightPageFactory


pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def administrator(roles):
    return UserFactory(username="boss", is_superuser=True, is_staff=True)


@pytest.fixture
def page_cache(settings):
    settings.CHORUS_PAGE_CACHE = True


@pytest.fixture
def disk_storage(settings, tmp_path):
    # Wagtail deletes files in a task that rebuilds the storage from its deconstructed form:
    # a fresh in-memory storage would be empty, so these tests keep files on disk.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }


@pytest.fixture
def leaver(ambassador_a, spotlight_index, locales, disk_storage):
    """Awa, an ambassador with everything Chorus can hold about a person, logged in
    elsewhere, and her public spotlight already cached for anonymous visitors."""
    user = ambassador_a
    photo = get_image_model().objects.create(
        title="Awa smiling", file=get_test_image_file(), uploaded_by_user=user
    )
    other_photo = get_image_model().objects.create(
        title="Awa at the fair", file=get_test_image_file(), uploaded_by_user=user
    )
    rendition = photo.get_rendition("fill-80x80")
    spotlight = SpotlightPageFactory(
        parent=spotlight_index,
        owner=user,
        title="Awa",
        slug="awa",
        is_public=True,
        photo=photo,
        photo_alt="Awa, smiling",
    )
    AmbassadorProfile.objects.filter(user=user).update(
        linkedin_url="https://www.linkedin.com/in/awa"
    )
    StagePreference.objects.create(user=user, stage="speak")
    referent = ReferentFactory(name="Awa Diallo", user=user)
    AccessAttempt.objects.create(
        username=user.username,
        ip_address="192.0.2.10",
        user_agent="browser",
        http_accept="*/*",
        path_info="/admin/login/",
        failures_since_start=1,
    )
    files = [photo.file.name, other_photo.file.name, rendition.file.name]
    assert all(default_storage.exists(name) for name in files)
    device = Client()
    device.force_login(user)
    assert device.get(reverse("stage_picker")).status_code == 200
    return {
        "user": user,
        "pk": user.pk,
        "spotlight": spotlight,
        "photo": photo,
        "other_photo": other_photo,
        "files": files,
        "collection": personal_collection_for(user),
        "referent": referent,
        "device": device,
    }


def sessions_of(user_pk):
    return [
        session
        for session in Session.objects.all()
        if session.get_decoded().get(SESSION_KEY) == str(user_pk)
    ]


def assert_personal_data_gone(leaver, spotlight_stays_online=False):
    user_pk = leaver["pk"]
    spotlight = SpotlightPage.objects.get(pk=leaver["spotlight"].pk)
    assert spotlight.live is spotlight_stays_online
    assert not AmbassadorProfile.objects.filter(user_id=user_pk).exists()
    assert not User.objects.filter(pk=user_pk, groups__name=AMBASSADORS).exists()
    assert not StagePreference.objects.filter(user_id=user_pk).exists()
    referent = Referent.objects.get(pk=leaver["referent"].pk)
    assert not referent.live
    assert not Collection.objects.filter(pk=leaver["collection"].pk).exists()
    assert not get_image_model().objects.filter(pk=leaver["other_photo"].pk).exists()
    assert not default_storage.exists(leaver["files"][1])
    if spotlight_stays_online:
        # The photo shown on the spotlight kept online stays with it, out of the collection.
        photo = get_image_model().objects.get(pk=leaver["photo"].pk)
        assert photo.collection.name == "Ambassadors"
        assert spotlight.photo_id == photo.pk
    else:
        assert not get_image_model().objects.filter(pk=leaver["photo"].pk).exists()
        for name in leaver["files"]:
            assert not default_storage.exists(name), name
    assert sessions_of(user_pk) == []
    response = leaver["device"].get(reverse("stage_picker"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def assert_spotlight_offline_for_visitors(client, spotlight):
    client.logout()
    response = client.get(spotlight.url)
    assert response.status_code in (302, 404)
    assert b"Awa" not in response.content


def edit_form_data(user, **overrides):
    """The Wagtail user edit form as an administrator posts it, "Active" unticked."""
    data = {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "groups": [group.pk for group in user.groups.all()],
        "password1": "",
        "password2": "",
    }
    data.update(overrides)
    return data


def cached_for_visitors(client, spotlight):
    response = client.get(spotlight.url)
    assert response.status_code == 200
    assert b"https://www.linkedin.com/in/awa" in response.content
    return response


def test_deactivating_in_the_admin_closes_everything(
    client, administrator, leaver, page_cache, django_capture_on_commit_callbacks
):
    spotlight = leaver["spotlight"]
    cached_for_visitors(client, spotlight)
    client.force_login(administrator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailusers_users:edit", args=[leaver["pk"]]),
            edit_form_data(leaver["user"]),
        )
    assert response.status_code == 302
    assert User.objects.get(pk=leaver["pk"]).is_active is False
    assert_personal_data_gone(leaver)
    # Kept as a draft for editors to delete.
    assert SpotlightPage.objects.filter(pk=spotlight.pk, live=False).exists()
    assert_spotlight_offline_for_visitors(client, spotlight)


def test_deleting_in_the_admin_closes_everything(
    client, administrator, leaver, page_cache, django_capture_on_commit_callbacks
):
    spotlight = leaver["spotlight"]
    cached_for_visitors(client, spotlight)
    client.force_login(administrator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailusers_users:delete", args=[leaver["pk"]])
        )
    assert response.status_code == 302
    assert not User.objects.filter(pk=leaver["pk"]).exists()
    assert_personal_data_gone(leaver)
    assert SpotlightPage.objects.get(pk=spotlight.pk).owner is None
    assert not AccessAttempt.objects.filter(username="ambassador_a").exists()
    assert_spotlight_offline_for_visitors(client, spotlight)


@pytest.mark.parametrize(
    ("action", "form"),
    [("set_active_state", {"mark_as_active": "False"}), ("delete", {})],
)
def test_bulk_actions_in_the_admin_close_everything(
    client, administrator, leaver, django_capture_on_commit_callbacks, action, form
):
    client.force_login(administrator)
    url = reverse("wagtail_bulk_action", args=["auth", "user", action])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{url}?id={leaver['pk']}", form)
    assert response.status_code == 302
    assert not User.objects.filter(pk=leaver["pk"], is_active=True).exists()
    assert_personal_data_gone(leaver)


def test_a_spotlight_kept_online_at_leaving_stays_online(
    client, client_for, administrator, leaver, django_capture_on_commit_callbacks
):
    spotlight = leaver["spotlight"]
    client_for(leaver["user"]).post(reverse("referents:leave"), {"spotlight": "keep"})
    client.force_login(administrator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtailusers_users:edit", args=[leaver["pk"]]),
            edit_form_data(leaver["user"], groups=[]),
        )
    assert_personal_data_gone(leaver, spotlight_stays_online=True)
    client.logout()
    response = client.get(spotlight.url)
    assert response.status_code == 200
    assert b"Awa, smiling" in response.content
    assert b"linkedin.com/in/awa" not in response.content


def test_saving_an_inactive_account_again_changes_nothing(administrator, leaver):
    user = leaver["user"]
    User.objects.filter(pk=user.pk).update(is_active=False)
    user.refresh_from_db()
    user.first_name = "Awa B."
    user.save()
    assert AmbassadorProfile.objects.filter(user=user).exists()
    assert SpotlightPage.objects.get(pk=leaver["spotlight"].pk).live


def test_erase_page_says_what_is_deleted_and_what_stays(client_for, leaver):
    response = client_for(leaver["user"]).get(reverse("referents:erase_my_data"))
    content = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="erase-deleted"' in content
    assert "shown as done by a deleted user" in content
    assert "Share totals" in content
    # Awa has a spotlight online: she is asked what becomes of it.
    assert 'name="spotlight"' in content


@pytest.mark.parametrize(
    ("choice", "stays_online"), [("unpublish", False), ("keep", True)]
)
def test_employee_erases_their_own_account_data(
    client,
    leaver,
    page_cache,
    django_capture_on_commit_callbacks,
    choice,
    stays_online,
):
    client.force_login(leaver["user"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("referents:erase_my_data"), {"spotlight": choice}, follow=True
        )
    assert response.status_code == 200
    assert "Your account data is erased" in response.content.decode()
    assert not response.context["user"].is_authenticated
    assert not User.objects.filter(pk=leaver["pk"]).exists()
    assert not AccessAttempt.objects.filter(username="ambassador_a").exists()
    assert_personal_data_gone(leaver, spotlight_stays_online=stays_online)


def test_erasing_needs_the_confirmation_post(client_for, leaver):
    client = client_for(leaver["user"])
    client.get(reverse("referents:erase_my_data"))
    response = client.post(reverse("referents:erase_my_data"), {})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert User.objects.filter(pk=leaver["pk"]).exists()


def test_an_employee_with_nothing_but_an_account_can_erase_it(client_for, employee):
    response = client_for(employee).post(reverse("referents:erase_my_data"))
    assert response.status_code == 302
    assert not User.objects.filter(pk=employee.pk).exists()


@pytest.mark.parametrize("kind", ["editor", "superuser"])
def test_an_editor_or_administrator_cannot_erase_itself_by_accident(
    client_for, roles, kind
):
    if kind == "editor":
        user = UserFactory(username="ed")
        user.groups.set(roles[name] for name in (EMPLOYEES, EDITORS))
    else:
        user = UserFactory(username="root", is_superuser=True, is_staff=True)
    client = client_for(user)
    page = client.get(reverse("referents:erase_my_data"))
    assert 'data-testid="erase-refused"' in page.content.decode()
    assert 'data-testid="erase-form"' not in page.content.decode()
    response = client.post(reverse("referents:erase_my_data"))
    assert response.status_code == 403
    assert User.objects.filter(pk=user.pk, is_active=True).exists()


def test_erasing_needs_a_login(client):
    response = client.post(reverse("referents:erase_my_data"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_erase_page_reads_in_french(client_for, employee):
    with translation.override("fr"):
        url = reverse("referents:erase_my_data")
        download_url = reverse("referents:download_my_data")
    content = client_for(employee).get(url).content.decode()
    assert "Ce qui est supprimé" in content
    assert f'<a href="{download_url}" download>télécharger vos données</a>' in content
    assert "Effacer les données de mon compte" in content


def test_a_review_asked_by_a_deactivated_account_is_cancelled(
    client, administrator, leaver
):
    spotlight = leaver["spotlight"]
    spotlight.role = "Engineer and singer"
    revision = spotlight.save_revision(user=leaver["user"])
    spotlight.get_workflow().start(spotlight, leaver["user"])
    assert SpotlightPage.objects.get(pk=spotlight.pk).workflow_in_progress
    client.force_login(administrator)
    client.post(
        reverse("wagtailusers_users:edit", args=[leaver["pk"]]),
        edit_form_data(leaver["user"]),
    )
    page = SpotlightPage.objects.get(pk=spotlight.pk)
    # Nobody can approve, and so publish, the last draft of someone who has left.
    assert not page.workflow_in_progress
    assert not page.live
    assert page.latest_revision == revision
