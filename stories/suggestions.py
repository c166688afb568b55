"""What happens to a story suggestion: who sees whose name, accepting, declining, the e-mail.

The views (the employee's form, the editors' admin) call these functions; the rules live here
once.
"""

import re
from pathlib import PurePath

from django.core.files.images import ImageFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _

from wagtail.coreutils import find_available_slug
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.rich_text import RichText

from home.mail import text_and_html_email
from referents.roles import REFERENTS

from .models import (
    SpotlightPage,
    StoryAuthor,
    StoryIndexPage,
    StoryPage,
    StorySuggestion,
)


class CannotDecide(Exception):
    """The suggestion cannot be accepted or declined; the message says why, for the editor."""


def is_referent(user):
    return user.groups.filter(name=REFERENTS).exists()


def suggester_shown_to(suggestion, user):
    """The name of who suggested, if `user` may see it: to everyone who sees the suggestion
    when the person asked to be credited; to referents when they asked for help (so that a
    referent can reach them). Otherwise None: editors judge a story, not its author."""
    person = suggestion.suggested_by
    if person is None:
        return None
    if suggestion.credit_me or (suggestion.wants_help and is_referent(user)):
        return display_name(person)
    return None


def display_name(user):
    return user.get_full_name() or user.get_username()


def paragraphs(text):
    """The text's paragraphs: separated by an empty line, inner line breaks kept."""
    return [
        p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()
    ]


def intro_from(text):
    """The first paragraph, on one line, cut to the story's 300-character introduction."""
    first = (paragraphs(text) or [""])[0]
    return Truncator(" ".join(first.split())).chars(300)


def body_from(text):
    """One paragraph block per paragraph. The employee typed plain text: it is escaped."""
    return [
        ("paragraph", RichText(f"<p>{escape(p).replace(chr(10), '<br/>')}</p>"))
        for p in paragraphs(text)
    ]


@transaction.atomic
def accept(suggestion, editor):
    """Create the draft story in the suggestion's language and mark the suggestion accepted.
    Returns the draft. Raises CannotDecide when it is already decided or there is no story
    index in that language."""
    suggestion = (
        # Only the suggestion's row is locked: PostgreSQL cannot lock the nullable side
        # of the join that brings its author along.
        StorySuggestion.objects.select_for_update(of=("self",))
        .select_related("locale", "suggested_by")
        .get(pk=suggestion.pk)
    )
    if not suggestion.is_pending:
        raise CannotDecide(_("This suggestion has already been decided."))
    index = StoryIndexPage.objects.filter(locale=suggestion.locale).first()
    if index is None:
        raise CannotDecide(
            _("There is no story index in this language: create one first.")
        )
    story = StoryPage(
        title=suggestion.title,
        slug=find_available_slug(index, slugify(suggestion.title) or "story"),
        intro=intro_from(suggestion.what_happened),
        body=body_from(suggestion.what_happened),
        locale=suggestion.locale,
        owner=editor,
        live=False,
    )
    if suggestion.photo:
        story.image = _image_from(suggestion, editor)
        story.image_alt = suggestion.photo_alt
    story.topics = list(suggestion.topics.all())
    if suggestion.credit_me and suggestion.suggested_by is not None:
        story.authors = [_byline_for(suggestion.suggested_by, suggestion.locale)]
    index.add_child(instance=story)
    story.save_revision(user=editor, log_action=True)

    _forget_photo(suggestion)
    suggestion.status = StorySuggestion.Status.ACCEPTED
    suggestion.decided_at = timezone.now()
    suggestion.story = story
    suggestion.save()
    return story


def _byline_for(user, locale):
    spotlight = (
        SpotlightPage.objects.live()
        .filter(owner=user, locale=locale)
        .order_by("pk")
        .first()
    )
    return StoryAuthor(name=display_name(user), spotlight=spotlight, locale=locale)


def _image_from(suggestion, editor):
    """The photo joins the image library, uploaded by the editor who accepted (the library
    names its uploader: the employee's name is on the story only if they asked)."""
    image = get_image_model()(
        title=suggestion.photo_alt or suggestion.title,
        collection=Collection.get_first_root_node(),
        uploaded_by_user=editor,
    )
    with suggestion.photo.open("rb") as photo:
        image.file = ImageFile(photo, name=PurePath(suggestion.photo.name).name)
        image.save()
    return image


def _forget_photo(suggestion):
    """The suggestion keeps no copy of a photo that is now in the image library."""
    name, storage = suggestion.photo.name, suggestion.photo.storage
    suggestion.photo = ""
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def decline(suggestion, reason):
    suggestion = StorySuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if not suggestion.is_pending:
        raise CannotDecide(_("This suggestion has already been decided."))
    suggestion.status = StorySuggestion.Status.DECLINED
    suggestion.decline_reason = reason
    suggestion.decided_at = timezone.now()
    suggestion.save()
    return suggestion


def notify_suggester(suggestion, request):
    """E-mail the decision to who suggested, in the language they wrote the suggestion in,
    as plain text and HTML (every value escaped by the template)."""
    person = suggestion.suggested_by
    if person is None or not person.email:
        return
    with translation.override(suggestion.locale.language_code):
        context = {
            "suggestion": suggestion,
            "name": display_name(person),
            "accepted": suggestion.status == StorySuggestion.Status.ACCEPTED,
            "my_suggestions_url": request.build_absolute_uri(
                reverse("stories:my_suggestions")
            ),
        }
        if context["accepted"]:
            subject = _("Your story suggestion is accepted: %(title)s")
        else:
            subject = _("About your story suggestion: %(title)s")
        text_and_html_email(
            "stories/email/suggestion_decided",
            context,
            to=[person.email],
            subject=subject % {"title": suggestion.title},
        ).send()
