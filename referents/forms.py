from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AmbassadorProfile, Referent


class AmbassadorProfileForm(forms.ModelForm):
    """The public profile links an ambassador chooses to show on their spotlight."""

    class Meta:
        model = AmbassadorProfile
        fields = ["linkedin_url", "mastodon_url", "bluesky_url", "website_url"]
        widgets = {
            name: forms.URLInput(attrs={"placeholder": "https://"}) for name in fields
        }


class LeaveProgrammeForm(forms.Form):
    KEEP, UNPUBLISH = "keep", "unpublish"

    spotlight = forms.ChoiceField(
        label=_("What should happen to your spotlight page?"),
        choices=[
            (
                UNPUBLISH,
                _("Take it offline (it stays in the archive, visible to nobody)"),
            ),
            (KEEP, _("Keep it online as it is")),
        ],
        initial=UNPUBLISH,
        widget=forms.RadioSelect,
    )

    @property
    def keep_spotlight(self):
        return self.cleaned_data["spotlight"] == self.KEEP


class EraseMyDataForm(LeaveProgrammeForm):
    """Confirms the erasure; asks about the spotlight only of someone who has one online."""

    def __init__(self, *args, ask_about_spotlight, **kwargs):
        super().__init__(*args, **kwargs)
        if not ask_about_spotlight:
            del self.fields["spotlight"]

    @property
    def keep_spotlight(self):
        # None: not asked, so the rule for accounts closed in the admin decides.
        if "spotlight" not in self.fields:
            return None
        return super().keep_spotlight


# Questions to referents: at most ASK_LIMIT per person in ASK_WINDOW_SECONDS (the count is
# kept in the cache for that window only: see the transparency page).
ASK_LIMIT = 5
ASK_WINDOW_SECONDS = 60 * 60


class AskReferentForm(forms.Form):
    referent = forms.ModelChoiceField(
        label=_("Who would you like to ask?"),
        queryset=Referent.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    subject = forms.CharField(label=_("Subject"), max_length=150)
    message = forms.CharField(
        label=_("Your question"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Sent by e-mail to the referent only. Chorus keeps no copy."),
    )

    def __init__(self, *args, referents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referent"].queryset = referents
        self.fields["referent"].label_from_instance = lambda referent: (
            f"{referent.name} — {referent.role}"
        )
