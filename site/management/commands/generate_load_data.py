"""`manage.py generate_load_data`: content at the scale of a large organisation, fast.

Adds, on top of `load_demo` (or any site with a French and an English home page), stories,
spotlights, guides and topics in both languages (each French item has its English
translation), with share kits for public stories, then updates the search index. Pages are
written in bulk: base `Page` rows with their tree paths computed here, then the specific rows,
with no signal and no revision, so 10,000 stories take seconds rather than hours. The content
is made of plain, repetitive sentences; it exists to be measured (`make bench`), not read.
"""

import time
import uuid
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.rich_text import RichText

from guides.models import GuideIndexPage, GuidePage, GuideStage, Subject
from guides.review_dates import ReviewInterval, review_due_date
from home.models import HomePage
from home.stages import Stage
from stories.models import (
    ShareKit,
    ShareText,
    SpotlightIndexPage,
    SpotlightPage,
    StoryAuthor,
    StoryIndexPage,
    StoryPage,
    Topic,
)


SLUG_PREFIX = "load-"
BATCH = 400
LANGUAGES = ("fr", "en")
WORDS = {
    "fr": [
        "atelier",
        "équipe",
        "projet",
        "client",
        "usine",
        "réseau",
        "énergie",
        "recherche",
        "formation",
        "données",
        "partenaires",
        "territoire",
        "innovation",
        "sécurité",
        "logistique",
        "service",
        "qualité",
        "talents",
    ],
    "en": [
        "workshop",
        "team",
        "project",
        "customer",
        "plant",
        "network",
        "energy",
        "research",
        "training",
        "data",
        "partners",
        "region",
        "innovation",
        "safety",
        "logistics",
        "service",
        "quality",
        "talent",
    ],
}
SENTENCE = {
    "fr": "Le {0} et le {1} avancent ensemble grâce au {2} de nos collègues.",
    "en": "The {0} and the {1} move forward together thanks to our colleagues' {2}.",
}


def words(language, n, count=3):
    vocabulary = WORDS[language]
    return [vocabulary[(n * 7 + i * 3) % len(vocabulary)] for i in range(count)]


def sentence(language, n):
    return SENTENCE[language].format(*words(language, n))


class TreeWriter:
    """Appends many children to one parent page in bulk, computing treebeard paths."""

    def __init__(self, parent):
        self.parent = parent
        last = parent.get_last_child()
        self.next_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
        self.now = timezone.now()

    def prepare(self, page, model):
        page.path = Page._get_path(
            self.parent.path, self.parent.depth + 1, self.next_step
        )
        self.next_step += 1
        page.depth = self.parent.depth + 1
        page.numchild = 0
        page.url_path = f"{self.parent.url_path}{page.slug}/"
        page.content_type_id = ContentType.objects.get_for_model(model).pk
        page.draft_title = page.title
        page.locale_id = self.parent.locale_id
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = self.now
        return page

    def write(self, model, pages):
        """Insert `pages` (unsaved instances of `model`) under the parent."""
        base_fields = [
            f.attname for f in Page._meta.concrete_fields if f.attname != "id"
        ]
        for start in range(0, len(pages), BATCH):
            chunk = pages[start : start + BATCH]
            base_rows = Page.objects.bulk_create(
                [
                    Page(**{name: getattr(page, name) for name in base_fields})
                    for page in chunk
                ]
            )
            for page, row in zip(chunk, base_rows, strict=True):
                page.id = page.page_ptr_id = row.pk
            model._base_manager._insert(chunk, fields=model._meta.local_concrete_fields)
        # Not get_children(): treebeard answers "no children" while numchild is still 0.
        children = Page.objects.filter(
            path__startswith=self.parent.path, depth=self.parent.depth + 1
        )
        Page.objects.filter(pk=self.parent.pk).update(numchild=children.count())
        self.parent.refresh_from_db()
        return pages


def restrict_internal(pages):
    """Internal pages carry a login restriction, as home.access gives them on publish."""
    PageViewRestriction.objects.bulk_create(
        [
            PageViewRestriction(
                page_id=page.pk, restriction_type=PageViewRestriction.LOGIN
            )
            for page in pages
            if not page.is_public
        ],
        batch_size=BATCH,
    )


def index_page(model, home, title, slug):
    index = model.objects.child_of(home).first()
    if index is None:
        index = model(title=title, slug=slug)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


class Generator:
    def __init__(self, stories, spotlights, guides, topics, log):
        self.counts = {
            "stories": stories,
            "spotlights": spotlights,
            "guides": guides,
            "topics": topics,
        }
        self.log = log
        self.locales = {
            code: Locale.objects.get(language_code=code) for code in LANGUAGES
        }
        self.homes = {}
        for code, locale in self.locales.items():
            self.homes[code] = HomePage.objects.filter(locale=locale).first()
            if self.homes[code] is None:
                raise CommandError(
                    f"No {code} home page: run `manage.py load_demo` first."
                )
        self.images = list(get_image_model().objects.order_by("pk")[:12])

    def numbers(self, name, model, total):
        """The item numbers to add: each French item has an English translation, so half
        of the total in each language, after those a previous run added."""
        existing = model.objects.filter(
            slug__startswith=f"{SLUG_PREFIX}{name}-", locale=self.locales["fr"]
        ).count()
        return range(existing, existing + max(1, self.counts[total] // 2))

    def indexes(self, model, titles):
        return {
            code: index_page(
                model, self.homes[code], titles[code], slugify(titles[code])
            )
            for code in LANGUAGES
        }

    def topics(self):
        numbers = self.numbers("topic", Topic, "topics")
        keys = {n: uuid.uuid4() for n in numbers}
        created = {}
        for code in LANGUAGES:
            created[code] = Topic.objects.bulk_create(
                [
                    Topic(
                        name=f"{words(code, n, 1)[0].capitalize()} {n}",
                        slug=f"{SLUG_PREFIX}topic-{n}",
                        locale=self.locales[code],
                        translation_key=keys[n],
                    )
                    for n in numbers
                ],
                batch_size=BATCH,
            )
        return created

    def stories(self, topics):
        indexes = self.indexes(StoryIndexPage, {"fr": "Histoires", "en": "Stories"})
        numbers = self.numbers("story", StoryPage, "stories")
        keys = {n: uuid.uuid4() for n in numbers}
        today = timezone.localdate()
        written = {}
        for code in LANGUAGES:
            writer = TreeWriter(indexes[code])
            pages = []
            for n in numbers:
                # Every story has a picture, as on a real intranet: the lists read their
                # renditions at every size (a list without one reads none).
                image = self.images[n % len(self.images)] if self.images else None
                page = StoryPage(
                    title=f"{sentence(code, n)[:-1]} ({n})",
                    slug=f"{SLUG_PREFIX}story-{n}",
                    translation_key=keys[n],
                    date=today - timedelta(days=n % 3650),
                    intro=sentence(code, n + 1),
                    image=image,
                    image_alt=" ".join(words(code, n)) if image else "",
                    body=[
                        ("heading", " ".join(words(code, n + 2)).capitalize()),
                        *[
                            ("paragraph", RichText(f"<p>{sentence(code, n + i)}</p>"))
                            for i in range(4)
                        ],
                    ],
                    is_public=n % 3 == 0,
                )
                pages.append(writer.prepare(page, StoryPage))
            written[code] = writer.write(StoryPage, pages)
            restrict_internal(written[code])
            self.link_topics(StoryPage, written[code], topics[code])
            StoryAuthor.objects.bulk_create(
                [
                    StoryAuthor(
                        page_id=page.pk,
                        name=f"Camille {n}",
                        sort_order=0,
                        locale=self.locales[code],  # bulk_create skips pre_save
                    )
                    for n, page in zip(numbers, written[code], strict=True)
                ],
                batch_size=BATCH,
            )
            self.share_kits(written[code], code)
        return written

    def link_topics(self, model, pages, topics):
        through = model.topics.through
        page_field = next(
            f.attname for f in through._meta.concrete_fields if f.related_model is model
        )
        topic_field = next(
            f.attname for f in through._meta.concrete_fields if f.related_model is Topic
        )
        through.objects.bulk_create(
            [
                through(
                    **{
                        page_field: page.pk,
                        topic_field: topics[(n + i) % len(topics)].pk,
                    }
                )
                for n, page in enumerate(pages)
                for i in range(2)
            ],
            batch_size=BATCH,
            ignore_conflicts=True,
        )

    def share_kits(self, stories, code):
        now = timezone.now()
        kits = ShareKit.objects.bulk_create(
            [
                ShareKit(
                    title=f"Kit {page.slug}",
                    page_id=page.pk,
                    hashtags="#chorus",
                    locale=self.locales[code],
                    translation_key=uuid.uuid5(uuid.NAMESPACE_URL, page.slug),
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                )
                for page in stories
                if page.is_public
            ],
            batch_size=BATCH,
        )
        ShareText.objects.bulk_create(
            [
                ShareText(
                    kit_id=kit.pk,
                    locale=self.locales[code],  # bulk_create skips pre_save
                    network=network,
                    angle=angle,
                    text=sentence(code, n + len(angle)),
                    sort_order=order,
                )
                for n, kit in enumerate(kits)
                for order, (network, angle) in enumerate(
                    [("linkedin", "team"), ("x", ""), ("mastodon", "")]
                )
            ],
            batch_size=BATCH,
        )

    def spotlights(self, topics):
        indexes = self.indexes(
            SpotlightIndexPage, {"fr": "Ambassadeurs", "en": "Ambassadors"}
        )
        numbers = self.numbers("spotlight", SpotlightPage, "spotlights")
        keys = {n: uuid.uuid4() for n in numbers}
        for code in LANGUAGES:
            writer = TreeWriter(indexes[code])
            pages = [
                writer.prepare(
                    SpotlightPage(
                        title=f"Ambassador {n}",
                        slug=f"{SLUG_PREFIX}spotlight-{n}",
                        translation_key=keys[n],
                        role=" ".join(words(code, n, 2)),
                        bio=f"<p>{sentence(code, n)}</p>",
                        is_public=n % 2 == 0,
                    ),
                    SpotlightPage,
                )
                for n in numbers
            ]
            writer.write(SpotlightPage, pages)
            restrict_internal(pages)
            self.link_topics(SpotlightPage, pages, topics[code])

    def guides(self, topics):
        indexes = self.indexes(GuideIndexPage, {"fr": "Guides", "en": "Guides"})
        numbers = self.numbers("guide", GuidePage, "guides")
        keys = {n: uuid.uuid4() for n in numbers}
        subjects = list(Subject)
        stages = list(Stage)
        for code in LANGUAGES:
            writer = TreeWriter(indexes[code])
            pages = [
                writer.prepare(
                    GuidePage(
                        title=f"{' '.join(words(code, n, 2)).capitalize()} ({n})",
                        slug=f"{SLUG_PREFIX}guide-{n}",
                        translation_key=keys[n],
                        summary=sentence(code, n),
                        subject=subjects[n % len(subjects)],
                        # Written in bulk (no save()): the review date is set here.
                        review_due=review_due_date(
                            timezone.localdate(), ReviewInterval.SIX_MONTHS
                        ),
                        body=[
                            ("paragraph", RichText(f"<p>{sentence(code, n + i)}</p>"))
                            for i in range(3)
                        ],
                        is_public=False,
                    ),
                    GuidePage,
                )
                for n in numbers
            ]
            writer.write(GuidePage, pages)
            restrict_internal(pages)
            self.link_topics(GuidePage, pages, topics[code])
            GuideStage.objects.bulk_create(
                [
                    GuideStage(page_id=page.pk, stage=stages[n % len(stages)])
                    for n, page in zip(numbers, pages, strict=True)
                ],
                batch_size=BATCH,
            )

    def comments(self, story_slug=f"{SLUG_PREFIX}story-2", count=200):
        """A long conversation on one story, in both languages, written by the demo
        accounts: `make bench` shows it costs what a short one costs."""
        from django.contrib.auth import get_user_model

        from stories.models import Comment

        story = StoryPage.objects.filter(
            slug=story_slug, locale=self.locales["fr"]
        ).first()
        authors = list(get_user_model().objects.filter(is_active=True).order_by("pk"))
        if story is None or not authors or Comment.objects.filter(page=story).exists():
            return
        Comment.objects.bulk_create(
            Comment(
                thread_key=story.translation_key,
                page=story,
                author=authors[n % len(authors)],
                language=LANGUAGES[n % len(LANGUAGES)],
                text=sentence(LANGUAGES[n % len(LANGUAGES)], n),
            )
            for n in range(count)
        )

    @transaction.atomic
    def run(self):
        topics = self.topics()
        self.stories(topics)
        self.spotlights(topics)
        self.guides(topics)
        self.comments()


class Command(BaseCommand):
    help = (
        "Add load-test content in both languages (run it after load_demo; a second run "
        "adds as much again): "
        "stories, spotlights, guides, topics and share kits, then update the search index."
    )

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=int, default=10_000)
        parser.add_argument("--spotlights", type=int, default=1_000)
        parser.add_argument("--guides", type=int, default=200)
        parser.add_argument("--topics", type=int, default=100)
        parser.add_argument(
            "--no-index", action="store_true", help="Skip updating the search index."
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        Generator(
            stories=options["stories"],
            spotlights=options["spotlights"],
            guides=options["guides"],
            topics=options["topics"],
            log=self.stdout,
        ).run()
        written = time.monotonic()
        self.stdout.write(f"Pages written in {written - started:.1f} s.")
        if not options["no_index"]:
            call_command("update_index", verbosity=0)
            self.stdout.write(
                f"Search index updated in {time.monotonic() - written:.1f} s."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Load data ready in {time.monotonic() - started:.1f} s: "
                f"{options['stories']} stories, {options['spotlights']} spotlights, "
                f"{options['guides']} guides, {options['topics']} topics."
            )
        )
