from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from wagtail.models import Locale, Page

from home.page_cache import serve_with_cache

from . import my_data, my_referent, programme, transparency
from .forms import (
    ASK_LIMIT,
    ASK_WINDOW_SECONDS,
    AmbassadorProfileForm,
    AskReferentForm,
    EraseMyDataForm,
    LeaveProgrammeForm,
)
from .leaving import close_account
from .models import AmbassadorProfile, Referent
from .roles import EDITORS
from .workflows import spotlight_index_pages


def ambassador_programme(request):
    """What the programme means, in plain words; join, edit the profile links, or leave."""
    profile = AmbassadorProfile.objects.filter(user=request.user).first()
    form = AmbassadorProfileForm(instance=profile) if profile else None
    return render(
        request,
        "referents/ambassador_programme.html",
        {
            "profile": profile,
            "form": form,
            "spotlight_url": _spotlight_admin_url(request),
        },
    )


def _spotlight_admin_url(request):
    """Where the ambassador writes: their spotlight's edit view, or a new one in this language."""
    locale = Locale.get_active()
    own = (
        Page.objects.filter(owner=request.user, locale=locale)
        .filter(content_type__app_label="stories", content_type__model="spotlightpage")
        .first()
    )
    if own is not None:
        return reverse("wagtailadmin_pages:edit", args=[own.pk])
    index = spotlight_index_pages().filter(locale=locale).first()
    if index is not None:
        return reverse(
            "wagtailadmin_pages:add", args=["stories", "spotlightpage", index.pk]
        )
    return reverse("wagtailadmin_home")


@require_POST
def join_programme(request):
    programme.join(request.user)
    messages.success(
        request,
        _(
            "Welcome, you are an ambassador. Write your spotlight whenever you like, "
            "and add your public profile links below if you want them shown."
        ),
    )
    return redirect("referents:programme")


@require_POST
def update_profile(request):
    profile = AmbassadorProfile.objects.filter(user=request.user).first()
    if profile is None:
        return redirect("referents:programme")
    form = AmbassadorProfileForm(request.POST, instance=profile)
    if form.is_valid():
        form.save()
        messages.success(request, _("Your profile links are saved."))
        return redirect("referents:programme")
    return render(
        request,
        "referents/ambassador_programme.html",
        {
            "profile": profile,
            "form": form,
            "spotlight_url": _spotlight_admin_url(request),
        },
        status=400,
    )


def leave_programme(request):
    if not programme.is_ambassador(request.user):
        return redirect("referents:programme")
    form = LeaveProgrammeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        programme.leave(request.user, keep_spotlight=form.keep_spotlight)
        if form.keep_spotlight:
            text = _("You have left the programme. Your spotlight stays online.")
        else:
            text = _("You have left the programme. Your spotlight is offline.")
        messages.success(request, text + " " + _("Your profile data is deleted."))
        return redirect("referents:programme")
    return render(request, "referents/leave_programme.html", {"form": form})


def _ask_key(user):
    return f"referents:ask:{user.pk}"


def ask_referent(request):
    """E-mails a question to the chosen referent. Nothing is stored, except a short-lived
    counter in the cache that limits how many messages one person sends per hour."""
    referents = Referent.for_active_locale()
    initial = {}
    if request.GET.get("referent", "").isdigit():
        initial["referent"] = int(request.GET["referent"])
    else:
        # The reader's own referent (chosen, or else proposed) is preselected.
        mine, _chosen = my_referent.referent_of(request.user, referents)
        if mine is not None:
            initial["referent"] = mine.pk
    form = AskReferentForm(request.POST or None, referents=referents, initial=initial)
    if request.method == "POST" and form.is_valid():
        key = _ask_key(request.user)
        if cache.get(key, 0) >= ASK_LIMIT:
            form.add_error(
                None,
                _(
                    "You have sent %(limit)d questions in the last hour. Please wait a "
                    "little before sending another: your text is still here."
                )
                % {"limit": ASK_LIMIT},
            )
        else:
            referent = form.cleaned_data["referent"]
            _send_question(request, referent, form.cleaned_data)
            cache.add(key, 0, ASK_WINDOW_SECONDS)
            cache.incr(key)
            messages.success(
                request,
                _(
                    "Your question is on its way to %(name)s, who will answer you by "
                    "e-mail."
                )
                % {"name": referent.name},
            )
            return redirect("referents:ask_sent")
    return render(
        request, "referents/ask_referent.html", {"form": form, "referents": referents}
    )


@require_POST
def choose_my_referent(request):
    """Make a live referent the reader's own. Stored for the reader only."""
    pk = request.POST.get("referent", "")
    if not pk.isdigit():
        raise Http404
    referent = get_object_or_404(Referent.objects.filter(live=True), pk=pk)
    my_referent.choose(request.user, referent)
    messages.success(
        request,
        _("%(name)s is now your referent. Only you can see your choice.")
        % {"name": referent.name},
    )
    return _back(request)


@require_POST
def forget_my_referent(request):
    my_referent.forget(request.user)
    messages.success(
        request,
        _("Your choice is forgotten. Chorus proposes a referent again, by language."),
    )
    return _back(request)


def _back(request):
    """To the page the form was on if it is on this site (no open redirect), else the
    directory."""
    url = request.POST.get("next", "")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(url)
    return redirect(my_referent.directory_url(request) or "/")


def _send_question(request, referent, data):
    user = request.user
    body = render_to_string(
        "referents/email/question.txt",
        {"sender": user, "message": data["message"], "referent": referent},
    )
    subject = _("Question from %(name)s: %(subject)s") % {
        "name": user.get_full_name() or user.get_username(),
        "subject": data["subject"],
    }
    # Replies go straight to the person who asked, never through Chorus.
    EmailMessage(
        subject=subject.replace("\n", " "),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[referent.email],
        reply_to=[user.email] if user.email else None,
    ).send()


def ask_sent(request):
    return render(request, "referents/ask_sent.html")


@login_not_required
@require_GET
@transaction.non_atomic_requests  # read-only: no transaction to lock SQLite with
def what_we_see(request):
    # Public on purpose: it shows what kinds of data exist, never anyone's data. So it is
    # the same for every visitor, and for every employee: kept as whole pages.
    return serve_with_cache(
        request,
        lambda: render(
            request,
            "referents/transparency.html",
            {
                "entries": transparency.inventory(),
                "never_stored": transparency.never_stored(),
                "programme_url": reverse("referents:programme"),
            },
        ),
        audience="transparency",
    )


@require_GET
def download_my_data(request):
    """Everything Chorus holds about the reader, as a JSON file. Only ever the reader's own."""
    response = JsonResponse(
        my_data.export(request.user),
        encoder=DjangoJSONEncoder,
        json_dumps_params={"indent": 2, "ensure_ascii": False},
    )
    filename = f"chorus-my-data-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    patch_cache_control(response, private=True, no_store=True)
    return response


def _may_erase_itself(user):
    # An account that edits or runs the site is closed by an administrator, who can first
    # hand its work over: one click here must not remove an editor or an administrator.
    return not (
        user.is_superuser or user.is_staff or user.groups.filter(name=EDITORS).exists()
    )


def _has_live_spotlight(user):
    return (
        Page.objects.live()
        .filter(owner=user)
        .filter(content_type__app_label="stories", content_type__model="spotlightpage")
        .exists()
    )


def erase_my_data(request):
    """Says what is deleted and what stays; on confirmation, deletes the reader's account."""
    user = request.user
    if not _may_erase_itself(user):
        return render(
            request,
            "referents/erase_my_data.html",
            {"refused": True},
            status=403 if request.method == "POST" else 200,
        )
    form = EraseMyDataForm(
        request.POST if request.method == "POST" else None,
        ask_about_spotlight=_has_live_spotlight(user),
    )
    if request.method == "POST" and form.is_valid():
        logout(request)
        close_account(user, keep_spotlight=form.keep_spotlight)
        user.delete()
        return redirect("referents:data_erased")
    return render(
        request,
        "referents/erase_my_data.html",
        {"form": form, "download_url": reverse("referents:download_my_data")},
    )


@login_not_required
def data_erased(request):
    return render(request, "referents/data_erased.html")
