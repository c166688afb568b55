"""Colleagues talk about a story: a comment in French is read on the English page too, its
author edits it, a visitor from outside sees none of it.

`post_comment(page, text)` (comment_steps.py) is the reusable step.
"""

from django.utils import timezone

import pytest

from tests.factories.stories import StoryIndexPageFactory, StoryPageFactory

from .comment_steps import post_comment


pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def bilingual_story(home_page, home_page_en, locales, roles, editor):
    from wagtail.models import Page

    index = StoryIndexPageFactory(parent=home_page)
    index_en = index.copy_for_translation(locales["en"])
    index_en.title, index_en.slug = "Stories", "stories"
    index_en.save_revision().publish()
    story = StoryPageFactory(
        parent=index,
        title="Notre atelier ouvre ses portes",
        is_public=True,
        owner=editor,
        date=timezone.localdate(),
    )
    english = story.copy_for_translation(locales["en"])
    english.title, english.slug = "Our workshop opens its doors", "workshop"
    english.save_revision().publish()
    return {
        "fr": Page.objects.get(pk=story.pk).specific,
        "en": Page.objects.get(pk=english.pk).specific,
    }


def test_comment_in_french_read_in_english_edited_and_never_public(
    page, browser, live_server, login, bilingual_story, employee, axe, screenshot
):
    login(page, "employee")
    page.goto(f"{live_server.url}{bilingual_story['fr'].url}")
    comment = post_comment(page, "Bravo à toute l'équipe de l'atelier !")
    assert comment.count() == 1
    assert comment.get_by_test_id("comment-language").inner_text() == "FR"
    assert "Votre commentaire est publié." in page.content()
    axe.check(page)
    screenshot(page, "story-comments-fr")

    # The same conversation on the English page, marked with its language.
    page.goto(f"{live_server.url}{bilingual_story['en'].url}")
    thread = page.get_by_test_id("comments")
    assert "Bravo à toute l'équipe de l'atelier !" in thread.inner_text()
    assert thread.get_by_test_id("comment-text").get_attribute("lang") == "fr"

    # The author changes their words.
    page.get_by_test_id("comment-edit").click()
    page.get_by_label("Your comment").fill("Bravo à toute l'équipe, et merci !")
    page.get_by_test_id("comment-submit").click()
    page.wait_for_load_state()
    assert (
        "Bravo à toute l'équipe, et merci !"
        in page.get_by_test_id("comments").inner_text()
    )

    # A visitor from outside reads the public story without any comment.
    visitor = browser.new_context().new_page()
    visitor.goto(f"{live_server.url}{bilingual_story['fr'].url}")
    assert visitor.get_by_test_id("story").is_visible()
    assert visitor.get_by_test_id("comments").count() == 0
    assert "merci" not in visitor.content()
    visitor.context.close()
