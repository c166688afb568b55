import os


os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")

from chorus_site.settings import *  # noqa: F403
from chorus_site.settings import DATA_DIR, DATABASES, REDIS_URL, STORAGES


PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SECURE_SSL_REDIRECT = False
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_AUTOREFRESH = WHITENOISE_USE_FINDERS = True

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file rather than shared memory: concurrent threads (the share counter test, the live
    # server) then wait for each other's locks instead of failing with "table is locked";
    # one file per run, so that two runs never share it.
    DATABASES["default"]["TEST"] = {
        "NAME": str(DATA_DIR / f"test-{os.getpid()}.sqlite3")
    }

if not REDIS_URL:
    # One process: the tests keep their cache in memory, emptied before each test.
    # tests/chorus_site/test_cache_across_processes.py checks the production choice.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
