from django import template
from django.db.models import Exists, OuterRef

from wagtail.models import Locale

from home.stages import STAGE_DESCRIPTIONS, Stage

from ..listing import chosen_stage
from ..models import GuideIndexPage, GuidePage, GuideStage


register = template.Library()

GUIDES_ON_HOME = 6


def guides_first_for(stage, locale, limit=GUIDES_ON_HOME):
    """Live guides of a language, those written for `stage` first (one query)."""
    guides = GuidePage.objects.live().filter(locale=locale)
    if stage is None:
        return list(guides.order_by("title")[:limit])
    guides = guides.annotate(
        for_my_stage=Exists(GuideStage.objects.filter(page=OuterRef("pk"), stage=stage))
    )
    return list(guides.order_by("-for_my_stage", "title")[:limit])


@register.inclusion_tag("guides/tags/guides_for_me.html", takes_context=True)
def guides_for_me(context):
    """The reader's own stage and its guides first, or the four stages in a few words."""
    request = context["request"]
    page = context.get("page")
    # The page's locale id spares a query (home page budget); elsewhere, the active language.
    locale = page.locale_id if page is not None else Locale.get_active()
    stage = chosen_stage(request.user)
    guides = guides_first_for(stage, locale)
    index = GuideIndexPage.objects.live().filter(locale=locale).first()
    return {
        "request": request,
        "stage": stage,
        "my_guides": [
            guide for guide in guides if getattr(guide, "for_my_stage", False)
        ],
        "other_guides": [
            guide for guide in guides if not getattr(guide, "for_my_stage", False)
        ],
        "stages": [(s, STAGE_DESCRIPTIONS[s]) for s in Stage],
        "guide_index": index,
    }
