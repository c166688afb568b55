"""Comments stay among colleagues: never for visitors, feeds, the sitemap or public search;
e-mails only to authors who asked; the export holds them; a closing account takes them."""

import json
import re

from django.core import mail
from django.test import Client
from django.urls import reverse

import pytest

from home import page_cache as page_cache_module
from referents.leaving import close_account
from stories.comments import fragment
from stories.models import Comment, CommentNotification, CommentReport

from .conftest import comment_on, logged_in, post_comment


pytestmark = pytest.mark.django_db

ONLY_COLLEAGUES = "Entre nous, collègues"


@pytest.fixture
def page_cache(settings):
    settings.CHORUS_PAGE_CACHE = True  # as in production with Redis


def test_the_anonymous_copy_of_a_public_story_holds_no_comment(
    page_cache, story, employee
):
    comment_on(story, employee, ONLY_COLLEAGUES)
    visitor = Client()
    # An employee first, then visitors, twice (the second from the cache).
    logged_in(employee).get(story.url)
    for _ in range(2):
        response = visitor.get(story.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert ONLY_COLLEAGUES not in html
        assert "chorus-per-reader" not in html
        assert "chorus-comment" not in html
        assert 'data-testid="comments"' not in html


def test_feeds_sitemap_and_public_search_hold_no_comment(
    page_cache, story, employee, client
):
    comment_on(story, employee, ONLY_COLLEAGUES)
    urls = [
        reverse("stories:public_feed"),
        "/sitemap.xml",
        "/fr/search/?q=collègues",
        "/fr/search/?q=nous",
    ]
    for url in urls:
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200, url
            assert ONLY_COLLEAGUES not in response.content.decode(), url
    # Employees' feed and search do not carry them either: comments are not content.
    employee_client = logged_in(employee)
    for url in [reverse("stories:internal_feed"), "/fr/search/?q=collègues"]:
        assert ONLY_COLLEAGUES not in employee_client.get(url).content.decode()


def test_the_shared_copy_gives_each_reader_their_own_buttons(
    page_cache, story, employee, referent, ambassador
):
    comment = comment_on(story, employee, "Mon commentaire")
    mine = logged_in(employee)
    mine.get(story.url)  # the shared copy is made here
    html = mine.get(story.url).content.decode()
    assert 'data-testid="comment-edit"' in html
    theirs = logged_in(ambassador).get(story.url).content.decode()
    assert "Mon commentaire" in theirs
    assert 'data-testid="comment-edit"' not in theirs
    assert 'data-testid="comment-report"' in theirs
    assert 'data-testid="comment-hide"' not in theirs
    moderator = logged_in(referent).get(story.url).content.decode()
    assert 'data-testid="comment-hide"' in moderator
    assert f"comment-{comment.pk}" in moderator
    assert "chorus-per-reader" not in theirs + moderator


def test_a_comment_that_names_the_markers_gets_nobody_s_token(
    page_cache, settings, story, employee, ambassador
):
    # What each reader's token and buttons replace in the shared copies, typed as text.
    settings.CHORUS_SHARED_CACHE = True
    text = " ".join(
        [
            page_cache_module.CSRF_PLACEHOLDER.decode(),
            fragment.CSRF_MARKER,
            fragment.OWNER_MARKER,
            "<!--chorus-comment:1:1:shown-->",
            "<!--chorus-per-reader:comments-->",
        ]
    )
    comment_on(story, employee, text)
    reader = logged_in(ambassador)
    reader.get(story.url)  # the shared copies are made here
    html = reader.get(story.url).content.decode()
    shown = html.split('data-testid="comment-text"')[1].split("</div>")[0]
    assert "&lt;!--chorus-csrf-token--&gt;" in shown
    assert "<!--" not in shown
    # The reader's token is in their forms, and nowhere else.
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert tokens and len(set(tokens)) == 1
    assert html.count(tokens[0]) == len(tokens)


def test_a_new_comment_shows_at_once_and_leaves_other_pages_warm(
    page_cache, story, story_index, employee, referent
):
    from django.core.cache import cache

    from home.cache import VERSION_KEY
    from tests.factories.stories import StoryPageFactory

    other = StoryPageFactory(parent=story_index, title="Une autre histoire")
    reader = logged_in(referent)
    reader.get(story.url)
    reader.get(other.url)
    version = cache.get(VERSION_KEY)
    post_comment(logged_in(employee), story, "Tout frais")
    assert cache.get(VERSION_KEY) == version  # no page went cold but this conversation
    assert "Tout frais" in reader.get(story.url).content.decode()
    comment_on(other, employee, "Ailleurs")
    assert "Ailleurs" not in reader.get(story.url).content.decode()


# E-mails


def test_the_story_author_who_opted_in_gets_an_escaped_email(
    story, editor, employee, django_capture_on_commit_callbacks
):
    owner = logged_in(editor)
    html = owner.get(story.url).content.decode()
    assert 'data-testid="comment-emails-on"' in html
    owner.post(reverse("stories:comment_emails"), {"notify": "1", "next": story.url})
    assert CommentNotification.objects.filter(user=editor).exists()
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(logged_in(employee), story, "<script>alert('x')</script> Bravo")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [editor.email]
    assert "Journée solidaire" in message.subject
    assert "<script>" not in message.body
    assert "&lt;script&gt;" in message.body
    assert story.get_full_url() in message.body


def test_no_email_without_opting_in_nor_for_ones_own_comment(
    story, editor, employee, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(logged_in(employee), story, "Personne n'est prévenu")
    assert not mail.outbox
    CommentNotification.objects.create(user=editor)
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(logged_in(editor), story, "Ma propre histoire")
    assert not mail.outbox


def test_the_author_stops_the_emails(story, editor):
    CommentNotification.objects.create(user=editor)
    client = logged_in(editor)
    assert 'data-testid="comment-emails-off"' in client.get(story.url).content.decode()
    client.post(reverse("stories:comment_emails"), {"notify": ""})
    assert not CommentNotification.objects.exists()


def test_the_ambassador_of_a_spotlight_is_told_of_a_comment(
    spotlight, ambassador, employee, django_capture_on_commit_callbacks
):
    CommentNotification.objects.create(user=ambassador)
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(logged_in(employee), spotlight, "Merci Inès")
    assert [m.to for m in mail.outbox] == [[ambassador.email]]


def test_a_reader_who_is_not_the_author_is_not_offered_emails(story, employee):
    html = logged_in(employee).get(story.url).content.decode()
    assert 'data-testid="comment-emails-form"' not in html


def test_in_pre_moderation_the_email_waits_for_approval(
    pre_moderation,
    story,
    editor,
    employee,
    referent,
    django_capture_on_commit_callbacks,
):
    CommentNotification.objects.create(user=editor)
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(logged_in(employee), story, "En attente")
    assert not mail.outbox
    comment = Comment.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        logged_in(referent).post(
            reverse("stories:moderate_comment", args=[comment.pk]), {"action": "show"}
        )
    assert len(mail.outbox) == 1


# The export and the account closing


def test_the_export_holds_my_comments_reports_and_email_choice(
    story, employee, referent
):
    comment_on(story, employee, "Mon avis")
    comment_on(story, referent, "L'avis d'un autre")
    CommentReport.objects.create(
        comment=Comment.objects.get(author=referent),
        reporter=employee,
        reason="Hors sujet",
    )
    CommentNotification.objects.create(user=employee)
    response = logged_in(employee).get(reverse("referents:download_my_data"))
    data = json.loads(response.content)
    other = data["other_records"]
    assert [c["text"] for c in other["stories.Comment"]] == ["Mon avis"]
    assert [r["reason"] for r in other["stories.CommentReport"]] == ["Hors sujet"]
    assert "stories.CommentNotification" in other
    assert "L'avis d'un autre" not in response.content.decode()


def test_a_closing_account_takes_its_comments_and_leaves_its_reports_nameless(
    story, employee, referent, django_capture_on_commit_callbacks
):
    comment_on(story, employee, "Mes mots s'en vont")
    theirs = comment_on(story, referent, "Les siens restent")
    report = CommentReport.objects.create(
        comment=theirs, reporter=employee, reason="À revoir"
    )
    CommentNotification.objects.create(user=employee)
    reader = logged_in(referent)
    assert "Mes mots" in reader.get(story.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        close_account(employee)
    assert not Comment.objects.filter(author=employee).exists()
    assert not CommentNotification.objects.exists()
    report.refresh_from_db()
    assert report.reporter is None and report.reason == "À revoir"
    html = reader.get(story.url).content.decode()
    assert "Mes mots" not in html
    assert "Les siens restent" in html


def test_deactivating_an_account_in_the_admin_deletes_its_comments(story, employee):
    comment_on(story, employee, "Je pars")
    employee.is_active = False
    employee.save()
    assert not Comment.objects.exists()
