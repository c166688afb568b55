"""A page kept in the cache costs a logged-in reader no query and few round trips to the
cache: the session, the account with what most pages read (CHORUS_READ_WITH_ACCOUNT), the
page, and one for each per-reader part that keeps something of its own."""

from datetime import timedelta

from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from home.auth_backends import user_cache_key
from home.cache import keys_read_with_account
from home.models import StagePreference
from referents.models import ReferentChoice
from tests.factories.referents import ReferentFactory


pytestmark = pytest.mark.django_db


class CacheReads:
    """Every read of the cache (get or get_many), with the keys it asked for."""

    def __init__(self, monkeypatch):
        self.reads = []
        self.reading = False
        backend = caches["default"]
        for name in ("get", "get_many"):
            monkeypatch.setattr(backend, name, self._counting(getattr(backend, name)))

    def _counting(self, read):
        def counted(keys, *args, **kwargs):
            if self.reading:  # local memory's get_many calls get: one round trip
                return read(keys, *args, **kwargs)
            self.reads.append([keys] if isinstance(keys, str) else list(keys))
            self.reading = True
            try:
                return read(keys, *args, **kwargs)
            finally:
                self.reading = False

        return counted


@pytest.fixture
def reader(page_cache, employee, locales):
    referent = ReferentFactory(name="Alex Martin")
    ReferentChoice.objects.create(user=employee, referent_key=referent.translation_key)
    StagePreference.objects.create(user=employee, stage="listen")
    # A returning reader: home shows what is new since their last visit.
    employee.last_login = timezone.now() - timedelta(days=3)
    employee.save(update_fields=["last_login"])
    client = Client()
    client.force_login(employee)
    return client


def warm_reads(client, url, monkeypatch):
    for _ in range(3):  # the first one creates the site settings rows
        assert client.get(url).status_code == 200
    reads = CacheReads(monkeypatch)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    monkeypatch.undo()
    return reads.reads, len(queries)


@pytest.mark.parametrize(
    "which, per_reader_parts",
    [
        # What is new since the last visit, the stage's guides, the referent.
        ("home", 3),
        ("story", 1),  # the conversation
    ],
)
def test_a_cached_page_reads_the_cache_a_few_times_and_the_database_never(
    reader, employee, home_page, internal_story, monkeypatch, which, per_reader_parts
):
    # Not `page`: pytest-playwright's fixture of that name would make this a browser test.
    url = {"home": home_page.url, "story": internal_story.url}[which]
    reads, queries = warm_reads(reader, url, monkeypatch)
    assert queries == 0
    # The session, the account, the page, then each per-reader part.
    assert len(reads) == 3 + per_reader_parts, reads
    # What was read with the account is not asked for again.
    account = [keys for keys in reads if user_cache_key(employee.pk) in keys]
    assert len(account) == 1
    with_account = set(keys_read_with_account(employee.pk))
    assert with_account <= set(account[0])
    others = [keys for keys in reads if keys is not account[0]]
    assert not any(with_account.intersection(keys) for keys in others), reads
