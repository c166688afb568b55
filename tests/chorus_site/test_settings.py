"""The one settings module: safe with nothing set, production-ready with a few variables.

Each case imports `chorus_site.settings` in a fresh interpreter with a clean environment,
since the module reads the environment once, at import.
"""

import json
import os
import secrets
import subprocess
import sys

from django.conf import settings

import pytest


ROOT = settings.BASE_DIR
PRINT_SETTINGS = (
    "import json, chorus_site.settings as s;"
    "print(json.dumps({'DEBUG': s.DEBUG, 'DATABASES': s.DATABASES, 'CACHES': s.CACHES,"
    " 'EMAIL_BACKEND': s.EMAIL_BACKEND, 'STORAGES': s.STORAGES,"
    " 'AUTHENTICATION_BACKENDS': s.AUTHENTICATION_BACKENDS,"
    " 'INSTALLED_APPS': s.INSTALLED_APPS, 'DATA_DIR': str(s.DATA_DIR)}, default=str))"
)


def clean_env(**variables):
    """Only what a shell needs, plus the variables of the case."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(ROOT)}
    env.update(variables)
    return env


def run_python(code, **variables):
    return subprocess.run(  # noqa: S603 (our own interpreter, fixed arguments)
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean_env(**variables),
        capture_output=True,
        text=True,
        timeout=120,
    )


def settings_with(**variables):
    result = run_python(PRINT_SETTINGS, **variables)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def production_secret():
    return secrets.token_urlsafe(50)


def test_check_deploy_is_clean_with_production_variables():
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
        ],
        cwd=ROOT,
        env=clean_env(
            SECRET_KEY=production_secret(), ALLOWED_HOSTS="intranet.example.org"
        ),
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_defaults_are_the_embedded_and_safe_ones():
    values = settings_with(SECRET_KEY=production_secret())
    assert values["DEBUG"] is False
    database = values["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == os.path.join(values["DATA_DIR"], "chorus.sqlite3")
    assert values["DATA_DIR"] == str(ROOT / "data")
    assert database["ATOMIC_REQUESTS"] is True
    # On disk: shared by every process of the machine (several gunicorn workers).
    cache = values["CACHES"]["default"]
    assert cache["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert cache["LOCATION"] == os.path.join(values["DATA_DIR"], "cache")
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert (
        values["STORAGES"]["default"]["BACKEND"]
        == "django.core.files.storage.FileSystemStorage"
    )
    assert "mozilla_django_oidc" not in values["INSTALLED_APPS"]


def test_database_url_is_parsed():
    values = settings_with(
        SECRET_KEY=production_secret(),
        DATABASE_URL="postgres://chorus:s3cret@db.example.org:6432/intranet",
    )
    database = values["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["NAME"], database["USER"], database["PASSWORD"]) == (
        "intranet",
        "chorus",
        "s3cret",
    )
    assert (database["HOST"], database["PORT"]) == ("db.example.org", 6432)
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["ATOMIC_REQUESTS"] is True


def test_redis_url_gives_a_cache_that_ignores_redis_failures():
    values = settings_with(
        SECRET_KEY=production_secret(), REDIS_URL="redis://cache.example.org:6379/2"
    )
    cache = values["CACHES"]["default"]
    assert cache["BACKEND"] == "django_redis.cache.RedisCache"
    assert cache["LOCATION"] == "redis://cache.example.org:6379/2"
    assert cache["OPTIONS"]["IGNORE_EXCEPTIONS"] is True


def test_bucket_name_moves_media_to_s3_storage():
    values = settings_with(
        SECRET_KEY=production_secret(),
        AWS_STORAGE_BUCKET_NAME="chorus-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
    )
    storage = values["STORAGES"]["default"]
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "chorus-media"
    assert storage["OPTIONS"]["endpoint_url"] == "https://s3.example.org"
    assert storage["OPTIONS"]["querystring_auth"] is True


def test_oidc_client_id_turns_single_sign_on_on():
    values = settings_with(SECRET_KEY=production_secret(), OIDC_RP_CLIENT_ID="chorus")
    assert "mozilla_django_oidc" in values["INSTALLED_APPS"]
    backends = values["AUTHENTICATION_BACKENDS"]
    assert backends[0] == "axes.backends.AxesStandaloneBackend"
    assert "home.auth_backends.OIDCBackend" in backends


@pytest.mark.parametrize("debug", ["", "0"])
def test_missing_secret_key_without_debug_is_refused_clearly(debug):
    result = run_python("import chorus_site.settings", DJANGO_DEBUG=debug)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    assert "DJANGO_DEBUG=1" in result.stderr


def test_debug_runs_without_a_secret_key():
    values = settings_with(DJANGO_DEBUG="1")
    assert values["DEBUG"] is True


SESSION_AND_SHARING = (
    "import json, chorus_site.settings as s;"
    "print(json.dumps([s.SESSION_ENGINE, s.CHORUS_SHARED_CACHE, s.CHORUS_PAGE_CACHE]))"
)


@pytest.mark.parametrize(
    ("redis_url", "session_engine", "shared"),
    [
        ("", "django.contrib.sessions.backends.db", False),
        (
            "redis://cache.example.org:6379/2",
            "django.contrib.sessions.backends.cached_db",
            True,
        ),
    ],
)
def test_sessions_are_cached_only_in_a_cache_every_process_shares(
    redis_url, session_engine, shared
):
    # A logout in one process must end the session in the others: a cache of the
    # process's own would keep it alive there.
    result = run_python(
        SESSION_AND_SHARING, SECRET_KEY=production_secret(), REDIS_URL=redis_url
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [session_engine, shared, shared]
