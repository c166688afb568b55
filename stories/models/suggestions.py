"""A story an employee suggests, waiting for the editors' decision.

A plain model shown as a snippet, not a draft page: a suggestion is the employee's own words,
most are declined, and none must enter the page tree, the search index, the sitemap or the
explorer. Accepting one creates the draft story (stories.suggestions.accept).
"""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def suggestion_photo_path(instance, filename):
    # A random name: the file says nothing about its author or its story, and cannot be
    # guessed. Served to editors and referents only, through the admin (suggestion_photo).
    extension = PurePath(filename).suffix.lower()
    return f"suggestions/{uuid.uuid4().hex}{extension}"


class StorySuggestion(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    title = models.CharField(
        _("title"),
        max_length=150,
        help_text=_("A few words that say what the story is about."),
    )
    what_happened = models.TextField(
        _("what happened"),
        max_length=5000,
        help_text=_(
            "In your own words: what happened, when, and why colleagues would like to "
            "know. Leave an empty line between paragraphs."
        ),
    )
    who_could_tell = models.CharField(
        _("who could tell it"),
        max_length=300,
        blank=True,
        help_text=_("A person or a team who could tell the story, you included."),
    )
    photo = models.FileField(
        _("photo"), upload_to=suggestion_photo_path, blank=True, max_length=200
    )
    photo_alt = models.CharField(
        _("photo alt text"),
        max_length=250,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    topics = models.ManyToManyField(
        "stories.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )
    could_be_public = models.BooleanField(
        _("could be public"),
        default=False,
        help_text=_(
            "The story could be read outside the organisation. The editors decide."
        ),
    )
    credit_me = models.BooleanField(
        _("credit me as author"),
        default=False,
        help_text=_(
            "Your name appears as the author of the story, and editors see that the "
            "suggestion is yours. Otherwise nobody but you sees who suggested it."
        ),
    )
    wants_help = models.BooleanField(
        _("I would like help from a referent"),
        default=False,
        help_text=_(
            "Referents see this suggestion with your name, so that one of them can "
            "help you write it."
        ),
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("language"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    # SET_NULL, not CASCADE: an accepted suggestion is where a published story came from,
    # and stays without its author when the account closes. Pending and declined ones are
    # deleted at that moment (stories.receivers.forget_suggestions_of_closed_account).
    suggested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("suggested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="story_suggestions",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
    )
    decline_reason = models.CharField(
        _("reason for declining"),
        max_length=500,
        blank=True,
        help_text=_("Sent to the person who suggested the story, and shown to them."),
    )
    created_at = models.DateTimeField(_("suggested on"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    story = models.ForeignKey(
        "stories.StoryPage",
        verbose_name=_("story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The draft story created when the suggestion was accepted."),
    )

    class Meta:
        verbose_name = _("story suggestion")
        verbose_name_plural = _("story suggestions")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING
