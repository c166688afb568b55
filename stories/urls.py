from django.contrib.auth.decorators import login_not_required
from django.urls import path

from . import suggestion_views, views
from .feeds import InternalStoryFeed, PublicStoryFeed


app_name = "stories"

urlpatterns = [
    path(
        "feeds/stories/public/",
        login_not_required(PublicStoryFeed()),
        name="public_feed",
    ),
    path("feeds/stories/all/", InternalStoryFeed(), name="internal_feed"),
    path("share/<int:kit_id>/", views.share, name="share"),
    path("suggest-a-story/", suggestion_views.suggest_story, name="suggest"),
    path("my-suggestions/", suggestion_views.my_suggestions, name="my_suggestions"),
]
