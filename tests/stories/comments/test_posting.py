"""Employees comment on stories and spotlights: one conversation for every language."""

from django.urls import reverse

import pytest

from stories.models import Comment, CommentStatus

from .conftest import comment_on, logged_in, post_comment


pytestmark = pytest.mark.django_db


def comments_section(html):
    start = html.index('data-testid="comments"')
    return html[start : html.index("</section>", start)]


def test_an_employee_comments_and_sees_it_under_the_story(story, employee):
    client = logged_in(employee)
    response = post_comment(client, story, "Quelle belle journée !")
    assert response.status_code == 302
    assert response["Location"].startswith(story.url)
    page = client.get(story.url).content.decode()
    assert "Your comment is posted." in page or "Votre commentaire" in page
    section = comments_section(page)
    assert "Quelle belle journée !" in section
    assert 'data-testid="comment-language"' in section
    comment = Comment.objects.get()
    assert comment.author == employee
    assert comment.language == "fr"
    assert comment.thread_key == story.translation_key


def test_french_and_english_versions_share_one_conversation(
    story, story_en, employee, referent
):
    post_comment(logged_in(employee), story, "Bravo l'équipe")
    post_comment(logged_in(referent), story_en, "Well done, team", language="en")
    for page in (story, story_en):
        section = comments_section(logged_in(employee).get(page.url).content.decode())
        assert "Bravo l&#x27;équipe" in section
        assert "Well done, team" in section
        assert ">FR<" in section and ">EN<" in section
        assert 'lang="en"' in section and 'lang="fr"' in section


def test_an_ambassador_spotlight_takes_comments(spotlight, employee):
    client = logged_in(employee)
    post_comment(client, spotlight, "Merci pour ces conseils")
    assert "Merci pour ces conseils" in client.get(spotlight.url).content.decode()


def test_an_anonymous_visitor_can_neither_post_nor_see_comments(client, story):
    comment_on(story, story.owner, "Réservé aux collègues")
    response = client.get(story.url)  # a public story
    assert response.status_code == 200
    html = response.content.decode()
    assert "Réservé aux collègues" not in html
    assert 'data-testid="comments"' not in html
    response = post_comment(client, story, "Je suis dehors")
    assert response.status_code == 302
    assert "/login" in response["Location"] or "connexion" in response["Location"]
    assert not Comment.objects.filter(text="Je suis dehors").exists()


def test_too_long_a_comment_is_refused_with_the_text_kept(story, employee):
    text = "Trop long. " * 300
    response = post_comment(logged_in(employee), story, text)
    assert response.status_code == 400
    html = response.content.decode()
    assert "2000" in html
    assert text.strip()[:200] in html
    assert not Comment.objects.exists()


def test_an_empty_comment_is_refused_with_a_message(story, employee):
    response = post_comment(logged_in(employee), story, "   ")
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_posting_too_often_waits_with_the_text_kept(settings, story, employee):
    settings.CHORUS_COMMENTS_PER_MINUTE = 2
    client = logged_in(employee)
    post_comment(client, story, "Un")
    post_comment(client, story, "Deux")
    response = post_comment(client, story, "Trois, un peu trop vite")
    assert response.status_code == 429
    html = response.content.decode()
    assert 'data-testid="comment-error"' in html
    assert "Trois, un peu trop vite" in html
    assert Comment.objects.count() == 2


def test_the_rate_limit_is_per_person(settings, story, employee, referent):
    settings.CHORUS_COMMENTS_PER_MINUTE = 1
    post_comment(logged_in(employee), story, "Un")
    assert post_comment(logged_in(referent), story, "Deux").status_code == 302


def test_a_script_in_a_comment_is_shown_as_text(story, employee, referent):
    post_comment(logged_in(employee), story, "<script>alert('x')</script>")
    html = logged_in(referent).get(story.url).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_an_editor_closes_comments_on_a_page(story, employee):
    story.comments_allowed = False
    story.save_revision().publish()
    client = logged_in(employee)
    html = client.get(story.url).content.decode()
    assert 'data-testid="comments-closed"' in html
    assert 'data-testid="comment-form"' not in html
    response = post_comment(client, story, "Quand même")
    assert response.status_code == 403
    assert "Quand même" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_sensitive_story_has_comments_closed_unless_opened(story, employee):
    story.is_sensitive = True
    story.save_revision().publish()
    client = logged_in(employee)
    assert post_comment(client, story, "Sensible").status_code == 403
    story.comments_allowed = True
    story.save_revision().publish()
    assert post_comment(client, story, "Ouvert exprès").status_code == 302


def test_a_page_shows_how_many_comments_it_has_and_nothing_per_person(
    story, employee, referent
):
    comment_on(story, employee, "Un")
    comment_on(story, employee, "Deux")
    comment_on(story, referent, "Trois")
    html = comments_section(logged_in(employee).get(story.url).content.decode())
    assert 'data-testid="comments-count"' in html
    assert "(3 " in html
    # No like, no score, no count next to a person.
    for word in ("like", "j'aime", "most active", "points"):
        assert word not in html.lower()


def test_pending_comments_are_not_shown(story, employee):
    comment_on(story, employee, "En attente", status=CommentStatus.PENDING)
    assert "En attente" not in logged_in(employee).get(story.url).content.decode()


def test_comments_paginate(settings, story, employee):
    settings.CHORUS_COMMENTS_PER_PAGE = 3
    for n in range(5):
        comment_on(story, employee, f"Commentaire numéro {n}")
    client = logged_in(employee)
    first = comments_section(client.get(story.url).content.decode())
    assert "numéro 4" in first and "numéro 1" not in first
    second = comments_section(client.get(story.url + "?comments=2").content.decode())
    assert "numéro 1" in second and "numéro 0" in second and "numéro 4" not in second


def test_a_draft_or_unknown_page_takes_no_comment(story_index, employee):
    from tests.factories.stories import StoryPageFactory

    draft = StoryPageFactory(parent=story_index, live=False)
    client = logged_in(employee)
    assert post_comment(client, draft, "Trop tôt").status_code == 404
    url = reverse("stories:post_comment", args=[story_index.pk])
    assert client.post(url, {"text": "Sur l'index"}).status_code == 404
    assert not Comment.objects.exists()


def test_closing_comments_in_one_language_closes_the_conversation(
    story, story_en, employee
):
    story.comments_allowed = False
    story.save_revision().publish()
    story_en.refresh_from_db()
    assert not story_en.comments_open
    response = post_comment(logged_in(employee), story_en, "By the back door", "en")
    assert response.status_code == 403
    assert not Comment.objects.exists()
