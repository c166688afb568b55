"""Comments: one conversation per page, shared by the page's translations.

A thread is keyed by the page's `translation_key`, so the French and English versions of a
story show the same comments, each marked with the language it was written in. Nothing here
counts anything per person: no likes, no totals by author (DESIGN principle 9).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting


COMMENT_MAX_LENGTH = 2000
REPORT_REASON_MAX_LENGTH = 500


class CommentablePageMixin(models.Model):
    """A page that employees may talk about. Left to its default, comments are open, except
    on a story marked sensitive (`is_sensitive`); an editor may open or close them on purpose.
    A form that leaves the field out keeps the default."""

    comments_allowed = models.BooleanField(
        _("comments"),
        null=True,
        blank=True,
        default=None,
        choices=[
            (None, _("Open, unless the story is marked sensitive")),
            (True, _("Open")),
            (False, _("Closed")),
        ],
        help_text=_(
            "Whether logged-in colleagues may comment. Comments are never shown to "
            "visitors from outside, even on a public page."
        ),
    )

    class Meta:
        abstract = True

    @property
    def comment_thread(self):
        """What names this page's conversation for the comments fragment
        (`{% per_reader "comments" page.comment_thread %}`): the page type, so that the
        conversation's pages are read in one query, and the translation key, which the
        translations share."""
        return f"{self.content_type_id}_{self.translation_key}"

    @property
    def comments_open(self):
        if self.comments_allowed is None:
            return not getattr(self, "is_sensitive", False)
        return self.comments_allowed


class ModerationMode(models.TextChoices):
    POST = "post", _("After: comments appear at once, moderators may hide them")
    PRE = "pre", _("Before: comments appear once a moderator approves them")


class CommentSettings(BaseSiteSetting):
    """How comments are moderated on this site (Settings → Comments in the admin)."""

    moderation = models.CharField(
        _("moderation"),
        max_length=4,
        choices=ModerationMode.choices,
        default=ModerationMode.POST,
        help_text=_(
            "Editors and referents moderate comments under Comments in the admin menu."
        ),
    )

    panels = [FieldPanel("moderation")]

    class Meta:
        verbose_name = _("comment settings")


class CommentStatus(models.TextChoices):
    PUBLISHED = "published", _("Shown")
    PENDING = "pending", _("Waiting for approval")
    HIDDEN = "hidden", _("Hidden by a moderator")


class CommentQuerySet(models.QuerySet):
    def in_thread(self, translation_key):
        return self.filter(thread_key=translation_key)

    def shown_in_thread(self, translation_key):
        """What readers see: shown comments, and hidden ones as a mention without text."""
        return (
            self.in_thread(translation_key)
            .exclude(status=CommentStatus.PENDING)
            .select_related("author")
            .order_by("-created_at", "-pk")
        )


class Comment(models.Model):
    """A colleague's comment on a story or a spotlight, in plain text."""

    thread_key = models.UUIDField(
        _("conversation"),
        db_index=True,
        editable=False,
        help_text=_("The translation key of the page: every language shares it."),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The language version the comment was written on."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="story_comments",
    )
    language = models.CharField(_("language"), max_length=10)
    text = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CommentStatus.choices,
        default=CommentStatus.PUBLISHED,
    )
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["thread_key", "status", "-created_at"])]

    def __str__(self):
        text = self.text if len(self.text) <= 60 else f"{self.text[:59]}…"
        return text.replace("\n", " ")

    @property
    def is_hidden(self):
        return self.status == CommentStatus.HIDDEN


class CommentReport(models.Model):
    """Someone asked moderators to look at a comment. The reason is kept for moderators;
    who reported is kept only so that one person's repeated reports count once, and no
    screen shows it."""

    comment = models.ForeignKey(
        Comment,
        verbose_name=_("comment"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason"), max_length=REPORT_REASON_MAX_LENGTH)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    resolved = models.BooleanField(
        _("handled"),
        default=False,
        help_text=_("Set when a moderator has looked at the comment."),
    )

    class Meta:
        verbose_name = _("comment report")
        verbose_name_plural = _("comment reports")

    def __str__(self):
        return self.reason[:60]


class CommentNotification(models.Model):
    """The author of a page (a story's owner, a spotlight's ambassador) asked for an e-mail
    when a colleague comments on one of their pages. No row: no e-mail (opt-in)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="comment_notification",
    )

    class Meta:
        verbose_name = _("comment e-mail preference")
        verbose_name_plural = _("comment e-mail preferences")

    def __str__(self):
        return str(self.user)
