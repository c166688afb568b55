"""What Chorus keeps about a person: one inventory, shown as the transparency page.

Each `Entry` says what is kept, for how long and who can see it, and names by label the
models it describes. tests/referents/test_transparency.py walks every installed model and fails
when one that links to a user account, or stores an e-mail or network address, a browser or a
session, is described by no entry: whoever adds such a model adds (or extends) an entry here,
in English and French. Durations and switches are read from the running settings, so the page
says what this installation does; `manage.py purge_expired_records` (home.retention) enforces
the durations.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext as _

from wagtail.admin.models import EditingSession, FormState

from home.access import VISIBILITY_SECONDS
from home.retention import login_record_lifetime, session_lifetime
from stories.comments.rules import MODERATOR_CACHE_SECONDS

from .forms import ASK_WINDOW_SECONDS


# Technical keys and links to the person, described by the entry itself.
HIDDEN_FIELDS = {"id", "user", "user_permissions"}


@dataclass(frozen=True)
class Entry:
    key: str
    title: str
    kept: str  # what is kept
    retention: str  # for how long
    seen_by: str  # who can see it
    models: tuple = ()  # labels ("app_label.ModelName") of the models this entry describes
    listed: tuple = ()  # labels whose stored fields the page lists by name

    @property
    def fields(self):
        names = []
        for label in self.listed:
            model = _get_model(label)
            if model is not None:
                names += field_names(model)
        return names


def _get_model(label):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def field_names(model, hidden=HIDDEN_FIELDS):
    """The verbose names of a model's stored fields (many-to-many included), in order."""
    fields = [
        f
        for f in model._meta.get_fields()
        if f.concrete and not f.auto_created and f.name not in hidden
    ]
    return [str(f.verbose_name) for f in fields]


def duration(delta):
    """A duration in words, in the active language ("15 minutes", "2 weeks")."""
    now = timezone.now()
    return timesince(now - delta, now)


def _session_places():
    engine = settings.SESSION_ENGINE.rsplit(".", 1)[-1]
    return {
        "cached_db": _("in the database, with a copy in the cache"),
        "db": _("in the database"),
        "cache": _("in the cache"),
        "signed_cookies": _("in the cookie itself, signed so it cannot be changed"),
    }.get(engine, _("on the server"))


def _successful_logins():
    models = ("axes.AccessLog", "axes.AccessFailureLog")
    if settings.AXES_DISABLE_ACCESS_LOG and not settings.AXES_ENABLE_ACCESS_FAILURE_LOG:
        return Entry(
            "logins",
            _("Successful logins"),
            _(
                "Not recorded: no list of logins, addresses or browsers is kept. The "
                "only trace is the date of your last login, on your account, which the "
                "next login replaces."
            ),
            _("Nothing is kept."),
            _("Nobody."),
            models,
        )
    return Entry(
        "logins",
        _("Login history"),
        _(
            "Each login (and, if switched on, each failed one) with the user name, the "
            "network (IP) address and browser it came from, the time, and when you "
            "logged out."
        ),
        _(
            "%(duration)s, then deleted by the regular clean-up: only as long as it "
            "helps against password guessing."
        )
        % {"duration": duration(login_record_lifetime())},
        _("Nobody in Chorus: no screen shows it. The people who run the server can."),
        models,
    )


def _api_tokens():
    models = ("wagtailcore.APIToken",)
    if not apps.is_installed("wagtail.api.v3"):
        return Entry(
            "api",
            _("API tokens"),
            _("None: the API is switched off, so Chorus issues no tokens."),
            _("Nothing is kept."),
            _("Nobody."),
            models,
        )
    return Entry(
        "api",
        _("API tokens"),
        _(
            "For each token you create: its name, a digest of it (never the token "
            "itself), when it was created, last used and revoked."
        ),
        _("Until you or an administrator delete it."),
        _("You and the administrators."),
        models,
    )


def inventory():
    """Every place where Chorus keeps something about a person, in the active language."""
    user_label = get_user_model()._meta.label
    return [
        Entry(
            "account",
            _("Your account"),
            _(
                "Your user name, name and e-mail address, your groups (employee, editor, "
                "ambassador, referent), whether the account is active, when it was made "
                "and the date of your last login. Your password is stored only as a "
                "one-way hash. If you use the admin: your language, time zone, display "
                "and notification preferences and the picture you may upload there."
            ),
            _("As long as your account exists."),
            _(
                "You, and the administrators who manage accounts. Your name appears next "
                "to what you write or edit."
            ),
            (user_label, "wagtailusers.UserProfile"),
            (user_label,),
        ),
        Entry(
            "stage",
            _("Your chosen stage"),
            _(
                "The stage you picked for yourself, and nothing else: no date, no "
                "history of earlier choices."
            ),
            _("Until you choose another one, which replaces it."),
            _(
                "You only. No screen, report or export shows it to a manager, an editor "
                "or an administrator."
            ),
            ("home.StagePreference",),
            ("home.StagePreference",),
        ),
        Entry(
            "my-referent",
            _("Your chosen referent"),
            _(
                "The referent you chose as your own, and nothing else: no date, no "
                "history of earlier choices. Without a choice, the referent proposed to "
                "you is worked out each time from your language and your account "
                "number, and not stored."
            ),
            _("Until you choose another one or forget your choice."),
            _(
                "You only. Referents do not see who chose them, and no screen, count, "
                "report or export shows it to a manager, an editor or an administrator."
            ),
            ("referents.ReferentChoice",),
            ("referents.ReferentChoice",),
        ),
        Entry(
            "digest",
            _("Your digest, if you asked for one"),
            _(
                "How often (once a week or once a day) and in which language, the moment "
                "your last digest covered, so that the next one lists only what is new, "
                "and, for a moment while it is being sent, when sending began. Digests "
                "go to the e-mail address of your account. Nothing records whether you "
                "opened one or what you clicked: digests carry no tracking image, and "
                "their links go straight to the pages."
            ),
            _(
                "Until you choose never or use the unsubscribe link in a digest, which "
                "delete it at once, or your account closes."
            ),
            _(
                "You only, under My notifications. No screen, report or export shows it "
                "to a manager, an editor or an administrator; the sending command "
                "reports counts only."
            ),
            ("referents.DigestSubscription",),
            ("referents.DigestSubscription",),
        ),
        Entry(
            "personal-feeds",
            _("Your personal feed addresses, if you made them"),
            _(
                "A random public part and a fingerprint (SHA-256) of the secret part of "
                "your personal feed and calendar addresses, and when they were made. "
                "The addresses themselves are shown to you once and not kept. Feeds "
                "are not logged by Chorus; the web server in front of it may log the "
                "addresses it serves, as it logs every address."
            ),
            _("Until you make new addresses or stop them, or your account closes."),
            _("Nobody: no screen shows them, not even to you."),
            ("referents.PersonalFeedKey",),
            ("referents.PersonalFeedKey",),
        ),
        Entry(
            "ambassador",
            _("Your ambassador profile, if you joined"),
            _("The date you said yes and the links to your public profiles you chose."),
            _("Until you leave the programme: leaving deletes it at once."),
            _(
                "The links appear on your spotlight page, to whoever may read it; "
                "editors and administrators see the profile in the admin."
            ),
            ("referents.AmbassadorProfile",),
            ("referents.AmbassadorProfile",),
        ),
        Entry(
            "spotlight",
            _("Your spotlight page and bylines"),
            _(
                "As an ambassador, the spotlight page you write: your role, what you say "
                "about yourself, your photo and a post you chose. On stories, editors may "
                "credit an author by name and role, with a link to their spotlight."
            ),
            _(
                "Until an editor deletes it. When you leave the programme you choose "
                "whether your spotlight stays online or goes offline; offline, it is "
                "kept as a draft that only editors see."
            ),
            _(
                "Employees; and anyone with the link when the page or the story is "
                "marked public."
            ),
            ("stories.SpotlightPage", "stories.StoryAuthor"),
        ),
        Entry(
            "comments",
            _("Your comments on stories and spotlights"),
            _(
                "Each comment you write: its text, the page and the language it was "
                "written in, when you wrote it and last changed it, and whether it is "
                "shown, waiting for a moderator or hidden by one. No likes and no count "
                "of comments per person exist."
            ),
            _(
                "Until you delete it, or an editor deletes the page. When your account "
                "closes, your comments are deleted with it."
            ),
            _(
                "Logged-in colleagues, under the page, with your name; never visitors "
                "from outside, feeds or public search. Editors and referents moderate "
                "them in the admin."
            ),
            ("stories.Comment",),
            ("stories.Comment",),
        ),
        Entry(
            "comment-reports",
            _("Comments you report"),
            _(
                "The reason you give and when, and your account, only so that reporting "
                "the same comment again counts once."
            ),
            _(
                "As long as the comment exists. When your account closes, the report "
                "stays for the moderators without your name."
            ),
            _("Editors and referents read the reason; no screen shows who reported."),
            ("stories.CommentReport",),
            ("stories.CommentReport",),
        ),
        Entry(
            "comment-emails",
            _("E-mails about comments on your pages"),
            _(
                "If you asked for them: that you want an e-mail when a colleague "
                "comments on a page you wrote. Nothing else."
            ),
            _("Until you stop them, or your account closes."),
            _("You only; the e-mails go to you alone."),
            ("stories.CommentNotification",),
        ),
        Entry(
            "suggestions",
            _("The stories you suggest"),
            _(
                "Each suggestion as you wrote it (title, what happened, who could tell "
                "it, photo and its description, topics, whether it could be public), "
                "your two choices (to be credited as author, to get help from a "
                "referent), its language, when you sent it, the editors' decision with "
                "its date and reason, and the draft story made from it. The photo of an "
                "accepted suggestion moves to the image library, with the story."
            ),
            _(
                "Until an editor deletes it, or your account closes: then pending and "
                "declined suggestions are deleted, and accepted ones stay without the "
                "link to you (the story they became is the organisation's)."
            ),
            _(
                "You, on your suggestions page. Editors see every suggestion, but your "
                "name only if you asked to be credited; referents see the suggestions "
                "that ask for help, with your name. Nobody sees how many suggestions "
                "anyone made."
            ),
            ("stories.StorySuggestion",),  # by label: referents must not import stories
            ("stories.StorySuggestion",),
        ),
        Entry(
            "referent",
            _("Your referent profile, if you are a referent"),
            _(
                "Your name, photo, role, team, work e-mail address, topics, languages "
                "and short bio, and a link to your account so that you can keep the "
                "profile up to date yourself. If you own guides: which guides you keep up "
                "to date, and the review dates you were reminded of by e-mail."
            ),
            _("Until an editor deletes it, when you stop being a referent."),
            _(
                "Logged-in employees, in the referent directory and beside guides. A "
                "sensitive story shows one referent's card (not the e-mail address), to "
                "visitors from outside too when the story is public. Editors see which "
                "guides you own and when their review is due."
            ),
            # By label: referents must not import guides.
            ("referents.Referent", "guides.GuideReviewReminder"),
        ),
        Entry(
            "uploads",
            _("Photos and documents you upload"),
            _(
                "Each image or document with its title, who uploaded it and when, and "
                "the collection it is in (an ambassador's photos go in a collection "
                "named after their user name). Pages show resized copies of images. A "
                "file from an unfinished multiple upload waits in a temporary record."
            ),
            _(
                "Until an editor deletes the image or document; its resized copies go "
                "with it."
            ),
            _(
                "Editors and administrators in the admin; ambassadors see their own "
                "photos. Original files and documents need a login. Resized copies "
                "(under %(url)s) open for anyone who has their address, because public "
                "pages and link previews show them."
            )
            % {"url": f"{settings.MEDIA_URL}images/"},
            (
                "wagtailimages.Image",
                "wagtailimages.Rendition",
                "wagtaildocs.Document",
                "wagtailcore.Collection",
                "wagtailcore.UploadedFile",
            ),
        ),
        Entry(
            "history",
            _("Who wrote and edited what"),
            _(
                "Each saved version of a page, share kit or other snippet names its "
                "author and time, and holds the whole content as it was then. The "
                "activity log records who created, edited, published, unpublished, "
                "moved, locked, translated, submitted for review, approved or deleted "
                "what, and when. A page also keeps its owner and who locked it; review "
                "comments keep their author; subscriptions to comment notifications "
                "are kept too."
            ),
            _(
                "As long as the page or snippet exists, with its history. The activity "
                "log stays after a deletion, so that editors can see who deleted what."
            ),
            _(
                "Editors and administrators in the admin's history and reports, and "
                "whoever may edit the page."
            ),
            (
                "wagtailcore.Page",
                "wagtailcore.Revision",
                "wagtailcore.PageLogEntry",
                "wagtailcore.ModelLogEntry",
                "wagtailcore.WorkflowState",
                "wagtailcore.TaskState",
                "wagtailcore.Comment",
                "wagtailcore.CommentReply",
                "wagtailcore.PageSubscription",
                "wagtail_localize.StringTranslation",
                "wagtail_localize.SegmentOverride",
                "stories.ShareKit",
            ),
        ),
        Entry(
            "editing",
            _("While you edit in the admin"),
            _(
                "That you have a page or snippet open in the editor and when the editor "
                "last heard from you, so that others are warned; when you preview, the "
                "unsaved content of the form."
            ),
            _(
                "The editing notice is deleted %(editing)s after you close the editor, "
                "the unsaved preview content %(preview)s after your last preview."
            )
            % {
                "editing": duration(EditingSession.STALE_TIMEOUT),
                "preview": duration(FormState.STALE_TIMEOUT),
            },
            _("Other editors of the same page, while you edit it."),
            ("wagtailadmin.EditingSession", "wagtailadmin.FormState"),
        ),
        Entry(
            "sessions",
            _("Your session"),
            _(
                "While you are logged in: a random key in a cookie of your browser and, "
                "%(where)s, which account it belongs to, a fingerprint of your password "
                "hash (changing the password ends the session) and the date of your "
                "previous visit (to show what is new). Other cookies hold a security "
                "token against forged forms, your language choice and, for a moment, "
                "messages to show you."
            )
            % {"where": _session_places()},
            _(
                "Deleted as soon as you log out; otherwise it expires %(duration)s after "
                "it was last changed, and the regular clean-up deletes it."
            )
            % {"duration": duration(session_lifetime())},
            _("Nobody: no screen shows sessions."),
            ("sessions.Session",),
        ),
        Entry(
            "failed-logins",
            _("Failed logins"),
            _(
                "To stop password guessing, a failed login records the user name typed, "
                "the network (IP) address and browser it came from, the page and the "
                "form sent (the password replaced by asterisks), the number of failures "
                "and the time."
            ),
            _(
                "%(duration)s after the last failure, as long as logging in stays paused; "
                "a successful login deletes them at once. Older ones are deleted at the "
                "next login attempt or by the regular clean-up."
            )
            % {"duration": duration(login_record_lifetime())},
            _(
                "Nobody in Chorus: no screen shows them. The people who run the server can."
            ),
            ("axes.AccessAttempt", "axes.AccessAttemptExpiration"),
            ("axes.AccessAttempt",),
        ),
        _successful_logins(),
        Entry(
            "cache",
            _("Short-lived copies in the cache"),
            _(
                "To keep pages fast, under your account number: a copy of your account "
                "(as the database holds it), of your stage, of the referent you chose "
                "and of your session, whether you may moderate comments, the list of "
                "restricted "
                "pages you may not open, how many questions you sent to referents in "
                "the last hour and how many comments you posted in the last minute "
                "(to limit them)."
            ),
            _(
                "The account, the stage and the referent until they change, "
                "%(choices)s at most; "
                "the list of pages until your groups or a restriction change, "
                "%(pages)s at most; the session as long as the session; whether you may "
                "moderate for %(moderation)s; the question counter for %(duration)s; "
                "the comment counter for a minute."
            )
            % {
                "choices": duration(
                    timedelta(seconds=settings.CHORUS_CHOICE_CACHE_SECONDS)
                ),
                "pages": duration(timedelta(seconds=VISIBILITY_SECONDS)),
                "moderation": duration(timedelta(seconds=MODERATOR_CACHE_SECONDS)),
                "duration": duration(timedelta(seconds=ASK_WINDOW_SECONDS)),
            },
            _("Nobody: no screen shows them."),
        ),
        _api_tokens(),
        Entry(
            "media-contact",
            _("The media contact"),
            _(
                "The name, e-mail address and phone number of the person journalists "
                "should contact, as editors type them in the site settings."
            ),
            _("Until editors change them."),
            _(
                "Readers of a sensitive story, including visitors from outside when the "
                "story is public."
            ),
            ("home.ChorusSettings",),
        ),
        Entry(
            "sharing",
            _("What is counted when someone shares"),
            _(
                "Only a total per story or share kit, network and week. No name, "
                "account, address, browser, cookie or session is stored with it."
            ),
            _("As long as the story or spotlight it counts exists."),
            _(
                "Editors see the totals of weeks that are over; a week's total below 5 "
                'is shown as "fewer than 5", and every sum they see leaves such small '
                "totals out, so that a small team cannot work out who shared."
            ),
            ("stories.ShareCount",),  # by label: referents must not import stories
            ("stories.ShareCount",),
        ),
    ]


def never_stored():
    items = [
        _(
            "Who shared which story, kit or spotlight: a share adds one to a weekly "
            "total, nothing else."
        ),
        _("Your IP address, browser, cookies or session when you share."),
        _("The day or time of a share: only its week is kept."),
        _("The text you share: it goes on to the network and is not kept."),
        _(
            "Which stories or guides you read, and what you search for: there is no "
            "analytics and no third-party script."
        ),
        _("The Mastodon instance you name: your own browser remembers it, not Chorus."),
        _(
            "The questions you send to a referent: they go by e-mail, Chorus keeps no copy."
        ),
        _("The stages you chose before: only the latest is kept."),
        _(
            "Whether you open a digest or click its links, and when you read your "
            "personal feeds."
        ),
        _(
            "Your e-mail address is sent to no avatar service (such as Gravatar) or "
            "other third party."
        ),
        _(
            "Likes, or how many comments each person wrote: comments carry no score "
            "and nothing counts them per person."
        ),
        _("Any points, score, ranking or target about you."),
    ]
    if settings.AXES_DISABLE_ACCESS_LOG:
        items.insert(
            -1,
            _(
                "A history of your logins: only the date of the latest is kept, on your "
                "account."
            ),
        )
    return items
