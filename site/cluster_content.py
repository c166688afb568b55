"""The content `make cluster` starts from, made in seconds rather than with `load_demo`.

The cluster needs the two home pages, the demo accounts with their roles, the story
indexes, one public and one internal story: `load_demo` makes all that and much more, and
takes a minute and a half on PostgreSQL on a busy 2-core machine. `create()` prints what the
checks need to know as one JSON line.
"""

import json

from home import demo as home_demo
from referents import demo as referents_demo
from stories import demo as stories_demo
from stories.models import StoryIndexPage, StoryPage


STORIES = {
    "public": ("Open day at the Lyon workshop", True),
    "internal": ("Purchasing team reorganisation", False),
}
PREFIX = "CLUSTER-CONTENT "


def create():
    home = home_demo.load()
    referents_demo.load(home)
    indexes = stories_demo.ensure_story_indexes(home["homes"], home["locales"])
    # Reloaded: publishing the translation changed its slug, not this object's URL path.
    index = StoryIndexPage.objects.get(pk=indexes["en"].pk)
    content = {"story_index": {"id": index.pk, "url": index.url}}
    for name, (title, public) in STORIES.items():
        story = StoryPage(
            title=title,
            slug=f"cluster-{name}",
            intro=f"{title}: a story of the cluster check.",
            is_public=public,
        )
        index.add_child(instance=story)
        story.save_revision().publish()
        content[name] = {"id": story.pk, "url": story.url, "title": title}
    print(PREFIX + json.dumps(content))  # noqa: T201
