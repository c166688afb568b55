"""Demo content of the stories app: topics, the story indexes and stories, then spotlights
and share kits (which need the stories). Safe to run again: everything is looked up by a key
(image title, topic slug, page slug) and updated in place."""

import json
from pathlib import Path

from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.images import get_image_model

from . import demo_comments, demo_share_kits, demo_spotlights, demo_suggestions
from .demo_content import INDEX, STORIES, TOPIC_SLUGS, TOPICS
from .models import StoryAuthor, StoryIndexPage, StoryPage, Topic


IMAGES_DIR = Path(__file__).resolve().parent / "demo_images"


def image_title(stem):
    return f"Chorus demo: {stem.replace('-', ' ')}"


def ensure_images():
    """One Wagtail image per picture of demo_images/, keyed by its title."""
    Image = get_image_model()
    images = {}
    for path in sorted(IMAGES_DIR.glob("*.png")):
        title = image_title(path.stem)
        image = Image.objects.filter(title=title).first()
        if image is None:
            with path.open("rb") as file:
                image = Image(title=title, file=ImageFile(file, name=path.name))
                image.save()
        images[path.stem] = image
    return images


def ensure_topics(locales):
    """Each topic in French, and its English translation (same translation key)."""
    topics = {}
    for key, names in TOPICS.items():
        slugs = TOPIC_SLUGS[key]
        source = Topic.objects.filter(locale=locales["fr"], slug=slugs["fr"]).first()
        if source is None:
            source = Topic(locale=locales["fr"], slug=slugs["fr"])
        source.name = names["fr"]
        source.save()
        translation = source.get_translation_or_none(locales["en"])
        if translation is None:
            translation = source.copy_for_translation(locales["en"])
        translation.name, translation.slug = names["en"], slugs["en"]
        translation.save()
        topics[key] = {"fr": source, "en": translation}
    return topics


def _publish(page, fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def ensure_story_indexes(homes, locales):
    fields = {
        language: {**INDEX[language], "show_in_menus": True} for language in INDEX
    }
    index_fr = StoryIndexPage.objects.child_of(homes["fr"]).first()
    if index_fr is None:
        index_fr = StoryIndexPage(**fields["fr"])
        homes["fr"].add_child(instance=index_fr)
    _publish(index_fr, fields["fr"])
    index_en = index_fr.get_translation_or_none(locales["en"])
    if index_en is None:
        index_en = index_fr.copy_for_translation(locales["en"])
    _publish(index_en, fields["en"])
    return {"fr": index_fr, "en": index_en.specific}


def _body(blocks, images):
    """Raw StreamField data from the (type, value) pairs of demo_content."""
    raw = []
    for block_type, value in blocks:
        if block_type == "image":
            value = {
                "image": {
                    "image": images[value["image"]].pk,
                    "alt_text": value["alt"],
                    "decorative": False,
                },
                "caption": value["caption"],
                "credit": "",
            }
        raw.append({"type": block_type, "value": value})
    return json.dumps(raw)


def _story_fields(story, language, images, topics):
    text = story[language]
    return {
        "title": text["title"],
        "slug": text["slug"],
        "intro": text["intro"],
        "date": story["date"],
        "image": images[story["image"]],
        "image_alt": text["image_alt"],
        "body": _body(text["body"], images),
        "is_public": story["is_public"],
        "is_sensitive": story.get("is_sensitive", False),
        "sensitive_guidance": text.get("sensitive_guidance", ""),
        "authors": [
            StoryAuthor(name=name, role=role_fr if language == "fr" else role_en)
            for name, role_fr, role_en in story["authors"]
        ],
        "topics": [topics[key][language] for key in story["topics"]],
    }


def ensure_story(story, indexes, images, topics, locales):
    """The French story, then its English translation, both published."""
    pages = {}
    for language in ("fr", "en"):
        fields = _story_fields(story, language, images, topics)
        page = (
            StoryPage.objects.child_of(indexes[language])
            .filter(slug=fields["slug"])
            .first()
        )
        if page is None and language == "fr":
            # Relations (authors, topics) are set after construction, as on a form.
            relations = ("authors", "topics")
            page = StoryPage(**{k: v for k, v in fields.items() if k not in relations})
            indexes["fr"].add_child(instance=page)
        elif page is None:
            page = pages["fr"].copy_for_translation(locales["en"]).specific
        if language == "en":
            # Each English byline translates the French one at the same place.
            for author, source in zip(
                fields["authors"], pages["fr"].authors.all(), strict=True
            ):
                author.translation_key = source.translation_key
        _publish(page, fields)
        pages[language] = page
    return pages


@transaction.atomic
def load(home):
    locales, homes = home["locales"], home["homes"]
    images = ensure_images()
    topics = ensure_topics(locales)
    indexes = ensure_story_indexes(homes, locales)
    stories = [
        ensure_story(story, indexes, images, topics, locales) for story in STORIES
    ]
    # Spotlights and share kits refer to the stories: they come after them.
    demo_spotlights.load(home)
    demo_share_kits.load(home)
    demo_comments.load(stories)
    demo_suggestions.load(home, topics)
    return {"indexes": indexes, "topics": topics, "stories": stories}
