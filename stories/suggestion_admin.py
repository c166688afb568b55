"""The editors' side of story suggestions, in the Wagtail admin: a snippet viewset.

Why a snippet and not a draft story in a "Suggestions" workflow: a suggestion is not a page.
It holds the employee's own words and consents, most are declined, and none must enter the
page tree, the explorer, the search index, the sitemap or any page list. A snippet gives the
listing, filters, inspect and delete views for free; accepting creates the real draft story.

Who may do what is one permission policy: editors ("change") see and decide on every
suggestion; referents ("view" only) see those that asked for help, and nothing else; nobody
adds one in the admin (employees suggest through the site's form).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaks_filter, yesno
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.auth import permission_denied
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import InspectView
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from . import suggestions
from .forms import DeclineSuggestionForm
from .models import StorySuggestion


class SuggestionPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def decides(self, user):
        return self.user_has_permission(user, "change")

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return self.decides(user) or instance.wants_help

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if self.decides(user):
            return instances
        return instances.filter(wants_help=True)

    def visible_to(self, user):
        return self.instances_user_has_any_permission_for(user, ["view", "change"])


policy = SuggestionPermissionPolicy(StorySuggestion)
# Wagtail's name for the viewset's URLs.
URL_NAMESPACE = "wagtailsnippets_stories_storysuggestion"
register_permission_policy(StorySuggestion, policy)


def visible_or_refused(user, pk):
    suggestion = get_object_or_404(StorySuggestion, pk=pk)
    if not policy.visible_to(user).filter(pk=suggestion.pk).exists():
        raise PermissionDenied
    return suggestion


class SuggestionInspectView(InspectView):
    def get_object(self, queryset=None):
        # Wagtail's inspect view looks the object up without the policy: a referent must
        # not open, by its number, a suggestion that did not ask for help.
        return visible_or_refused(self.request.user, self.kwargs["pk"])

    def get_field_display_value(self, field_name, field):
        if isinstance(field, models.BooleanField):
            return yesno(getattr(self.object, field_name), _("yes,no"))
        return super().get_field_display_value(field_name, field)

    def get_what_happened_display_value(self):
        # The filter escapes the text, then marks the paragraphs it adds as safe.
        return linebreaks_filter(self.object.what_happened, autoescape=True)

    def get_suggested_by_display_value(self):
        return suggestions.suggester_shown_to(self.object, self.request.user) or _(
            "Not shown: the person did not ask to be credited."
        )

    def get_photo_display_value(self):
        if not self.object.photo:
            return "-"
        return format_html(
            '<img src="{}" alt="{}" style="max-width: 30rem; height: auto;">',
            reverse(f"{URL_NAMESPACE}:photo", args=[self.object.pk]),
            self.object.photo_alt,
        )

    def get_story_display_value(self):
        if self.object.story_id is None:
            return "-"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("wagtailadmin_pages:edit", args=[self.object.story_id]),
            self.object.story.get_admin_display_title(),
        )

    @property
    def header_more_buttons(self):
        return list(super().header_more_buttons) + decision_buttons(
            self.object, self.request.user
        )


def decision_buttons(suggestion, user):
    """Accept and Decline, for an editor and a pending suggestion: in the listing's menu of
    each row and at the top of the suggestion."""
    if not (suggestion.is_pending and policy.decides(user)):
        return []
    return [
        Button(
            _("Accept"),
            url=reverse(f"{URL_NAMESPACE}:accept", args=[suggestion.pk]),
            icon_name="check",
            priority=1,
        ),
        Button(
            _("Decline"),
            url=reverse(f"{URL_NAMESPACE}:decline", args=[suggestion.pk]),
            icon_name="cross",
            priority=2,
        ),
    ]


class StorySuggestionViewSet(SnippetViewSet):
    model = StorySuggestion
    icon = "help"
    menu_label = gettext_lazy("Story suggestions")
    menu_order = 205
    add_to_admin_menu = True
    list_display = [
        "title",
        Column("status", label=gettext_lazy("status"), accessor="get_status_display"),
        BooleanColumn("wants_help", label=gettext_lazy("help asked")),
        Column("locale", label=gettext_lazy("language")),
        "created_at",
    ]
    list_filter = ["status", "wants_help", "could_be_public", "locale"]
    list_per_page = 50
    search_fields = ["title", "what_happened"]
    search_backend_name = None  # suggestions are not in the search index
    inspect_view_enabled = True
    inspect_view_class = SuggestionInspectView
    inspect_view_fields = [
        "title",
        "what_happened",
        "who_could_tell",
        "photo",
        "topics",
        "could_be_public",
        "credit_me",
        "wants_help",
        "suggested_by",
        "locale",
        "status",
        "decline_reason",
        "created_at",
        "decided_at",
        "story",
    ]
    # Editors may correct the words before accepting; the status changes only through
    # Accept and Decline, the photo only through the employee's form.
    panels = [
        FieldPanel("title"),
        FieldPanel("what_happened"),
        FieldPanel("who_could_tell"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("could_be_public"),
    ]

    def get_queryset(self, request):
        return policy.visible_to(request.user).select_related("locale")

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("accept/<int:pk>/", self.accept_view, name="accept"),
            path("decline/<int:pk>/", self.decline_view, name="decline"),
            path("photo/<int:pk>/", self.photo_view, name="photo"),
        ]

    def _decidable(self, request, pk):
        suggestion = get_object_or_404(StorySuggestion, pk=pk)
        if not policy.user_has_permission_for_instance(
            request.user, "change", suggestion
        ):
            return None
        return suggestion

    def _back_to(self, suggestion):
        return redirect(self.get_url_name("inspect"), suggestion.pk)

    def accept_view(self, request, pk):
        suggestion = self._decidable(request, pk)
        if suggestion is None:
            return permission_denied(request)
        if request.method == "POST":
            try:
                story = suggestions.accept(suggestion, request.user)
            except suggestions.CannotDecide as error:
                messages.error(request, str(error))
                return self._back_to(suggestion)
            suggestion.refresh_from_db()
            suggestions.notify_suggester(suggestion, request)
            messages.success(
                request,
                _(
                    "Suggestion accepted: here is the draft story. Nothing is published "
                    "until you publish it. The person who suggested it got an e-mail."
                ),
            )
            return redirect("wagtailadmin_pages:edit", story.pk)
        return self._decision_page(request, suggestion, "accept")

    def decline_view(self, request, pk):
        suggestion = self._decidable(request, pk)
        if suggestion is None:
            return permission_denied(request)
        form = DeclineSuggestionForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                suggestion = suggestions.decline(
                    suggestion, form.cleaned_data["reason"]
                )
            except suggestions.CannotDecide as error:
                messages.error(request, str(error))
                return self._back_to(suggestion)
            suggestions.notify_suggester(suggestion, request)
            messages.success(
                request,
                _("Suggestion declined. The person who suggested it got an e-mail."),
            )
            return redirect(self.get_url_name("list"))
        return self._decision_page(
            request, suggestion, "decline", form, status=400 if form.is_bound else 200
        )

    def _decision_page(self, request, suggestion, decision, form=None, status=200):
        return TemplateResponse(
            request,
            "stories/admin/suggestion_decision.html",
            {
                "page_title": _("Accept the suggestion")
                if decision == "accept"
                else _("Decline the suggestion"),
                "header_icon": self.icon,
                "suggestion": suggestion,
                "decision": decision,
                "form": form,
                "credited_name": suggestions.display_name(suggestion.suggested_by)
                if suggestion.credit_me and suggestion.suggested_by
                else "",
                "inspect_url": reverse(
                    self.get_url_name("inspect"), args=[suggestion.pk]
                ),
            },
            status=status,
        )

    def photo_view(self, request, pk):
        suggestion = visible_or_refused(request.user, pk)
        if not suggestion.photo:
            raise Http404
        response = FileResponse(suggestion.photo.open("rb"))
        response["Cache-Control"] = "private, no-store"
        return response
