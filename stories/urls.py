from django.contrib.auth.decorators import login_not_required
from django.urls import path

from . import personal_feeds, suggestion_views, views
from .comments import views as comments
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
    path("comments/on/<int:page_id>/", comments.post_comment, name="post_comment"),
    path("comments/<int:comment_id>/edit/", comments.edit_comment, name="edit_comment"),
    path(
        "comments/<int:comment_id>/delete/",
        comments.delete_comment,
        name="delete_comment",
    ),
    path(
        "comments/<int:comment_id>/report/",
        comments.report_comment,
        name="report_comment",
    ),
    path(
        "comments/<int:comment_id>/moderate/",
        comments.moderate_comment,
        name="moderate_comment",
    ),
    path("comments/e-mails/", comments.comment_emails, name="comment_emails"),
    path("suggest-a-story/", suggestion_views.suggest_story, name="suggest"),
    path("my-suggestions/", suggestion_views.my_suggestions, name="my_suggestions"),
]
