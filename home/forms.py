from django import forms
from django.utils.translation import gettext_lazy as _

from .stages import Stage


class StageForm(forms.Form):
    """The employee's own choice of stage. Clearing it is a separate button."""

    stage = forms.ChoiceField(
        label=_("The stage that fits you today"),
        choices=Stage.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose one of the four stages, or clear your choice.")
        },
    )
