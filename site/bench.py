"""`make bench`: speed, queries and page weight of Chorus at two scales (issue 13).

For each size in `--sizes` (default 1,000 and 100,000 stories; with several sizes, each
runs in a subprocess of its own, as Django is set up against one database per process):

1. Prepares a database once with `load_demo` + `generate_load_data --stories N` (with
   1,000 spotlights, 200 guides and 100 topics at every size) and keeps it in data/bench/
   (SQLite file `prepared-<N>-<fingerprint>.sqlite3`; with DATABASE_URL, a PostgreSQL
   database `<name>_bench_<N>`), so that a second run starts at once. Each run serves a
   fresh copy of the SQLite file.
2. Serves Chorus with gunicorn on 127.0.0.1 (a free port) with production settings, and
   beside it, with the same gunicorn options, the ceiling: a trivial view in a minimal
   Django project (chorus_site.bench_ceiling, `startproject`'s middleware), which is not
   part of Chorus' URLconf.
3. Counts the SQL queries of every page type in this process (Django's test client), with
   warm caches, with every cache empty, and right after a story is published (Wagtail's
   publish, Chorus' invalidation: the caches as a reader then finds them), and times a
   cold-cache request.
4. Measures requests per second and p50/p99 latency at 1 and 8 concurrent clients (one
   process and one keep-alive connection per client, 5 s per measurement) for each page
   and for the ceiling, and prints each page's ratio to the ceiling, measured again around
   each page (the speed of a shared machine drifts).
5. Measures the compressed (gzip) bytes of the HTML, CSS and JS of a story page.

Then it prints a summary comparing each page's cold query count at the sizes (budget: 12,
and the same count at every size) and, last, whether every target was met.

Options: `--sizes 1000,100000`, `--seconds 5`, `--workers 3`, `--rebuild` (prepare the
databases again).
"""

import argparse
import concurrent.futures
import gzip
import hashlib
import http.client
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess  # nosec B404 (runs our own manage.py and gunicorn)
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit


ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = ROOT / "data" / "bench"
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
SIZES = (1_000, 100_000)  # stories (issue 13)
LOAD = {"spotlights": 1_000, "guides": 200, "topics": 100}  # the same at every size
BENCH_REDIS = "redis://127.0.0.1:6379/15"
TIMEOUT = 15  # seconds for one request: a slower answer counts as an error
CEILING = "ceiling (trivial view)"
CEILING_PATH = "/"  # on the ceiling's own server
TARGETS = {  # issue 13: ratio to the trivial view at 8 clients
    "story (anonymous)": 0.80,
    "story (logged in)": 0.40,
    "story, 200 comments (logged in)": 0.40,
    "story index": 0.35,
    "home": 0.30,
    "search": 0.20,
}
QUERY_BUDGET = 12  # queries on one page, with warm caches and with every cache empty
WEIGHT_BUDGET = 50 * 1024  # gzip bytes of a story page's HTML, CSS and JS


# Preparing the database


def fingerprint(size):
    """What the prepared database depends on: migrations, demo and load data code, size."""
    digest = hashlib.md5(usedforsecurity=False)
    sources = sorted(ROOT.glob("*/migrations/*.py")) + sorted(ROOT.glob("*/demo*.py"))
    sources += [ROOT / "site/management/commands/generate_load_data.py"]
    for path in sources:
        digest.update(path.read_bytes())
    digest.update(repr((size, LOAD)).encode())
    return digest.hexdigest()[:12]


def redis_available():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def base_env(**extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_DEBUG", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        SECRET_KEY=env.get("SECRET_KEY") or secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_SSL_REDIRECT="0",
        MEDIA_ROOT=str(BENCH_DIR / "media"),
        LOG_LEVEL="ERROR",
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603  # nosec B603


def postgres_bench_url(url, size):
    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/') or 'chorus'}_bench_{size}"
    return parts._replace(path=f"/{name}").geturl(), name


def postgres_admin(url):
    import psycopg

    admin_url = urlsplit(url)._replace(path="/postgres").geturl()
    return psycopg.connect(admin_url, autocommit=True)


def postgres_database_exists(url, name):
    with postgres_admin(url) as connection:
        return bool(
            connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
        )


def create_postgres_database(url, name):
    """Create the database `name` empty, dropping any earlier one: generate_load_data adds
    to what it finds, so a half-built or outdated database is started again."""
    with postgres_admin(url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def analyze_postgres(url):
    """Planner statistics, as autovacuum would gather them on a live site after the rows
    came in: a database measured right after a bulk load would be planned blind."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("ANALYZE")


def prepare_database(size, rebuild):
    """Return the environment that points at a fresh copy of the database prepared for
    `size` stories, and the name of the database engine."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    stamp = fingerprint(size)
    database_url = os.environ.get("DATABASE_URL", "")
    if database_url:
        url, name = postgres_bench_url(database_url, size)
        env = base_env(DATABASE_URL=url)
        marker = BENCH_DIR / f"{name}.{stamp}.ready"
        ready = marker.exists() and postgres_database_exists(database_url, name)
        if rebuild or not ready:
            say(f"Preparing PostgreSQL database {name} (once; later runs reuse it)…")
            for old in BENCH_DIR.glob(f"{name}.*.ready"):
                old.unlink()
            create_postgres_database(database_url, name)
            build(env, size)
            analyze_postgres(url)
            marker.touch()
        return env, f"PostgreSQL ({name})"

    prepared = BENCH_DIR / f"prepared-{size}-{stamp}.sqlite3"
    if rebuild or not prepared.exists():
        for old in BENCH_DIR.glob(f"prepared-{size}-*.sqlite3"):
            old.unlink()
        say(
            f"Preparing the SQLite database for {size:,} stories (once; later runs reuse it)…"
        )
        build_dir = BENCH_DIR / "build"
        shutil.rmtree(build_dir, ignore_errors=True)
        build_dir.mkdir()
        build(base_env(CHORUS_DATA_DIR=str(build_dir)), size)
        import sqlite3

        with sqlite3.connect(build_dir / "chorus.sqlite3") as connection:
            # Readers never wait for a writer (the share counter, sessions).
            connection.execute("PRAGMA journal_mode=WAL")
        (build_dir / "chorus.sqlite3").rename(prepared)
        shutil.rmtree(build_dir, ignore_errors=True)
    run_dir = BENCH_DIR / "run"
    shutil.rmtree(run_dir, ignore_errors=True)
    run_dir.mkdir()
    shutil.copyfile(prepared, run_dir / "chorus.sqlite3")
    return base_env(CHORUS_DATA_DIR=str(run_dir)), "SQLite"


def build(env, size):
    started = time.monotonic()
    manage(env, "migrate", "--no-input", "-v0")
    # The bench runs with production settings (DEBUG off): its demo accounts are disposable.
    manage(env, "load_demo", "--i-know-this-resets-demo-passwords")
    manage(
        env,
        "generate_load_data",
        f"--stories={size}",
        *[f"--{name}={count}" for name, count in LOAD.items()],
    )
    say(f"Database prepared in {time.monotonic() - started:.0f} s.")


# Serving


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


CHORUS_APP = ("chorus_site.wsgi", "/healthz?ready")
CEILING_APP = ("chorus_site.bench_ceiling.wsgi", CEILING_PATH)


def start_server(env, workers, app=CHORUS_APP):
    """Serve `app` (a WSGI module and a path that answers 200 once it is ready)."""
    module, ready_path = app
    port = free_port()
    server = subprocess.Popen(  # noqa: S603  # nosec B603
        [
            GUNICORN,
            module,
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            "--worker-class=gthread",
            "--threads=4",
            "--keep-alive=30",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", ready_path)
            if connection.getresponse().status == 200:
                return server, port
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit(f"gunicorn did not start {module}")


def stop_server(server):
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


# Measuring


def client_loop(port, path, cookie, seconds):
    """One client: one keep-alive connection, requests until the time is up."""
    headers = {"Host": "127.0.0.1", "Accept-Encoding": "gzip"}
    if cookie:
        headers["Cookie"] = cookie
    latencies, errors = [], 0
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.perf_counter()
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors += 1
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = http.client.HTTPConnection(
                    "127.0.0.1", port, timeout=TIMEOUT
                )
        except (OSError, http.client.HTTPException):
            errors += 1
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
            continue
        latencies.append(time.perf_counter() - started)
    connection.close()
    return latencies, errors


def measure(pool, port, path, cookie, clients, seconds):
    futures = [
        pool.submit(client_loop, port, path, cookie, seconds) for _ in range(clients)
    ]
    latencies, errors = [], 0
    for future in futures:
        done, failed = future.result()
        latencies += done
        errors += failed
    latencies.sort()
    count = len(latencies)
    return {
        "rps": count / seconds,
        "p50": statistics.median(latencies) * 1000 if count else float("nan"),
        "p99": latencies[min(count - 1, int(count * 0.99))] * 1000
        if count
        else float("nan"),
        "errors": errors,
    }


def setup_django(env):
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "chorus_site.settings"
    import django

    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()


def pages_to_measure():
    """Every page type, found in the prepared content: (name, path, logged in)."""
    from django.urls import reverse
    from django.utils import translation

    from guides.models import GuideIndexPage, GuidePage
    from referents.models import ReferentIndexPage
    from stories.models import (
        SpotlightIndexPage,
        SpotlightPage,
        StoryIndexPage,
        StoryPage,
    )

    def french(model, **filters):
        return model.objects.live().get(locale__language_code="fr", **filters).url

    # generate_load_data: story n is public when n % 3 == 0 and story 2 has 200 comments;
    # spotlight n is public when n is even.
    with translation.override("fr"):
        search = reverse("search") + "?q=atelier"
        transparency = reverse("referents:transparency")
    story_public = french(StoryPage, slug="load-story-0")
    spotlight_public = french(SpotlightPage, slug="load-spotlight-0")
    return [
        ("home", "/fr/", True),
        ("story index", french(StoryIndexPage), True),
        ("story (anonymous)", story_public, False),
        ("story (logged in)", french(StoryPage, slug="load-story-1"), True),
        (
            "story, 200 comments (logged in)",
            french(StoryPage, slug="load-story-2"),
            True,
        ),
        ("spotlight index", french(SpotlightIndexPage), True),
        ("spotlight (anonymous)", spotlight_public, False),
        ("spotlight (logged in)", french(SpotlightPage, slug="load-spotlight-1"), True),
        ("guide index", french(GuideIndexPage), True),
        ("guide", french(GuidePage, slug="load-guide-0"), True),
        ("search", search, True),
        ("referents", french(ReferentIndexPage), True),
        ("transparency", transparency, True),
    ]


def publish_a_story():
    """What an editor does most, through Wagtail's own publish (its signals and Chorus'
    invalidation): a public story of the first page of the lists is published again."""
    from stories.models import StoryPage

    story = StoryPage.objects.get(slug="load-story-3", locale__language_code="fr")
    story.save_revision().publish()


def in_process(pages):
    """Queries per page with warm caches, with every cache empty and right after a story
    is published (what a reader finds then), and the time of a cold-cache request (median
    of three), measured in this process with Django's test client."""
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    def page_queries(queries):
        # Transaction statements (ATOMIC_REQUESTS) are not queries of the page.
        return sum(
            not query["sql"].startswith(
                ("SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN", "COMMIT")
            )
            for query in queries.captured_queries
        )

    user = get_user_model().objects.get(username="employee")
    measured = {}
    for name, path, logged_in in pages:
        client = Client()
        if logged_in:
            client.force_login(user)
        client.get(path)  # renditions and site settings exist from now on
        cold_times = []
        for _run in range(3):
            cache.clear()
            with CaptureQueriesContext(connection) as cold:
                started = time.perf_counter()
                response = client.get(path)
                cold_times.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{path} answered {response.status_code}")
        with CaptureQueriesContext(connection) as warm:
            client.get(path)
        publish_a_story()
        with CaptureQueriesContext(connection) as published:
            client.get(path)
        measured[name] = {
            "queries": (
                page_queries(warm),
                page_queries(cold),
                page_queries(published),
            ),
            "cold ms": statistics.median(cold_times),
        }
    cache.clear()
    return measured


def measure_pages(port, ceiling_port, pages, cookie, seconds):
    """Each page at 1 and 8 clients. The ceiling (on `ceiling_port`) is measured first, then
    again at 8 clients after each page, and each page is compared with the mean of the
    ceilings just before and just after it: a shared machine's speed drifts during a run."""
    results = {}
    with concurrent.futures.ProcessPoolExecutor(max_workers=8) as pool:
        before = None
        for name, server_port, path, logged_in in [
            (CEILING, ceiling_port, CEILING_PATH, False),
            *((name, port, path, logged_in) for name, path, logged_in in pages),
        ]:
            page_cookie = cookie if logged_in else ""
            measure(pool, server_port, path, page_cookie, 1, 0.5)  # warm-up
            result = {
                clients: measure(pool, server_port, path, page_cookie, clients, seconds)
                for clients in (1, 8)
            }
            if before is None:  # the ceiling itself
                before = result["ceiling"] = result[8]["rps"]
            else:
                after = measure(pool, ceiling_port, CEILING_PATH, "", 8, seconds)["rps"]
                result["ceiling"] = (before + after) / 2
                before = after
            results[name] = result
            say(f"  {name}: {result[8]['rps']:.0f} req/s at 8 clients")
    return results


def browser_cookies():
    """The cookies a logged-in employee's browser sends: the session, and the CSRF cookie
    that the first page it saw set (without it, every page would set a new one)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username="employee"))
    client.get("/fr/")
    names = (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME)
    return "; ".join(f"{name}={client.cookies[name].value}" for name in names)


def page_weight(port, path, cookie):
    """Gzip bytes of a story page's HTML, CSS and JS, and any third-party reference."""

    def fetch(url):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
        connection.request("GET", url, headers={"Host": "127.0.0.1", "Cookie": cookie})
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return body

    html = fetch(path)
    text = html.decode()
    css = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', text)
    js = re.findall(r'<script[^>]+src="([^"]+)"', text)
    outside = [url for url in css + js if not url.startswith("/")]
    sizes = {"HTML": len(gzip.compress(html, 6))}
    sizes["CSS"] = sum(len(gzip.compress(fetch(url), 6)) for url in css)
    sizes["JS"] = sum(len(gzip.compress(fetch(url), 6)) for url in js)
    return sizes, outside


# Report


def say(text):
    print(text, flush=True)  # noqa: T201


def over_budget(measured, which):
    """Pages above the query budget; `which` is 0 (warm caches) or 1 (every cache empty)."""
    return [
        name for name, page in measured.items() if page["queries"][which] > QUERY_BUDGET
    ]


def report(size, backend, workers, seconds, results, measured, weight, outside):
    """Print the table of one size; return the targets it missed, as sentences (the cold
    query budget is judged in the summary, across sizes)."""
    ceilings = [result["ceiling"] for result in results.values()]
    say("")
    say(
        f"Chorus bench at {size:,} stories: {backend}, gunicorn {workers} workers × 4 "
        f"threads, {seconds:g} s per measurement, {os.cpu_count()} CPU cores; the "
        f"ceiling at 8 clients was measured {len(ceilings)} times around the pages: "
        f"{min(ceilings):.0f}–{max(ceilings):.0f} req/s"
    )
    say("")
    say(
        "| page | queries warm/cold/after a publish | cold ms (in process) | req/s (1) | p50 ms (1) "
        "| p99 ms (1) | req/s (8) | p50 ms (8) | p99 ms (8) | ratio to ceiling (8) | target |"
    )
    say("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    missed = []
    for name, result in results.items():
        one, eight = result[1], result[8]
        ratio = eight["rps"] / result["ceiling"] if result["ceiling"] else 0
        target = TARGETS.get(name)
        verdict = ""
        if target is not None:
            verdict = f"≥ {target:.0%} {'ok' if ratio >= target else 'MISSED'}"
            if ratio < target:
                missed.append(
                    f"{size:,} stories: {name} at {ratio:.0%} of the ceiling "
                    f"(target ≥ {target:.0%})"
                )
        errors = one["errors"] + eight["errors"]
        # The ceiling runs in its own project, without a database: nothing to count.
        if name in measured:
            queries = "/".join(map(str, measured[name]["queries"]))
            cold = f"{measured[name]['cold ms']:.0f}"
        else:
            queries, cold = "–", "–"
        say(
            f"| {name} | {queries} | {cold} "
            f"| {one['rps']:.0f} | {one['p50']:.1f} | {one['p99']:.1f} "
            f"| {eight['rps']:.0f} | {eight['p50']:.1f} | {eight['p99']:.1f} "
            f"| {ratio:.0%} | {verdict}"
            + (f" ({errors} errors)" if errors else "")
            + " |"
        )
    total = sum(weight.values())
    say("")
    say(
        "Story page weight (gzip): "
        + ", ".join(f"{kind} {amount / 1024:.1f} KB" for kind, amount in weight.items())
        + f"; total {total / 1024:.1f} KB (budget {WEIGHT_BUDGET // 1024} KB"
        + (" ok" if total <= WEIGHT_BUDGET else " MISSED")
        + "); third-party requests: "
        + (", ".join(outside) if outside else "none")
    )
    if total > WEIGHT_BUDGET:
        missed.append(
            f"{size:,} stories: story page weighs {total / 1024:.1f} KB "
            f"(budget {WEIGHT_BUDGET // 1024} KB)"
        )
    for which, caches in enumerate(("caches warm", "every cache empty")):
        above = over_budget(measured, which)
        most = max(page["queries"][which] for page in measured.values())
        say(
            f"Most queries on one page, {caches}: {most} (budget {QUERY_BUDGET} "
            + (f"MISSED: {', '.join(above)})." if above else "ok).")
        )
        if which == 0:
            missed += [
                f"{size:,} stories: {name} runs {measured[name]['queries'][0]} "
                f"queries with warm caches (budget {QUERY_BUDGET})"
                for name in above
            ]
    return missed


def summarise(outcomes):
    """The cold query count of each page at each size, then every missed target."""
    sizes = [f"{outcome['size']:,} stories" for outcome in outcomes]
    missed = [sentence for outcome in outcomes for sentence in outcome["missed"]]
    say("")
    say(
        f"Queries with every cache empty, by size (budget {QUERY_BUDGET} per page, "
        "and the same count at every size):"
    )
    say("")
    say("| page | " + " | ".join(sizes) + " | |")
    say("|---|" + "---:|" * len(sizes) + "---|")
    for name in outcomes[0]["queries"]:
        counts = [outcome["queries"][name][1] for outcome in outcomes]
        problems = []
        if max(counts) > QUERY_BUDGET:
            problems.append(f"above {QUERY_BUDGET}")
            missed.append(
                f"{name}: {max(counts)} queries with every cache empty "
                f"(budget {QUERY_BUDGET})"
            )
        if len(set(counts)) > 1:
            problems.append("differs between sizes")
            missed.append(
                f"{name}: the cold query count grows with the content "
                f"({' → '.join(map(str, counts))})"
            )
        verdict = "MISSED: " + ", ".join(problems) if problems else "ok"
        say(f"| {name} | " + " | ".join(map(str, counts)) + f" | {verdict} |")
    say("")
    say(
        "Queries right after a story is published (the caches as a reader then finds "
        f"them; budget {QUERY_BUDGET}):"
    )
    say("")
    say("| page | " + " | ".join(sizes) + " |")
    say("|---|" + "---:|" * len(sizes))
    for name in outcomes[0]["queries"]:
        counts = [outcome["queries"][name][2] for outcome in outcomes]
        say(f"| {name} | " + " | ".join(map(str, counts)) + " |")
    say("")
    if missed:
        say(f"Targets missed ({len(missed)}):")
        for sentence in missed:
            say(f"- {sentence}")
        say(f"RESULT: NOT every target was met ({len(missed)} missed, listed above).")
    else:
        say(f"RESULT: every target was met at {' and '.join(sizes)}.")


# Running


def run_size(size, options):
    """Prepare, count and measure one size in this process; return its outcome."""
    env, backend = prepare_database(size, options.rebuild)
    if redis_available():
        env["REDIS_URL"] = BENCH_REDIS
        backend += " + Redis cache"
    else:
        say("Redis is not running on 127.0.0.1:6379: measuring without a shared cache.")
    manage(env, "collectstatic", "--no-input", "-v0")
    setup_django(env)
    from django.core.cache import cache

    cache.clear()
    pages = pages_to_measure()
    measured = in_process(pages)
    cookie = browser_cookies()

    server, port = start_server(env, options.workers)
    try:
        ceiling_server, ceiling_port = start_server(env, options.workers, CEILING_APP)
    except SystemExit:
        stop_server(server)
        raise
    try:
        story_path = next(
            path for name, path, _ in pages if name == "story (logged in)"
        )
        weight, outside = page_weight(port, story_path, cookie)
        results = measure_pages(port, ceiling_port, pages, cookie, options.seconds)
    finally:
        stop_server(ceiling_server)
        stop_server(server)
    missed = report(
        size,
        backend,
        options.workers,
        options.seconds,
        results,
        measured,
        weight,
        outside,
    )
    return {
        "size": size,
        "queries": {name: page["queries"] for name, page in measured.items()},
        "missed": missed,
    }


def run_child(size, options):
    """Run one size in a subprocess (Django is set up once per process, against one
    database) and return its outcome."""
    with tempfile.TemporaryDirectory() as folder:
        results = Path(folder) / "outcome.json"
        command = [
            PYTHON,
            "-m",
            "chorus_site.bench",
            f"--sizes={size}",
            f"--seconds={options.seconds:g}",
            f"--workers={options.workers}",
            f"--results={results}",
        ]
        if options.rebuild:
            command.append("--rebuild")
        say(f"\n== {size:,} stories ==")
        done = subprocess.run(command, cwd=ROOT, check=False)  # noqa: S603  # nosec B603
        if done.returncode:
            raise SystemExit(f"The bench at {size:,} stories failed.")
        return json.loads(results.read_text())


def sizes_argument(text):
    try:
        sizes = [int(part) for part in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(
            "a comma-separated list of story counts"
        ) from None
    if not sizes or min(sizes) < 6:  # load-story-0 to -2, in French and English
        raise argparse.ArgumentTypeError("each size is at least 6 stories")
    return sizes


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes",
        type=sizes_argument,
        default=list(SIZES),
        help="story counts, comma-separated (default: %(default)s)",
    )
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--rebuild", action="store_true")
    # Internal: a run of one size writes its outcome there for the summary.
    parser.add_argument("--results", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)

    if len(options.sizes) == 1:
        outcomes = [run_size(options.sizes[0], options)]
    else:
        outcomes = [run_child(size, options) for size in options.sizes]
    if options.results:
        options.results.write_text(json.dumps(outcomes[0]))
        return 0
    summarise(outcomes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
