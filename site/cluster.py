"""`make cluster`: two app hosts on one PostgreSQL and one Redis, checked through HTTP only.

It starts its own PostgreSQL (initdb in a temporary folder) and its own Redis, each on a
free port of 127.0.0.1, so that it can stop and restart them without touching the
machine's services; migrates, collects the static files, creates a few pages and the demo
accounts (chorus_site.cluster_content), then starts two gunicorn hosts, A and B, with
production settings (chorus_site.cluster_servers). Readers talk to them as a load balancer
that terminates TLS would forward them (chorus_site.cluster_http). It checks that:

1. a session opened on host A works on host B;
2. a story published through the admin on A is served by B at once, to employees and to
   anonymous visitors; made internal on A, it disappears from B for anonymous visitors;
3. 8 readers for 30 seconds, spread over both hosts (5 employees who chose different
   stages, 3 anonymous visitors), while an editor publishes, get no error and no page
   another reader should not see (another reader's CSRF token or stage, an internal page);
4. with Redis stopped, both hosts serve without a 5xx, and fill their caches again when it
   returns;
5. while PostgreSQL restarts, requests get the static 503 page, and both hosts serve again
   afterwards without being restarted;
6. scheduled publishing, run on host A only (`manage.py publish_scheduled`), is seen by
   both hosts.

Every server is stopped at the end, also on failure. Exits non-zero on the first failed
check, with the hosts' last log lines; without PostgreSQL's server programs or Redis it says
what to install and exits non-zero.
"""

import concurrent.futures
import datetime
import itertools
import json
import os
import re
import secrets
import subprocess  # nosec B404 (runs our own manage.py)
import sys
import threading
import time
import zoneinfo

from chorus_site.cluster_http import ORIGIN, PUBLIC_HOST, Reader, csrf_secrets
from chorus_site.cluster_servers import (
    ROOT,
    Host,
    MissingPrograms,
    Postgres,
    Redis,
    Servers,
    find_programs,
    say,
    tail,
)


SOAK_SECONDS = 30
OUTAGE_SECONDS = 4  # how long requests are made while Redis or PostgreSQL is down
RECOVERY_SECONDS = 30  # the longest a host may take to serve again after an outage
TIME_ZONE = "Europe/Paris"
# The readers of the soak: who logs in with which password, and the stage each one picks.
EMPLOYEES = {
    "employee": ("employee-demo", "discover"),
    "ambassador": ("ambassador-demo", "listen"),
    "referent": ("referent-demo", "speak"),
    "admin": ("admin-demo", "lead"),
    "editor": ("editor-demo", None),
}
STAGE_LABELS = {
    "discover": "Discover",
    "listen": "Listen",
    "speak": "Speak",
    "lead": "Lead",
}
LOGOUT_BUTTON = 'data-testid="logout"'
STATIC_503 = 'data-testid="service-unavailable"'


class CheckFailed(AssertionError):
    pass


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


# Setting up


def host_environment(servers, postgres, redis):
    """What every host gets, as in the README's "Running in production": nothing else."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "CHORUS_"))
        and key not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "MEDIA_ROOT"}
    }
    env.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=PUBLIC_HOST,
        CSRF_TRUSTED_ORIGINS=ORIGIN,
        WAGTAILADMIN_BASE_URL=ORIGIN,
        DATABASE_URL=postgres.url,
        REDIS_URL=redis.url,
        # Shared by the hosts, as a bucket would be.
        MEDIA_ROOT=str(servers.folder / "media"),
        CHORUS_DATA_DIR=str(servers.folder / "data"),
        TIME_ZONE=TIME_ZONE,
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    return env


def manage(env, *args):
    """Run a management command with a host's environment; return what it printed."""
    result = subprocess.run(  # noqa: S603  # nosec B603 (our own manage.py)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        raise CheckFailed(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


class Cluster:
    """The servers, the content and the readers that the checks share."""

    def __init__(self, servers, programs):
        programs, redis_program = programs
        self.servers = servers
        started = time.monotonic()
        self.postgres = servers.started(Postgres(servers.folder, programs))
        self.postgres.create()
        self.redis = servers.started(Redis(servers.folder, redis_program))
        self.redis.start()
        self.env = host_environment(servers, self.postgres, self.redis)
        say(
            f"PostgreSQL on 127.0.0.1:{self.postgres.port}, Redis on "
            f"127.0.0.1:{self.redis.port}; migrating and creating the content…"
        )
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            # Static files need no database: collected while it is migrated.
            static = pool.submit(manage, self.env, "collectstatic", "--no-input", "-v0")
            manage(self.env, "migrate", "--no-input", "-v0")
            static.result()
        printed = manage(
            self.env,
            "shell",
            "-v0",
            "-c",
            "from chorus_site.cluster_content import create; create()",
        )
        line = next(x for x in printed.splitlines() if x.startswith("CLUSTER-CONTENT "))
        self.content = json.loads(line.split(" ", 1)[1])
        self.a = servers.started(Host("A", servers.folder, self.env))
        self.b = servers.started(Host("B", servers.folder, self.env))
        self.hosts = (self.a, self.b)
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            list(pool.map(Host.start, self.hosts))
        say(
            f"Host A on 127.0.0.1:{self.a.port}, host B on 127.0.0.1:{self.b.port} "
            f"(gunicorn, production settings), ready in "
            f"{time.monotonic() - started:.0f} s."
        )
        self.editor = None

    def url(self, name):
        return self.content[name]["url"]

    def title(self, name):
        return self.content[name]["title"]

    def logs(self):
        return "\n".join(
            f"--- last lines of {host} ({host.log.name}):\n{tail(host.log)}"
            for host in self.hosts
        )


def log_in(host, username, password):
    """A reader logged in through the login form of `host`."""
    reader = Reader(username)
    page = reader.get(host, "/en/login/")
    check(page.status == 200, f"the login page on {host} answered {page.status}")
    fields = page.form(field="username")
    fields.update(username=[username], password=[password])
    answer = reader.post(host, "/en/login/", fields)
    check(
        answer.status == 302 and "sessionid" in reader.cookies,
        f"{username} could not log in on {host}: {answer}",
    )
    return reader


def expect(reader, host, path, status, contains=None, lacks=None):
    response = reader.get(host, path)
    where = f"{reader.name} on {host}, {path}"
    check(response.status == status, f"{where}: {response.status}, not {status}")
    if contains is not None:
        check(contains in response.text, f"{where}: no {contains!r} in the page")
    if lacks is not None:
        check(lacks not in response.text, f"{where}: {lacks!r} is in the page")
    return response


# Publishing through the admin


SUCCESS_MESSAGE = re.compile(r'(?s)<li class="success">(.*?)</li>')
ERRORS = re.compile(r'(?s)class="error-message"[^>]*>(.*?)</')


def submit_page_form(editor, host, path, changes, remove=()):
    """Fill the admin's page form at `path` like the editor would and press Publish.
    Returns the edit path of the page, from the admin's success message."""
    fields = editor.get(host, path).form(id="page-edit-form")
    for name in remove:
        fields.pop(name, None)
    fields.update({name: [value] for name, value in changes.items()})
    # The body is a StreamField, which the admin's JavaScript fills in: left empty here.
    fields["body-count"] = ["0"]
    fields["action-publish"] = ["action-publish"]
    answer = editor.post(host, path, fields)
    errors = [re.sub(r"\s+", " ", e).strip() for e in ERRORS.findall(answer.text)]
    check(answer.status == 302, f"the admin refused the page on {host}: {errors}")
    message = SUCCESS_MESSAGE.search(editor.get(host, answer.location).text)
    check(message is not None, f"no success message after publishing on {host}")
    edit = re.search(r'href="(/admin/pages/\d+/edit/)"', message.group(1))
    return edit.group(1)


def add_story(editor, host, index_id, title, slug, is_public, go_live_at=None):
    changes = {
        "title": title,
        "slug": slug,
        "intro": f"{title}, written in the admin of {host}.",
    }
    if is_public:
        changes["is_public"] = "on"
    if go_live_at is not None:
        changes["go_live_at"] = go_live_at.strftime("%Y-%m-%d %H:%M:%S")
    path = f"/admin/pages/add/stories/storypage/{index_id}/"
    return submit_page_form(editor, host, path, changes)


# The checks


def production_https(cluster):
    """The hosts run with production's HTTPS defaults (the readers' cookies must be Secure)."""
    for host in cluster.hosts:
        plain = Reader("plain HTTP", through_tls=False).get(host, "/en/")
        check(
            plain.status == 301 and plain.headers.get("location") == f"{ORIGIN}/en/",
            f"plain HTTP to {host} was not sent to HTTPS: {plain}",
        )
        login = expect(Reader("anonymous"), host, "/en/login/", 200)
        check(
            "max-age=31536000" in login.headers.get("strict-transport-security", ""),
            f"no HSTS header from {host}",
        )
    return "both hosts redirect to HTTPS, send HSTS and only Secure cookies"


def session_moves_between_hosts(cluster):
    employee = log_in(cluster.a, "employee", EMPLOYEES["employee"][0])
    expect(employee, cluster.b, "/en/", 200, contains=LOGOUT_BUTTON)
    anonymous = Reader("anonymous")
    home = expect(anonymous, cluster.b, "/en/", 302)
    check(home.location.startswith("/en/login/"), f"anonymous home: {home.location}")
    return "a session opened on host A works on host B"


def publishing_is_seen_everywhere(cluster):
    a, b = cluster.a, cluster.b
    cluster.editor = editor = log_in(a, "editor", EMPLOYEES["editor"][0])
    employee = log_in(b, "employee", EMPLOYEES["employee"][0])
    anonymous = Reader("anonymous")
    index = cluster.url("story_index")
    title, slug = "Solar roof on the Nantes warehouse", "solar-roof"
    story = f"{index}{slug}/"
    # B has the story list in its cache for employees, the story not at all.
    for _ in range(2):
        expect(employee, b, index, 200, lacks=title)
        expect(anonymous, b, story, 404)

    edit = add_story(editor, a, cluster.content["story_index"]["id"], title, slug, True)
    expect(employee, b, index, 200, contains=title)
    expect(employee, b, story, 200, contains=title)
    expect(anonymous, b, story, 200, contains=title)
    expect(anonymous, b, story, 200, contains=title)  # now from B's cache

    submit_page_form(editor, a, edit, {}, remove=["is_public"])
    answer = expect(anonymous, b, story, 302)
    check(answer.location.startswith("/en/login/"), f"internal story: {answer}")
    expect(employee, b, story, 200, contains=title)
    return (
        "a story published in the admin on A is served by B at once, to employees and "
        "anonymous visitors; made internal on A, it is gone from B for anonymous visitors"
    )


def schedule_story(cluster):
    """A public story scheduled in the admin on A, to go live in a few seconds."""
    when = datetime.datetime.now(zoneinfo.ZoneInfo(TIME_ZONE))
    when += datetime.timedelta(seconds=8)
    title, slug = "Winter schedule of the shuttle", "winter-shuttle"
    add_story(
        cluster.editor, cluster.a, cluster.content["story_index"]["id"], title, slug,
        True, go_live_at=when,
    )  # fmt: skip
    return {"title": title, "url": f"{cluster.url('story_index')}{slug}/", "at": when}


def scheduled_publishing_on_one_host(cluster, scheduled):
    anonymous = Reader("anonymous")
    employee = log_in(cluster.b, "employee", EMPLOYEES["employee"][0])
    deadline = scheduled["at"].timestamp() + 1
    time.sleep(max(0, deadline - time.time()))
    # Its time has come, but nothing published it yet.
    for host in cluster.hosts:
        expect(anonymous, host, scheduled["url"], 404)
    manage(cluster.env, "publish_scheduled")  # host A's environment, on host A only
    for host in cluster.hosts:
        expect(anonymous, host, scheduled["url"], 200, contains=scheduled["title"])
        expect(
            employee, host, cluster.url("story_index"), 200, contains=scheduled["title"]
        )
    return "scheduled publishing run on host A only is seen by both hosts"


class Soak:
    """8 readers for 30 s, each request to the next host, checking every answer."""

    def __init__(self, cluster):
        self.cluster = cluster
        self.problems = []
        self.counts = {host.name: 0 for host in cluster.hosts}
        self.lock = threading.Lock()

    def employees(self):
        readers = {}
        for number, (username, (password, stage)) in enumerate(EMPLOYEES.items()):
            host = self.cluster.hosts[number % 2]
            reader = log_in(host, username, password)
            if stage is not None:
                fields = reader.get(host, "/en/my-stage/").form(field="stage")
                fields["stage"] = [stage]
                answer = reader.post(host, "/en/my-stage/", fields)
                check(answer.status == 302, f"{username} could not pick a stage")
            readers[username] = (reader, stage)
        return readers

    def problem(self, message):
        with self.lock:
            self.problems.append(message)

    def inspect_employee(self, reader, stage, path, response):
        if response.status != 200:
            return f"{response.status}"
        if LOGOUT_BUTTON not in response.text:
            return "the page is not the logged-in one"
        if csrf_secrets(response.text) - {reader.csrf_secret()}:
            return "another reader's CSRF token is in the page"
        if path == "/en/":
            for other, label in STAGE_LABELS.items():
                shown = f"Guides for your stage: {label}" in response.text
                if shown != (other == stage):
                    return f"the stage shown is not the reader's own ({stage})"
        return None

    def inspect_anonymous(self, path, response):
        cluster = self.cluster
        if LOGOUT_BUTTON in response.text or "csrfmiddlewaretoken" in response.text:
            return "an anonymous visitor got a logged-in page"
        if path == cluster.url("public"):
            if response.status != 200 or cluster.title("public") not in response.text:
                return f"{response.status} for a public story"
        elif response.status != 302 or not response.location.startswith("/en/login/"):
            return f"{response.status} instead of the login page"
        return None

    def read(self, reader, stage, paths, offset, deadline):
        hosts = itertools.cycle(
            self.cluster.hosts[offset:] + self.cluster.hosts[:offset]
        )
        for path in itertools.cycle(paths):
            if time.monotonic() > deadline:
                return
            host = next(hosts)
            try:
                response = reader.get(host, path)
            except OSError as error:
                self.problem(f"{reader.name} on {host}, {path}: {error}")
                continue
            with self.lock:
                self.counts[host.name] += 1
            if stage == "anonymous":
                wrong = self.inspect_anonymous(path, response)
            else:
                wrong = self.inspect_employee(reader, stage, path, response)
            if wrong:
                self.problem(f"{reader.name} on {host}, {path}: {wrong}")

    def run(self, seconds=SOAK_SECONDS):
        cluster = self.cluster
        readers = self.employees()
        employee_paths = [
            "/en/",
            cluster.url("story_index"),
            cluster.url("public"),
            cluster.url("internal"),
            "/en/search/?q=story",
        ]
        anonymous_paths = [
            cluster.url("public"),
            "/en/",
            cluster.url("internal"),
            cluster.url("story_index"),
        ]
        jobs = [(reader, stage, employee_paths) for reader, stage in readers.values()]
        jobs += [
            (Reader(f"anonymous{n}"), "anonymous", anonymous_paths) for n in (1, 2, 3)
        ]
        deadline = time.monotonic() + seconds
        with concurrent.futures.ThreadPoolExecutor(len(jobs)) as pool:
            futures = [
                pool.submit(self.read, reader, stage, paths, n % 2, deadline)
                for n, (reader, stage, paths) in enumerate(jobs)
            ]
            # Halfway, the editor publishes on A: every cache starts again.
            time.sleep(seconds / 2)
            edit = f"/admin/pages/{cluster.content['internal']['id']}/edit/"
            submit_page_form(cluster.editor, cluster.a, edit, {})
            for future in futures:
                future.result(timeout=seconds + 60)
        total = sum(self.counts.values())
        check(
            not self.problems,
            f"{len(self.problems)} wrong answers out of {total}, the first ones:\n"
            + "\n".join(self.problems[:10]),
        )
        check(min(self.counts.values()) > 0, f"a host got no request: {self.counts}")
        return (
            f"{len(jobs)} readers for {seconds} s: {total} requests "
            f"(A {self.counts['A']}, B {self.counts['B']}), a publish halfway, "
            "no error, nobody saw another reader's page"
        )


def during(seconds, request):
    """Call `request()` over and over for `seconds`, at most 500 times."""
    deadline = time.monotonic() + seconds
    for _ in range(500):
        if time.monotonic() > deadline:
            return
        request()


def wait_for(ready, what):
    deadline = time.monotonic() + RECOVERY_SECONDS
    while time.monotonic() < deadline:
        if ready():
            return
        time.sleep(0.5)
    raise CheckFailed(f"{what} within {RECOVERY_SECONDS} s")


def redis_outage(cluster):
    employee = log_in(cluster.a, "employee", EMPLOYEES["employee"][0])
    anonymous = Reader("anonymous")
    public, title = cluster.url("public"), cluster.title("public")
    cluster.redis.stop()
    counter = itertools.count()

    def request():
        host = cluster.hosts[next(counter) % 2]
        expect(employee, host, "/en/", 200, contains=LOGOUT_BUTTON)
        expect(employee, host, public, 200, contains=title)
        expect(anonymous, host, public, 200, contains=title)

    during(OUTAGE_SECONDS, request)
    # Logging in needs no cache either, and the session works on the other host.
    late = log_in(cluster.b, "referent", EMPLOYEES["referent"][0])
    expect(late, cluster.a, "/en/", 200, contains=LOGOUT_BUTTON)
    for host in cluster.hosts:
        health = json.loads(expect(anonymous, host, "/healthz?ready", 200).text)
        check(health["cache"] == "unavailable", f"{host} health: {health}")

    cluster.redis.start()
    before = cluster.redis.key_count()
    for host in cluster.hosts:
        expect(anonymous, host, public, 200, contains=title)
        expect(employee, host, "/en/", 200, contains=LOGOUT_BUTTON)
        health = json.loads(expect(anonymous, host, "/healthz?ready", 200).text)
        check(health["cache"] == "ok", f"{host} health after Redis came back: {health}")
    after = cluster.redis.key_count()
    check(
        after > before, f"the hosts did not fill Redis again ({before} → {after} keys)"
    )
    return f"Redis stopped: both hosts served with no 5xx; back: caches refilled ({after} keys)"


def postgres_restart(cluster):
    employee = log_in(cluster.b, "employee", EMPLOYEES["employee"][0])
    anonymous = Reader("anonymous")
    public = cluster.url("public")
    pids = [host.process.pid for host in cluster.hosts]
    cluster.postgres.stop()
    counter, cached = itertools.count(), []

    def request():
        host = cluster.hosts[next(counter) % 2]
        answer = expect(employee, host, "/en/", 503, contains=STATIC_503)
        check(answer.headers.get("retry-after"), f"no Retry-After from {host}")
        expect(anonymous, host, "/healthz?ready", 503)
        # A public page kept in the cache is still served; anything else is the 503.
        story = anonymous.get(host, public)
        check(
            story.status == 200 or (story.status == 503 and STATIC_503 in story.text),
            f"anonymous public story on {host} during the outage: {story.status}",
        )
        cached.append(story.status == 200)

    during(OUTAGE_SECONDS, request)
    cluster.postgres.start()
    for host in cluster.hosts:
        wait_for(
            lambda host=host: employee.get(host, "/en/").status == 200,
            f"{host} did not serve again after PostgreSQL restarted",
        )
        expect(employee, host, "/en/", 200, contains=LOGOUT_BUTTON)
    check(
        [host.process.pid for host in cluster.hosts] == pids
        and all(host.running() for host in cluster.hosts),
        "a host was restarted",
    )
    return (
        f"PostgreSQL restarted: {len(cached)} rounds got the static 503 with Retry-After "
        "(public pages from the cache still served), then both hosts served again, "
        "unrestarted"
    )


CHECKS = 7


def run_checks(cluster, passed):
    """Run the checks in order, saying each one that passed (appended to `passed`)."""

    def ok(result):
        passed.append(result)
        say(f"  ok  {result}")

    ok(production_https(cluster))
    ok(session_moves_between_hosts(cluster))
    ok(publishing_is_seen_everywhere(cluster))
    scheduled = schedule_story(
        cluster
    )  # goes live during the soak, published at the end
    ok(Soak(cluster).run())
    ok(redis_outage(cluster))
    ok(postgres_restart(cluster))
    ok(scheduled_publishing_on_one_host(cluster, scheduled))


def main():
    started = time.monotonic()
    try:
        programs = find_programs()
    except MissingPrograms as missing:
        say(str(missing))
        return 2
    servers = Servers()
    cluster, passed = None, []
    try:
        cluster = Cluster(servers, programs)
        run_checks(cluster, passed)
    except (AssertionError, RuntimeError, OSError, subprocess.SubprocessError) as error:
        say(f"make cluster FAILED: {error}")
        if cluster is not None:
            say(cluster.logs())
        say(f"cluster: {len(passed)} passed, 1 failed")
        return 1
    finally:
        servers.close()
    say(
        f"make cluster passed in {time.monotonic() - started:.0f} s; every server stopped."
    )
    say(f"cluster: {len(passed)} passed, 0 failed")
    return 0 if len(passed) == CHECKS else 1


if __name__ == "__main__":
    sys.exit(main())
