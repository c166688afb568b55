"""The admin form of a team channel: the webhook address is a secret, so the form never
shows the saved one. It says which one is saved (masked), and an empty field keeps it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from .webhooks import masked, validate_webhook_url


class TeamChannelForm(WagtailAdminModelForm):
    webhook_url = forms.CharField(
        label=_("webhook address"),
        max_length=2000,
        # Shows back only what the editor typed in this very form, after an error.
        widget=forms.PasswordInput(render_value=True, attrs={"autocomplete": "off"}),
        help_text=_(
            "Create an incoming webhook in the channel (in Teams, a Workflows webhook) "
            "and paste its address. It is a secret: once saved, it is never shown again."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["webhook_url"] = ""
        saved = self.instance.webhook_url if self.instance.pk else ""
        if saved:
            field = self.fields["webhook_url"]
            field.required = False
            field.help_text = _(
                "Saved: %(masked)s. Leave empty to keep it, or paste a new address to "
                "replace it."
            ) % {"masked": masked(saved)}

    def clean_webhook_url(self):
        url = self.cleaned_data["webhook_url"].strip()
        if not url and self.instance.pk:
            return self.instance.webhook_url
        validate_webhook_url(url)
        return url
