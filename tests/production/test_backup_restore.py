"""Backup and restore (README): the demo content survives dumpdata → empty database → loaddata.

The one test besides tests/test_load_demo.py that runs `load_demo`: it is the demo round trip.
"""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from wagtail.images import get_image_model
from wagtail.models import Page

import pytest

from chorus_site.management.commands.load_demo import RESET_FLAG


pytestmark = pytest.mark.django_db(transaction=True)

# Rebuilt rather than restored: sessions, login-failure records and the search index.
NOT_BACKED_UP = ["sessions", "axes", "wagtailsearch"]


def content_counts():
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
    }


def test_demo_content_round_trips_through_a_backup(tmp_path, roles):
    call_command("load_demo", RESET_FLAG, stdout=StringIO())
    before = content_counts()
    backup = tmp_path / "chorus-backup.json"
    call_command(
        "dumpdata", exclude=NOT_BACKED_UP, output=str(backup), stdout=StringIO()
    )

    # A fresh, empty database (README: migrate, then empty it before loading).
    call_command("flush", "--no-input", inhibit_post_migrate=True)
    assert Page.objects.count() == 0

    call_command("loaddata", str(backup), stdout=StringIO())
    call_command("update_index", stdout=StringIO())
    assert content_counts() == before

    client = Client()
    client.force_login(get_user_model().objects.get(username="employee"))
    pages = Page.objects.live().exclude(depth=1).specific()
    assert len(pages) == before["live pages"] - 1
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
    search = client.get("/fr/search/", {"q": "Chorus"})
    assert search.status_code == 200
