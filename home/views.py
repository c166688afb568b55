from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

from wagtail import views as wagtail_views

from .cache import add_cache_headers, serve_with_cache

@login_not_required
@transaction.non_atomic_requests
def serve_page(request, path):
    """Wagtail's page view. Each page enforces its own access rule (see home.access).

    Reading a page writes nothing, so only other methods (form pages) take a transaction:
    on SQLite each transaction would otherwise lock the database for every reader.
    """
    if request.method in ("GET", "HEAD"):
        return serve_with_cache(request, lambda: wagtail_views.serve(request, path))
    with transaction.atomic():
        return add_cache_headers(request, wagtail_views.serve(request, path))


@login_not_required
@transaction.non_atomic_requests
def ceiling(request):
    """The trivial view `make bench` compares every page with (same server, same run)."""
    return HttpResponse("ok", content_type="text/plain")


def _database_ready():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return False
    return True


def _cache_ready():
    # Reads and writes never raise with django-redis' IGNORE_EXCEPTIONS, so round-trip a value.
    cache.set("healthz", "ok", 10)
    return cache.get("healthz") == "ok"


@login_not_required
@never_cache
@transaction.non_atomic_requests
def healthz(request):
    """Liveness by default; `?ready` adds readiness of the database and the cache (503 if not)."""
    if "ready" not in request.GET:
        return JsonResponse({"status": "ok"})
    checks = {"database": _database_ready(), "cache": _cache_ready()}
    # The site keeps serving without its cache, so only the database decides readiness.
    status = 200 if checks["database"] else 503
    return JsonResponse(
        {
            "status": "ok" if status == 200 else "unavailable",
            **{name: "ok" if ok else "unavailable" for name, ok in checks.items()},
        },
        status=status,
    )
