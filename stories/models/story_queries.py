"""Named queries over stories, shared by pages, feeds, tags and the share views:
`StoryPage.objects.live().shareable_now().newest_first().with_list_data()`."""

from django.db.models import Exists, OuterRef

from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from home.models import renditions_prefetch

from .share_kit import ShareKit


# Renditions used wherever a story appears in a list (see templates/stories/).
CARD_IMAGE_FILTER = "fill-640x360"


class StoryPageQuerySet(PageQuerySet):
    def shareable_now(self, when=None):
        """The stories employees may share now: the rule of `ShareKit.objects.shareable_now`,
        with the pages' visibility checked once for the whole list by `.public()` rather
        than for each kit (which took seconds at 10,000 stories)."""
        kits = ShareKit.objects.open_now(when).filter(page_id=OuterRef("pk"))
        return self.public_stories().filter(Exists(kits))

    def public_stories(self):
        """Stories an anonymous visitor may read: published and without a view restriction."""
        return self.live().public().filter(is_public=True)

    def newest_first(self):
        return self.order_by("-date", "-first_published_at", "-pk")

    def with_list_data(self, image_filter=CARD_IMAGE_FILTER):
        """Everything a story card shows, in a constant number of queries."""
        return (
            self.defer_streamfields()
            .select_related("image")
            .prefetch_related(*self.list_data_prefetches(image_filter))
        )

    def list_data_prefetches(self, image_filter=CARD_IMAGE_FILTER):
        """What `with_list_data` prefetches, for stories read otherwise
        (`prefetch_related_objects`): the card's rendition and the topics."""
        return [
            renditions_prefetch("image", image_filter),
            "topics",
        ]


StoryPageManager = PageManager.from_queryset(StoryPageQuerySet)
