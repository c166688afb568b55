"""`{% referent_for topics %}` and `{% shown_referent %}`: the referent to ask, as the reader
may see them.

Used from guides and sensitive stories, so that those apps need no import of referents.
Logged-in employees see every referent. An anonymous visitor (a public page) sees only the
referents who agreed to appear on public pages, and the media contact in place of the others.
The home page's "Your referent" is the reader's own: a per-reader fragment
(referents.my_referent.my_referent_fragment), never part of a page kept for everyone.
"""

from django import template
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from home.models import ChorusSettings
from home.templatetags.chorus_cache import reads_reader
from referents.models import Referent
from referents.my_referent import referent_of


register = template.Library()


def _reader(context):
    """The user reading the page; None (anonymous) when the context has no request."""
    request = context.get("request")
    return getattr(request, "user", None)


def _topic_keys(topics):
    """The translation keys of `topics`: from the topics when they are read already (a
    list), else as a subquery (a queryset or a related manager), never as a query of their
    own; None if there are none. Referents are matched on topics across languages: a
    French referent tagged with the French "Media" topic matches the English one too."""
    if topics is None:
        return None
    if hasattr(topics, "values"):
        return topics.values("translation_key")
    return [topic.translation_key for topic in topics] or None


@register.inclusion_tag("referents/tags/referent_card.html", takes_context=True)
def referent_for(context, topics=None, media_contact_shown=False):
    """The referent whose topics best match `topics`, or the first referent listed, among
    those the reader may see (one query). An anonymous visitor who may see none gets the
    media contact, unless the page shows it already (`media_contact_shown`)."""
    referents = (
        Referent.for_active_locale().shown_to(_reader(context)).select_related("photo")
    )
    keys = _topic_keys(topics)
    if keys is not None:
        on_topic = Referent.topics.through.objects.filter(
            referent_id=OuterRef("pk"), topic__translation_key__in=keys
        )
        referents = referents.annotate(on_topic=Exists(on_topic)).order_by(
            "-on_topic", *Referent._meta.ordering
        )
    referent = referents.first()
    request = context.get("request")
    reader = _reader(context)
    in_place_of_a_referent = (
        referent is None
        and not media_contact_shown
        and request is not None
        and not (reader and reader.is_authenticated)
    )
    return {
        "referent": referent,
        "intro": _("Questions? Ask a referent."),
        "media_contact": ChorusSettings.for_request(request)
        if in_place_of_a_referent
        else None,
    }


@register.simple_tag(takes_context=True)
def shown_referent(context, referent):
    """`{% shown_referent page.referent as referent %}`: the referent if it is live and the
    reader may see it, else None."""
    if referent is not None and referent.is_shown_to(_reader(context)):
        return referent
    return None


@register.simple_tag(takes_context=True)
@reads_reader
def readers_referent(context, referents):
    """`{% readers_referent referents as mine %}`: the reader's own referent among
    `referents` (`mine.referent`) and whether they chose it (`mine.chosen`)."""
    referent, chosen = referent_of(context["request"].user, referents)
    return {"referent": referent, "chosen": chosen}
