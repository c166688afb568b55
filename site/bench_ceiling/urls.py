from django.http import HttpResponse
from django.urls import path


def trivial(request):
    """What the bench compares every Chorus page with."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("", trivial, name="trivial")]
