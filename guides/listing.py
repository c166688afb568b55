"""The guides shown to a reader outside the guide index: on home, their stage's first."""

from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string

from wagtail.models import Locale, Page

from home.access import visibility_key, visible_to
from home.cache import BASE_VERSION_KEY, cached_content
from home.index_pages import index_page
from home.stages import STAGE_DESCRIPTIONS, Stage

from .by_stage import chosen_stage, group_by_stage
from .models import GuideIndexPage, GuidePage, GuideStage, subject_or_none


GUIDES_ON_HOME = 6


def guides_first_for(stage, locale, request, limit=GUIDES_ON_HOME):
    """Live guides of a language that the reader may open, those written for `stage`
    first (one query)."""
    guides = visible_to(GuidePage.objects.live().filter(locale=locale), request)
    if stage is None:
        return list(guides.order_by("title")[:limit])
    guides = guides.annotate(
        for_my_stage=Exists(GuideStage.objects.filter(page=OuterRef("pk"), stage=stage))
    )
    return list(guides.order_by("-for_my_stage", "title")[:limit])


def guides_for_me(request, locale_id=None):
    """A per-reader fragment (CHORUS_PER_READER_FRAGMENTS): the reader's own stage and its
    guides first, or the four stages in a few words. The same for every reader of a stage
    who may open the same pages, so kept in the cache per stage and visibility; as it shows
    no story, a story's publish leaves it warm (home.cache)."""
    locale = locale_id or Locale.get_active().pk
    stage = chosen_stage(request.user)
    return cached_content(
        (
            "guides-for-me",
            locale,
            stage,
            request.get_full_path(),
            visibility_key(request),
        ),
        lambda: render_to_string(
            "guides/includes/guides_for_me.html",
            guides_for_me_context(stage, locale, request),
            request,
        ),
        version_key=BASE_VERSION_KEY,
    )


def guides_by_stage(index_path, request, subject, stage):
    """The live guides under the guide index at `index_path` (its tree path: all that
    `child_of` reads of the page, which is not read again) that the reader may open, about
    `subject` if given, grouped by stage with `stage` first."""
    children = GuidePage.objects.filter(
        path__startswith=index_path, depth=len(index_path) // Page.steplen + 1
    )
    guides = visible_to(children.live(), request).with_stages()
    if subject:
        guides = guides.filter(subject=subject)
    return group_by_stage(guides.order_by("title"), stage)


def guide_index_groups(request, locale_id, index_path):
    """A per-reader fragment (CHORUS_PER_READER_FRAGMENTS): the guide index's guides,
    grouped by stage with the reader's own first, and a word about their stage. The same
    for every reader of a stage who may open the same pages and asks for the same subject,
    so kept per stage, URL and visibility; as it shows no story, a story's publish leaves
    it warm (home.cache)."""
    stage = chosen_stage(request.user)

    def render():
        subject = subject_or_none(request.GET.get("subject"))
        groups = guides_by_stage(index_path, request, subject, stage)
        return render_to_string(
            "guides/includes/guide_groups.html",
            {"chosen_stage": stage, "stage_groups": groups},
            request,
        )

    return cached_content(
        (
            "guide-index-groups",
            index_path,
            stage,
            request.get_full_path(),
            visibility_key(request),
        ),
        render,
        version_key=BASE_VERSION_KEY,
    )


def guides_for_me_context(stage, locale, request):
    guides = guides_first_for(stage, locale, request)
    return {
        "stage": stage,
        "my_guides": [g for g in guides if getattr(g, "for_my_stage", False)],
        "other_guides": [g for g in guides if not getattr(g, "for_my_stage", False)],
        "stages": [(s, STAGE_DESCRIPTIONS[s]) for s in Stage],
        "guide_index": index_page(request, GuideIndexPage),
    }
