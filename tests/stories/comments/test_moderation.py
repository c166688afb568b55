"""Moderation in both modes, reports, the admin listing, and edit or delete one's own only."""

from django.core import mail
from django.urls import reverse

import pytest

from stories.models import Comment, CommentReport, CommentStatus

from .conftest import comment_on, logged_in, post_comment


pytestmark = pytest.mark.django_db

ADMIN_LISTING = "/admin/snippets/stories/comment/"


def page_html(user, page):
    return logged_in(user).get(page.url).content.decode()


# Post-moderation (the default) and pre-moderation


def test_post_moderation_shows_a_comment_at_once(story, employee, referent):
    post_comment(logged_in(employee), story, "Visible tout de suite")
    assert Comment.objects.get().status == CommentStatus.PUBLISHED
    assert "Visible tout de suite" in page_html(referent, story)


@pytest.mark.parametrize("moderator", ["editor", "referent"])
def test_editors_and_referents_hide_a_comment_which_then_says_so_without_text(
    request, story, employee, moderator
):
    moderator = request.getfixturevalue(moderator)
    comment = comment_on(story, employee, "Une remarque déplacée")
    html = page_html(moderator, story)
    assert 'data-testid="comment-hide"' in html
    response = logged_in(moderator).post(
        reverse("stories:moderate_comment", args=[comment.pk]), {"action": "hide"}
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HIDDEN
    html = page_html(employee, story)
    assert "Une remarque déplacée" not in html
    assert 'data-testid="comment-hidden"' in html


@pytest.mark.parametrize("role", ["employee", "ambassador"])
def test_employees_and_ambassadors_cannot_hide_a_comment(request, story, role):
    user = request.getfixturevalue(role)
    comment = comment_on(story, request.getfixturevalue("referent"), "Reste là")
    assert 'data-testid="comment-hide"' not in page_html(user, story)
    response = logged_in(user).post(
        reverse("stories:moderate_comment", args=[comment.pk]), {"action": "hide"}
    )
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED


def test_pre_moderation_holds_a_comment_until_approved(
    pre_moderation, story, employee, referent
):
    response = post_comment(logged_in(employee), story, "J'attends mon tour")
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING
    assert "J'attends mon tour" not in page_html(referent, story)
    # Waiting in the moderators' listing.
    listing = logged_in(referent).get(ADMIN_LISTING + "?waiting=true")
    assert listing.status_code == 200
    assert "J&#x27;attends mon tour" in listing.content.decode()
    logged_in(referent).post(
        reverse("stories:moderate_comment", args=[comment.pk]), {"action": "show"}
    )
    assert "J&#x27;attends mon tour" in page_html(employee, story)


def test_a_moderator_approves_in_the_admin(pre_moderation, story, employee, editor):
    comment = comment_on(story, employee, "À valider", status=CommentStatus.PENDING)
    url = f"{ADMIN_LISTING}edit/{comment.pk}/"
    client = logged_in(editor)
    form = client.get(url)
    assert form.status_code == 200
    assert "À valider" in form.content.decode()
    response = client.post(url, {"status": CommentStatus.PUBLISHED})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    assert comment.text == "À valider"  # the text is read-only in the admin


def test_editing_an_approved_comment_waits_again_in_pre_moderation(
    pre_moderation, story, employee, referent
):
    comment = comment_on(story, employee, "Version approuvée")
    logged_in(employee).post(
        reverse("stories:edit_comment", args=[comment.pk]), {"text": "Version changée"}
    )
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING
    assert "Version changée" not in page_html(referent, story)


# Reports


def test_anyone_logged_in_reports_a_comment_with_a_reason(
    story, employee, ambassador, referent
):
    comment = comment_on(story, employee, "Un avis tranché")
    client = logged_in(ambassador)
    assert 'data-testid="comment-report"' in page_html(ambassador, story)
    url = reverse("stories:report_comment", args=[comment.pk])
    assert client.get(url).status_code == 200
    empty = client.post(url, {"reason": ""})
    assert empty.status_code == 400
    assert client.post(url, {"reason": "Hors sujet"}).status_code == 302
    client.post(url, {"reason": "Vraiment hors sujet"})  # counted once per person
    report = CommentReport.objects.get()
    assert report.reason == "Vraiment hors sujet"
    assert report.reporter == ambassador
    listing = logged_in(referent).get(ADMIN_LISTING + "?waiting=true").content.decode()
    assert "Un avis tranché" in listing
    # The edit view shows the reason, never who reported.
    edit = (
        logged_in(referent).get(f"{ADMIN_LISTING}edit/{comment.pk}/").content.decode()
    )
    assert "Vraiment hors sujet" in edit
    assert ambassador.last_name not in edit
    # Saving the decision handles the report.
    logged_in(referent).post(
        f"{ADMIN_LISTING}edit/{comment.pk}/", {"status": CommentStatus.PUBLISHED}
    )
    report.refresh_from_db()
    assert report.resolved
    listing = logged_in(referent).get(ADMIN_LISTING + "?waiting=true").content.decode()
    assert "Un avis tranché" not in listing


def test_nobody_reports_their_own_comment(story, employee):
    comment = comment_on(story, employee, "Le mien")
    assert 'data-testid="comment-report"' not in page_html(employee, story)
    url = reverse("stories:report_comment", args=[comment.pk])
    assert logged_in(employee).post(url, {"reason": "x"}).status_code == 404


@pytest.mark.parametrize("role", ["employee", "ambassador"])
def test_employees_and_ambassadors_are_refused_the_admin_listing(request, role):
    user = request.getfixturevalue(role)
    response = logged_in(user).get(ADMIN_LISTING)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/admin/" in response["Location"]
        assert (
            ADMIN_LISTING not in response["Location"] or "login" in response["Location"]
        )


def test_an_ambassador_opening_the_admin_listing_is_sent_away(ambassador, story):
    comment_on(story, ambassador, "Secret de modération")
    response = logged_in(ambassador).get(ADMIN_LISTING, follow=True)
    assert "Secret de modération" not in response.content.decode()


def test_the_admin_escapes_a_script_comment(story, employee, editor):
    comment = comment_on(story, employee, "<script>alert(1)</script>")
    CommentReport.objects.create(comment=comment, reason="<b>gras</b>")
    client = logged_in(editor)
    listing = client.get(ADMIN_LISTING).content.decode()
    assert "<script>alert(1)</script>" not in listing
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in listing
    edit = client.get(f"{ADMIN_LISTING}edit/{comment.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in edit
    assert "<b>gras</b>" not in edit


def test_moderators_cannot_add_or_delete_comments_in_the_admin(story, editor):
    comment = comment_on(story, editor, "Le texte d'un collègue")
    client = logged_in(editor)
    assert client.get(f"{ADMIN_LISTING}add/").status_code in (302, 403)
    client.post(f"{ADMIN_LISTING}delete/{comment.pk}/")
    assert Comment.objects.filter(pk=comment.pk).exists()


# Edit and delete one's own only


def test_the_author_edits_their_comment(story, employee):
    comment = comment_on(story, employee, "Premier jet")
    client = logged_in(employee)
    assert 'data-testid="comment-edit"' in page_html(employee, story)
    url = reverse("stories:edit_comment", args=[comment.pk])
    form = client.get(url).content.decode()
    assert "Premier jet" in form
    too_long = client.post(url, {"text": "x" * 2001})
    assert too_long.status_code == 400
    assert "x" * 2001 in too_long.content.decode()
    assert client.post(url, {"text": "Version finale"}).status_code == 302
    comment.refresh_from_db()
    assert comment.text == "Version finale"
    assert comment.edited_at is not None
    assert "Version finale" in page_html(employee, story)


def test_the_author_deletes_their_comment(story, employee):
    comment = comment_on(story, employee, "À effacer")
    client = logged_in(employee)
    url = reverse("stories:delete_comment", args=[comment.pk])
    assert "À effacer" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not Comment.objects.exists()
    assert "À effacer" not in page_html(employee, story)


@pytest.mark.parametrize("role", ["employee", "editor", "referent", "ambassador"])
def test_nobody_else_edits_or_deletes_a_comment_even_by_forged_posts(
    request, story, role
):
    author = request.getfixturevalue("employee")
    other = request.getfixturevalue(role)
    if other == author:
        from tests.factories.home import UserFactory

        other = UserFactory(username="colleague")
        other.groups.set(author.groups.all())
    comment = comment_on(story, author, "Mes mots")
    client = logged_in(other)
    html = page_html(other, story)
    assert 'data-testid="comment-edit"' not in html
    assert 'data-testid="comment-delete"' not in html
    edit = reverse("stories:edit_comment", args=[comment.pk])
    delete = reverse("stories:delete_comment", args=[comment.pk])
    assert client.get(edit).status_code == 404
    assert client.post(edit, {"text": "Pas les miens"}).status_code == 404
    assert client.post(delete).status_code == 404
    comment.refresh_from_db()
    assert comment.text == "Mes mots"


def test_anonymous_visitors_reach_no_comment_action(client, story, employee):
    comment = comment_on(story, employee, "Mes mots")
    for name in ("edit_comment", "delete_comment", "report_comment"):
        response = client.get(reverse(f"stories:{name}", args=[comment.pk]))
        assert response.status_code == 302
    response = client.post(
        reverse("stories:moderate_comment", args=[comment.pk]), {"action": "hide"}
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    assert not mail.outbox


def test_comments_on_a_page_the_reader_may_not_open_stay_out_of_reach(
    story_index, employee, referent
):
    from django.contrib.auth.models import Group

    from wagtail.models import PageViewRestriction

    from referents.roles import EDITORS
    from tests.factories.stories import StoryPageFactory

    hidden = StoryPageFactory(parent=story_index, title="Réservé aux éditeurs")
    restriction = PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name=EDITORS))
    comment = comment_on(hidden, referent, "Entre éditeurs")
    client = logged_in(employee)
    assert post_comment(client, hidden, "Je force").status_code == 404
    url = reverse("stories:report_comment", args=[comment.pk])
    assert client.get(url).status_code == 404
