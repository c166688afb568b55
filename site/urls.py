from functools import partial

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, re_path
from django.views.i18n import set_language
from django.views.static import serve as serve_static

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views

from . import search as search_views
from .admin_logout import AdminLogoutView


urlpatterns = [
    # Before Wagtail's admin URLs, which it replaces (see admin_logout).
    path("admin/logout/", AdminLogoutView.as_view(), name="wagtailadmin_logout"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", home_views.healthz, name="healthz"),
    path("sitemap.xml", login_not_required(sitemap), name="sitemap"),
    path("i18n/setlang/", set_language, name="set_language"),
    # Image renditions are public by design (Wagtail serves them from MEDIA_URL without a
    # permission check); original uploads need a login. See README, "Images and documents".
    # `partial` gives the public route its own function: login_not_required marks the
    # function it is given, and the originals below must stay behind the login.
    re_path(
        r"^media/(?P<path>images/.*)$",
        login_not_required(partial(serve_static)),
        {"document_root": settings.MEDIA_ROOT},
    ),
    re_path(
        r"^media/(?P<path>.*)$", serve_static, {"document_root": settings.MEDIA_ROOT}
    ),
]

if settings.OIDC_RP_CLIENT_ID:
    from mozilla_django_oidc import views as oidc_views

    # Single sign-on: the provider sends people back here before they are logged in.
    urlpatterns += [
        path(
            "oidc/authenticate/",
            login_not_required(oidc_views.OIDCAuthenticationRequestView.as_view()),
            name="oidc_authentication_init",
        ),
        path(
            "oidc/callback/",
            login_not_required(oidc_views.OIDCAuthenticationCallbackView.as_view()),
            name="oidc_authentication_callback",
        ),
    ]

urlpatterns += i18n_patterns(
    path("", include("home.urls")),
    path("", include("stories.urls")),
    path("", include("guides.urls")),
    path("", include("referents.urls")),
    path("search/", search_views.search, name="search"),
    # Pages decide for themselves who may see them (view restrictions, login-only pages).
    re_path(r"^((?:[\w\-]+/)*)$", home_views.serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
)

# Static error pages: they must work while the database is down (home.middleware).
handler500 = "home.middleware.server_error"
