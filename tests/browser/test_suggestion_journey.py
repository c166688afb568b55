"""In French, the whole of issue #14: an employee suggests a story, an editor accepts it in
the admin and publishes it, credited to her because she asked, and a colleague talks about
it with her under the story. The steps live in suggestion_steps.py and comment_steps.py."""

from django.core import mail

import pytest

from stories.models import StoryPage, StorySuggestion

from .comment_steps import post_comment
from .suggestion_steps import (
    accept_suggestion,
    fill_suggestion,
    publish_draft,
    suggest_story,
)


pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "Le potager partagé du site de Lyon"
WHAT = (
    "Quinze collègues cultivent un potager sur l'ancien parking à vélos.\n\n"
    "La récolte est offerte à l'épicerie solidaire du quartier."
)


def test_a_suggestion_becomes_a_story_that_colleagues_talk_about(
    page, live_server, login, suggestion_world, screenshot, axe
):
    base = live_server.url
    login(page, "lea")

    # A first try without a title: a clear message, and nothing typed is lost.
    page.goto(f"{base}/fr/suggest-a-story/")
    fill_suggestion(page, title="", what_happened=WHAT, credit_me=True)
    page.get_by_test_id("suggest-submit").click()
    assert (
        "Donnez un titre à votre histoire."
        in page.get_by_test_id("suggest-form").inner_text()
    )
    assert page.get_by_label("Ce qui s'est passé").input_value() == WHAT
    assert page.get_by_label("Me citer comme auteur").is_checked()
    assert not StorySuggestion.objects.exists()
    axe.check(page)

    suggest_story(
        page,
        base,
        title=TITLE,
        what_happened=WHAT,
        who_could_tell="Karim, de la logistique",
        topics=["Environnement"],
        credit_me=True,
    )
    suggestion = page.get_by_test_id("suggestion")
    assert TITLE in suggestion.inner_text()
    assert suggestion.get_by_test_id("suggestion-status").inner_text() == "En attente"
    screenshot(page, "suggestion-sent")
    axe.check(page)

    # The editor reads it in the admin and accepts it.
    page.context.clear_cookies()
    login(page, "claire")
    accept_suggestion(page, base, TITLE)
    screenshot(page, "suggestion-accepted-draft")
    assert page.locator("#id_title").input_value() == TITLE

    story = StoryPage.objects.get(title=TITLE)
    assert not story.live
    assert story.get_parent().pk == suggestion_world["story_index"].pk
    assert [t.name for t in story.topics.all()] == ["Environnement"]
    assert [a.name for a in story.authors.all()] == ["Léa Martin"]
    assert StorySuggestion.objects.get().status == StorySuggestion.Status.ACCEPTED
    (email,) = mail.outbox
    assert email.to == ["lea@chorus.example"]
    assert email.subject.startswith("Votre proposition d'histoire est acceptée")

    # The editor publishes the story; Léa sees the decision on her page and reads it.
    publish_draft(page)
    story.refresh_from_db()
    assert story.live
    page.context.clear_cookies()
    login(page, "lea")
    page.goto(f"{base}/fr/my-suggestions/")
    assert page.get_by_test_id("suggestion-status").inner_text() == "Acceptée"
    page.get_by_role("link", name="Lire l'histoire").click()
    assert page.locator("h1").inner_text() == TITLE
    assert "Léa Martin" in page.locator("main").inner_text()

    # Karim, a colleague, reads the published story and says something about it.
    page.context.clear_cookies()
    login(page, "karim")
    page.goto(f"{base}{story.url}")
    comment = post_comment(page, "Bravo ! Je peux apporter des semis <b>bio</b>.")
    assert comment.count() == 1
    assert "Karim Haddad" in comment.inner_text()
    # Written as text: the tags are shown, never interpreted.
    assert comment.locator("b").count() == 0
    screenshot(page, "suggested-story-commented")
    axe.check(page)

    # Léa, who suggested it, sees the conversation under her story.
    page.context.clear_cookies()
    login(page, "lea")
    page.goto(f"{base}{story.url}")
    assert "Je peux apporter des semis" in page.get_by_test_id("comment").inner_text()
