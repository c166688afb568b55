from .comments import (
    Comment,
    CommentNotification,
    CommentReport,
    CommentSettings,
    CommentStatus,
)
from .pages import (
    SpotlightIndexPage,
    SpotlightPage,
    StoryAuthor,
    StoryIndexPage,
    StoryPage,
)
from .share_count import ShareCount
from .share_kit import ShareKit, ShareText
from .suggestions import StorySuggestion
from .topics import Topic


__all__ = [
    "Comment",
    "CommentNotification",
    "CommentReport",
    "CommentSettings",
    "CommentStatus",
    "ShareCount",
    "ShareKit",
    "ShareText",
    "SpotlightIndexPage",
    "SpotlightPage",
    "StoryAuthor",
    "StoryIndexPage",
    "StoryPage",
    "StorySuggestion",
    "Topic",
]
