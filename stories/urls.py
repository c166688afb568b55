from django.contrib.auth.decorators import login_not_required
from django.urls import path

from . import personal_feeds, views
from .feeds import InternalStoryFeed, PublicStoryFeed


app_name = "stories"

urlpatterns = [
    path(
        "feeds/stories/public/",
        login_not_required(PublicStoryFeed()),
        name="public_feed",
    ),
    path("feeds/stories/all/", InternalStoryFeed(), name="internal_feed"),
    path(
        "feeds/personal/<str:key>/stories/",
        personal_feeds.personal_story_feed,
        name="personal_feed",
    ),
    path(
        "feeds/personal/<str:key>/share-kits.ics",
        personal_feeds.personal_calendar,
        name="personal_calendar",
    ),
    path("share/<int:kit_id>/", views.share, name="share"),
]
