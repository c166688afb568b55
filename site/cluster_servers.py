"""The servers of `make cluster`: a PostgreSQL, a Redis and gunicorn app hosts of its own.

Each binds to 127.0.0.1 on a free port and keeps its files in one temporary folder, so the
cluster can stop and restart them without touching the machine's own services. `Servers`
stops everything it started when it is closed: at the end of the run, on failure, on
Ctrl+C or SIGTERM (try/finally, atexit, a signal handler), and never waits without a limit.
"""

import atexit
import contextlib
import glob
import http.client
import os
import pwd
import shutil
import signal
import socket
import subprocess  # nosec B404 (runs PostgreSQL, Redis and gunicorn with fixed arguments)
import sys
import tempfile
import time
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
START_SECONDS = 60  # the longest a server may take to start
STOP_SECONDS = 15

MISSING_PROGRAMS = """\
make cluster starts a PostgreSQL server and a Redis server of its own, and needs their
programs, which were not found ({missing}). Install them, then run `make cluster` again:
  - Debian or Ubuntu:   sudo apt-get install postgresql redis-server
  - macOS (Homebrew):   brew install postgresql@15 redis
The machine's own PostgreSQL and Redis services are not used and need not be running."""


class MissingPrograms(Exception):
    pass


def say(message):
    print(message, flush=True)  # noqa: T201


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(ready, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ready():
            return
        time.sleep(0.2)
    raise RuntimeError(f"{what} was not ready within {seconds} s")


# Where PostgreSQL's server programs are when they are not on PATH (Debian keeps them there).
POSTGRES_FOLDERS = ("/usr/lib/postgresql/*/bin", "/usr/local/pgsql/bin")


def _version(folder):
    name = Path(folder).parent.name
    return int(name) if name.isdigit() else 0


def postgres_programs(path, folders):
    """The folder of initdb and pg_ctl: on `path`, else in `folders`, newest version first."""
    on_path = shutil.which("initdb", path=path)
    if on_path and shutil.which("pg_ctl", path=path):
        return Path(on_path).resolve().parent
    found = sorted(
        (folder for pattern in folders for folder in glob.glob(pattern)),
        key=_version,
        reverse=True,
    )
    for folder in found:
        if all(
            os.access(Path(folder) / name, os.X_OK) for name in ("initdb", "pg_ctl")
        ):
            return Path(folder)
    return None


def find_programs(path=None, folders=None):
    """PostgreSQL's program folder and redis-server, or MissingPrograms saying what to
    install. `path` is the PATH to search (the environment's by default)."""
    path = os.environ.get("PATH", "") if path is None else path
    postgres = postgres_programs(path, POSTGRES_FOLDERS if folders is None else folders)
    redis = shutil.which("redis-server", path=path)
    missing = [
        name
        for name, found in (("initdb, pg_ctl", postgres), ("redis-server", redis))
        if not found
    ]
    if missing:
        raise MissingPrograms(MISSING_PROGRAMS.format(missing="; ".join(missing)))
    return postgres, redis


def tail(path, lines=30):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


class Postgres:
    """A PostgreSQL cluster of its own (initdb), trust authentication on 127.0.0.1 only.

    initdb refuses to run as root: as root, the server runs as the `postgres` account
    (Debian's), or `nobody` if there is none."""

    def __init__(self, folder, programs):
        self.programs = programs
        self.folder = folder / "postgres"
        self.data = self.folder / "data"
        self.log = self.folder / "postgres.log"
        self.port = free_port()
        self.account = None
        if os.geteuid() == 0:
            for name in ("postgres", "nobody"):
                with contextlib.suppress(KeyError):
                    self.account = pwd.getpwnam(name)
                    break

    @property
    def url(self):
        return f"postgres://chorus@127.0.0.1:{self.port}/chorus"

    def _run(self, program, *args, check=True):
        identity = {}
        if self.account is not None:
            identity = {
                "user": self.account.pw_uid,
                "group": self.account.pw_gid,
                "extra_groups": [],
            }
        return subprocess.run(  # noqa: S603  # nosec B603 (PostgreSQL's own programs)
            [str(self.programs / program), *args],
            cwd=self.folder,
            env={"PATH": os.environ.get("PATH", ""), "LC_ALL": "C"},
            capture_output=True,
            text=True,
            check=check,
            timeout=START_SECONDS,
            **identity,
        )

    def create(self):
        self.folder.mkdir()
        if self.account is not None:
            os.chown(self.folder, self.account.pw_uid, self.account.pw_gid)
        self._run(
            "initdb",
            f"--pgdata={self.data}",
            "--username=chorus",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
            "--no-instructions",
        )
        self.start()
        import psycopg

        admin_url = self.url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute("CREATE DATABASE chorus")

    def start(self):
        options = " ".join(
            [
                "-c listen_addresses=127.0.0.1",
                f"-c port={self.port}",
                f"-c unix_socket_directories={self.folder}",
                # A throwaway database: durability is not what is tested.
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
            ]
        )
        result = self._run(
            "pg_ctl",
            f"--pgdata={self.data}",
            f"--log={self.log}",
            f"--options={options}",
            "--wait",
            f"--timeout={START_SECONDS}",
            "start",
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"PostgreSQL did not start:\n{result.stderr}\n{tail(self.log)}"
            )

    def stop(self, mode="fast"):
        if self.data.exists():
            self._run(
                "pg_ctl",
                f"--pgdata={self.data}",
                f"--mode={mode}",
                "--wait",
                f"--timeout={STOP_SECONDS}",
                "stop",
                check=False,
            )


class Redis:
    """A Redis server of its own, nothing kept on disk."""

    def __init__(self, folder, program):
        self.program = program
        self.folder = folder
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def command(self, *words):
        """Send one command, return Redis' first reply line, or None if it is down."""
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                sock.sendall(" ".join(words).encode() + b"\r\n")
                return sock.recv(256).split(b"\r\n", 1)[0].decode()
        except OSError:
            return None

    def key_count(self):
        reply = self.command("DBSIZE")
        return int(reply[1:]) if reply and reply.startswith(":") else 0

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603  # nosec B603 (fixed arguments)
            [
                self.program,
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
                "--logfile",
                str(self.folder / "redis.log"),
                "--daemonize",
                "no",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_until(lambda: self.command("PING") == "+PONG", START_SECONDS, "Redis")

    def stop(self):
        stop_process(self.process)
        self.process = None


def stop_process(process):
    """SIGTERM to the process group, SIGKILL if it is still there after a while."""
    if process is None or process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(STOP_SECONDS)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(STOP_SECONDS)


class Host:
    """One app host: gunicorn with production settings, as on every host of a deployment."""

    def __init__(self, name, folder, env, workers=2):
        self.name = name
        self.env = env
        self.workers = workers
        self.port = free_port()
        self.log = folder / f"host-{name.lower()}.log"
        self.process = None

    def __str__(self):
        return f"host {self.name}"

    def ready(self):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
            connection.request(
                "GET",
                "/healthz?ready",
                headers={"Host": self.env["ALLOWED_HOSTS"].split(",")[0]},
            )
            return connection.getresponse().status == 200
        except (OSError, http.client.HTTPException):
            return False

    def start(self):
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(  # noqa: S603  # nosec B603 (fixed arguments)
                [
                    GUNICORN,
                    "chorus_site.wsgi",
                    f"--bind=127.0.0.1:{self.port}",
                    f"--workers={self.workers}",
                    "--worker-class=gthread",
                    "--threads=4",
                    "--timeout=30",
                    "--graceful-timeout=5",
                    "--log-level=warning",
                ],
                cwd=ROOT,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                start_new_session=True,
            )
        wait_until(self.ready, START_SECONDS, str(self))

    def running(self):
        return self.process is not None and self.process.poll() is None

    def stop(self):
        stop_process(self.process)


class Servers:
    """Everything `make cluster` starts, in one temporary folder, stopped by `close()`."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="chorus-cluster-"))
        # PostgreSQL runs under its own account as root: it must reach its folder.
        self.folder.chmod(0o755)
        self._stops = []
        atexit.register(self.close)
        signal.signal(signal.SIGTERM, self._terminated)

    @staticmethod
    def _terminated(signum, frame):
        raise SystemExit(128 + signum)

    def started(self, server, stop=None):
        """Remember how to stop `server` (its `stop()` by default), then return it."""
        self._stops.append(stop or server.stop)
        return server

    def close(self):
        stops, self._stops = self._stops, []
        for stop in reversed(stops):
            with contextlib.suppress(Exception):
                stop()
        if self.folder.exists():
            shutil.rmtree(self.folder, ignore_errors=True)
