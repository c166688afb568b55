"""The one test of `load_demo` (STYLE §3d): it runs twice, and the second run adds nothing;
with `--once` (`make run`), a second run does not even publish the demo again."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision
from wagtail.snippets.models import get_snippet_models

import pytest

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


def test_load_demo_twice_creates_both_languages_once():
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

    call_command("load_demo", stdout=StringIO())
    assert demo_counts() == first

    revisions, output = Revision.objects.count(), StringIO()
    call_command("load_demo", "--once", stdout=output)
    assert Revision.objects.count() == revisions
    assert "Demo content already loaded" in output.getvalue()
    assert "employee-demo" in output.getvalue()
