"""Atom feeds of stories, one per language: public stories for anyone, all stories for employees.

Django's syndication framework escapes every text it writes, so titles and introductions typed
by editors cannot break the XML.
"""

import copy

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from wagtail.models import Locale, Site

from home.access import visible_to

from .models import StoryIndexPage, StoryPage


class StoryFeed(Feed):
    feed_type = Atom1Feed
    item_count = 30

    def __call__(self, request, *args, **kwargs):
        # The URLconf holds one feed object for every request and thread; the reader (for
        # absolute URLs and the visibility rule) is kept on a copy made for this request.
        feed = copy.copy(self)
        feed.request = request
        return super(StoryFeed, feed).__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return Locale.get_active()

    def stories(self, locale):
        raise NotImplementedError

    def items(self, locale):
        stories = self.stories(StoryPage.objects.live().filter(locale=locale))
        return (
            stories.newest_first()
            .defer_streamfields()
            .prefetch_related("authors")[: self.item_count]
        )

    def link(self, locale):
        index = StoryIndexPage.objects.live().filter(locale=locale).first()
        if index is not None:
            return index.get_url(self.request)
        site = Site.find_for_request(self.request)
        return site.root_page.url if site else "/"

    def item_title(self, story):
        return story.title

    def item_description(self, story):
        return story.intro

    def item_link(self, story):
        return story.get_full_url(self.request)

    def item_guid(self, story):
        return story.get_full_url(self.request)

    def item_pubdate(self, story):
        return story.first_published_at

    def item_updateddate(self, story):
        return story.last_published_at

    def item_author_name(self, story):
        return ", ".join(author.name for author in story.authors.all()) or None

    def item_categories(self, story):
        return ()


class PublicStoryFeed(StoryFeed):
    """Published public stories: the same rule as for an anonymous visitor."""

    def title(self, locale):
        return _("Chorus: public stories")

    def description(self, locale):
        return _("Stories that anyone may read and share.")

    def stories(self, queryset):
        return queryset.public_stories()


class InternalStoryFeed(StoryFeed):
    """Every published story the reader may open, for logged-in employees (the login
    middleware asks for it)."""

    def title(self, locale):
        return _("Chorus: all stories")

    def description(self, locale):
        return _("Every published story, internal ones included. For employees only.")

    def stories(self, queryset):
        return visible_to(queryset, self.request)
