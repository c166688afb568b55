"""Demo guides: the guide index under each home page and the guides of demo_content,
in French first, then their English translations. Safe to run again: pages are found by
slug and updated in place."""

import datetime
import json

from django.db import transaction
from django.utils import timezone

from referents.models import Referent, ReferentIndexPage
from stories.models import Topic

from .demo_content import GUIDES, INDEX, OVERDUE, REFERENTS_PAGE, TOPICS
from .models import GuideIndexPage, GuidePage
from .review_dates import ReviewInterval, add_months


# Demo guides are reviewed once a year unless they say otherwise.
DEFAULT_INTERVAL = ReviewInterval.TWELVE_MONTHS


def ensure_topics(locales):
    """Topics by slug: reused when they exist (the stories demo makes some), else created."""
    topics = {}
    for key, names in TOPICS.items():
        name_fr, slug_fr = names["fr"]
        name_en, slug_en = names["en"]
        source = Topic.objects.filter(locale=locales["fr"], slug=slug_fr).first()
        if source is None:
            source = Topic.objects.create(
                locale=locales["fr"], name=name_fr, slug=slug_fr
            )
        translation = source.get_translation_or_none(locales["en"])
        if translation is None:
            translation = Topic.objects.filter(
                locale=locales["en"], slug=slug_en
            ).first()
        if translation is None:
            translation = source.copy_for_translation(locales["en"])
            translation.name, translation.slug = name_en, slug_en
            translation.save()
        topics[key] = {"fr": source, "en": translation}
    return topics


def _publish(page, fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def ensure_indexes(homes, locales):
    fields = {
        language: {**INDEX[language], "show_in_menus": True} for language in INDEX
    }
    index_fr = GuideIndexPage.objects.child_of(homes["fr"]).first()
    if index_fr is None:
        index_fr = GuideIndexPage(**fields["fr"])
        homes["fr"].add_child(instance=index_fr)
    _publish(index_fr, fields["fr"])
    index_en = index_fr.get_translation_or_none(locales["en"])
    if index_en is None:
        index_en = index_fr.copy_for_translation(locales["en"])
    _publish(index_en.specific, fields["en"])
    return {"fr": index_fr, "en": index_en.specific}


def _referent(name, language):
    """The referent profile named `name` in `language`, when the referents demo made it."""
    return Referent.objects.filter(name=name, locale__language_code=language).first()


def _body(blocks, referents_page, language):
    """Raw StreamField data, with the referent chosen and the referents directory of the
    language filled in. A referent block is left out when its referent does not exist."""
    raw = []
    for block in blocks:
        value = block["value"]
        if block["type"] == "referent_link":
            referent = _referent(value["referent"], language)
            if referent is None:
                continue
            page = value["page"]
            if page == REFERENTS_PAGE:
                page = referents_page.pk if referents_page else None
            value = {"referent": referent.pk, "page": page, "earlier_contact": ""}
        raw.append({"type": block["type"], "value": value})
    return json.dumps(raw)


def _last_reviewed(guide):
    if guide["last_reviewed"] != OVERDUE:
        return guide["last_reviewed"]
    # Reviewed one interval and three weeks ago: the review is three weeks overdue.
    today = timezone.localdate()
    return add_months(today, -guide["review_interval"]) - datetime.timedelta(weeks=3)


def _guide_fields(guide, language, topics, referents_page):
    text = guide[language]
    # One owner for both languages (a synchronised field): the French profile.
    owner_name = guide["owner"]["fr"][0]
    return {
        "title": text["title"],
        "slug": text["slug"],
        "summary": text["summary"],
        "subject": guide["subject"],
        "guide_owner": _referent(owner_name, "fr"),
        "review_interval": guide.get("review_interval", DEFAULT_INTERVAL),
        "last_reviewed": _last_reviewed(guide),
        "body": _body(text["body"], referents_page, language),
        "is_public": guide.get("is_public", False),
        "topics": [topics[key][language] for key in guide["topics"]],
        # The owner's referent profile in the same language, when the referents demo made it.
        "referent": _referent(owner_name, language),
    }


def ensure_guide(guide, indexes, topics, referent_pages, locales):
    """The French guide, then its English translation, both published."""
    pages = {}
    for language in ("fr", "en"):
        fields = _guide_fields(guide, language, topics, referent_pages.get(language))
        page = (
            GuidePage.objects.child_of(indexes[language])
            .filter(slug=fields["slug"])
            .first()
        )
        if page is None and language == "fr":
            page = GuidePage(**{k: v for k, v in fields.items() if k != "topics"})
            page.set_stages(guide["stages"])
            indexes["fr"].add_child(instance=page)
        elif page is None:
            page = pages["fr"].copy_for_translation(locales["en"]).specific
        page.set_stages(guide["stages"])
        _publish(page, fields)
        pages[language] = page
    return pages


@transaction.atomic
def load(home):
    locales, homes = home["locales"], home["homes"]
    topics = ensure_topics(locales)
    indexes = ensure_indexes(homes, locales)
    referent_pages = {
        language: ReferentIndexPage.objects.child_of(homes[language]).first()
        for language in homes
    }
    guides = [
        ensure_guide(guide, indexes, topics, referent_pages, locales)
        for guide in GUIDES
    ]
    return {"indexes": indexes, "topics": topics, "guides": guides}
