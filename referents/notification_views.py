"""My notifications: the digest an employee asked for and their personal feed addresses;
the one-click unsubscribe that a digest links to."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from . import notifications, personal_feeds
from .models import DigestFrequency


def my_notifications(request, new_key=None):
    subscription = notifications.digest_of(request.user)
    response = render(
        request,
        "referents/my_notifications.html",
        {
            "subscription": subscription,
            "frequency": subscription.frequency if subscription else "never",
            "language": subscription.language
            if subscription
            else notifications.language_or_default(None),
            "frequencies": DigestFrequency.choices,
            "has_feed_key": new_key is not None or personal_feeds.has_key(request.user),
            "feed_urls": _feed_urls(request, new_key) if new_key else None,
            "public_feed_url": reverse("stories:public_feed"),
        },
    )
    # The page may show a secret address: never kept by a browser or a proxy.
    patch_cache_control(response, private=True, no_store=True)
    return response


def _feed_urls(request, key):
    return {
        "stories": request.build_absolute_uri(
            reverse("stories:personal_feed", args=[key])
        ),
        "calendar": request.build_absolute_uri(
            reverse("stories:personal_calendar", args=[key])
        ),
    }


@require_POST
def choose_digest(request):
    frequency = request.POST.get("frequency", "")
    if frequency not in DigestFrequency.values:
        messages.error(request, _("Choose never, once a week or once a day."))
        return redirect("referents:notifications")
    language = notifications.language_or_default(request.POST.get("language"))
    notifications.choose_digest(request.user, frequency, language)
    if frequency == DigestFrequency.NEVER:
        messages.success(request, _("Done: Chorus sends you no digest."))
    else:
        messages.success(
            request,
            _(
                "Done: you will receive a digest %(frequency)s, when there is something "
                "new for you."
            )
            % {"frequency": DigestFrequency(frequency).label.lower()},
        )
    return redirect("referents:notifications")


@require_POST
def new_feed_key(request):
    """Make the reader's personal addresses (again) and show them, this once."""
    key = personal_feeds.new_key(request.user)
    return my_notifications(request, new_key=key)


@require_POST
def stop_feed_key(request):
    personal_feeds.forget_key(request.user)
    messages.success(request, _("Your personal addresses no longer work."))
    return redirect("referents:notifications")


# No CSRF token: a mail program's one-click POST carries none; the signed token is what
# proves the request comes from the digest.
@csrf_exempt
@login_not_required
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """From the link in a digest, without logging in. A GET only asks (mail scanners open
    links); the button, or a mail program's one-click POST (RFC 8058), unsubscribes."""
    user_id = notifications.user_id_from_unsubscribe_token(token)
    if user_id is None:
        raise Http404(_("This unsubscribe link is not valid."))
    if request.method == "POST":
        notifications.unsubscribe(user_id)
        return render(request, "referents/unsubscribed.html")
    return render(request, "referents/unsubscribe.html")
