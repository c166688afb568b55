"""Named queries over stories, shared by pages, feeds, tags and the share views."""

from django.db.models import Exists, OuterRef, Prefetch

from wagtail.images import get_image_model

from home.access import visible_to


# Renditions used wherever a story appears in a list (see templates/stories/).
CARD_IMAGE_FILTER = "fill-640x360"


def shareable_now(queryset, when=None):
    """The pages of `queryset` that employees may share now: the rule of
    `ShareKit.objects.shareable_now`, with the pages' visibility checked once for the whole
    list by `.public()` rather than for each kit (which took seconds at 10,000 stories)."""
    from .models import ShareKit

    queryset = queryset.live().public()
    if hasattr(queryset.model, "is_public"):
        queryset = queryset.filter(is_public=True)
    kits = ShareKit.objects.open_now(when).filter(page_id=OuterRef("pk"))
    return queryset.filter(Exists(kits))


def public_stories(queryset=None):
    """Stories an anonymous visitor may read: published and without a view restriction."""
    from .models import StoryPage

    queryset = StoryPage.objects.all() if queryset is None else queryset
    return queryset.live().public().filter(is_public=True)


def newest_first(queryset):
    return queryset.order_by("-date", "-first_published_at", "-pk")


def with_list_data(queryset, image_filter=CARD_IMAGE_FILTER):
    """Everything a story card shows, in a constant number of queries."""
    renditions = get_image_model().get_rendition_model().objects
    return (
        queryset.defer_streamfields()
        .select_related("image")
        .prefetch_related(
            # The attribute that Image.get_rendition() looks in first.
            Prefetch(
                "image__renditions",
                queryset=renditions.filter(filter_spec=image_filter),
                to_attr="prefetched_renditions",
            ),
            "topics",
        )
    )


def story_listing(index_page, request, topic=None, shareable=False):
    """The stories listed on a story index for this reader, newest first, optionally
    filtered."""
    from .models import StoryPage

    stories = visible_to(StoryPage.objects.child_of(index_page).live(), request)
    if topic is not None:
        stories = stories.filter(topics=topic)
    if shareable:
        stories = shareable_now(stories)
    return with_list_data(newest_first(stories))
