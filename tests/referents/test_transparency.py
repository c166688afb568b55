"""The transparency page tells the whole truth about what Chorus keeps, and stays true.

The model walk below fails as soon as an installed model (Chorus's, Wagtail's, django-axes',
Django's) links to a user account or stores an e-mail or network address, a browser or a
session, and no entry of referents.transparency.inventory() describes it.
"""

import io
from datetime import timedelta

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import models
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.html import escape

from wagtail.admin.models import EditingSession

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from home.retention import login_record_lifetime
from referents.transparency import duration, inventory


pytestmark = pytest.mark.django_db

PASSWORD = "a-good-password-123"  # noqa: S105 (the factories' test password)

# Field names that say a column holds an address, a browser or a session.
TELLTALE_WORDS = {"ip", "agent", "browser", "session"}


def personal_fields(model):
    """The fields declared on `model` itself that hold something about a person."""
    user_model = get_user_model()
    for field in model._meta.get_fields():
        # A field inherited from a concrete parent (a page's owner) belongs to the parent.
        if not field.concrete or field.model is not model:
            continue
        links_to_a_user = field.is_relation and field.related_model is user_model
        stores_an_address = isinstance(
            field, models.GenericIPAddressField | models.EmailField
        )
        named_like_one = bool(TELLTALE_WORDS & set(field.name.split("_")))
        if links_to_a_user or stores_an_address or named_like_one:
            yield field.name


def models_holding_personal_data():
    found = {}
    for model in apps.get_models():  # every installed app; not the automatic m2m tables
        if model._meta.proxy:
            continue
        fields = list(personal_fields(model))
        if fields or model is get_user_model():
            found[model._meta.label] = fields
    return found


def covered_labels():
    return {label for entry in inventory() for label in entry.models}


def test_the_walk_finds_what_it_must():
    found = models_holding_personal_data()
    for label in [
        "auth.User",
        "home.StagePreference",
        "referents.AmbassadorProfile",
        "wagtailcore.Revision",
        "wagtailcore.PageLogEntry",
        "wagtailimages.Image",
        "axes.AccessAttempt",
        "axes.AccessLog",
        "sessions.Session",
    ]:
        assert label in found
    assert "stories.ShareCount" not in found  # anonymous by construction


def test_every_model_holding_personal_data_is_described_on_the_page():
    covered = covered_labels()
    missing = {
        label: fields
        for label, fields in models_holding_personal_data().items()
        if label not in covered
    }
    assert not missing, (
        "These models keep something about a person and the transparency page does not "
        f"say so: {missing}. Describe them in referents/transparency.py (both languages)."
    )


def test_the_inventory_names_only_installed_models():
    for label in covered_labels():
        assert apps.get_model(label) is not None


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_entry_is_on_the_page(client, locales, language):
    with translation.override(language):
        response = client.get(f"/{language}/what-we-see/")
        entries = inventory()
    content = response.content.decode()
    assert response.status_code == 200
    for entry in entries:
        assert f'data-testid="transparency-{entry.key}"' in content
        for text in (entry.title, entry.kept, entry.retention, entry.seen_by):
            assert escape(text) in content


def test_every_entry_is_translated_into_french():
    with translation.override("en"):
        english = inventory()
    with translation.override("fr"):
        french = inventory()
    for en, fr in zip(english, french, strict=True):
        for field in ("title", "kept", "retention", "seen_by"):
            assert getattr(en, field) != getattr(fr, field), (en.key, field)


def test_page_lists_fields_from_the_running_models(client, locales):
    content = client.get("/en/what-we-see/").content.decode()
    # Account, ambassador profile, login attempt and share-count fields come from _meta.
    assert "Email address" in content
    assert "Date of consent" in content
    assert "IP Address" in content
    assert "Network" in content
    assert "fewer than 5" in content
    assert "Who shared which story" in content


def test_page_says_how_long_each_record_is_kept(client, locales):
    content = client.get("/en/what-we-see/").content.decode()
    assert "15\xa0minutes after the last failure" in content
    assert "expires 2\xa0weeks after it was last changed" in content
    assert "Successful logins" in content and "Not recorded" in content
    assert "per story or share kit, network and week" in content
    content_fr = client.get("/fr/what-we-see/").content.decode()
    assert "15\xa0minutes" in content_fr
    assert "2\xa0semaines" in content_fr


def test_page_follows_the_running_settings(client, locales):
    with override_settings(
        AXES_COOLOFF_TIME=timedelta(minutes=30), AXES_DISABLE_ACCESS_LOG=False
    ):
        content = client.get("/en/what-we-see/").content.decode()
    assert "30\xa0minutes after the last failure" in content
    assert "Login history" in content
    assert "Not recorded" not in content


# Retention of login records (django-axes)


def test_login_records_are_kept_only_while_logging_in_is_paused(settings):
    assert settings.AXES_RESET_ON_SUCCESS is True
    assert settings.AXES_DISABLE_ACCESS_LOG is True
    assert settings.AXES_ENABLE_ACCESS_FAILURE_LOG is False
    assert login_record_lifetime() == timedelta(minutes=15)
    assert duration(login_record_lifetime()) == "15\xa0minutes"


def test_a_failed_login_is_recorded_and_a_successful_one_is_not(
    client, employee, home_page
):
    client.post("/en/login/", {"username": "employee", "password": "not-it"})
    attempt = AccessAttempt.objects.get(username="employee")
    assert attempt.ip_address == "127.0.0.1"
    assert PASSWORD not in attempt.post_data and "not-it" not in attempt.post_data

    client.post("/en/login/", {"username": "employee", "password": PASSWORD})
    assert "_auth_user_id" in client.session
    assert not AccessAttempt.objects.exists()  # cleared by the successful login
    assert not AccessLog.objects.exists()  # successful logins are not recorded


def _login_record(model, age, **fields):
    record = model.objects.create(
        user_agent="Firefox",
        ip_address="192.0.2.1",
        username=f"someone-{age}",
        http_accept="*/*",
        path_info="/en/login/",
        **fields,
    )
    # attempt_time is set on creation: move it back afterwards.
    model.objects.filter(pk=record.pk).update(attempt_time=timezone.now() - age)
    return record.pk


def test_purge_removes_login_records_older_than_the_pause_and_keeps_newer():
    attempt = {"get_data": "", "post_data": "", "failures_since_start": 3}
    old_attempt = _login_record(AccessAttempt, timedelta(minutes=16), **attempt)
    new_attempt = _login_record(AccessAttempt, timedelta(minutes=14), **attempt)
    old_log = _login_record(AccessLog, timedelta(days=40))
    new_log = _login_record(AccessLog, timedelta(minutes=1))
    _login_record(AccessFailureLog, timedelta(hours=1))
    output = io.StringIO()

    call_command("purge_expired_records", stdout=output)

    assert list(AccessAttempt.objects.values_list("pk", flat=True)) == [new_attempt]
    assert list(AccessLog.objects.values_list("pk", flat=True)) == [new_log]
    assert not AccessFailureLog.objects.exists()
    assert old_attempt not in AccessAttempt.objects.values_list("pk", flat=True)
    assert old_log not in AccessLog.objects.values_list("pk", flat=True)
    assert output.getvalue().startswith("3 login record(s)")


def test_purge_removes_expired_sessions_and_stale_editing_traces(editor):
    now = timezone.now()
    Session.objects.create(
        session_key="expired", session_data="", expire_date=now - timedelta(days=1)
    )
    Session.objects.create(
        session_key="current", session_data="", expire_date=now + timedelta(days=1)
    )
    page_type = ContentType.objects.get_for_model(get_user_model())
    EditingSession.objects.create(
        user=editor,
        content_type=page_type,
        object_id="1",
        last_seen_at=now - timedelta(hours=2),
    )
    EditingSession.objects.create(
        user=editor, content_type=page_type, object_id="2", last_seen_at=now
    )

    call_command("purge_expired_records", stdout=io.StringIO())

    assert list(Session.objects.values_list("session_key", flat=True)) == ["current"]
    assert list(EditingSession.objects.values_list("object_id", flat=True)) == ["2"]


# What the page promises is never sent anywhere


def test_admin_sends_no_email_hash_to_an_avatar_service(client_for, editor, home_page):
    content = client_for(editor).get("/admin/").content.decode()
    assert "gravatar" not in content


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ("download everything", "erase your account data", "deactivated")),
        ("fr", ("télécharger", "effacer les données", "désactivé")),
    ],
)
def test_page_says_what_leaving_download_and_erase_do(client, locales, language, words):
    response = client.get(f"/{language}/what-we-see/")
    leaving = response.content.decode().split('data-testid="transparency-leaving"')[1]
    leaving = leaving.split("</ul>")[0]
    for word in words:
        assert escape(word) in leaving
