"""The tests of `load_demo` (STYLE §3d): it runs twice, and the second run adds nothing;
with `--once` (`make run`), a second run does not even publish the demo again. It resets the
demo passwords, so without DEBUG it runs only when told it may."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision
from wagtail.snippets.models import get_snippet_models

import pytest

from chorus_site.management.commands.load_demo import RESET_FLAG
from home.models import HomePage


pytestmark = pytest.mark.django_db


def demo_counts():
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
        **{
            f"snippet {model._meta.label}": model.objects.count()
            for model in get_snippet_models()
        },
    }


def test_load_demo_twice_creates_both_languages_once(settings):
    settings.DEBUG = True  # as `make run` does: no flag needed
    call_command("load_demo", stdout=StringIO())
    first = demo_counts()

    assert set(Locale.objects.values_list("language_code", flat=True)) == {"fr", "en"}
    assert {home.locale.language_code for home in HomePage.objects.live()} == {
        "fr",
        "en",
    }
    assert first["live pages"] > 10
    assert first["images"] > 0
    assert first["users"] >= 5

    # A quiet period planned ahead (the demo stays shareable) and a channel that never posts.
    from home.channels.models import TeamChannel
    from home.models import QuietPeriod
    from home.quiet import quiet_period_in_force

    assert quiet_period_in_force() is None
    assert QuietPeriod.objects.filter(starts_at__gt=timezone.now()).count() == 1
    assert list(TeamChannel.objects.values_list("enabled", flat=True)) == [False]

    settings.DEBUG = False  # a server: the flag says the passwords may be reset
    call_command("load_demo", RESET_FLAG, stdout=StringIO())
    assert demo_counts() == first

    revisions, output = Revision.objects.count(), StringIO()
    call_command("load_demo", "--once", RESET_FLAG, stdout=output)
    assert Revision.objects.count() == revisions
    assert "Demo content already loaded" in output.getvalue()
    assert "employee-demo" in output.getvalue()


def test_without_debug_load_demo_refuses_to_reset_passwords(settings):
    settings.DEBUG = False
    admin = get_user_model().objects.create_user("admin", password="a-real-secret-1")
    before = demo_counts()

    with pytest.raises(CommandError, match=RESET_FLAG):
        call_command("load_demo", stdout=StringIO())

    admin.refresh_from_db()
    assert admin.check_password("a-real-secret-1")
    assert demo_counts() == before
