"""`make bench`, digests part: the time and peak memory of sending 10,000 digests.

Uses a database `chorus_site.bench` prepares (`--stories`, by default its smaller size:
1,000 stories in two languages; a fresh copy of the SQLite file, or the
`<name>_bench_<N>` PostgreSQL database with DATABASE_URL), adds
`--people` readers with a weekly digest that is due (half in French, half in English) and
makes 20 stories per language new, so that every reader gets a real digest. Then it runs
`send_digests` twice with a mail backend that sends nothing (only Chorus is measured, not an
SMTP server): for a twentieth of the readers with tracemalloc on (peak memory allocated during
the run), then for all of them, timed without it (tracemalloc slows Python several times),
with the growth of the process's peak resident size. Memory must stay flat in the number
of people (DESIGN §6): people are read in pages of DIGEST_BATCH ids. The readers are deleted at the end.

Options: `--people 10000`, `--stories 1000`, `--rebuild` (prepare the database again).
"""

import argparse
import resource
import sys
import time
import tracemalloc
from datetime import timedelta

from chorus_site import bench


PREFIX = "bench-digest-"
NEW_STORIES_PER_LANGUAGE = 20


def add_readers(count, now):
    from django.contrib.auth import get_user_model

    from referents.models import DigestSubscription

    User = get_user_model()
    remove_readers()
    User.objects.bulk_create(
        User(username=f"{PREFIX}{n}", email=f"{PREFIX}{n}@chorus.example")
        for n in range(count)
    )
    users = User.objects.filter(username__startswith=PREFIX).order_by("pk")
    DigestSubscription.objects.bulk_create(
        DigestSubscription(
            user_id=pk,
            frequency="weekly",
            language="fr" if n % 2 else "en",
            sent_up_to=now,
        )
        for n, pk in enumerate(users.values_list("pk", flat=True).iterator())
    )


def make_due(count, now):
    from referents.models import DigestSubscription

    due = DigestSubscription.objects.filter(user__username__startswith=PREFIX)
    pks = list(due.order_by("pk").values_list("pk", flat=True)[:count])
    due.filter(pk__in=pks).update(sent_up_to=now - timedelta(days=8))


def freshen_stories(now):
    from stories.models import StoryPage

    for language in ("fr", "en"):
        pks = list(
            StoryPage.objects.live()
            .filter(locale__language_code=language)
            .order_by("pk")
            .values_list("pk", flat=True)[:NEW_STORIES_PER_LANGUAGE]
        )
        StoryPage.objects.filter(pk__in=pks).update(
            first_published_at=now - timedelta(days=1)
        )


def remove_readers():
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(username__startswith=PREFIX).delete()


def measure(count, now, traced):
    """One run for `count` due readers: its time, and the peak of memory allocated during
    it (tracemalloc, when `traced`: it makes Python several times slower, so the full
    run is timed without it) and the growth of the process's peak resident size."""
    from django.core.mail import get_connection

    from chorus_site.digests import send_digests

    make_due(count, now)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if traced:
        tracemalloc.start()
    started = time.monotonic()
    outcome = send_digests(
        now=now,
        connection=get_connection("django.core.mail.backends.dummy.EmailBackend"),
    )
    elapsed = time.monotonic() - started
    peak = None
    if traced:
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
    return outcome, elapsed, peak, rss_growth * 1024


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--stories", type=int, default=min(bench.SIZES))
    parser.add_argument("--rebuild", action="store_true")
    options = parser.parse_args(argv)

    env, backend = bench.prepare_database(options.stories, options.rebuild)
    bench.setup_django(env)
    from django.utils import timezone

    now = timezone.now()
    freshen_stories(now)
    add_readers(options.people, now)
    try:
        rows = []
        for count, traced in (
            (max(1, options.people // 20), True),
            (options.people, False),
        ):
            rows.append((count, traced, *measure(count, now, traced)))
            # The next run must not find the first run's marks due already.
            now += timedelta(seconds=1)
    finally:
        remove_readers()
    bench.say(f"Digest bench: {backend}, dummy mail backend")
    bench.say(
        "| readers due | tracemalloc | sent | nothing new | failed | seconds "
        "| per digest ms | peak allocated MB | peak RSS growth MB |"
    )
    bench.say("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for count, traced, outcome, elapsed, peak, rss_growth in rows:
        allocated = f"{peak / 2**20:.1f}" if peak is not None else "-"
        bench.say(
            f"| {count} | {'on' if traced else 'off'} | {outcome.sent} "
            f"| {outcome.nothing_new} | {outcome.failed} | {elapsed:.1f} "
            f"| {1000 * elapsed / max(1, count):.1f} | {allocated} "
            f"| {rss_growth / 2**20:.1f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
