from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.db.models import Subquery, Value
from django.db.models.functions import Concat
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from wagtail import hooks
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site

from .access import KeptViewRestrictionsMixin, with_restricted_flag
from .forms import StageForm
from .index_pages import active_language
from .models import ImageWithAltMixin, StagePreference, renditions_prefetch
from .page_cache import add_cache_headers, serve_with_cache
from .stages import STAGE_DESCRIPTIONS, Stage


def find_page(request, path):
    """The live page at `path` on this request's site, in the active language: one query
    for the page and one for its specific row (with its image and whether a view
    restriction applies to it), or None.

    Wagtail's routing walks the tree one level at a time, two queries a level; a page's
    `url_path` finds it at once (indexed, home/migrations/0003). Joining every page type's
    table to find the specific row at once would save a query but costs PostgreSQL 12 ms
    of planning (twelve tables) on every request: two small queries are faster."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    # The site root in the active language, as a subquery.
    root = Page.objects.filter(
        translation_key=site.root_page.translation_key,
        locale__language_code=active_language(),
    ).values("url_path")[:1]
    found = (
        Page.objects.live()
        .filter(url_path=Concat(Subquery(root), Value(path)))
        .values_list("pk", "content_type_id", "path")
        .first()
    )
    if found is None:
        return None
    pk, content_type_id, tree_path = found
    # The specific page, as `Page.specific` would read it, with its image and the
    # renditions of it that the page shows, and whether a view restriction applies to it
    # (one query more, one query each fewer).
    model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
    pages = model.objects.all()
    if issubclass(model, KeptViewRestrictionsMixin):
        pages = with_restricted_flag(pages, tree_path)
    if issubclass(model, ImageWithAltMixin):
        pages = pages.select_related(model.image_field_name)
        if model.page_image_filters:
            pages = pages.prefetch_related(
                renditions_prefetch(model.image_field_name, *model.page_image_filters)
            )
    return pages.get(pk=pk)


def serve_found_page(page, request):
    """Serve `page` as Wagtail's serve view does once it has routed: through the
    `before_serve_page` and `on_serve_page` hooks (view restrictions among them)."""
    chain = wagtail_views.serve_chain
    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        chain = wrap(chain)
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, [], {})
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, [], {})


def serve_by_url_path(request, path):
    page = find_page(request, path)
    if page is None or isinstance(page, RoutablePageMixin):
        # Not found this way (a 404 to be), or a page with routes of its own (path
        # components after its URL): Wagtail's own routing.
        return wagtail_views.serve(request, path)
    return serve_found_page(page, request)


@login_not_required
@transaction.non_atomic_requests
def serve_page(request, path):
    """Wagtail's page view. Each page enforces its own access rule (see home.access).

    Reading a page writes nothing, so only other methods (form pages) take a transaction:
    on SQLite each transaction would otherwise lock the database for every reader.
    """
    if request.method in ("GET", "HEAD"):
        return serve_with_cache(request, lambda: serve_by_url_path(request, path))
    with transaction.atomic():
        return add_cache_headers(request, wagtail_views.serve(request, path))


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


def _safe_next(request):
    """The `next` URL if it stays on this site, else None (no open redirects)."""
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return None


@never_cache
@require_http_methods(["GET", "POST"])
def stage_picker(request):
    """Choose, change or clear one's own stage. Stored for this user only, shown to nobody else."""
    current = StagePreference.stage_of(request.user) or None
    form = StageForm(initial={"stage": current})
    if request.method == "POST":
        if "clear" in request.POST:
            StagePreference.objects.filter(user=request.user).delete()
            messages.success(request, _("Your stage is cleared."))
            return redirect(_safe_next(request) or request.path)
        form = StageForm(request.POST)
        if form.is_valid():
            stage = Stage(form.cleaned_data["stage"])
            StagePreference.objects.update_or_create(
                user=request.user, defaults={"stage": stage}
            )
            messages.success(
                request,
                _("Your stage is now “%(stage)s”. Only you can see it.")
                % {"stage": stage.label},
            )
            return redirect(_safe_next(request) or request.path)
    selected = form["stage"].value()
    stages = [
        {
            "value": stage.value,
            "label": stage.label,
            "description": STAGE_DESCRIPTIONS[stage],
            "checked": stage.value == selected,
        }
        for stage in Stage
    ]
    return render(
        request,
        "home/stage_picker.html",
        {
            "form": form,
            "stages": stages,
            "current": Stage(current) if current else None,
            "next": _safe_next(request) or "",
        },
    )
