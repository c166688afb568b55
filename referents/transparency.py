"""What the organisation can see, read from the running models so the page stays true.

Each section lists the verbose names of a model's fields as they are in the code today: add a
field to a model and it appears here, in both languages, without editing this page.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _


# Technical keys and links to the person, described by the section itself.
HIDDEN_FIELDS = {"id", "user", "user_permissions"}


@dataclass
class Section:
    key: str
    title: str
    explanation: str
    fields: list = field(default_factory=list)


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


def sections():
    found = []
    found.append(
        Section(
            "account",
            _("Your account"),
            _(
                "What you or the administrators typed when your account was made, your "
                "groups (employee, editor, ambassador, referent) and when you last logged "
                "in. Your password is stored only as a one-way hash."
            ),
            field_names(get_user_model()),
        )
    )
    stage = _get_model("home.StagePreference")
    if stage is not None:
        found.append(
            Section(
                "stage",
                _("Your chosen stage"),
                _(
                    "The stage you picked for yourself. It is shown to you only: no "
                    "manager, editor or report can see it."
                ),
                field_names(stage),
            )
        )
    profile = _get_model("referents.AmbassadorProfile")
    if profile is not None:
        found.append(
            Section(
                "ambassador",
                _("Your ambassador profile, if you joined"),
                _(
                    "The date you said yes and the public links you chose to show. It is "
                    "deleted when you leave the programme."
                ),
                field_names(profile),
            )
        )
    share_count = _get_model("stories.ShareCount")
    if share_count is not None:
        found.append(
            Section(
                "sharing",
                _("What is counted when someone shares"),
                _(
                    "Only a total per page, network and day. Editors see these totals; "
                    'any total below 5 is shown as "fewer than 5" so that a small team '
                    "cannot guess who shared."
                ),
                field_names(share_count, hidden={"id"}),
            )
        )
    attempts = _get_model("axes.AccessAttempt")
    if attempts is not None:
        found.append(
            Section(
                "login",
                _("Failed logins"),
                _(
                    "To stop password guessing, failed login attempts are recorded for a "
                    "short time and cleared when you log in successfully."
                ),
                field_names(attempts),
            )
        )
    return found


def never_stored():
    return [
        _(
            "Who shared which story, kit or spotlight: a share adds one to a total, nothing else."
        ),
        _("Your IP address, browser, cookies or session when you share."),
        _("The text you share: it goes on to the network and is not kept."),
        _("Which stories or guides you read."),
        _(
            "The questions you send to a referent: they go by e-mail, Chorus keeps no copy."
        ),
        _("Any points, score, ranking or target about you."),
    ]
