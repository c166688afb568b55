"""The share redirect: counts one anonymous share, then hands over to the network
(unless a quiet period is in force: then it answers 410 with its reason, counting nothing).

It stores nothing about the person: no user, session, address, browser or cookie. It reads
`request.user` only through the login requirement and never writes the session.
"""

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from home.quiet import quiet_period_for

from . import networks
from .models import ShareCount, ShareKit
from .networks import Network
from .templatetags.stories_share_tags import share_panel_context


class SeeOtherRedirect(HttpResponseRedirect):
    status_code = 303
    # Intents are https URLs; e-mail goes through mailto:.
    allowed_schemes = ["https", "mailto"]


@never_cache
@require_POST
def share(request, kit_id):
    kit = get_object_or_404(
        ShareKit.objects.select_related("page", "locale"), pk=kit_id
    )
    network = request.POST.get("network", "")
    if network not in Network.values:
        raise Http404("Unknown network")
    quiet = quiet_period_for(request)
    if quiet is not None:
        # A quiet period: nothing is counted and nobody is sent on to a network.
        return TemplateResponse(
            request,
            "stories/share_paused.html",
            {"kit": kit, "quiet": quiet},
            status=410,
        )
    if not kit.is_shareable_now():
        return TemplateResponse(
            request, "stories/share_closed.html", {"kit": kit}, status=410
        )

    context = share_panel_context(request, kit, data=request.POST, network=network)
    form = context["form"]
    if not form.is_valid():
        # Nothing is lost: the panel comes back with the person's text and instance.
        context.update(page=kit.page.specific, standalone=True)
        return TemplateResponse(request, "stories/share_page.html", context, status=400)

    ShareCount.increment(kit.page, network)
    response = SeeOtherRedirect(
        networks.share_url(
            network,
            form.cleaned_data["text"],
            kit.public_link(request),
            subject=kit.page.title,
            instance=form.cleaned_data["instance"],
        )
    )
    # The network must not learn the intranet address the person came from.
    response["Referrer-Policy"] = "no-referrer"
    return response
