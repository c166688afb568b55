"""The site's URLs plus one view that fails, to see what a visitor gets from an error."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path

from chorus_site.urls import handler500
from chorus_site.urls import urlpatterns as site_urlpatterns


@login_not_required
def explode(request):
    raise RuntimeError("secret detail: connection string postgres://chorus:hunter2@db")


urlpatterns = [path("explode/", explode), *site_urlpatterns]

__all__ = ["handler500", "urlpatterns"]
