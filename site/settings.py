"""Chorus settings: one module, read from the environment.

With nothing set, Chorus runs the embedded default (SQLite, database search, local-memory
cache, console e-mail) and refuses to start without a SECRET_KEY unless DJANGO_DEBUG is on.
Every variable is listed, with an example, in `.env.example`.
"""

import os
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

import dj_database_url


BASE_DIR = Path(__file__).resolve().parents[1]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (see .env.example), "
            "or set DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = "chorus-development-only-not-secret"  # noqa: S105  # nosec B105 (debug only)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "chorus_site",
    "guides",
    "stories",
    "referents",
    "home",
    "home.channels",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Public pages for visitors without a session, from the cache, before the rest.
    "home.page_cache.AnonymousPageCacheMiddleware",
    "home.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "chorus_site.content_security_policy.ContentSecurityPolicyMiddleware",
    "axes.middleware.AxesMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Closes the admin views that would show an ambassador other people's work.
    "referents.admin_closure.AmbassadorAdminMiddleware",
]

ROOT_URLCONF = "chorus_site.urls"
WSGI_APPLICATION = "chorus_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
            ],
        },
    },
]

# Database: SQLite in data/ unless DATABASE_URL says otherwise.
DATA_DIR = Path(os.environ.get("CHORUS_DATA_DIR", BASE_DIR / "data"))
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'chorus.sqlite3'}",
        # Kept open between requests (SQLite too: each connection keeps its page cache).
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions avoid "database is locked" under concurrent writers.
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
FORMS_URLFIELD_ASSUME_HTTPS = True  # Django 6 behaviour: a bare domain means https

# Cache: Redis when REDIS_URL is set, with errors ignored so that the site keeps
# serving (uncached) while Redis is down; local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "chorus",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    # On disk, so that every process of this machine (several gunicorn workers) reads the
    # same entries and the same content version: a publish in one is seen by all at once.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CHORUS_CACHE_DIR", str(DATA_DIR / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }
# Only Redis is shared by every process of every host. Per-user entries (the session, the
# stage) and whole pages are kept across requests only there.
CHORUS_SHARED_CACHE = bool(REDIS_URL)
# Sessions are read from the shared cache and written through to the database, so a
# logged-in page costs no session query while Redis is up, and nothing is lost when it is
# down. Without Redis, a logout in one process must end the session in all of them.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if CHORUS_SHARED_CACHE
    else "django.contrib.sessions.backends.db"
)
# How long the shared cache keeps an employee's own choices, their stage and their referent
# (home.cache.kept_for_person): a change through the site is seen at once; one made outside
# it, after this time at most.
CHORUS_CHOICE_CACHE_SECONDS = 600
# Two weeks (Django's default, written out because the transparency page states it).
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
# Whole pages for anonymous visitors, only with a cache shared by every process (home.page_cache).
CHORUS_PAGE_CACHE = env_bool("CHORUS_PAGE_CACHE", default=CHORUS_SHARED_CACHE)
CHORUS_PAGE_CACHE_SECONDS = int(os.environ.get("CHORUS_PAGE_CACHE_SECONDS", "600"))
# Page types that show nothing about the reader, cached whole for employees too (a minute:
# share-kit embargoes open and close on time). What differs for each reader is a per-reader
# fragment (`{% per_reader %}`), rendered for the reader in the cached page (home.page_cache).
CHORUS_EMPLOYEE_PAGE_CACHE_MODELS = [
    "home.HomePage",
    "stories.StoryIndexPage",
    "stories.StoryPage",
    "stories.SpotlightIndexPage",
    "stories.SpotlightPage",
    "guides.GuideIndexPage",
    "guides.GuidePage",
]
# What is kept of these page types (whole pages, fragments) stays when a story is published
# or unpublished: they list no story (a story that a page links to makes every page cold,
# home.cache).
CHORUS_PAGES_SHOWING_NO_STORY = [
    "guides.GuideIndexPage",
    "guides.GuidePage",
    "referents.ReferentIndexPage",
    "stories.SpotlightIndexPage",
    "stories.SpotlightPage",
]
CHORUS_STORY_PAGE_MODEL = "stories.StoryPage"
CHORUS_PER_READER_FRAGMENTS = {
    "new_since_last_visit": "chorus_site.visits.new_since_last_visit",
    "guides_for_me": "guides.listing.guides_for_me",
    "guide_index_groups": "guides.listing.guide_index_groups",
    "my_referent": "referents.my_referent.my_referent_fragment",
    "comments": "stories.comments.fragment.comments_fragment",
}
# The entries that most of a person's pages read from the shared cache, read with their
# account in one round trip (home.auth_backends): functions of a user id giving cache keys.
CHORUS_READ_WITH_ACCOUNT = [
    "home.access.visibility_cache_keys",
    "home.models.stage_cache_keys",
    "referents.models.referent_choice_cache_keys",
    "stories.comments.rules.moderator_cache_keys",
]
# When the account's row comes from the database, what those entries need is read in the
# same query: functions of a user id giving {cache key: an expression on the user's row,
# or a value read just before it}.
CHORUS_READ_WITH_ACCOUNT_ROW = [
    "home.access.visibility_on_account_row",
    "home.models.stage_on_account_row",
    "referents.models.referent_choice_on_account_row",
]
# Comments: how many a person may post in a minute, and how many a page shows at a time.
CHORUS_COMMENTS_PER_MINUTE = int(os.environ.get("CHORUS_COMMENTS_PER_MINUTE", "5"))
CHORUS_COMMENTS_PER_PAGE = 20
CHORUS_EMPLOYEE_PAGE_CACHE_SECONDS = 60

# Authentication: everything needs login except what is marked otherwise
# (public published pages, login pages, /healthz).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "home.auth_backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Login records are kept only as long as they stop password guessing (the transparency
# page says so): a failed attempt lives for the pause above, and is cleared by a successful
# login; `manage.py purge_expired_records` deletes what outlives it. Successful logins are not
# recorded (with address and browser) at all: Django's "last login" date is their only trace.
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

# Optional single sign-on with OpenID Connect, on when a client id is configured. Accounts
# created at first login join Employees like any other (home.signals).
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
if OIDC_RP_CLIENT_ID:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("home.auth_backends.OIDCBackend")
    OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
    OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get(
        "OIDC_OP_AUTHORIZATION_ENDPOINT", ""
    )
    OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
    OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
    OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
    OIDC_RP_SCOPES = "openid email profile"

# Languages: French by default, English; URLs carry the language prefix.
LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "fr")
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("fr", _("French")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Paris")
USE_I18N = True
USE_TZ = True
# A translated snippet must not go live by itself, still holding the source text.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Static files and media.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "assets"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Media on S3-compatible storage when a bucket is configured (`pip install ".[s3]"`).
# The bucket stays private: files are reached through signed URLs, and documents still go
# through Wagtail's permission check (WAGTAILDOCS_SERVE_METHOD below).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": True,
            # Longer than the page cache keeps a page (CHORUS_PAGE_CACHE_SECONDS).
            "querystring_expire": 24 * 3600,
        },
    }

# E-mail: console unless an SMTP host is configured.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "chorus@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security. Production-safe unless DEBUG is on.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = int(
    os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000")
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True
SILENCED_SYSTEM_CHECKS = [
    # Wagtail's admin shows page previews in a same-origin frame: DENY would break them.
    "security.W019",
    # HSTS preload commits every subdomain of the organisation: opt in with SECURE_HSTS_PRELOAD.
    "security.W021",
]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'", "https:", "mailto:"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
    # The Wagtail admin ships inline scripts and styles of its own.
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
}

# Wagtail.
WAGTAIL_SITE_NAME = "Chorus"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# "simple": no English stop words or stemming on PostgreSQL (Chorus is bilingual; "ours" is a
# French word), the same behaviour as SQLite's full-text index.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "simple",
    }
}
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odp",
    "ods",
    "odt",
    "pdf",
    "pptx",
    "txt",
    "xlsx",
]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatar from Gravatar in the admin: it would send a hash of each person's e-mail address
# to a third party (the transparency page promises it is never sent anywhere).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Team channels (home.channels): how long a post may wait for the service's answer, and
# whether a webhook may be plain http on 127.0.0.1 (tests and demos only; never in production).
CHORUS_CHANNEL_TIMEOUT_SECONDS = float(
    os.environ.get("CHORUS_CHANNEL_TIMEOUT_SECONDS", "5")
)
CHORUS_CHANNELS_ALLOW_LOCAL_HTTP = env_bool("CHORUS_CHANNELS_ALLOW_LOCAL_HTTP")

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
