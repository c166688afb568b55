"""Editors decide on story suggestions in the admin; referents see those that ask for help.

Every role tries every door (listing, inspect, photo, accept, decline, edit, delete, add),
and the results are read back from the database and the outbox.
"""

from django.core import mail
from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.images.tests.utils import get_test_image_file

import pytest

from stories.models import StoryPage, StorySuggestion
from tests.factories.home import UserFactory
from tests.factories.referents import SpotlightIndexPageFactory, SpotlightPageFactory
from tests.factories.stories import StorySuggestionFactory, TopicFactory


pytestmark = pytest.mark.django_db

NS = "wagtailsnippets_stories_storysuggestion"
SCRIPT = "<script>alert('x')</script>"
ESCAPED = "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"


def refused(response):
    """Wagtail refuses with a 403, or a redirect to the dashboard (with a message) or to
    the login page for someone without access to the admin."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and (
        response["Location"] == "/admin/" or "/login/" in response["Location"]
    )


def admin_url(name, suggestion=None):
    args = [suggestion.pk] if suggestion is not None else []
    return reverse(f"{NS}:{name}", args=args)


@pytest.fixture
def author(roles):
    return UserFactory(
        username="lea", first_name="Léa", last_name="Martin", email="lea@example.com"
    )


@pytest.fixture
def suggestions(author, story_index, story_index_en, locales):
    """Three pending suggestions: a plain one, one asking for help, one credited, in
    English, with a photo and a topic."""
    topic = TopicFactory(name="Community", slug="community", locale=locales["en"])
    plain = StorySuggestionFactory(
        title="Le potager partagé",
        what_happened="Premier paragraphe.\n\nDeuxième paragraphe.",
        suggested_by=author,
    )
    helped = StorySuggestionFactory(
        title="La fresque du hall", suggested_by=author, wants_help=True
    )
    credited = StorySuggestionFactory(
        title="Our choir sings",
        what_happened="We sing on Fridays.\n\nJoin us.",
        suggested_by=author,
        credit_me=True,
        locale=locales["en"],
        photo_alt="Twelve singers on stage",
        topics=[topic],
    )
    credited.photo.save("choir.png", ContentFile(get_test_image_file().file.getvalue()))
    return {"plain": plain, "helped": helped, "credited": credited, "topic": topic}


# Who sees the listing


def test_editors_see_every_suggestion(client_for, editor, suggestions):
    page = client_for(editor).get(admin_url("list")).content.decode()
    for suggestion in ("plain", "helped", "credited"):
        assert suggestions[suggestion].title in page
    assert "en attente" in page


def test_accept_and_decline_are_offered_to_editors_only(
    client_for, editor, referent, suggestions
):
    helped = suggestions["helped"]
    accept = f'href="{admin_url("accept", helped)}"'
    for url in (admin_url("list"), admin_url("inspect", helped)):
        assert accept in client_for(editor).get(url).content.decode()
        assert accept not in client_for(referent).get(url).content.decode()
    page = client_for(editor).get(admin_url("inspect", helped)).content.decode()
    assert "J&#x27;aimerais l&#x27;aide d&#x27;un référent" in page
    assert "oui" in page and "False" not in page


@pytest.mark.parametrize("name", ["employee", "ambassador"])
def test_employees_and_ambassadors_see_no_suggestion(
    request, client_for, suggestions, name
):
    client = client_for(request.getfixturevalue(name))
    for url in (
        admin_url("list"),
        admin_url("inspect", suggestions["plain"]),
        admin_url("inspect", suggestions["helped"]),
        admin_url("photo", suggestions["credited"]),
    ):
        response = client.get(url)
        assert refused(response), url
        assert "potager" not in response.content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client, suggestions):
    for url in (
        admin_url("list"),
        admin_url("inspect", suggestions["plain"]),
        admin_url("photo", suggestions["credited"]),
        admin_url("accept", suggestions["plain"]),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/login/" in response["Location"], url
    assert client.post(admin_url("accept", suggestions["plain"])).status_code == 302
    assert not StoryPage.objects.filter(title="Le potager partagé").exists()


def test_editors_may_correct_the_words_before_deciding(client_for, editor, suggestions):
    plain = suggestions["plain"]
    client = client_for(editor)
    assert client.get(admin_url("edit", plain)).status_code == 200
    response = client.post(
        admin_url("edit", plain),
        {
            "title": "Le potager partagé de Lyon",
            "what_happened": plain.what_happened,
            "who_could_tell": "",
        },
    )
    assert response.status_code == 302
    plain.refresh_from_db()
    assert plain.title == "Le potager partagé de Lyon"
    assert plain.is_pending
    assert plain.suggested_by is not None


def test_referents_see_only_the_suggestions_that_ask_for_help(
    client_for, referent, suggestions
):
    client = client_for(referent)
    page = client.get(admin_url("list")).content.decode()
    assert "La fresque du hall" in page
    assert "Le potager partagé" not in page
    assert "Our choir sings" not in page
    # Not by its number either, nor its photo.
    assert refused(client.get(admin_url("inspect", suggestions["plain"])))
    assert refused(client.get(admin_url("photo", suggestions["credited"])))
    # The one that asks for help shows who asked, so that a referent can reach them.
    page = client.get(admin_url("inspect", suggestions["helped"])).content.decode()
    assert "La fresque du hall" in page
    assert "Léa Martin" in page


def test_editors_see_the_name_only_of_who_asked_to_be_credited(
    client_for, editor, suggestions
):
    client = client_for(editor)
    plain = client.get(admin_url("inspect", suggestions["plain"])).content.decode()
    assert "Léa Martin" not in plain
    assert "la personne n&#x27;a pas demandé à être citée" in plain
    helped = client.get(admin_url("inspect", suggestions["helped"])).content.decode()
    assert "Léa Martin" not in helped
    credited = client.get(admin_url("inspect", suggestions["credited"]))
    assert "Léa Martin" in credited.content.decode()
    # The listing names nobody.
    assert "Léa Martin" not in client.get(admin_url("list")).content.decode()


def test_editors_see_the_photo_through_the_admin_only(client_for, editor, suggestions):
    credited = suggestions["credited"]
    response = client_for(editor).get(admin_url("photo", credited))
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    page = client_for(editor).get(admin_url("inspect", credited)).content.decode()
    assert f'src="{admin_url("photo", credited)}"' in page
    assert 'alt="Twelve singers on stage"' in page


def test_nobody_adds_a_suggestion_in_the_admin(client_for, editor, suggestions):
    superuser = UserFactory(username="root", is_superuser=True, is_staff=True)
    for user in (editor, superuser):
        assert refused(client_for(user).get(admin_url("add")))
        assert 'href="' + admin_url("add") + '"' not in (
            client_for(user).get(admin_url("list")).content.decode()
        )


# Accepting


def test_an_editor_accepts_and_lands_on_the_draft(
    client_for, editor, suggestions, story_index
):
    client = client_for(editor)
    plain = suggestions["plain"]
    page = client.get(admin_url("accept", plain)).content.decode()
    assert "l'histoire n'indique aucun auteur" in page
    response = client.post(admin_url("accept", plain))
    story = StoryPage.objects.get(title="Le potager partagé")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[story.pk])
    assert story.get_parent().pk == story_index.pk
    assert story.locale.language_code == "fr"
    assert not story.live
    assert story.intro == "Premier paragraphe."
    assert [block.value.source for block in story.body] == [
        "<p>Premier paragraphe.</p>",
        "<p>Deuxième paragraphe.</p>",
    ]
    assert not story.authors.exists()  # not credited: no byline
    assert not story.is_public
    plain.refresh_from_db()
    assert plain.status == StorySuggestion.Status.ACCEPTED
    assert plain.story.pk == story.pk
    assert plain.decided_at is not None
    # The draft opens in the editor.
    assert client.get(response["Location"]).status_code == 200


def test_accepting_a_credited_english_suggestion(
    client_for, editor, suggestions, story_index_en, locales
):
    credited = suggestions["credited"]
    ambassador = credited.suggested_by
    spotlight_index = SpotlightIndexPageFactory(
        parent=story_index_en.get_parent(), title="Ambassadors", slug="ambassadors"
    )
    spotlight = SpotlightPageFactory(
        parent=spotlight_index, owner=ambassador, title="Léa", slug="lea"
    )
    page = client_for(editor).get(admin_url("accept", credited)).content.decode()
    assert "Léa Martin a demandé à être cité·e" in page
    client_for(editor).post(admin_url("accept", credited))
    story = StoryPage.objects.get(title="Our choir sings")
    assert story.get_parent().pk == story_index_en.pk
    assert story.locale == locales["en"]
    assert list(story.topics.all()) == [suggestions["topic"]]
    assert [(a.name, a.spotlight_id) for a in story.authors.all()] == [
        ("Léa Martin", spotlight.pk)
    ]
    assert story.image is not None
    assert story.image_alt == "Twelve singers on stage"
    assert story.image.uploaded_by_user == editor
    credited.refresh_from_db()
    assert not credited.photo  # the photo lives in the image library now


def test_the_acceptance_email_is_in_the_language_of_the_suggestion(
    client_for, editor, suggestions
):
    client_for(editor).post(admin_url("accept", suggestions["credited"]))
    client_for(editor).post(admin_url("accept", suggestions["plain"]))
    english, french = mail.outbox
    assert english.to == ["lea@example.com"]
    assert english.subject == "Your story suggestion is accepted: Our choir sings"
    assert "Hello Léa Martin," in english.body
    assert "http://testserver/en/my-suggestions/" in english.body
    html, mimetype = english.alternatives[0]
    assert mimetype == "text/html"
    assert '<a href="http://testserver/en/my-suggestions/">' in html
    assert french.subject == (
        "Votre proposition d'histoire est acceptée : Le potager partagé"
    )
    assert "Bonjour Léa Martin," in french.body


def test_a_suggestion_is_accepted_once(client_for, editor, suggestions):
    client = client_for(editor)
    client.post(admin_url("accept", suggestions["plain"]))
    response = client.post(admin_url("accept", suggestions["plain"]), follow=True)
    assert "Cette proposition a déjà été traitée." in response.content.decode()
    assert StoryPage.objects.filter(title="Le potager partagé").count() == 1
    assert len(mail.outbox) == 1


def test_without_a_story_index_in_its_language_nothing_happens(
    client_for, editor, suggestions, story_index_en
):
    story_index_en.delete()
    response = client_for(editor).post(
        admin_url("accept", suggestions["credited"]), follow=True
    )
    assert "Il n&#x27;y a pas d&#x27;index des histoires dans cette langue" in (
        response.content.decode()
    )
    suggestions["credited"].refresh_from_db()
    assert suggestions["credited"].is_pending
    assert not mail.outbox


@pytest.mark.parametrize("name", ["employee", "ambassador", "referent"])
def test_only_editors_accept_or_decline(request, client_for, suggestions, name):
    client = client_for(request.getfixturevalue(name))
    helped = suggestions["helped"]  # the one a referent may see
    for url, data in (
        (admin_url("accept", helped), {}),
        (admin_url("decline", helped), {"reason": "Non."}),
        (admin_url("edit", helped), {"title": "Autre"}),
        (admin_url("delete", helped), {}),
    ):
        response = client.post(url, data)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert (
                "/login/" in response["Location"] or response["Location"] == "/admin/"
            )
    helped.refresh_from_db()
    assert helped.is_pending
    assert helped.title == "La fresque du hall"
    assert not StoryPage.objects.filter(title="La fresque du hall").exists()
    assert not mail.outbox


# Declining


def test_declining_needs_a_reason(client_for, editor, suggestions):
    response = client_for(editor).post(
        admin_url("decline", suggestions["plain"]), {"reason": " "}
    )
    assert response.status_code == 400
    assert "Dites en quelques mots pourquoi" in response.content.decode()
    suggestions["plain"].refresh_from_db()
    assert suggestions["plain"].is_pending


def test_an_editor_declines_with_a_reason(client_for, editor, author, suggestions):
    response = client_for(editor).post(
        admin_url("decline", suggestions["plain"]),
        {"reason": "Déjà raconté en mai."},
    )
    assert response.status_code == 302
    plain = StorySuggestion.objects.get(pk=suggestions["plain"].pk)
    assert plain.status == StorySuggestion.Status.DECLINED
    assert plain.decline_reason == "Déjà raconté en mai."
    assert not StoryPage.objects.filter(title="Le potager partagé").exists()
    (email,) = mail.outbox
    assert (
        email.subject == "À propos de votre proposition d'histoire : Le potager partagé"
    )
    assert "Déjà raconté en mai." in email.body
    assert "Déjà raconté en mai." in email.alternatives[0][0]
    # The author reads it on their page.
    page = client_for(author).get("/fr/my-suggestions/").content.decode()
    assert "Déjà raconté en mai." in page


# Escaping


def test_a_script_is_escaped_in_the_admin_and_the_email(
    client_for, editor, author, locales, story_index
):
    suggestion = StorySuggestionFactory(
        title=SCRIPT, what_happened=SCRIPT, who_could_tell=SCRIPT, suggested_by=author
    )
    client = client_for(editor)
    for url in (
        admin_url("list"),
        admin_url("inspect", suggestion),
        admin_url("decline", suggestion),
    ):
        page = client.get(url).content.decode()
        assert SCRIPT not in page, url
        assert ESCAPED in page, url
    client.post(admin_url("decline", suggestion), {"reason": SCRIPT})
    (email,) = mail.outbox
    assert "\n" not in email.subject
    html = email.alternatives[0][0]
    assert SCRIPT not in html
    assert ESCAPED in html
    # Plain text is not HTML: it carries the text as typed, which no mail reader runs.
    assert SCRIPT in email.body


def test_a_script_in_an_accepted_suggestion_is_text_in_the_story(
    client_for, editor, author, story_index
):
    suggestion = StorySuggestionFactory(
        title="Titre", what_happened=SCRIPT, suggested_by=author
    )
    client_for(editor).post(admin_url("accept", suggestion))
    story = StoryPage.objects.get(title="Titre")
    assert story.body[0].value.source == f"<p>{ESCAPED}</p>"
