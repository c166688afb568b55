"""The demo conversation: French and English comments in one thread, loaded once."""

import pytest

from stories import demo_comments
from stories.models import Comment

from .conftest import logged_in


pytestmark = pytest.mark.django_db


def test_demo_comments_are_bilingual_one_thread_and_loaded_once(
    story, story_en, employee, ambassador, referent
):
    demo_comments.load([{"fr": story, "en": story_en}])
    demo_comments.load([{"fr": story, "en": story_en}])
    comments = Comment.objects.in_thread(story.translation_key)
    assert comments.count() == len(demo_comments.CONVERSATION)
    assert set(comments.values_list("language", flat=True)) == {"fr", "en"}
    html = logged_in(employee).get(story_en.url).content.decode()
    assert "food bank" in html and "atelier de l" in html
