"""Guides arranged by stage for a reader: their own stage first."""

from home.models import StagePreference
from home.stages import Stage, stage_or_none


def chosen_stage(user):
    """The stage this user picked for themselves, or None."""
    if not user.is_authenticated:
        return None
    return stage_or_none(StagePreference.stage_of(user))


def stages_in_order(chosen=None):
    """The four stages, the chosen one first, the others in their usual order."""
    return sorted(Stage, key=lambda stage: stage != chosen)


def group_by_stage(guides, chosen=None):
    """One group per stage (chosen first). A guide for several stages is in each group."""
    guides = list(guides)
    return [
        {
            "stage": stage,
            "chosen": stage == chosen,
            "guides": [guide for guide in guides if stage.value in guide.stage_values],
        }
        for stage in stages_in_order(chosen)
    ]
