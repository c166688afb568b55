"""A database outage answers with a static 503 page, never a stack trace.

The page is rendered without a request context, so it needs neither the database nor the
session. Django reconnects by itself (CONN_HEALTH_CHECKS): when the database is back, the
next request is served as usual, without a restart.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control


DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def database_unavailable_response():
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    patch_cache_control(response, no_store=True)
    return response


class DatabaseUnavailableMiddleware:
    """Turns a database error raised by a view into the static 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            return database_unavailable_response()
        return None


def server_error(request):
    """`handler500`: static pages only, 503 when the database is the cause.

    Errors raised by other middleware (the session or the login check reading the
    database) do not reach `process_exception`; they end here.
    """
    if isinstance(sys.exception(), DATABASE_ERRORS):
        return database_unavailable_response()
    return HttpResponse(render_to_string("500.html"), status=500)
