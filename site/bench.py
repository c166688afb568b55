"""`make bench`: speed, queries and page weight of Chorus at the scale of DESIGN §6.

1. Prepares a database once with `load_demo` + `generate_load_data` (10,000 stories) and keeps
   it in data/bench/ (SQLite; with DATABASE_URL, a `<name>_bench` PostgreSQL database), so
   that a second run starts at once. Each run serves a fresh copy of the SQLite file.
2. Serves Chorus with gunicorn on 127.0.0.1 (a free port) with production settings, and
   beside it, with the same gunicorn options, the ceiling: a trivial view in a minimal
   Django project (chorus_site.bench_ceiling, `startproject`'s middleware), which is not
   part of Chorus' URLconf.
3. Counts the SQL queries of each page in this process (Django's test client), with warm
   and cold caches, and times a cold-cache request: what a reader pays after a publish.
4. Measures requests per second and p50/p99 latency at 1 and 8 concurrent clients (one
   process and one keep-alive connection per client, 5 s per measurement) for each page and
   for the ceiling, and prints each page's ratio to the ceiling, measured again around each page (the speed of a shared machine drifts).
5. Measures the compressed (gzip) bytes of the HTML, CSS and JS of a story page.

Options: `--seconds 5`, `--workers 3`, `--rebuild` (prepare the database again).
"""

import argparse
import concurrent.futures
import gzip
import hashlib
import http.client
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess  # nosec B404 (runs our own manage.py and gunicorn)
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit


ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = ROOT / "data" / "bench"
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
LOAD = {"stories": 10_000, "spotlights": 1_000, "guides": 200, "topics": 100}
BENCH_REDIS = "redis://127.0.0.1:6379/15"
TIMEOUT = 15  # seconds for one request: a slower answer counts as an error
CEILING = "ceiling (trivial view)"
CEILING_PATH = "/"  # on the ceiling's own server
TARGETS = {  # DESIGN §6: ratio to the trivial view at 8 clients
    "story (anonymous)": 0.50,
    "story (logged in)": 0.25,
    "story, 200 comments (logged in)": 0.25,
    "home": 0.20,
    "search": 0.05,
}


# Preparing the database


def fingerprint():
    """What the prepared database depends on: migrations, demo and load data code."""
    digest = hashlib.md5(usedforsecurity=False)
    sources = sorted(ROOT.glob("*/migrations/*.py")) + sorted(ROOT.glob("*/demo*.py"))
    sources += [ROOT / "site/management/commands/generate_load_data.py"]
    for path in sources:
        digest.update(path.read_bytes())
    digest.update(repr(LOAD).encode())
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


def postgres_bench_url(url):
    parts = urlsplit(url)
    name = parts.path.lstrip("/") or "chorus"
    return parts._replace(path=f"/{name}_bench").geturl(), f"{name}_bench"


def ensure_postgres_database(url, name):
    import psycopg

    admin_url = urlsplit(url)._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
            return False
    return True


def prepare_database(rebuild):
    """Return the environment that points at a fresh copy of the prepared database."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    stamp = fingerprint()
    database_url = os.environ.get("DATABASE_URL", "")
    if database_url:
        url, name = postgres_bench_url(database_url)
        existed = ensure_postgres_database(database_url, name)
        env = base_env(DATABASE_URL=url)
        marker = BENCH_DIR / f"{name}.{stamp}.ready"
        if rebuild or not existed or not marker.exists():
            say(f"Preparing PostgreSQL database {name} (once)…")
            build(env)
            marker.touch()
        return env, f"PostgreSQL ({name})"

    prepared = BENCH_DIR / f"prepared-{stamp}.sqlite3"
    if rebuild or not prepared.exists():
        for old in BENCH_DIR.glob("prepared-*.sqlite3"):
            old.unlink()
        say("Preparing the SQLite database (once; later runs reuse it)…")
        build_dir = BENCH_DIR / "build"
        shutil.rmtree(build_dir, ignore_errors=True)
        build_dir.mkdir()
        build(base_env(CHORUS_DATA_DIR=str(build_dir)))
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


def build(env):
    started = time.monotonic()
    manage(env, "migrate", "--no-input", "-v0")
    # The bench runs with production settings (DEBUG off): its demo accounts are disposable.
    manage(env, "load_demo", "--i-know-this-resets-demo-passwords")
    manage(
        env,
        "generate_load_data",
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
    """The URLs of DESIGN §6, taken from the prepared content."""
    from django.urls import reverse
    from django.utils import translation

    from guides.models import GuidePage
    from stories.models import StoryIndexPage, StoryPage

    story_public = StoryPage.objects.live().get(
        slug="load-story-0", locale__language_code="fr"
    )
    story_internal = StoryPage.objects.live().get(
        slug="load-story-1", locale__language_code="fr"
    )
    # generate_load_data writes 200 comments on this one.
    story_commented = StoryPage.objects.live().get(
        slug="load-story-2", locale__language_code="fr"
    )
    guide = GuidePage.objects.live().get(
        slug="load-guide-0", locale__language_code="fr"
    )
    index = StoryIndexPage.objects.live().get(locale__language_code="fr")
    with translation.override("fr"):
        search = reverse("search") + "?q=atelier"
    return [
        ("home", "/fr/", True),
        ("story index", index.url, True),
        ("story (anonymous)", story_public.url, False),
        ("story (logged in)", story_internal.url, True),
        ("story, 200 comments (logged in)", story_commented.url, True),
        ("guide", guide.url, True),
        ("search", search, True),
    ]


def in_process(pages):
    """Queries per page with warm and cold caches, and the time of a cold-cache request
    (median of three), measured in this process with Django's test client."""
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
        measured[name] = {
            "queries": (page_queries(warm), page_queries(cold)),
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


def report(backend, workers, seconds, results, measured, weight, outside):
    ceilings = [result["ceiling"] for result in results.values()]
    say("")
    say(
        f"Chorus bench: {backend}, gunicorn {workers} workers × 4 threads, "
        f"{LOAD['stories']:,} stories, {seconds:g} s per measurement, "
        f"{os.cpu_count()} CPU cores; the ceiling at 8 clients was measured "
        f"{len(ceilings)} times around the pages: {min(ceilings):.0f}–{max(ceilings):.0f} req/s"
    )
    say("")
    say(
        "| page | queries warm/cold | cold ms (in process) | req/s (1) | p50 ms (1) "
        "| p99 ms (1) | req/s (8) | p50 ms (8) | p99 ms (8) | ratio to ceiling (8) | target |"
    )
    say("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    failures = []
    for name, result in results.items():
        one, eight = result[1], result[8]
        ratio = eight["rps"] / result["ceiling"] if result["ceiling"] else 0
        target = TARGETS.get(name)
        verdict = ""
        if target is not None:
            verdict = f"≥ {target:.0%} {'ok' if ratio >= target else 'MISSED'}"
            if ratio < target:
                failures.append(name)
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
        + ", ".join(f"{kind} {size / 1024:.1f} KB" for kind, size in weight.items())
        + f"; total {total / 1024:.1f} KB (budget 50 KB"
        + (" ok" if total <= 50 * 1024 else " MISSED")
        + "); third-party requests: "
        + (", ".join(outside) if outside else "none")
    )
    budget = max(page["queries"][0] for page in measured.values())
    say(
        f"Most queries on one page, caches warm: {budget} "
        f"(budget 12{' ok' if budget <= 12 else ' MISSED'}); cold: "
        f"{max(page['queries'][1] for page in measured.values())}."
    )
    return failures


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--rebuild", action="store_true")
    options = parser.parse_args(argv)

    env, backend = prepare_database(options.rebuild)
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
    failures = report(
        backend, options.workers, options.seconds, results, measured, weight, outside
    )
    if failures:
        say("Below target: " + ", ".join(failures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
