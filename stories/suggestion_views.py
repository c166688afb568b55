"""The employee's side of story suggestions: the form, and the list of their own.

Both need a login (the site's LoginRequiredMiddleware) and show only the reader's own
suggestions; nothing here counts anything per person.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from wagtail.models import Locale

from home.access import visible_to

from .forms import SuggestStoryForm
from .models import StoryPage, StorySuggestion


@never_cache
def suggest_story(request):
    locale = Locale.get_active()
    form = SuggestStoryForm(request.POST or None, request.FILES or None, locale=locale)
    if request.method == "POST" and form.is_valid():
        suggestion = form.save(commit=False)
        suggestion.suggested_by = request.user
        suggestion.locale = locale
        suggestion.save()
        form.save_m2m()
        messages.success(
            request,
            _(
                "Thank you: your suggestion is with the editors. You will get an e-mail "
                "when they decide."
            ),
        )
        return redirect("stories:my_suggestions")
    return render(
        request,
        "stories/suggest_story.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )


@never_cache
def my_suggestions(request):
    suggestions = list(
        StorySuggestion.objects.filter(suggested_by=request.user).select_related(
            "story"
        )
    )
    # A link to the story once it is published and the reader may open it (the one rule).
    story_ids = [s.story_id for s in suggestions if s.story_id]
    readable = {
        story.pk: story
        for story in visible_to(
            StoryPage.objects.live().filter(pk__in=story_ids), request
        )
    }
    for suggestion in suggestions:
        story = readable.get(suggestion.story_id)
        suggestion.story_url = story.get_url(request) if story else ""
    return render(request, "stories/my_suggestions.html", {"suggestions": suggestions})
