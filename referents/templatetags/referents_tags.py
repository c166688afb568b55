"""`{% referent_for topics %}`: a card pointing to the referent to ask about a subject.

Used from guides and sensitive stories, so that those apps need no import of referents. The
home page's "Your referent" is the reader's own: a per-reader fragment
(referents.my_referent.my_referent_fragment), never part of a page kept for everyone.
"""

from django import template
from django.utils.translation import gettext_lazy as _

from referents.models import Referent


register = template.Library()


def _topic_ids(topics):
    if topics is None:
        return []
    if hasattr(topics, "all"):
        topics = topics.all()
    ids = set()
    for topic in topics:
        ids.add(topic.pk)
    return ids


def _translation_keys(topic_ids):
    # Referents are matched on topics across languages: a French referent tagged with the
    # French "Media" topic matches the English "Media" topic too.
    from django.apps import apps

    topic_model = apps.get_model("stories", "Topic")
    return topic_model.objects.filter(pk__in=topic_ids).values("translation_key")


@register.inclusion_tag("referents/tags/referent_card.html")
def referent_for(topics=None):
    """The referent whose topics best match `topics`, or the first referent listed."""
    referents = Referent.for_active_locale().select_related("photo")
    ids = _topic_ids(topics)
    match = None
    if ids:
        match = (
            referents.filter(topics__translation_key__in=_translation_keys(ids))
            .distinct()
            .first()
        )
    return {
        "referent": match or referents.first(),
        "intro": _("Questions? Ask a referent."),
    }
